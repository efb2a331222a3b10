/**
 * Gemini CLI in headless mode (google-gemini/gemini-cli docs/cli/headless.md, cli-reference.md):
 *
 *   gemini --output-format stream-json [--model <m>] [--approval-mode <mode>] [--resume <id>]
 *
 * The prompt is piped on stdin, which makes the CLI headless (non-TTY stdin) without putting the
 * task on the command line; stdin closes after it (the CLI reads to EOF). Approval modes:
 * acceptEdits → auto_edit, bypassPermissions → yolo, plan → plan, default/unset → the CLI
 * default. There is no "append system prompt" flag (GEMINI_SYSTEM_MD replaces the whole system
 * prompt), so the role prompt goes ahead of the task on stdin. maxTurns is a settings.json value
 * (model.maxSessionTurns) and allowedTools is deprecated in favour of policies: neither is passed.
 */
import type { RunSpec } from '../../ports/agent-supervisor.js';
import type { Invocation } from '../agent-runner.js';
import { childEnv } from '../common/child-env.js';
import { composePrompt } from '../common/prompt.js';

export function approvalArgs(mode: RunSpec['permissionMode']): string[] {
  switch (mode) {
    case 'acceptEdits':
      return ['--approval-mode', 'auto_edit'];
    case 'bypassPermissions':
      return ['--approval-mode', 'yolo'];
    case 'plan':
      return ['--approval-mode', 'plan'];
    case 'default':
    case undefined:
      return [];
  }
}

export function buildGeminiInvocation(spec: RunSpec, binaryPath: string, baseEnv: Record<string, string>): Invocation {
  const args = ['--output-format', 'stream-json'];
  if (spec.model) args.push('--model', spec.model);
  args.push(...approvalArgs(spec.permissionMode));
  if (spec.resumeSessionId) args.push('--resume', spec.resumeSessionId);
  return {
    command: binaryPath,
    args,
    env: childEnv(baseEnv, spec),
    cwd: spec.cwd,
    stdinLines: [composePrompt(spec.prompt, spec.systemPrompt)],
    closeStdin: 'after-initial',
  };
}
