import { Staffing } from './staffing.js';
import { TaskOutputReader } from './task-output-reader.js';
import { WorkflowEngine } from './workflow-engine.js';
import { WorkflowPromptContext } from './workflow-prompt-context.js';
import { WorkflowService } from './workflow-service.js';
export function createWorkflowServices(deps) {
    const outputs = new TaskOutputReader({ runs: deps.runs, events: deps.readEvents });
    const staffing = async () => new Staffing((await deps.employees()).map((e) => ({ id: e.id, name: e.name, role: e.role, status: e.status, slotsUsed: e.workload.slotsUsed })));
    const engine = new WorkflowEngine({
        repo: deps.repo,
        taskReads: deps.taskReads,
        taskOps: deps.taskOps,
        runs: deps.runs,
        outputs,
        staffing,
        templates: deps.templates,
        bus: deps.bus,
        clock: deps.clock,
        logger: deps.logger,
        newId: deps.newId,
        ...(deps.sweepMs !== undefined && { sweepMs: deps.sweepMs }),
    });
    const service = new WorkflowService({
        repo: deps.repo,
        templates: deps.templates,
        engine,
        taskReads: deps.taskReads,
        taskOps: deps.taskOps,
        staffing,
        clock: deps.clock,
        logger: deps.logger,
        newId: deps.newId,
    });
    const prompts = new WorkflowPromptContext({ repo: deps.repo, taskReads: deps.taskReads, outputs, staffing });
    return { engine, service, prompts };
}
//# sourceMappingURL=workflow-services.js.map