/**
 * Signatures of alert webhooks. Receivers verify them (docs/bridge.md has an example):
 *   X-Dashboard-Timestamp: <unix seconds>
 *   X-Dashboard-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with ALERT_WEBHOOK_SECRET>
 * The timestamp is inside the signed text, so a captured request cannot be replayed later with a
 * new timestamp; receivers should also refuse timestamps more than a few minutes old.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
export const SIGNATURE_HEADER = 'x-dashboard-signature';
export const TIMESTAMP_HEADER = 'x-dashboard-timestamp';
export function signWebhook(secret, timestampSeconds, body) {
    return `sha256=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8').digest('hex')}`;
}
/** Constant-time check of a received signature (what a receiver does). */
export function verifyWebhookSignature(secret, timestampSeconds, body, signature) {
    const expected = Buffer.from(signWebhook(secret, timestampSeconds, body));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
}
//# sourceMappingURL=webhook-signature.js.map