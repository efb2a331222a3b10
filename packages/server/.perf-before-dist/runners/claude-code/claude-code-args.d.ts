/**
 * argv for Claude Code in headless streaming mode (checked against `claude --help` of 2.1.332 and by
 * running it). Every value travels as `--flag=value` in ONE argv element: a value that starts with
 * `-` (a role prompt, a tool pattern) can then never be read as a flag, and the variadic flags
 * (`--allowedTools <tools...>`, `--mcp-config <configs...>`) cannot swallow the next argument.
 *
 * - `-p --output-format stream-json --verbose`: JSONL on stdout; stream-json output requires
 *   --verbose in print mode.
 * - `--input-format stream-json`: user messages arrive on stdin as JSONL (see encodeUserMessage).
 *   No positional prompt: the task never appears on the command line.
 * - `--allowedTools` / `--disallowedTools`: the CLI splits a value on commas and spaces, keeping
 *   parentheses together ("Bash(git log *),Write" works); we join with commas.
 * - `--permission-mode`: the help lists acceptEdits, auto, bypassPermissions, manual, dontAsk,
 *   plan; `default` is still accepted (same as manual). In print mode a tool that needs a prompt is
 *   DENIED (system/permission_denied + an error tool_result), the run goes on. bypassPermissions
 *   refuses to start when the CLI runs as root ("cannot be used with root/sudo privileges"), exit
 *   1 with no result. `acceptEdits` lets Write/Edit work inside the cwd without prompting.
 * - `--max-turns` is not in --help but works (result subtype `error_max_turns`).
 * - `--resume=<id>` continues a session stored under $HOME/.claude/projects/<cwd slug>/, so the
 *   resumed run needs the same HOME and the same cwd; it keeps the same session_id. An unknown id
 *   gives result `error_during_execution` with errors ["No conversation found with session ID…"].
 *   The system prompt is snapshotted on a conversation's first request (`--system-prompt-snapshot`
 *   defaults to on): a resumed run keeps the ORIGINAL role prompt even if it passes a new one.
 * - `--permission-prompt-tool=mcp__<server>__<tool>`: a prompt-needing tool call is sent to that
 *   MCP tool ({tool_name, input, tool_use_id}) instead of being denied; its text answer is JSON
 *   {behavior: allow, updatedInput} or {behavior: deny, message} (test/e2e/tool-approvals-claude.test.ts).
 * - There is no --cwd flag: the working directory is the spawn cwd.
 */
import type { RunSpec } from '../../ports/agent-supervisor.js';
export declare const BASE_ARGS: readonly string[];
export declare function buildClaudeArgs(spec: RunSpec): string[];
/** One stream-json user message: the only input shape the CLI needs (verified with 2.1.332). */
export declare function encodeUserMessage(text: string): string;
