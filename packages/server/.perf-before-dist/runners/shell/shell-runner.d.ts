/**
 * The shell runtime: a deterministic command as the agent (scripts, the fake agent, anything that
 * reads a prompt on stdin). Success is exit code 0 (and, if the command printed a result event,
 * that result's success as well). It cannot take follow-ups: stdin closes after the prompt.
 */
import type { AgentEventOf } from '@dash/shared';
import type { RunSpec } from '../../ports/agent-supervisor.js';
import type { AgentRunner, ExitInfo, Invocation, OutputParser, Verdict } from '../agent-runner.js';
export declare class ShellRunner implements AgentRunner {
    readonly runtime: "shell";
    /** Only used for runtime detection: the shell runtime is usable wherever `sh` exists. */
    readonly binary = "sh";
    readonly versionArgs: readonly string[];
    executableFor(spec: RunSpec): string;
    buildInvocation(spec: RunSpec, binaryPath: string, baseEnv: Record<string, string>): Invocation;
    createParser(): OutputParser;
    encodeInput(): string | null;
    judge(result: AgentEventOf<'result'> | null, exit: ExitInfo): Verdict;
}
