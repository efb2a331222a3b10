/**
 * Run control in a deployment of several replicas: stop and follow-up of a run go to the replica
 * that owns its agent process (the run's nodeId), whichever replica the request reached.
 *
 * Routed over the event bus (Redis pub/sub in scale-out mode), request/response: the request goes
 * to the topic `run-control:<owner>` with a correlation id and the asker's node id, the owner runs
 * it on its own RunService and answers on `run-control-reply:<asker>`. The bus rather than HTTP
 * between replicas because every replica already reaches Redis, while replica-to-replica traffic
 * is closed by the NetworkPolicies and would need credentials of its own on every route.
 *
 * Failure is explicit: an owner that is not alive in the replica table, or does not answer within
 * RUN_CONTROL_TIMEOUT (plus the stop grace for a stop, which waits for the run to end), is
 * `503 RUN_OWNER_UNAVAILABLE` (retryable); its runs are then recovered as lost by the replica
 * recovery (replica-recovery.ts). Errors of the owner (RUN_NOT_ACTIVE …) come back with their code.
 *
 * Input answers and workflow approvals need no routing: they are written to the store and
 * announced on the bus, and the waiting side (the bridge's MCP call, the workflow engine) reads
 * them from there.
 */
import { type Run } from '@dash/shared';
import type { EventBus } from '../../ports/event-bus.js';
import type { Logger } from '../../ports/logger.js';
import type { FollowUpResult, RunService } from '../runs/run-service.js';
export declare const runControlTopic: (nodeId: string) => string;
export declare const runControlReplyTopic: (nodeId: string) => string;
export interface RunControlDeps {
    nodeId: string;
    runs: Pick<RunService, 'stop' | 'followUp' | 'get'> & {
        isLive(runId: string): boolean;
    };
    /** Whether a replica is alive in the replica table (not stopped, not declared dead). */
    isAlive: (nodeId: string) => Promise<boolean>;
    bus: EventBus;
    newId: () => string;
    logger: Logger;
    /** RUN_CONTROL_TIMEOUT. */
    timeoutMs: number;
    /** Added to the timeout of a stop: the owner answers once the run has ended. */
    stopGraceMs: number;
}
export declare class RunControl {
    private readonly deps;
    private readonly pending;
    private readonly unsubscribes;
    constructor(deps: RunControlDeps);
    /** Answers requests addressed to this replica and collects the answers to its own. */
    start(): void;
    stop(): void;
    /** Stops the run where its agent runs; resolves with the ended run. */
    stopRun(runId: string): Promise<Run>;
    /** A follow-up to the running agent's stdin, or a resumed session (on the replica whose disk has its working directory). */
    followUp(runId: string, text: string): Promise<FollowUpResult>;
    /** The replica to ask, or null to do it here. */
    private ownerFor;
    private ask;
    /** Runs a request addressed to this replica and answers it. Never throws. */
    private serve;
}
