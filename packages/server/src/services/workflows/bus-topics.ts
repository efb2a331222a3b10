/**
 * The event-bus topic the workflow service publishes on: the changed run (WorkflowRun, as
 * `GET /api/workflows/runs/:id` returns it) after every change the engine or a person makes. It is
 * the live feed's `workflows` topic (@dash/shared live-feed.ts), forwarded unchanged.
 */
import type { StaticLiveTopic } from '@dash/shared';

export const WORKFLOWS_TOPIC = 'workflows' as const satisfies StaticLiveTopic;

/** Tasks the engine creates carry this label, so it ignores the `tasks` messages of other tasks cheaply. */
export const WORKFLOW_TASK_LABEL = 'workflow';

/** The actor the engine's own task actions are recorded under. */
export const WORKFLOW_ACTOR = 'workflow';
