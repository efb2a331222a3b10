/**
 * What each agent CLI runner provides to the supervisor: how to invoke the CLI (argv, env, stdin;
 * never a shell string), how to turn its stdout lines into normalized events, how to send a
 * follow-up, and how to judge success. One implementation per runtime; the supervisor is shared.
 */
import type { AgentEvent, AgentEventOf, RuntimeId } from '@dash/shared';
import type { RunSpec } from '../ports/agent-supervisor.js';
export interface Invocation {
    /** Absolute path of the executable. */
    command: string;
    /** argv without the command; user text never goes here except as a single argv element. */
    args: string[];
    /**
     * Complete environment of the child. The supervisor adds only DASH_RUN_ID (when missing), which
     * orphan recovery uses to recognise a run's processes after a server crash.
     */
    env: Record<string, string>;
    cwd: string;
    /** Written to stdin right after spawn, each followed by a newline. */
    stdinLines: string[];
    /**
     * When stdin closes: `after-initial` (one-shot CLIs), `on-result` (Claude Code stream-json input:
     * the session ends once the result event arrives and no follow-up is pending), or `never`.
     */
    closeStdin: 'after-initial' | 'on-result' | 'never';
}
export interface OutputParser {
    /** One stdout line, without its newline, to zero or more events. Never throws: unknown → `raw`. */
    parseLine(line: string): AgentEvent[];
    /** Called once when stdout has ended: events still held back (e.g. buffered text deltas). */
    flush?(): AgentEvent[];
}
export interface ExitInfo {
    code: number | null;
    signal: string | null;
}
export interface Verdict {
    success: boolean;
    errorCode: string | null;
    errorMessage: string | null;
}
export interface AgentRunner {
    readonly runtime: RuntimeId;
    /** Default executable name looked up on PATH (overridable by config). */
    readonly binary: string;
    /** argv that prints the CLI's version (for runtime detection); empty = only check the binary. */
    readonly versionArgs: readonly string[];
    /** The version number in the output of `versionArgs`; default: the first `x.y.z` found. */
    parseVersion?(output: string): string | null;
    /**
     * The executable a spec runs when it is not the runner's own CLI (the shell runner runs
     * `spec.command[0]`); resolved on PATH by the supervisor. Absent = `binary` / configured path.
     */
    executableFor?(spec: RunSpec): string;
    buildInvocation(spec: RunSpec, binaryPath: string, baseEnv: Record<string, string>): Invocation;
    createParser(): OutputParser;
    /** A follow-up message as one stdin line, or null when the CLI cannot take input while running. */
    encodeInput(text: string): string | null;
    /** Success comes from the result event when the CLI emits one, else from the exit. */
    judge(result: AgentEventOf<'result'> | null, exit: ExitInfo): Verdict;
}
