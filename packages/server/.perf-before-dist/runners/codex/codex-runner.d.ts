/**
 * The OpenAI Codex CLI runtime (`codex exec --json`). One-shot: the prompt goes on stdin, which
 * then closes, so follow-ups are not possible while it runs (resume the session instead).
 */
import type { AgentEventOf } from '@dash/shared';
import type { RunSpec } from '../../ports/agent-supervisor.js';
import type { AgentRunner, ExitInfo, Invocation, OutputParser, Verdict } from '../agent-runner.js';
export declare class CodexRunner implements AgentRunner {
    readonly runtime: "codex";
    readonly binary = "codex";
    /** Prints e.g. `codex-cli 0.46.0`. */
    readonly versionArgs: readonly string[];
    buildInvocation(spec: RunSpec, binaryPath: string, baseEnv: Record<string, string>): Invocation;
    createParser(): OutputParser;
    encodeInput(): string | null;
    judge(result: AgentEventOf<'result'> | null, exit: ExitInfo): Verdict;
}
