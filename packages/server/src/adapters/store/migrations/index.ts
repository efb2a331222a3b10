/**
 * The ordered list of migrations. A static provider (not a folder scan) so it works the same from
 * src/ under tsx and from dist/. To add one: create `NNNN-name.ts` exporting a factory
 * `(dialect) => Migration` and append it here. Names sort in apply order and are never renamed.
 */
import type { Migration, MigrationProvider } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
import { migration0001Runs } from './0001-runs.js';
import { migration0002Jobs } from './0002-jobs.js';
import { migration0003Employees } from './0003-employees.js';
import { migration0004Tasks } from './0004-tasks.js';
import { migration0005Memories } from './0005-memories.js';
import { migration0006TaskMemories } from './0006-task-memories.js';
import { migration0007Auth } from './0007-auth.js';
import { migration0008ScheduledJobs } from './0008-scheduled-jobs.js';
import { migration0009Workflows } from './0009-workflows.js';
import { migration0010Bridge } from './0010-bridge.js';
import { migration0011Replicas } from './0011-replicas.js';
import { migration0012GateSchedules } from './0012-gate-schedules.js';
import { migration0013ToolApprovals } from './0013-tool-approvals.js';
import { migration0014TaskWorkspaces } from './0014-task-workspaces.js';
import { migration0015TaskBudgets } from './0015-task-budgets.js';
import { migration0016NotificationDeliveries } from './0016-notification-deliveries.js';

export type StoreMigrations = ReadonlyArray<readonly [name: string, factory: (dialect: StoreDialect) => Migration]>;

export const storeMigrations: StoreMigrations = [
  ['0001-runs', migration0001Runs],
  ['0002-jobs', migration0002Jobs],
  ['0003-employees', migration0003Employees],
  ['0004-tasks', migration0004Tasks],
  ['0005-memories', migration0005Memories],
  ['0006-task-memories', migration0006TaskMemories],
  ['0007-auth', migration0007Auth],
  ['0008-scheduled-jobs', migration0008ScheduledJobs],
  ['0009-workflows', migration0009Workflows],
  ['0010-bridge', migration0010Bridge],
  ['0011-replicas', migration0011Replicas],
  ['0012-gate-schedules', migration0012GateSchedules],
  ['0013-tool-approvals', migration0013ToolApprovals],
  ['0014-task-workspaces', migration0014TaskWorkspaces],
  ['0015-task-budgets', migration0015TaskBudgets],
  ['0016-notification-deliveries', migration0016NotificationDeliveries],
];

export const migrationProvider = (dialect: StoreDialect, migrations: StoreMigrations = storeMigrations): MigrationProvider => ({
  getMigrations: () => Promise.resolve(Object.fromEntries(migrations.map(([name, make]) => [name, make(dialect)]))),
});
