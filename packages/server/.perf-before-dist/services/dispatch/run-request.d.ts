import type { Employee, Task } from '@dash/shared';
import type { StartRunInput } from '../runs/run-service.js';
/**
 * The task first (an agent reads its assignment before the notes that help with it), then the
 * task's context (a workflow step's inputs: earlier steps' outputs, reviewer feedback), then the memories.
 */
export declare const taskPrompt: (task: Pick<Task, "title" | "description">, memorySection?: string | null, contextSection?: string | null) => string;
export declare function workingDirectoryFor(task: Pick<Task, 'workingDirectory'>, workdirRoot: string | null): string | undefined;
export declare function buildRunRequest(task: Task, employee: Employee, rolePrompt: string | null, memorySection?: string | null, contextSection?: string | null): StartRunInput;
