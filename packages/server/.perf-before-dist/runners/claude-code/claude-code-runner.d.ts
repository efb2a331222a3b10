/**
 * The Claude Code runner: `claude -p` with stream-json in and out.
 *
 * stdin behaviour of 2.1.332 with `--input-format stream-json` (measured):
 * - Each user message line starts a turn; the CLI answers it and prints a `result` line. It stays
 *   alive after the result for as long as stdin is open (it waits for the next message), and exits
 *   (code 0 after a success) about 30 ms after stdin reaches EOF once it is idle.
 * - A second user message written after the first result is answered as a next turn of the same
 *   session: a new system/init line (same session_id), the answer, and its own result. Messages
 *   written before the previous result are queued and answered one after the other.
 * - EOF right after the first message (echo | claude …) is fine too: the queued message is still
 *   answered, then the CLI exits.
 * Hence closeStdin 'on-result': the supervisor closes stdin when a result arrives and no
 * follow-up is pending, and encodeInput can deliver follow-ups while a turn runs.
 *
 * Exit codes: 0 after a successful result; 1 after an error result (API error, max turns, unknown
 * session to resume); 1 without any result when the CLI refuses to start (e.g. bypassPermissions
 * as root, message on stderr). Signals during a model request: SIGINT ends it within ~50 ms with
 * exit code 0 and NO result line; SIGTERM with 143 and no result. So exit 0 alone proves nothing.
 *
 * Network: with CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1 and an API key the CLI calls only
 * `POST $ANTHROPIC_BASE_URL/v1/messages?beta=true` (streamed, one per model turn). Those variables
 * belong to the deployment's base environment or the run's env; this runner sets none of them.
 */
import type { AgentEventOf } from '@dash/shared';
import type { RunSpec } from '../../ports/agent-supervisor.js';
import type { AgentRunner, ExitInfo, Invocation, OutputParser, Verdict } from '../agent-runner.js';
export declare class ClaudeCodeRunner implements AgentRunner {
    readonly runtime: "claude-code";
    readonly binary = "claude";
    /** Prints e.g. "2.1.332 (Claude Code)". */
    readonly versionArgs: readonly string[];
    buildInvocation(spec: RunSpec, binaryPath: string, baseEnv: Record<string, string>): Invocation;
    createParser(): OutputParser;
    encodeInput(text: string): string;
    /**
     * The result event decides. No result means failure even on exit 0: a Claude Code run that did
     * its work always reports one. A successful result followed by a non-zero exit still counts as
     * success: the work was done and reported, and the exit status after it (a crash while shutting
     * down, a signal during the idle wait after stdin closed) does not undo it. A stop by the user is
     * the supervisor's business, not the verdict's.
     */
    judge(result: AgentEventOf<'result'> | null, exit: ExitInfo): Verdict;
}
