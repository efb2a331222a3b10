/**
 * Counts requests being served so that draining can wait for them. Probe routes and upgraded
 * (WebSocket) connections are not counted: probes keep arriving while draining, and live feeds
 * drain through their own hook.
 */
export declare class InFlightRequests {
    private count;
    private waiters;
    get size(): number;
    /** Marks a request as started; call the returned function exactly once when it ends. */
    begin(): () => void;
    /** Resolves when no request is in flight, or when `signal` aborts (whichever comes first). */
    idle(signal: AbortSignal): Promise<void>;
}
