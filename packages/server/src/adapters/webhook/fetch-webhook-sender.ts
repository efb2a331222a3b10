/** WebhookSender over fetch: one POST, a per-attempt timeout, no redirects followed. */
import type { WebhookSender } from '../../ports/webhook-sender.js';

const EXCERPT_CHARS = 200;

export class FetchWebhookSender implements WebhookSender {
  async post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number; excerpt: string }> {
    const res = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text().catch(() => '');
    return { status: res.status, excerpt: text.slice(0, EXCERPT_CHARS) };
  }
}
