/**
 * Reads what a step task produced from its last run: the run's final text and, from its event
 * log, the files it wrote or edited (domain/workflows/task-output.ts).
 */
import type { RunEvent, Task, WorkflowTaskOutput } from '@dash/shared';
import { FileChangeCollector, taskOutputOf } from '../../domain/workflows/task-output.js';
import type { RunRepository } from '../../ports/run-repository.js';
import type { StoredStepTask } from '../../ports/workflow-repository.js';

const PAGE = 1000;

export interface TaskOutputReaderDeps {
  runs: Pick<RunRepository, 'get'>;
  /** A run's events after `afterSeq` (RunEventLog.read: the store plus what is not written yet). */
  events: (runId: string, afterSeq: number, limit: number) => Promise<RunEvent[]>;
}

export class TaskOutputReader {
  constructor(private readonly deps: TaskOutputReaderDeps) {}

  async outputOf(link: StoredStepTask, task: Pick<Task, 'id' | 'assignedTo' | 'assignee' | 'lastRunId'> | null): Promise<WorkflowTaskOutput> {
    const runId = task?.lastRunId ?? null;
    const run = runId === null ? null : await this.deps.runs.get(runId);
    const files = new FileChangeCollector();
    if (run !== null) {
      let after = 0;
      for (;;) {
        const page = await this.deps.events(run.id, after, PAGE);
        for (const e of page) files.add(e.event);
        const last = page.at(-1);
        if (page.length < PAGE || last === undefined) break;
        after = last.seq;
      }
    }
    return taskOutputOf({
      taskId: link.taskId,
      role: link.role,
      employeeId: task ? (task.assignedTo ?? task.assignee) : null,
      runId: run?.id ?? null,
      resultText: run?.resultText ?? null,
      files: files.result(),
    });
  }
}
