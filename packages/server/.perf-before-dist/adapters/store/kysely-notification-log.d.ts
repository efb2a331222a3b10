/** NotificationLog over the store (notification_keys of migration 0012); same SQL on both dialects. */
import type { Kysely } from 'kysely';
import type { NotificationLog } from '../../ports/notification-log.js';
import type { StoreDatabase } from './schema.js';
export declare class KyselyNotificationLog implements NotificationLog {
    private readonly db;
    constructor(db: Kysely<StoreDatabase>);
    claim(key: string, atIso: string): Promise<boolean>;
    prune(beforeIso: string): Promise<number>;
}
