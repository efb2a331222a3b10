import { sql } from 'kysely';
const toRecord = (r) => ({
    nodeId: r.node_id,
    role: r.role,
    instance: r.instance,
    address: r.address,
    pid: Number(r.pid),
    startedAt: r.started_at,
    lastBeatAt: r.last_beat_at,
    beats: Number(r.beats),
    state: r.state,
    endedAt: r.ended_at,
});
export class KyselyReplicaRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async register(r) {
        const row = {
            node_id: r.nodeId,
            role: r.role,
            instance: r.instance,
            address: r.address,
            pid: r.pid,
            started_at: r.startedAt,
            last_beat_at: r.startedAt,
            beats: 0,
            state: 'alive',
            ended_at: null,
        };
        await this.db
            .insertInto('replicas')
            .values(row)
            .onConflict((oc) => oc.column('node_id').doUpdateSet({
            role: row.role,
            instance: row.instance,
            address: row.address,
            pid: row.pid,
            started_at: row.started_at,
            last_beat_at: row.last_beat_at,
            beats: 0,
            state: 'alive',
            ended_at: null,
        }))
            .execute();
    }
    async beat(nodeId, instance, at) {
        const updated = await this.db
            .updateTable('replicas')
            .set({ beats: sql `beats + 1`, last_beat_at: at })
            .where('node_id', '=', nodeId)
            .where('instance', '=', instance)
            .where('state', '=', 'alive')
            .executeTakeFirst();
        if (Number(updated.numUpdatedRows) > 0)
            return 'ok';
        const row = await this.db.selectFrom('replicas').select(['instance', 'state']).where('node_id', '=', nodeId).executeTakeFirst();
        if (row === undefined)
            return 'missing';
        if (row.instance !== instance)
            return 'taken_over';
        return row.state === 'dead' ? 'declared_dead' : 'missing';
    }
    async markStopped(nodeId, instance, at) {
        await this.db
            .updateTable('replicas')
            .set({ state: 'stopped', ended_at: at })
            .where('node_id', '=', nodeId)
            .where('instance', '=', instance)
            .where('state', '=', 'alive')
            .execute();
    }
    async declareDead(nodeId, instance, beats, at) {
        const updated = await this.db
            .updateTable('replicas')
            .set({ state: 'dead', ended_at: at })
            .where('node_id', '=', nodeId)
            .where('instance', '=', instance)
            .where('beats', '=', beats)
            .where('state', '=', 'alive')
            .executeTakeFirst();
        return Number(updated.numUpdatedRows) > 0;
    }
    async list() {
        const rows = await this.db.selectFrom('replicas').selectAll().orderBy('node_id').execute();
        return rows.map(toRecord);
    }
}
//# sourceMappingURL=kysely-replica-repository.js.map