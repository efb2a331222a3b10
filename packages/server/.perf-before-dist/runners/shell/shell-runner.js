import { verdictFromResult } from '../common/verdict.js';
import { buildShellInvocation, shellCommand } from './shell-invocation.js';
import { createShellParser } from './shell-parser.js';
export class ShellRunner {
    runtime = 'shell';
    /** Only used for runtime detection: the shell runtime is usable wherever `sh` exists. */
    binary = 'sh';
    versionArgs = [];
    executableFor(spec) {
        return shellCommand(spec)[0];
    }
    buildInvocation(spec, binaryPath, baseEnv) {
        return buildShellInvocation(spec, binaryPath, baseEnv);
    }
    createParser() {
        return createShellParser();
    }
    encodeInput() {
        return null;
    }
    judge(result, exit) {
        const byExit = verdictFromResult(null, exit);
        if (!byExit.success)
            return byExit;
        return result ? verdictFromResult(result, exit) : byExit;
    }
}
//# sourceMappingURL=shell-runner.js.map