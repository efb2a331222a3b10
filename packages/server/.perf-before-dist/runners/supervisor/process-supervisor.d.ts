import type { AgentSupervisor, ProcessSample, RunHandle, RunSink, RunSpec, RuntimeInfo, StopReason } from '../../ports/agent-supervisor.js';
import { type ProcessSupervisorOptions } from './supervisor-options.js';
export declare class ProcessSupervisor implements AgentSupervisor {
    private readonly runners;
    private readonly runs;
    private readonly binaryPaths;
    private readonly baseEnv;
    private readonly clock;
    private readonly timers;
    private readonly logger;
    private readonly settings;
    private readonly detector;
    private readonly sampler;
    constructor(options: ProcessSupervisorOptions);
    start(spec: RunSpec, sink: RunSink): RunHandle;
    get(runId: string): RunHandle | undefined;
    activeCount(): number;
    sample(): Promise<ProcessSample[]>;
    detectRuntimes(): Promise<RuntimeInfo[]>;
    killOrphan(runId: string, pid: number): Promise<boolean>;
    stopAll(reason: StopReason): Promise<void>;
    private resolveBinary;
}
