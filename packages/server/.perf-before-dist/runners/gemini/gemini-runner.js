import { verdictFromResult } from '../common/verdict.js';
import { buildGeminiInvocation } from './gemini-invocation.js';
import { GeminiParser } from './gemini-parser.js';
/** docs/cli/headless.md "Exit codes". */
const EXIT_CODES = {
    41: { success: false, errorCode: 'AGENT_AUTH_FAILED', errorMessage: 'Gemini CLI authentication error (exit 41)' },
    42: { success: false, errorCode: 'AGENT_FAILED', errorMessage: 'Gemini CLI rejected the input (exit 42)' },
    52: { success: false, errorCode: 'AGENT_FAILED', errorMessage: 'Gemini CLI configuration error (exit 52)' },
    53: { success: false, errorCode: 'AGENT_MAX_TURNS', errorMessage: 'Gemini CLI turn limit exceeded (exit 53)' },
    54: { success: false, errorCode: 'AGENT_FAILED', errorMessage: 'Gemini CLI fatal tool error (exit 54)' },
};
export class GeminiRunner {
    runtime = 'gemini';
    binary = 'gemini';
    versionArgs = ['--version'];
    buildInvocation(spec, binaryPath, baseEnv) {
        return buildGeminiInvocation(spec, binaryPath, baseEnv);
    }
    createParser() {
        return new GeminiParser();
    }
    encodeInput() {
        return null;
    }
    judge(result, exit) {
        if (!result && exit.code !== null) {
            const known = EXIT_CODES[exit.code];
            if (known)
                return known;
        }
        return verdictFromResult(result, exit);
    }
}
//# sourceMappingURL=gemini-runner.js.map