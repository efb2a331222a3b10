import type { RunSpec } from '../../ports/agent-supervisor.js';
import type { Invocation } from '../agent-runner.js';
/**
 * DASH_PROMPT is cut to this many bytes: Linux refuses any single environment string over 128 KiB
 * (MAX_ARG_STRLEN) and the spawn would fail. The full prompt is always on stdin.
 */
export declare const PROMPT_ENV_LIMIT_BYTES: number;
export declare function shellCommand(spec: RunSpec): [string, ...string[]];
export declare function buildShellInvocation(spec: RunSpec, binaryPath: string, baseEnv: Record<string, string>): Invocation;
