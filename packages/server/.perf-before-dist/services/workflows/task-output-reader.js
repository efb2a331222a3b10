import { FileChangeCollector, taskOutputOf } from '../../domain/workflows/task-output.js';
const PAGE = 1000;
export class TaskOutputReader {
    deps;
    constructor(deps) {
        this.deps = deps;
    }
    async outputOf(link, task) {
        const runId = task?.lastRunId ?? null;
        const run = runId === null ? null : await this.deps.runs.get(runId);
        const files = new FileChangeCollector();
        if (run !== null) {
            let after = 0;
            for (;;) {
                const page = await this.deps.events(run.id, after, PAGE);
                for (const e of page)
                    files.add(e.event);
                const last = page.at(-1);
                if (page.length < PAGE || last === undefined)
                    break;
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
//# sourceMappingURL=task-output-reader.js.map