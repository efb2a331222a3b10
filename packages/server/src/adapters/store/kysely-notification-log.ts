/** NotificationLog over the store (notification_keys of migration 0012); same SQL on both dialects. */
import type { Kysely } from 'kysely';
import type { NotificationLog } from '../../ports/notification-log.js';
import type { StoreDatabase } from './schema.js';

export class KyselyNotificationLog implements NotificationLog {
  constructor(private readonly db: Kysely<StoreDatabase>) {}

  async claim(key: string, atIso: string): Promise<boolean> {
    const result = await this.db
      .insertInto('notification_keys')
      .values({ key, created_at: atIso })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async prune(beforeIso: string): Promise<number> {
    const result = await this.db.deleteFrom('notification_keys').where('created_at', '<', beforeIso).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
