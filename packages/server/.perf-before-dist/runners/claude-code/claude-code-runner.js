import { childEnv } from '../common/child-env.js';
import { describeExit, verdictFromResult } from '../common/verdict.js';
import { buildClaudeArgs, encodeUserMessage } from './claude-code-args.js';
import { ClaudeStreamJsonParser } from './stream-json-parser.js';
export class ClaudeCodeRunner {
    runtime = 'claude-code';
    binary = 'claude';
    /** Prints e.g. "2.1.332 (Claude Code)". */
    versionArgs = ['--version'];
    buildInvocation(spec, binaryPath, baseEnv) {
        return {
            command: binaryPath,
            args: buildClaudeArgs(spec),
            env: childEnv(baseEnv, spec),
            cwd: spec.cwd,
            stdinLines: [encodeUserMessage(spec.prompt)],
            closeStdin: 'on-result',
        };
    }
    createParser() {
        return new ClaudeStreamJsonParser();
    }
    encodeInput(text) {
        return encodeUserMessage(text);
    }
    /**
     * The result event decides. No result means failure even on exit 0: a Claude Code run that did
     * its work always reports one. A successful result followed by a non-zero exit still counts as
     * success: the work was done and reported, and the exit status after it (a crash while shutting
     * down, a signal during the idle wait after stdin closed) does not undo it. A stop by the user is
     * the supervisor's business, not the verdict's.
     */
    judge(result, exit) {
        if (!result) {
            return { success: false, errorCode: 'AGENT_CRASHED', errorMessage: `${describeExit(exit)} without reporting a result` };
        }
        return verdictFromResult(result, exit);
    }
}
//# sourceMappingURL=claude-code-runner.js.map