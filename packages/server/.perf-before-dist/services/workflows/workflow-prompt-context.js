import { renderHandoff } from '../../domain/workflows/handoff.js';
import { WORKFLOW_TASK_LABEL } from './bus-topics.js';
export class WorkflowPromptContext {
    deps;
    constructor(deps) {
        this.deps = deps;
    }
    async forTask(task) {
        if (!task.labels.includes(WORKFLOW_TASK_LABEL))
            return null;
        const link = await this.deps.repo.linkOfTask(task.id);
        if (link === null || link.kind !== 'step')
            return null;
        const run = await this.deps.repo.getRun(link.runId);
        const phase = run?.template?.phases.find((p) => p.key === link.stepKey);
        const step = run?.steps.find((s) => s.key === link.stepKey);
        const mine = step?.tasks.find((t) => t.taskId === task.id);
        if (!run || !phase || !step || !mine)
            return null;
        const staffing = await this.deps.staffing();
        const entry = (stepName, output) => ({ stepName, employeeName: staffing.nameOf(output.employeeId), output });
        const earlierSteps = [];
        for (const key of phase.dependsOn) {
            const dep = run.steps.find((s) => s.key === key);
            const name = run.template?.phases.find((p) => p.key === key)?.name ?? key;
            if (!dep)
                continue;
            const outputs = dep.output?.tasks ?? (await this.liveOutputs(run, dep.tasks.map((t) => t.taskId)));
            earlierSteps.push(...outputs.map((o) => entry(name, o)));
        }
        const before = phase.parallel ? [] : step.tasks.filter((t) => t.position < mine.position).map((t) => t.taskId);
        const sameStep = (await this.liveOutputs(run, before)).map((o) => entry(phase.name, o));
        let feedback = null;
        if (step.round > 1) {
            const rejection = [...run.decisions].reverse().find((d) => d.stepKey === step.key && d.decision === 'rejected');
            if (rejection?.reason) {
                feedback = { round: step.round, reason: rejection.reason, previous: step.output?.tasks.find((o) => o.taskId === task.id) ?? null };
            }
        }
        return renderHandoff({ earlierSteps, sameStep, feedback });
    }
    /** Outputs of some of the run's tasks, read from their runs now. */
    async liveOutputs(run, taskIds) {
        if (taskIds.length === 0)
            return [];
        const tasks = new Map((await this.deps.taskReads.getMany(taskIds)).map((t) => [t.id, t]));
        const links = run.steps.flatMap((s) => s.tasks).filter((l) => taskIds.includes(l.taskId));
        const outputs = [];
        for (const link of links)
            outputs.push(await this.deps.outputs.outputOf(link, tasks.get(link.taskId) ?? null));
        return outputs;
    }
}
//# sourceMappingURL=workflow-prompt-context.js.map