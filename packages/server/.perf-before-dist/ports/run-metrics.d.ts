/** What the run services report to metrics; implemented by observability (Prometheus). */
import type { RuntimeId } from '@dash/shared';
export type TokenKind = 'input' | 'output' | 'cache_read' | 'cache_write';
export interface RunMetrics {
    tokens(employee: string, kind: TokenKind, count: number): void;
    cost(employee: string, usd: number): void;
    runEnded(runtime: RuntimeId, status: string, durationSeconds: number): void;
    eventsPersisted(count: number): void;
}
export declare const noopRunMetrics: RunMetrics;
