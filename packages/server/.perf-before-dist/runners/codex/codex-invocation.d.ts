/**
 * `codex exec` in JSONL mode (openai/codex docs/exec.md, codex-rs/exec/src/cli.rs):
 *
 *   codex exec --json --skip-git-repo-check --cd <cwd> [-m <model>] [sandbox flags]
 *              [resume <SESSION_ID>] -
 *
 * The trailing `-` makes Codex read the prompt from stdin. Options go before `resume`, which
 * inherits them. Codex exec never asks for approval; what it may do is set by the sandbox:
 * plan → read-only, acceptEdits → workspace-write, bypassPermissions →
 * --dangerously-bypass-approvals-and-sandbox, default/unset → Codex's own default (read-only
 * unless its config says otherwise). It has no "append system prompt" flag, so the role prompt
 * is put ahead of the task on stdin. allowedTools, maxTurns and mcpConfigPath have no exec flag
 * and are not passed (Codex reads MCP servers from its config.toml).
 */
import type { RunSpec } from '../../ports/agent-supervisor.js';
import type { Invocation } from '../agent-runner.js';
export declare function sandboxArgs(mode: RunSpec['permissionMode']): string[];
export declare function buildCodexInvocation(spec: RunSpec, binaryPath: string, baseEnv: Record<string, string>): Invocation;
