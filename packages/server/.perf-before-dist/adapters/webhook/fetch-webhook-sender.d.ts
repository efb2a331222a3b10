/** WebhookSender over fetch: one POST, a per-attempt timeout, no redirects followed. */
import type { WebhookSender } from '../../ports/webhook-sender.js';
export declare class FetchWebhookSender implements WebhookSender {
    post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<{
        status: number;
        excerpt: string;
    }>;
}
