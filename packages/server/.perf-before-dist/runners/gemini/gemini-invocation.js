import { childEnv } from '../common/child-env.js';
import { composePrompt } from '../common/prompt.js';
export function approvalArgs(mode) {
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
export function buildGeminiInvocation(spec, binaryPath, baseEnv) {
    const args = ['--output-format', 'stream-json'];
    if (spec.model)
        args.push('--model', spec.model);
    args.push(...approvalArgs(spec.permissionMode));
    if (spec.resumeSessionId)
        args.push('--resume', spec.resumeSessionId);
    return {
        command: binaryPath,
        args,
        env: childEnv(baseEnv, spec),
        cwd: spec.cwd,
        stdinLines: [composePrompt(spec.prompt, spec.systemPrompt)],
        closeStdin: 'after-initial',
    };
}
//# sourceMappingURL=gemini-invocation.js.map