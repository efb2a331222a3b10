/** Sends one webhook request (adapters/webhook). Network failures and timeouts throw. */
export interface WebhookSender {
    /** POSTs `body` (JSON text) with `headers`; resolves with the HTTP status and a short body excerpt. */
    post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<{
        status: number;
        excerpt: string;
    }>;
}
