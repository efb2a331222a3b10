import { ClaudeCodeRunner } from './claude-code/claude-code-runner.js';
import { CodexRunner } from './codex/codex-runner.js';
import { GeminiRunner } from './gemini/gemini-runner.js';
import { ShellRunner } from './shell/shell-runner.js';
export const defaultRunners = () => [
    new ClaudeCodeRunner(),
    new CodexRunner(),
    new GeminiRunner(),
    new ShellRunner(),
];
//# sourceMappingURL=default-runners.js.map