/** TaskLinkRepository over the store (table task_links, migration 0010; cascades with the tasks). */
import type { Kysely, Selectable } from 'kysely';
import type { TaskLink, TaskLinkRepository } from '../../ports/task-link-repository.js';
import type { TaskLinksTable } from './bridge-schema.js';
import type { StoreDatabase } from './schema.js';

const toLink = (r: Selectable<TaskLinksTable>): TaskLink => ({
  childTaskId: r.child_task_id,
  parentTaskId: r.parent_task_id,
  runId: r.run_id,
  employeeId: r.employee_id,
  createdAt: r.created_at,
});

export class KyselyTaskLinkRepository implements TaskLinkRepository {
  constructor(private readonly db: Kysely<StoreDatabase>) {}

  async add(link: TaskLink): Promise<void> {
    await this.db
      .insertInto('task_links')
      .values({ child_task_id: link.childTaskId, parent_task_id: link.parentTaskId, run_id: link.runId, employee_id: link.employeeId, created_at: link.createdAt })
      .execute();
  }

  async children(parentTaskId: string): Promise<TaskLink[]> {
    const rows = await this.db.selectFrom('task_links').selectAll().where('parent_task_id', '=', parentTaskId).orderBy('created_at').orderBy('child_task_id').execute();
    return rows.map(toLink);
  }

  async parent(childTaskId: string): Promise<TaskLink | null> {
    const row = await this.db.selectFrom('task_links').selectAll().where('child_task_id', '=', childTaskId).executeTakeFirst();
    return row === undefined ? null : toLink(row);
  }
}
