/** Every agent runtime the server knows, one runner each. */
import type { AgentRunner } from './agent-runner.js';
import { ClaudeCodeRunner } from './claude-code/claude-code-runner.js';
import { CodexRunner } from './codex/codex-runner.js';
import { GeminiRunner } from './gemini/gemini-runner.js';
import { ShellRunner } from './shell/shell-runner.js';

export const defaultRunners = (): AgentRunner[] => [
  new ClaudeCodeRunner(),
  new CodexRunner(),
  new GeminiRunner(),
  new ShellRunner(),
];
