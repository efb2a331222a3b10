/**
 * 0009: workflow runs, their steps, the tasks of each step and the approval decisions. Same DDL
 * on both dialects: the template snapshot and step outputs are JSON text, timestamps ISO text,
 * booleans integers 0/1. Steps, links and decisions cascade with their run; a task may belong to
 * one step at most (`workflow_step_tasks.task_id` is unique) and is found by it when the engine
 * hears that the task changed. The classification task is found through
 * `workflow_runs.classifier_task_id`.
 */
import { type Migration } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
export declare const migration0009Workflows: (dialect: StoreDialect) => Migration;
