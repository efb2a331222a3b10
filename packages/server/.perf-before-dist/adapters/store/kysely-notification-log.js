export class KyselyNotificationLog {
    db;
    constructor(db) {
        this.db = db;
    }
    async claim(key, atIso) {
        const result = await this.db
            .insertInto('notification_keys')
            .values({ key, created_at: atIso })
            .onConflict((oc) => oc.column('key').doNothing())
            .executeTakeFirst();
        return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    }
    async prune(beforeIso) {
        const result = await this.db.deleteFrom('notification_keys').where('created_at', '<', beforeIso).executeTakeFirst();
        return Number(result.numDeletedRows);
    }
}
//# sourceMappingURL=kysely-notification-log.js.map