/**
 * Which memories a task's runs used and which memory each run wrote (`GET /api/tasks/:id/memories`).
 *
 * Before a run starts the dispatcher asks the memory service for the employee's most relevant
 * memories and puts them in the prompt: each one it put there is a `used` entry, with its
 * relevance score and rank. After the run settles one memory is written from its result: the
 * `written` entry per run says which memory (or why none was written). Memory content is not
 * repeated here (it is encrypted at rest and read through /api/memory/:id by whoever may read it).
 */
import { z } from 'zod';
import { memoryType } from './memory.js';

/** A memory put in the prompt of one of the task's runs. */
export const taskMemoryUse = z.object({
  runId: z.string(),
  memoryId: z.string(),
  /** The employee the run acted as (who read the memory). */
  employeeId: z.string(),
  /** The memory's owner (the same employee, or a colleague for shared memories). */
  ownerId: z.string(),
  memoryType: memoryType,
  /** The hybrid relevance score the memory service ranked it by. */
  relevance: z.number(),
  /** 1 = the most relevant of that run. */
  rank: z.number().int().positive(),
  /** Tokens it took in the prompt (4 characters each, estimated). */
  tokens: z.number().int().nonnegative(),
  truncated: z.boolean(),
  usedAt: z.string(),
});
export type TaskMemoryUse = z.infer<typeof taskMemoryUse>;

/**
 * The memory written after one of the task's runs:
 * - `pending`: claimed, being written (or the server stopped while writing it);
 * - `written`: stored as `memoryId`;
 * - `failed`: the memory service refused or could not be reached (`errorCode`).
 */
export const taskMemoryWriteStatuses = ['pending', 'written', 'failed'] as const;
export const taskMemoryWriteStatus = z.enum(taskMemoryWriteStatuses);
export type TaskMemoryWriteStatus = z.infer<typeof taskMemoryWriteStatus>;

export const taskMemoryWrite = z.object({
  runId: z.string(),
  employeeId: z.string(),
  status: taskMemoryWriteStatus,
  memoryId: z.string().nullable(),
  memoryType: memoryType.nullable(),
  importance: z.number().nullable(),
  /** Files the run changed, from its tool-use events (Write/Edit/…, codex file changes). */
  filesChanged: z.array(z.string()),
  errorCode: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TaskMemoryWrite = z.infer<typeof taskMemoryWrite>;

/** `GET /api/tasks/:id/memories`: oldest run first; uses by run, then rank. */
export const taskMemories = z.object({
  taskId: z.string(),
  used: z.array(taskMemoryUse),
  written: z.array(taskMemoryWrite),
});
export type TaskMemories = z.infer<typeof taskMemories>;
