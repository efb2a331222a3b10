/**
 * The `metrics` topic's producer: while at least one client listens, samples the injected
 * providers every interval (and at once when the first listener arrives) and publishes a
 * MetricsSnapshot. Nobody listening, nothing sampled. A provider that is missing or fails gives
 * null for its field; one slow sample never overlaps the next.
 */
import type { MetricsSnapshot } from '@dash/shared';
import type { Logger } from '../../ports/logger.js';
import type { RunRepository } from '../../ports/run-repository.js';
type MaybeAsync<T> = T | Promise<T>;
/** Sources for the snapshot; absent ones are reported as null. */
export interface LiveMetricsProviders {
    activeProcesses?(): MaybeAsync<number>;
    queueDepth?(): MaybeAsync<Readonly<Record<string, number>>>;
    runningTasks?(): MaybeAsync<number>;
    costTodayUsd?(): MaybeAsync<number>;
}
export interface MetricsFeedOptions {
    serverId: string;
    intervalMs: number;
    logger: Logger;
}
export declare class MetricsFeed {
    private readonly providers;
    private readonly publish;
    private readonly options;
    private timer;
    private sampling;
    private stopped;
    constructor(providers: LiveMetricsProviders, publish: (snapshot: MetricsSnapshot) => void, options: MetricsFeedOptions);
    /** Called with the topic's listener count whenever it changes. */
    listenersChanged(count: number): void;
    stop(): void;
    private sample;
    private read;
}
/** Cost of the runs started since 00:00 UTC, from the usage roll-up. */
export declare function costTodayUsd(runs: RunRepository, now?: number): Promise<number>;
export {};
