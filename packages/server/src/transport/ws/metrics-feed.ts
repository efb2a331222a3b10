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

export class MetricsFeed {
  private timer: ReturnType<typeof setInterval> | null = null;
  private sampling = false;
  private stopped = false;

  constructor(
    private readonly providers: LiveMetricsProviders,
    private readonly publish: (snapshot: MetricsSnapshot) => void,
    private readonly options: MetricsFeedOptions,
  ) {}

  /** Called with the topic's listener count whenever it changes. */
  listenersChanged(count: number): void {
    if (count > 0 && this.timer === null && !this.stopped) {
      this.timer = setInterval(() => void this.sample(), this.options.intervalMs);
      this.timer.unref?.();
      void this.sample();
    } else if (count === 0 && this.timer !== null) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  stop(): void {
    this.stopped = true;
    this.listenersChanged(0);
  }

  private async sample(): Promise<void> {
    if (this.sampling) return;
    this.sampling = true;
    try {
      const p = this.providers;
      const [activeProcesses, queueDepth, runningTasks, costTodayUsd] = await Promise.all([
        this.read('activeProcesses', p.activeProcesses),
        this.read('queueDepth', p.queueDepth),
        this.read('runningTasks', p.runningTasks),
        this.read('costTodayUsd', p.costTodayUsd),
      ]);
      if (this.timer === null) return;
      this.publish({
        at: new Date().toISOString(),
        serverId: this.options.serverId,
        activeProcesses,
        queueDepth: queueDepth === null ? null : { ...queueDepth },
        runningTasks,
        costTodayUsd,
      });
    } finally {
      this.sampling = false;
    }
  }

  private async read<T>(name: string, provider: (() => MaybeAsync<T>) | undefined): Promise<T | null> {
    if (provider === undefined) return null;
    try {
      return await provider();
    } catch (err) {
      this.options.logger.debug({ provider: name, err: err instanceof Error ? err.message : String(err) }, 'metrics provider failed');
      return null;
    }
  }
}

const DAY_MS = 24 * 3600 * 1000;

/** Cost of the runs started since 00:00 UTC, from the usage roll-up. */
export async function costTodayUsd(runs: RunRepository, now = Date.now()): Promise<number> {
  const from = Math.floor(now / DAY_MS) * DAY_MS;
  const rows = await runs.usageRollup('day', { from: new Date(from).toISOString(), to: new Date(from + DAY_MS).toISOString() });
  return rows.reduce((sum, row) => sum + row.usage.costUsd, 0);
}
