const toAlert = (r) => ({
    id: r.id,
    key: r.key,
    kind: r.kind,
    severity: r.severity,
    status: r.status,
    title: r.title,
    message: r.message,
    subject: JSON.parse(r.subject),
    openedAt: r.opened_at,
    lastSeenAt: r.last_seen_at,
    occurrences: Number(r.occurrences),
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
});
export class KyselyAlertRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async open(a) {
        const row = await this.db
            .insertInto('alerts')
            .values({
            id: a.id,
            key: a.key,
            active_key: a.key,
            kind: a.kind,
            severity: a.severity,
            status: 'open',
            title: a.title,
            message: a.message,
            subject: JSON.stringify(a.subject),
            opened_at: a.openedAt,
            last_seen_at: a.openedAt,
            occurrences: 1,
            resolved_at: null,
            resolved_by: null,
        })
            .onConflict((oc) => oc.column('active_key').doNothing())
            .returningAll()
            .executeTakeFirst();
        return row === undefined ? null : toAlert(row);
    }
    async active() {
        const rows = await this.db.selectFrom('alerts').selectAll().where('active_key', 'is not', null).execute();
        return rows.map(toAlert);
    }
    async seen(id, at) {
        await this.db
            .updateTable('alerts')
            .set((eb) => ({
            last_seen_at: at,
            occurrences: eb.case().when('status', '=', 'open').then(eb('occurrences', '+', 1)).else(eb.ref('occurrences')).end(),
        }))
            .where('id', '=', id)
            .where('active_key', 'is not', null)
            .execute();
    }
    async clear(id, at) {
        return this.db.transaction().execute(async (trx) => {
            const resolved = await trx
                .updateTable('alerts')
                .set({ active_key: null, status: 'resolved', resolved_at: at, resolved_by: 'auto' })
                .where('id', '=', id)
                .where('status', '=', 'open')
                .returningAll()
                .executeTakeFirst();
            if (resolved !== undefined)
                return toAlert(resolved);
            await trx.updateTable('alerts').set({ active_key: null }).where('id', '=', id).execute();
            return null;
        });
    }
    async resolve(id, by, at) {
        const row = await this.db
            .updateTable('alerts')
            .set({ status: 'resolved', resolved_at: at, resolved_by: by })
            .where('id', '=', id)
            .where('status', '=', 'open')
            .returningAll()
            .executeTakeFirst();
        return row === undefined ? null : toAlert(row);
    }
    async get(id) {
        const row = await this.db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
        return row === undefined ? null : toAlert(row);
    }
    async list(filter) {
        let query = this.db.selectFrom('alerts').selectAll();
        if (filter.status !== undefined)
            query = query.where('status', '=', filter.status);
        if (filter.kind !== undefined)
            query = query.where('kind', '=', filter.kind);
        const rows = await query.orderBy('opened_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
        return rows.map(toAlert);
    }
}
//# sourceMappingURL=kysely-alert-repository.js.map