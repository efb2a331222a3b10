export class ReplicaRecovery {
    deps;
    seen = new Map();
    timer = null;
    ticking = null;
    stopped = false;
    constructor(deps) {
        this.deps = deps;
    }
    start() {
        this.timer = setInterval(() => void this.tick(), this.deps.intervalMs);
        this.timer.unref?.();
        void this.tick();
    }
    async stop() {
        this.stopped = true;
        if (this.timer)
            clearInterval(this.timer);
        this.timer = null;
        await this.ticking;
        await this.deps.leader.release();
    }
    /** One round (also called by tests): lead or stand by; when leading, recover the dead. */
    tick() {
        this.ticking ??= this.round().finally(() => {
            this.ticking = null;
        });
        return this.ticking;
    }
    async round() {
        if (this.stopped)
            return;
        if (!(await this.deps.leader.acquire())) {
            this.seen.clear();
            return;
        }
        try {
            const [replicas, active] = await Promise.all([this.deps.replicas.list(), this.deps.runs.listActive()]);
            const now = this.deps.clock.now();
            const byNode = new Map(replicas.map((r) => [r.nodeId, r]));
            for (const replica of replicas) {
                if (replica.nodeId === this.deps.selfNodeId || replica.state !== 'alive')
                    continue;
                if (this.unchangedFor(replica.nodeId, `${replica.instance}:${replica.beats}`, now) < this.deps.deadAfterMs)
                    continue;
                if (await this.deps.replicas.declareDead(replica.nodeId, replica.instance, replica.beats, this.deps.clock.isoNow())) {
                    this.deps.logger.warn({ nodeId: replica.nodeId, lastBeatAt: replica.lastBeatAt }, 'replica declared dead: no heartbeat');
                    byNode.set(replica.nodeId, { ...replica, state: 'dead' });
                }
            }
            const owners = new Set(active.flatMap((r) => (r.nodeId === null || r.nodeId === this.deps.selfNodeId ? [] : [r.nodeId])));
            for (const nodeId of owners) {
                if (this.stopped)
                    return;
                if (this.ownerGone(byNode.get(nodeId), nodeId, now))
                    await this.recover(nodeId, byNode.get(nodeId));
            }
        }
        catch (err) {
            // Our own view of the store failed: judge nobody on readings taken before it.
            this.seen.clear();
            this.deps.logger.warn({ err }, 'replica recovery round failed');
        }
    }
    /** How long `mark` has been the same for this node (0 when it just changed). */
    unchangedFor(nodeId, mark, now) {
        const seen = this.seen.get(nodeId);
        if (seen?.mark !== mark) {
            this.seen.set(nodeId, { mark, since: now });
            return 0;
        }
        return now - seen.since;
    }
    ownerGone(replica, nodeId, now) {
        if (replica === undefined)
            return this.unchangedFor(nodeId, 'absent', now) >= this.deps.deadAfterMs;
        return replica.state !== 'alive';
    }
    async recover(nodeId, replica) {
        const why = replica?.state === 'stopped'
            ? `Its replica ${nodeId} shut down while the run was active`
            : `Its replica ${nodeId} stopped sending heartbeats (declared dead); the run was recovered by ${this.deps.selfNodeId}`;
        const lost = await this.deps.reconcileNode(nodeId, why);
        if (lost.length === 0)
            return;
        this.deps.logger.warn({ nodeId, runs: lost.length }, 'recovered the runs of a dead replica');
        this.deps.onRecovered?.(nodeId, lost.length);
        await this.deps.settleLost?.(lost);
    }
}
//# sourceMappingURL=replica-recovery.js.map