const EXCERPT_CHARS = 200;
export class FetchWebhookSender {
    async post(url, body, headers, timeoutMs) {
        const res = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
        const text = await res.text().catch(() => '');
        return { status: res.status, excerpt: text.slice(0, EXCERPT_CHARS) };
    }
}
//# sourceMappingURL=fetch-webhook-sender.js.map