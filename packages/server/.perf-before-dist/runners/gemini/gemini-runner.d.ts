/**
 * The Gemini CLI runtime (headless, stream-json). One-shot: the prompt goes on stdin, which then
 * closes. Without a result event the exit code is read with the CLI's documented headless codes.
 */
import type { AgentEventOf } from '@dash/shared';
import type { RunSpec } from '../../ports/agent-supervisor.js';
import type { AgentRunner, ExitInfo, Invocation, OutputParser, Verdict } from '../agent-runner.js';
export declare class GeminiRunner implements AgentRunner {
    readonly runtime: "gemini";
    readonly binary = "gemini";
    readonly versionArgs: readonly string[];
    buildInvocation(spec: RunSpec, binaryPath: string, baseEnv: Record<string, string>): Invocation;
    createParser(): OutputParser;
    encodeInput(): string | null;
    judge(result: AgentEventOf<'result'> | null, exit: ExitInfo): Verdict;
}
