/**
 * How a shell-runtime run is started: `spec.command` as argv (never through a shell), the task in
 * DASH_* variables, the prompt on stdin, then stdin closed.
 */
import { AppError } from '../../domain/app-error.js';
import { childEnv } from '../common/child-env.js';
import { cutUtf8 } from '../common/tool-output.js';
/**
 * DASH_PROMPT is cut to this many bytes: Linux refuses any single environment string over 128 KiB
 * (MAX_ARG_STRLEN) and the spawn would fail. The full prompt is always on stdin.
 */
export const PROMPT_ENV_LIMIT_BYTES = 64 * 1024;
export function shellCommand(spec) {
    const [first, ...rest] = spec.command ?? [];
    if (first === undefined || first === '') {
        throw new AppError('VALIDATION_FAILED', {
            message: 'The shell runtime needs a command (argv array)',
            fields: [{ path: 'body.command', message: 'required for the shell runtime' }],
        });
    }
    return [first, ...rest];
}
export function buildShellInvocation(spec, binaryPath, baseEnv) {
    const [, ...args] = shellCommand(spec);
    return {
        command: binaryPath,
        args,
        env: childEnv(baseEnv, spec, {
            DASH_TASK_ID: spec.task?.id ?? '',
            DASH_TASK_TITLE: spec.task?.title ?? '',
            DASH_TASK_DESCRIPTION: cutUtf8(spec.task?.description ?? '', PROMPT_ENV_LIMIT_BYTES).text,
            DASH_PROMPT: cutUtf8(spec.prompt, PROMPT_ENV_LIMIT_BYTES).text,
        }),
        cwd: spec.cwd,
        stdinLines: [spec.prompt],
        closeStdin: 'after-initial',
    };
}
//# sourceMappingURL=shell-invocation.js.map