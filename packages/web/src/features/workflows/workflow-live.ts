/**
 * The `workflows` live topic (docs/api.md): every change of a run publishes the whole run. Merge
 * rule: a copy replaces the one shown when its `version` is not lower (a task of the run can
 * change without the run's version moving, and that copy is still the fresher one).
 */
import type { StaticLiveTopic, WorkflowRun, WorkflowRunSummary } from '@dash/shared';
import { useLiveFeedStore } from '../live-feed/live-feed-store';
import { isWorkflowRun } from './workflows-api';

export const workflowsTopic = 'workflows' satisfies StaticLiveTopic;

export const isNewer = (next: { version: number }, current: { version: number } | null): boolean => current === null || next.version >= current.version;

/** A run as the list shows it. */
export function toSummary(run: WorkflowRun): WorkflowRunSummary {
  const { steps, ...rest } = run;
  const count = (status: string): number => steps.filter((s) => s.status === status).length;
  return { ...rest, progress: { total: steps.length, completed: count('completed'), running: count('running'), awaitingApproval: count('awaiting_approval') } };
}

/** Listens to the topic; `onRun` gets every run, `onStale` asks for a reload (first confirmation, reset). */
export function listenToWorkflows(handlers: { onRun: (run: WorkflowRun) => void; onStale: () => void }): () => void {
  let confirmed = false;
  return useLiveFeedStore().subscribe(workflowsTopic, {
    event: (data) => {
      if (isWorkflowRun(data)) handlers.onRun(data);
    },
    subscribed: () => {
      if (confirmed) return;
      confirmed = true;
      handlers.onStale();
    },
    reset: () => handlers.onStale(),
  });
}
