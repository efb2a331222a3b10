export class ReplicaHeartbeat {
    deps;
    timer = null;
    beating = null;
    failing = false;
    lastProblem = null;
    constructor(deps) {
        this.deps = deps;
    }
    async start() {
        await this.register();
        this.timer = setInterval(() => void this.beat(), this.deps.intervalMs);
        this.timer.unref?.();
    }
    async stop() {
        if (this.timer)
            clearInterval(this.timer);
        this.timer = null;
        await this.beating;
        const { nodeId, instance } = this.deps.self;
        await this.deps.replicas.markStopped(nodeId, instance, this.deps.clock.isoNow()).catch((err) => {
            this.deps.logger.warn({ err }, 'could not record this replica as stopped');
        });
    }
    /** One heartbeat and fencing check (also called by tests). */
    beat() {
        this.beating ??= this.beatOnce().finally(() => {
            this.beating = null;
        });
        return this.beating;
    }
    async register() {
        await this.deps.replicas.register({ ...this.deps.self, startedAt: this.deps.clock.isoNow() });
    }
    async beatOnce() {
        const { nodeId, instance } = this.deps.self;
        try {
            const result = await this.deps.replicas.beat(nodeId, instance, this.deps.clock.isoNow());
            if (this.failing)
                this.deps.logger.info({}, 'replica heartbeat restored');
            this.failing = false;
            if (result !== 'ok')
                await this.onProblem(result);
            else
                this.lastProblem = null;
            await this.fence();
        }
        catch (err) {
            if (!this.failing)
                this.deps.logger.warn({ err }, 'replica heartbeat failed; retrying');
            this.failing = true;
        }
    }
    async onProblem(result) {
        if (result === 'taken_over') {
            // Two live processes with one NODE_ID: each would reconcile the other's runs. Say so loudly;
            // taking the row back would only make them fight over it.
            if (this.lastProblem !== result) {
                this.deps.logger.error({ nodeId: this.deps.self.nodeId }, 'another process registered with this NODE_ID; NODE_ID must be unique per replica');
            }
            this.lastProblem = result;
            return;
        }
        this.deps.logger.error({ nodeId: this.deps.self.nodeId, found: result }, result === 'declared_dead'
            ? 'this replica was declared dead by another replica (heartbeats missed); registering again, runs recovered elsewhere are abandoned'
            : 'this replica has no heartbeat row; registering again');
        this.lastProblem = result;
        await this.register();
    }
    /** Runs still live here whose stored run has ended (recovered elsewhere) are abandoned. */
    async fence() {
        const live = this.deps.local.liveRunIds();
        if (live.length === 0)
            return;
        const active = new Set((await this.deps.runs.listActive(this.deps.self.nodeId)).map((r) => r.id));
        for (const runId of live) {
            // Not active in the store: ended here a moment ago (then abandon finds no process), or recovered elsewhere.
            if (active.has(runId) || !(await this.deps.local.abandon(runId)))
                continue;
            this.deps.logger.error({ runId }, 'run was recovered by another replica while its agent still ran here; its agent was killed');
        }
    }
}
//# sourceMappingURL=replica-heartbeat.js.map