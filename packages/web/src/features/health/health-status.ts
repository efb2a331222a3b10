/**
 * How the UI reads health: one overall state for the whole panel (combining the last report with
 * the state of the connection) and a tone per dependency. Pure, so every case is unit-testable.
 */
import type { ApiError } from '../../shared/api/api-error';
import type { Tone } from '../../shared/ui/tone';
import type { DependencyHealth, HealthResponse } from '@dash/shared';

/** `idle` before the first poll; `offline` while the server cannot be reached. */
export type ConnectionState = 'idle' | 'connecting' | 'online' | 'offline';

export type OverallHealth = 'checking' | 'ok' | 'degraded' | 'down' | 'unreachable' | 'error';

export interface HealthSnapshot {
  report: HealthResponse | null;
  error: ApiError | null;
  connection: ConnectionState;
}

export function deriveOverall({ report, error, connection }: HealthSnapshot): OverallHealth {
  if (connection === 'offline') return 'unreachable';
  // An error answer (SERVER_STARTING, RATE_LIMITED…) makes the last report stale, not current.
  if (error) return 'error';
  if (!report) return 'checking';
  return report.status;
}

export const overallLabels: Readonly<Record<OverallHealth, string>> = {
  checking: 'Checking…',
  ok: 'All systems operational',
  degraded: 'Degraded',
  down: 'Down',
  unreachable: 'Disconnected',
  error: 'Health check failed',
};

/** For tight spots such as the sidebar ("Server: Operational"). */
export const overallShortLabels: Readonly<Record<OverallHealth, string>> = {
  checking: 'Checking…',
  ok: 'Operational',
  degraded: 'Degraded',
  down: 'Down',
  unreachable: 'Disconnected',
  error: 'Check failed',
};

export function overallTone(overall: OverallHealth): Tone {
  switch (overall) {
    case 'ok':
      return 'ok';
    case 'degraded':
      return 'warning';
    case 'down':
    case 'unreachable':
    case 'error':
      return 'critical';
    case 'checking':
      return 'neutral';
  }
}

export function dependencyTone(dependency: DependencyHealth): Tone {
  switch (dependency.status) {
    case 'up':
      return 'ok';
    case 'down':
      return dependency.required ? 'critical' : 'warning';
    case 'not_configured':
      return 'neutral';
  }
}

export const dependencyStatusLabels: Readonly<Record<DependencyHealth['status'], string>> = {
  up: 'Up',
  down: 'Down',
  not_configured: 'Not configured',
};

/** Display names for the dependency names the server reports; unknown names show as sent. */
export const dependencyLabels: Readonly<Record<string, string>> = {
  store: 'Store',
  queue: 'Job queue',
  'memory-api': 'Memory API',
  'api-bridge': 'API bridge',
};
