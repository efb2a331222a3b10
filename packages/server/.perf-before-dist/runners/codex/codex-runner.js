import { verdictFromResult } from '../common/verdict.js';
import { buildCodexInvocation } from './codex-invocation.js';
import { CodexParser } from './codex-parser.js';
export class CodexRunner {
    runtime = 'codex';
    binary = 'codex';
    /** Prints e.g. `codex-cli 0.46.0`. */
    versionArgs = ['--version'];
    buildInvocation(spec, binaryPath, baseEnv) {
        return buildCodexInvocation(spec, binaryPath, baseEnv);
    }
    createParser() {
        return new CodexParser();
    }
    encodeInput() {
        return null;
    }
    judge(result, exit) {
        return verdictFromResult(result, exit);
    }
}
//# sourceMappingURL=codex-runner.js.map