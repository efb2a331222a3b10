import { type Kysely } from 'kysely';
import { type Task, type TaskComment, type TaskCounts, type TaskTimelineEntry } from '@dash/shared';
import { type Clock } from '../../ports/clock.js';
import type { NewTask, NewTaskComment, TaskDependencyEdge, TaskListFilter, TaskPatch, TaskRepository, TaskTransition } from '../../ports/task-repository.js';
import type { StoreDatabase } from './schema.js';
type Db = Kysely<StoreDatabase>;
export declare class KyselyTaskRepository implements TaskRepository {
    private readonly db;
    private readonly clock;
    constructor(db: Db, clock?: Clock);
    create(task: NewTask): Promise<Task>;
    get(id: string): Promise<Task | null>;
    getMany(ids: readonly string[]): Promise<Task[]>;
    update(id: string, expectedVersion: number, patch: TaskPatch): Promise<Task>;
    transition(id: string, change: TaskTransition): Promise<Task | null>;
    /** Newest first (created_at desc, id desc); keyset pages never skip or repeat a task. */
    list(filter: TaskListFilter): Promise<{
        items: Task[];
        nextCursor: string | null;
    }>;
    listReady(limit: number): Promise<Task[]>;
    dependencies(id: string): Promise<string[]>;
    dependents(id: string): Promise<string[]>;
    dependencyEdges(ids: readonly string[], direction: 'upstream' | 'downstream'): Promise<TaskDependencyEdge[]>;
    addComment(comment: NewTaskComment): Promise<TaskComment>;
    listComments(taskId: string): Promise<TaskComment[]>;
    timeline(taskId: string): Promise<TaskTimelineEntry[]>;
    delete(id: string): Promise<{
        dependents: string[];
    } | null>;
    countByStatus(): Promise<TaskCounts>;
}
export {};
