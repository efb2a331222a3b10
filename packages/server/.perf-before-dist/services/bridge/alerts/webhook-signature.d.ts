export declare const SIGNATURE_HEADER = "x-dashboard-signature";
export declare const TIMESTAMP_HEADER = "x-dashboard-timestamp";
export declare function signWebhook(secret: string, timestampSeconds: number, body: string): string;
/** Constant-time check of a received signature (what a receiver does). */
export declare function verifyWebhookSignature(secret: string, timestampSeconds: number, body: string, signature: string): boolean;
