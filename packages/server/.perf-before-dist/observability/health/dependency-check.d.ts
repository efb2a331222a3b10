/**
 * Dependency probes behind GET /health. Each check is described once (name, kind, required) and
 * probed in parallel with its own timeout; a probe that is slow or throws marks only its own
 * dependency down. A dependency without a probe is `not_configured`.
 */
import type { DependencyHealth, DependencyKind, HealthStatus } from '@dash/shared';
export interface DependencyCheck {
    name: string;
    kind: DependencyKind;
    required: boolean;
    /**
     * Resolves (optionally with a short detail) when the dependency answers; throws otherwise.
     * Must stop work when `signal` aborts. null = not configured.
     */
    probe: ((signal: AbortSignal) => Promise<string | void>) | null;
}
export declare function checkDependency(check: DependencyCheck, timeoutMs: number): Promise<DependencyHealth>;
export declare function checkDependencies(checks: readonly DependencyCheck[], timeoutMs: number): Promise<DependencyHealth[]>;
/** `down` if a required dependency is down, `degraded` if an optional one is, else `ok`. */
export declare function overallStatus(dependencies: readonly DependencyHealth[]): HealthStatus;
