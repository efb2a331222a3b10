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
import { errorCodes, isTerminalRunStatus } from '@dash/shared';
import { AppError, isAppError } from '../../domain/app-error.js';
export const runControlTopic = (nodeId) => `run-control:${nodeId}`;
export const runControlReplyTopic = (nodeId) => `run-control-reply:${nodeId}`;
export class RunControl {
    deps;
    pending = new Map();
    unsubscribes = [];
    constructor(deps) {
        this.deps = deps;
    }
    /** Answers requests addressed to this replica and collects the answers to its own. */
    start() {
        const { bus, nodeId } = this.deps;
        this.unsubscribes.push(bus.subscribe(runControlTopic(nodeId), (request) => void this.serve(request)), bus.subscribe(runControlReplyTopic(nodeId), (reply) => {
            const waiting = this.pending.get(reply.id);
            if (!waiting)
                return;
            this.pending.delete(reply.id);
            clearTimeout(waiting.timer);
            waiting.resolve(reply);
        }));
    }
    stop() {
        for (const unsubscribe of this.unsubscribes.splice(0))
            unsubscribe();
        for (const [id, waiting] of this.pending) {
            clearTimeout(waiting.timer);
            waiting.resolve({ id, ok: false, error: { code: 'SERVER_DRAINING', message: 'This replica is shutting down' } });
        }
        this.pending.clear();
    }
    /** Stops the run where its agent runs; resolves with the ended run. */
    async stopRun(runId) {
        const owner = await this.ownerFor(runId, 'stop');
        if (owner === null)
            return this.deps.runs.stop(runId);
        return (await this.ask(owner, runId, { op: 'stop' }));
    }
    /** A follow-up to the running agent's stdin, or a resumed session (on the replica whose disk has its working directory). */
    async followUp(runId, text) {
        const owner = await this.ownerFor(runId, 'follow-up');
        if (owner === null)
            return this.deps.runs.followUp(runId, text);
        return (await this.ask(owner, runId, { op: 'follow-up', text }));
    }
    /** The replica to ask, or null to do it here. */
    async ownerFor(runId, op) {
        if (this.deps.runs.isLive(runId))
            return null;
        const run = await this.deps.runs.get(runId);
        const owner = run.nodeId;
        if (owner === null || owner === this.deps.nodeId)
            return null;
        const active = !isTerminalRunStatus(run.status);
        // Nothing left to stop: answered here (RUN_NOT_ACTIVE).
        if (!active && op === 'stop')
            return null;
        const alive = await this.deps.isAlive(owner);
        if (alive)
            return owner;
        // A finished session resumes here when its replica is gone (its working directory may be too).
        if (!active)
            return null;
        throw new AppError('RUN_OWNER_UNAVAILABLE', {
            message: `The replica running run ${runId} (${owner}) is not alive; the run will be recovered as lost`,
            details: { runId, nodeId: owner },
        });
    }
    async ask(owner, runId, op) {
        const id = this.deps.newId();
        const timeoutMs = this.deps.timeoutMs + (op.op === 'stop' ? 3 * this.deps.stopGraceMs : 0);
        const reply = await new Promise((resolve) => {
            const timer = setTimeout(() => {
                this.pending.delete(id);
                resolve({
                    id,
                    ok: false,
                    error: {
                        code: 'RUN_OWNER_UNAVAILABLE',
                        message: `The replica running run ${runId} (${owner}) did not answer within ${timeoutMs} ms`,
                        details: { runId, nodeId: owner },
                    },
                });
            }, timeoutMs);
            this.pending.set(id, { resolve, timer });
            this.deps.bus.publish(runControlTopic(owner), { ...op, id, runId, from: this.deps.nodeId });
        });
        if (reply.ok)
            return reply.result;
        const code = reply.error.code in errorCodes ? reply.error.code : 'INTERNAL_ERROR';
        throw new AppError(code, { message: reply.error.message, ...(reply.error.details && { details: reply.error.details }) });
    }
    /** Runs a request addressed to this replica and answers it. Never throws. */
    async serve(request) {
        let reply;
        try {
            const result = request.op === 'stop' ? await this.deps.runs.stop(request.runId) : await this.deps.runs.followUp(request.runId, request.text);
            reply = { id: request.id, ok: true, result };
        }
        catch (err) {
            if (!isAppError(err))
                this.deps.logger.error({ err, runId: request.runId, op: request.op }, 'routed run control failed');
            reply = {
                id: request.id,
                ok: false,
                error: isAppError(err)
                    ? { code: err.code, message: err.message, ...(err.details && { details: err.details }) }
                    : { code: 'INTERNAL_ERROR', message: 'The owning replica failed to carry the request out' },
            };
        }
        this.deps.logger.info({ runId: request.runId, op: request.op, from: request.from, ok: reply.ok }, 'run control routed from another replica');
        this.deps.bus.publish(runControlReplyTopic(request.from), reply);
    }
}
//# sourceMappingURL=run-control.js.map