const toDelivery = (r) => ({
    id: r.id,
    alertId: r.alert_id,
    event: r.event,
    targetId: r.target_id,
    target: r.target,
    status: r.status,
    attempts: Number(r.attempts),
    lastStatusCode: r.last_status_code === null ? null : Number(r.last_status_code),
    lastError: r.last_error,
    nextAttemptAt: r.next_attempt_at,
    createdAt: r.created_at,
    deliveredAt: r.delivered_at,
});
const publicView = ({ targetId: _targetId, ...view }) => view;
export class KyselyAlertDeliveryRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async add(deliveries) {
        if (deliveries.length === 0)
            return;
        await this.db
            .insertInto('alert_deliveries')
            .values(deliveries.map((d) => ({
            id: d.id,
            alert_id: d.alertId,
            event: d.event,
            target_id: d.targetId,
            target: d.target,
            status: 'pending',
            attempts: 0,
            last_status_code: null,
            last_error: null,
            next_attempt_at: d.createdAt,
            lease_until: null,
            created_at: d.createdAt,
            delivered_at: null,
        })))
            .execute();
    }
    async claimDue(now, leaseUntil, limit) {
        const due = await this.db
            .selectFrom('alert_deliveries')
            .select('id')
            .where('status', '=', 'pending')
            .where('next_attempt_at', '<=', now)
            .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
            .orderBy('next_attempt_at')
            .orderBy('id')
            .limit(limit)
            .execute();
        const claimed = [];
        for (const { id } of due) {
            const row = await this.db
                .updateTable('alert_deliveries')
                .set({ lease_until: leaseUntil })
                .where('id', '=', id)
                .where('status', '=', 'pending')
                .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
                .returningAll()
                .executeTakeFirst();
            if (row !== undefined)
                claimed.push(toDelivery(row));
        }
        return claimed;
    }
    async record(id, a) {
        await this.db
            .updateTable('alert_deliveries')
            .set({
            status: a.status,
            attempts: a.attempts,
            last_status_code: a.lastStatusCode,
            last_error: a.lastError,
            next_attempt_at: a.nextAttemptAt,
            delivered_at: a.deliveredAt,
            lease_until: null,
        })
            .where('id', '=', id)
            .execute();
    }
    async list(filter) {
        let query = this.db.selectFrom('alert_deliveries').selectAll();
        if (filter.status !== undefined)
            query = query.where('status', '=', filter.status);
        if (filter.alertId !== undefined)
            query = query.where('alert_id', '=', filter.alertId);
        const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
        return rows.map((r) => publicView(toDelivery(r)));
    }
}
//# sourceMappingURL=kysely-alert-delivery-repository.js.map