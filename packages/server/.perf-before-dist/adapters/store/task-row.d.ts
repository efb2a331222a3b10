/** Mapping between the task tables (snake_case, JSON text) and the Task contracts. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import { type Task, type TaskComment, type TaskTimelineEntry } from '@dash/shared';
import type { NewTask, NewTaskComment, NewTimelineEntry, TaskPatch } from '../../ports/task-repository.js';
import type { TaskCommentsTable, TasksTable, TaskTimelineTable } from './schema.js';
export type TaskRow = Selectable<TasksTable>;
export declare const rowToTask: (row: TaskRow, dependsOn: readonly string[]) => Task;
/** A new task is at version 1, with no attempts and nothing assigned yet. */
export declare function newTaskToRow(task: NewTask): Insertable<TasksTable>;
/** Only keys present (and not undefined) become columns; `dependsOn` is written to its own table. */
export declare function taskPatchToRow(patch: TaskPatch): Updateable<TasksTable>;
export declare const timelineEntryToRow: (id: string, taskId: string, entry: NewTimelineEntry) => Insertable<TaskTimelineTable>;
export declare const rowToTimelineEntry: (row: Selectable<TaskTimelineTable>) => TaskTimelineEntry;
export declare const commentToRow: (comment: NewTaskComment) => Insertable<TaskCommentsTable>;
export declare const rowToComment: (row: Selectable<TaskCommentsTable>) => TaskComment;
