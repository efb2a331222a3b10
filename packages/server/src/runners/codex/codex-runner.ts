/**
 * The OpenAI Codex CLI runtime (`codex exec --json`). One-shot: the prompt goes on stdin, which
 * then closes, so follow-ups are not possible while it runs (resume the session instead).
 */
import type { AgentEventOf } from '@dash/shared';
import type { RunSpec } from '../../ports/agent-supervisor.js';
import type { AgentRunner, ExitInfo, Invocation, OutputParser, Verdict } from '../agent-runner.js';
import { verdictFromResult } from '../common/verdict.js';
import { buildCodexInvocation } from './codex-invocation.js';
import { CodexParser } from './codex-parser.js';

export class CodexRunner implements AgentRunner {
  readonly runtime = 'codex' as const;
  readonly binary = 'codex';
  /** Prints e.g. `codex-cli 0.46.0`. */
  readonly versionArgs: readonly string[] = ['--version'];

  buildInvocation(spec: RunSpec, binaryPath: string, baseEnv: Record<string, string>): Invocation {
    return buildCodexInvocation(spec, binaryPath, baseEnv);
  }

  createParser(): OutputParser {
    return new CodexParser();
  }

  encodeInput(): string | null {
    return null;
  }

  judge(result: AgentEventOf<'result'> | null, exit: ExitInfo): Verdict {
    return verdictFromResult(result, exit);
  }
}
