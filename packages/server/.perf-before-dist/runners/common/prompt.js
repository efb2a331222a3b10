/**
 * For CLIs without an "append to system prompt" flag (Codex exec, Gemini headless), the role
 * prompt travels on stdin ahead of the task, clearly separated. Never on the command line.
 */
export function composePrompt(prompt, systemPrompt) {
    const role = systemPrompt?.trim();
    if (!role)
        return prompt;
    return `<role_instructions>\n${role}\n</role_instructions>\n\n${prompt}`;
}
//# sourceMappingURL=prompt.js.map