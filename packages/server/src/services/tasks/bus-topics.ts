/**
 * The event-bus topics the task and employee services publish on. The names are the live feed's
 * static topics (@dash/shared live-feed.ts), which the WebSocket gateway forwards unchanged:
 *  - `tasks`: the changed Task, as the REST API returns it, after every write (creation, edit,
 *    status change, assignment); a deleted task is a TaskTombstone `{ id, deleted: true }`;
 *  - `employees`: the changed EmployeeView after an API edit or a registry reload.
 */
import type { StaticLiveTopic } from '@dash/shared';

export const TASKS_TOPIC = 'tasks' as const satisfies StaticLiveTopic;
export const EMPLOYEES_TOPIC = 'employees' as const satisfies StaticLiveTopic;
