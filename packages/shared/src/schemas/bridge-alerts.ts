/**
 * Alerts raised by the bridge's periodic evaluation (docs/bridge.md): one open alert per key
 * (de-duplicated), resolved automatically when the condition clears or by a person, and delivered
 * to the webhooks in ALERT_WEBHOOK_URLS. Changes are published on the `alerts` live topic.
 */
import { z } from 'zod';

/**
 * `critical_workload`: an employee's slots are all busy and work waits for them;
 * `stuck_run`: a running run printed nothing for ALERT_STUCK_RUN_AFTER (and waits for no human);
 * `failure_streak`: an employee's last ALERT_FAILURE_STREAK finished runs all failed;
 * `budget_exceeded`: today's cost is over a daily budget (an employee's or ALERT_DAILY_BUDGET_USD);
 * `dependency_down`: a dependency of GET /health is down.
 */
export const alertKindIds = ['critical_workload', 'stuck_run', 'failure_streak', 'budget_exceeded', 'dependency_down'] as const;
export const alertKind = z.enum(alertKindIds);
export type AlertKind = z.infer<typeof alertKind>;

export const alertSeverity = z.enum(['warning', 'critical']);
export type AlertSeverity = z.infer<typeof alertSeverity>;

export const alertStatus = z.enum(['open', 'resolved']);
export type AlertStatus = z.infer<typeof alertStatus>;

export const alert = z.object({
  id: z.string(),
  /** The de-duplication key, e.g. `stuck_run:<runId>`: at most one alert per key is open. */
  key: z.string(),
  kind: alertKind,
  severity: alertSeverity,
  status: alertStatus,
  title: z.string(),
  message: z.string(),
  /** What it is about (employeeId, runId, dependency, measured figures …). */
  subject: z.record(z.string(), z.unknown()),
  openedAt: z.string(),
  /** The last evaluation that still saw the condition. */
  lastSeenAt: z.string(),
  /** Evaluations that saw the condition while the alert was open. */
  occurrences: z.number().int().positive(),
  resolvedAt: z.string().nullable(),
  /** `auto` (the condition cleared) or the user who resolved it. */
  resolvedBy: z.string().nullable(),
});
export type Alert = z.infer<typeof alert>;

export const alertList = z.object({ items: z.array(alert) });
export type AlertList = z.infer<typeof alertList>;

export const listAlertsQuery = z
  .object({
    status: alertStatus.optional(),
    kind: alertKind.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ListAlertsQuery = z.infer<typeof listAlertsQuery>;

export const alertIdParams = z.object({ id: z.string().min(1).max(100) }).strict();

// ---- webhook deliveries ------------------------------------------------------------------------

export const alertDeliveryEvent = z.enum(['opened', 'resolved']);
export type AlertDeliveryEvent = z.infer<typeof alertDeliveryEvent>;

/** `pending`: waiting for its (next) attempt; `delivered`: a 2xx answer; `failed`: gave up. */
export const alertDeliveryStatus = z.enum(['pending', 'delivered', 'failed']);
export type AlertDeliveryStatus = z.infer<typeof alertDeliveryStatus>;

export const alertDelivery = z.object({
  id: z.string(),
  alertId: z.string(),
  event: alertDeliveryEvent,
  /** The webhook's origin only (`https://hooks.slack.com`): the path of a webhook URL is its secret. */
  target: z.string(),
  status: alertDeliveryStatus,
  attempts: z.number().int().nonnegative(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export type AlertDelivery = z.infer<typeof alertDelivery>;

export const alertDeliveryList = z.object({ items: z.array(alertDelivery) });
export type AlertDeliveryList = z.infer<typeof alertDeliveryList>;

export const listAlertDeliveriesQuery = z
  .object({
    status: alertDeliveryStatus.optional(),
    alertId: z.string().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ListAlertDeliveriesQuery = z.infer<typeof listAlertDeliveriesQuery>;
