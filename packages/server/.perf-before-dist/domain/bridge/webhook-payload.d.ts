/**
 * The JSON body of an alert webhook: compatible with Slack incoming webhooks (`text` is the
 * notification fallback, `blocks` the rich layout; Slack ignores the other keys) and carrying the
 * alert itself for other receivers. Built fresh for each attempt from the stored alert.
 */
import type { Alert, AlertDeliveryEvent } from '@dash/shared';
export interface WebhookPayload {
    text: string;
    blocks: unknown[];
    event: AlertDeliveryEvent;
    alert: Alert;
}
export declare function webhookPayload(alert: Alert, event: AlertDeliveryEvent): WebhookPayload;
