/**
 * Gemini CLI in headless mode (google-gemini/gemini-cli docs/cli/headless.md, cli-reference.md):
 *
 *   gemini --output-format stream-json [--model <m>] [--approval-mode <mode>] [--resume <id>]
 *
 * The prompt is piped on stdin, which makes the CLI headless (non-TTY stdin) without putting the
 * task on the command line; stdin closes after it (the CLI reads to EOF). Approval modes:
 * acceptEdits → auto_edit, bypassPermissions → yolo, plan → plan, default/unset → the CLI
 * default. There is no "append system prompt" flag (GEMINI_SYSTEM_MD replaces the whole system
 * prompt), so the role prompt goes ahead of the task on stdin. maxTurns is a settings.json value
 * (model.maxSessionTurns) and allowedTools is deprecated in favour of policies: neither is passed.
 */
import type { RunSpec } from '../../ports/agent-supervisor.js';
import type { Invocation } from '../agent-runner.js';
export declare function approvalArgs(mode: RunSpec['permissionMode']): string[];
export declare function buildGeminiInvocation(spec: RunSpec, binaryPath: string, baseEnv: Record<string, string>): Invocation;
