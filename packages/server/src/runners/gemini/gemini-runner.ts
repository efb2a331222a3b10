/**
 * The Gemini CLI runtime (headless, stream-json). One-shot: the prompt goes on stdin, which then
 * closes. Without a result event the exit code is read with the CLI's documented headless codes.
 */
import type { AgentEventOf } from '@dash/shared';
import type { RunSpec } from '../../ports/agent-supervisor.js';
import type { AgentRunner, ExitInfo, Invocation, OutputParser, Verdict } from '../agent-runner.js';
import { verdictFromResult } from '../common/verdict.js';
import { buildGeminiInvocation } from './gemini-invocation.js';
import { GeminiParser } from './gemini-parser.js';

/** docs/cli/headless.md "Exit codes". */
const EXIT_CODES: Record<number, Verdict> = {
  41: { success: false, errorCode: 'AGENT_AUTH_FAILED', errorMessage: 'Gemini CLI authentication error (exit 41)' },
  42: { success: false, errorCode: 'AGENT_FAILED', errorMessage: 'Gemini CLI rejected the input (exit 42)' },
  52: { success: false, errorCode: 'AGENT_FAILED', errorMessage: 'Gemini CLI configuration error (exit 52)' },
  53: { success: false, errorCode: 'AGENT_MAX_TURNS', errorMessage: 'Gemini CLI turn limit exceeded (exit 53)' },
  54: { success: false, errorCode: 'AGENT_FAILED', errorMessage: 'Gemini CLI fatal tool error (exit 54)' },
};

export class GeminiRunner implements AgentRunner {
  readonly runtime = 'gemini' as const;
  readonly binary = 'gemini';
  readonly versionArgs: readonly string[] = ['--version'];

  buildInvocation(spec: RunSpec, binaryPath: string, baseEnv: Record<string, string>): Invocation {
    return buildGeminiInvocation(spec, binaryPath, baseEnv);
  }

  createParser(): OutputParser {
    return new GeminiParser();
  }

  encodeInput(): string | null {
    return null;
  }

  judge(result: AgentEventOf<'result'> | null, exit: ExitInfo): Verdict {
    if (!result && exit.code !== null) {
      const known = EXIT_CODES[exit.code];
      if (known) return known;
    }
    return verdictFromResult(result, exit);
  }
}
