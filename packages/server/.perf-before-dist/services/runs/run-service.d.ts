/**
 * Runs agents: validates a request (runtime, installed CLI, working directory, global cap), records
 * the run, starts it under the supervisor, logs every event, keeps usage and state in the store,
 * and settles the run when the process ends. Also: stop, follow-up (stdin or resume), and the
 * start-up reconciliation that leaves nothing "running" whose process is gone.
 */
import { type Run } from '@dash/shared';
import type { AgentSupervisor, PermissionMode, RunLimits } from '../../ports/agent-supervisor.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { RunRepository } from '../../ports/run-repository.js';
import type { RunMetrics } from '../../ports/run-metrics.js';
import type { RunAttachments } from '../../ports/run-attachments.js';
import type { RunEventLog } from '../run-events/run-event-log.js';
import type { WorkdirPolicy } from './workdir-policy.js';
export interface StartRunInput {
    runtime: string;
    prompt: string;
    /** Absolute, or relative to the primary workdir root; a fresh directory when absent. */
    cwd?: string;
    systemPrompt?: string;
    model?: string;
    maxTurns?: number;
    allowedTools?: string[];
    disallowedTools?: string[];
    permissionMode?: PermissionMode;
    command?: string[];
    env?: Record<string, string>;
    mcpConfigPath?: string;
    taskId?: string;
    employeeId?: string;
    task?: {
        id: string;
        title: string;
        description: string;
    };
    limits?: Partial<RunLimits>;
}
export interface RunServiceDeps {
    runs: RunRepository;
    events: RunEventLog;
    supervisor: AgentSupervisor;
    workdirs: WorkdirPolicy;
    clock: Clock;
    metrics: RunMetrics;
    logger: Logger;
    newId: () => string;
    nodeId: string;
    maxConcurrent: number;
    defaultLimits: RunLimits;
    /** Extras per run (the bridge's MCP access); absent = none. */
    attachments?: RunAttachments;
}
export type FollowUpResult = {
    mode: 'stdin';
    run: Run;
} | {
    mode: 'resumed';
    run: Run;
};
export declare class RunService {
    private readonly deps;
    private readonly live;
    private accepting;
    constructor(deps: RunServiceDeps);
    start(input: StartRunInput, resume?: {
        of: Run;
        sessionId: string;
    }): Promise<Run>;
    /** Resolves with the final run once it has ended (immediately for finished runs). */
    waitFor(runId: string): Promise<Run>;
    get(runId: string): Promise<Run>;
    stop(runId: string): Promise<Run>;
    /** A follow-up goes to the running agent's stdin, or resumes the finished session as a new run. */
    followUp(runId: string, text: string): Promise<FollowUpResult>;
    /**
     * At start-up: every run recorded as active here whose process this server does not own is
     * lost. Orphaned process groups left by a crashed server are killed. Returns the lost runs.
     */
    reconcile(scope?: {
        nodeId?: string;
        why?: string;
    }): Promise<Run[]>;
    /** Stops taking new runs and waits until the live ones end by themselves or `signal` aborts. */
    waitForIdle(signal: AbortSignal): Promise<void>;
    /** Shutdown: stops every live run (no restarts) and waits until each is settled in the store. */
    drain(): Promise<void>;
    activeRuns(): Run[];
    /** Whether the run's agent is live in this process (scale-out: run control goes to its owner). */
    isLive(runId: string): boolean;
    /**
     * The store says this run ended elsewhere (another replica recovered it as lost while this one
     * was thought dead): its agent is killed and nothing more is written for it (its sequence
     * numbers now belong to the recovered log). False when its process had ended already.
     */
    abandon(runId: string): Promise<boolean>;
    /** The run's extras; a failure starts the run without them (logged), never fails it. */
    private attach;
    private release;
    private assertInstalled;
    private sinkFor;
    private onEvent;
    private saveUsage;
    private settle;
    /** Runs a store operation until it succeeds; an AppError that retrying cannot fix is thrown (and, after 10 minutes, any error). */
    private untilStored;
    private write;
}
