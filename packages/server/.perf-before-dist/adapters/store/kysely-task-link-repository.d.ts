/** TaskLinkRepository over the store (table task_links, migration 0010; cascades with the tasks). */
import type { Kysely } from 'kysely';
import type { TaskLink, TaskLinkRepository } from '../../ports/task-link-repository.js';
import type { StoreDatabase } from './schema.js';
export declare class KyselyTaskLinkRepository implements TaskLinkRepository {
    private readonly db;
    constructor(db: Kysely<StoreDatabase>);
    add(link: TaskLink): Promise<void>;
    children(parentTaskId: string): Promise<TaskLink[]>;
    parent(childTaskId: string): Promise<TaskLink | null>;
}
