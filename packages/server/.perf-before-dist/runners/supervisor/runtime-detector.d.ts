import type { RuntimeId } from '@dash/shared';
import type { Clock } from '../../ports/clock.js';
import type { RuntimeInfo } from '../../ports/agent-supervisor.js';
import type { AgentRunner } from '../agent-runner.js';
export interface RuntimeDetectorOptions {
    runners: readonly AgentRunner[];
    binaryPaths: Partial<Record<RuntimeId, string>>;
    baseEnv: Record<string, string>;
    clock: Clock;
    cacheMs: number;
    timeoutMs: number;
}
/** The first dotted version number in a CLI's `--version` output. */
export declare function defaultParseVersion(output: string): string | null;
export declare class RuntimeDetector {
    private readonly options;
    private cached;
    constructor(options: RuntimeDetectorOptions);
    detect(): Promise<RuntimeInfo[]>;
    private detectOne;
    private run;
}
