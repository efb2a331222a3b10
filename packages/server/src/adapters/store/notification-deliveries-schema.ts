/** Table of migration 0016 (the notification webhooks' outbox), merged into StoreDatabase in schema.ts. */
import type { NotificationEvent } from '@dash/shared';
import type { NotificationDeliveryStatus } from '../../ports/notification-outbox.js';

export interface NotificationDeliveriesTable {
  id: string;
  key: string;
  event: NotificationEvent;
  /** webhookTargetId(url): the URL itself stays in the configuration. */
  target_id: string;
  /** The URL's origin, for logs. */
  target: string;
  /** The JSON text POSTed on every attempt. */
  body: string;
  status: NotificationDeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  /** A sender holds the delivery until then (several replicas may send). */
  lease_until: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface NotificationDeliveryTables {
  notification_deliveries: NotificationDeliveriesTable;
}
