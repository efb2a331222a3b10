/** What the run services report to metrics; implemented by observability (Prometheus). */
import type { RuntimeId } from '@dash/shared';
import type { ProcessSample } from './agent-supervisor.js';

export type TokenKind = 'input' | 'output' | 'cache_read' | 'cache_write';

export interface RunMetrics {
  tokens(employee: string, kind: TokenKind, count: number): void;
  cost(employee: string, usd: number): void;
  runEnded(runtime: RuntimeId, status: string, durationSeconds: number): void;
  eventsPersisted(count: number): void;
  processSamples(samples: readonly ProcessSample[]): void;
}

export const noopRunMetrics: RunMetrics = {
  tokens: () => undefined,
  cost: () => undefined,
  runEnded: () => undefined,
  eventsPersisted: () => undefined,
  processSamples: () => undefined,
};
