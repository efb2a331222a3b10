export declare const webhookRetryDelayMs: (baseMs: number, attemptsMade: number) => number;
/** 2xx is delivered; 408, 425, 429 and 5xx are worth retrying; other statuses are final. */
export declare function deliveryVerdict(status: number): 'delivered' | 'retry' | 'final';
