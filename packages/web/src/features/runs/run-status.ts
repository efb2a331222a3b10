/** How run states read in the UI. The state list mirrors `runStatus` in @dash/shared. */
import type { RunStatus } from '@dash/shared';
import type { Tone } from '../../shared/ui/tone';

export const runStatusLabels: Readonly<Record<RunStatus, string>> = {
  queued: 'Queued',
  starting: 'Starting',
  running: 'Running',
  stopping: 'Stopping',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  timed_out: 'Timed out',
  lost: 'Lost',
};

const terminal: ReadonlySet<RunStatus> = new Set<RunStatus>(['succeeded', 'failed', 'cancelled', 'timed_out', 'lost']);

/** No more events will come: the run has ended (a follow-up resumes it as a new run). */
export const isTerminalRunStatus = (status: RunStatus): boolean => terminal.has(status);

export function runStatusTone(status: RunStatus): Tone {
  switch (status) {
    case 'succeeded':
      return 'ok';
    case 'failed':
    case 'timed_out':
    case 'lost':
      return 'critical';
    case 'cancelled':
    case 'stopping':
      return 'warning';
    case 'queued':
    case 'starting':
    case 'running':
      return 'neutral';
  }
}
