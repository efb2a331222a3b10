/** The child's environment: the (already filtered) base, the run's extras, then runner variables. */
import type { RunSpec } from '../../ports/agent-supervisor.js';
export declare function childEnv(baseEnv: Record<string, string>, spec: RunSpec, extra?: Record<string, string>): Record<string, string>;
