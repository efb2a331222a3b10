/** Time and ids, injectable so services are testable. */
export interface Clock {
    now(): number;
    isoNow(): string;
}
export declare const systemClock: Clock;
