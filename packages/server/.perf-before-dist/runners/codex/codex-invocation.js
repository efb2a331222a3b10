import { childEnv } from '../common/child-env.js';
import { composePrompt } from '../common/prompt.js';
export function sandboxArgs(mode) {
    switch (mode) {
        case 'plan':
            return ['--sandbox', 'read-only'];
        case 'acceptEdits':
            return ['--sandbox', 'workspace-write'];
        case 'bypassPermissions':
            return ['--dangerously-bypass-approvals-and-sandbox'];
        case 'default':
        case undefined:
            return [];
    }
}
export function buildCodexInvocation(spec, binaryPath, baseEnv) {
    const args = ['exec', '--json', '--skip-git-repo-check', '--cd', spec.cwd];
    if (spec.model)
        args.push('--model', spec.model);
    args.push(...sandboxArgs(spec.permissionMode));
    if (spec.resumeSessionId)
        args.push('resume', spec.resumeSessionId);
    args.push('-');
    return {
        command: binaryPath,
        args,
        env: childEnv(baseEnv, spec),
        cwd: spec.cwd,
        stdinLines: [composePrompt(spec.prompt, spec.systemPrompt)],
        closeStdin: 'after-initial',
    };
}
//# sourceMappingURL=codex-invocation.js.map