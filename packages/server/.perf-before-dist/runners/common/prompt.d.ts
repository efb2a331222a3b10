/**
 * For CLIs without an "append to system prompt" flag (Codex exec, Gemini headless), the role
 * prompt travels on stdin ahead of the task, clearly separated. Never on the command line.
 */
export declare function composePrompt(prompt: string, systemPrompt: string | undefined): string;
