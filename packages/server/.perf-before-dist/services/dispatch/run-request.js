/**
 * What a task's run looks like: built from the employee's runtime config and role prompt and the
 * task itself. Pure, so the mapping is tested on its own.
 *
 *  - prompt: the task title and description, then (when the memory service gave any) the
 *    employee's relevant memories, each cited by id (run-memory.ts builds that section);
 *    a workflow step's task also gets its context (DispatcherDeps.promptContext) before them;
 *  - system prompt: the employee's role prompt from the registry;
 *  - runtime, model, allowed/disallowed tools, permission mode, max turns, shell command: the
 *    employee's runtime config (empty tool lists mean "the CLI's defaults");
 *  - wall-clock limit: the task's timeout, else the employee's;
 *  - working directory: the task's, where a relative one is taken under the employee's workdir
 *    root when it has one; else the employee's workdir root; else a fresh directory per run.
 *    The run service checks the result against the allowed roots (WORKDIR_OUTSIDE_ROOTS).
 */
import { isAbsolute, join } from 'node:path';
/**
 * The task first (an agent reads its assignment before the notes that help with it), then the
 * task's context (a workflow step's inputs: earlier steps' outputs, reviewer feedback), then the memories.
 */
export const taskPrompt = (task, memorySection = null, contextSection = null) => [`${task.title}\n\n${task.description}`, contextSection, memorySection === null ? null : `---\n${memorySection}`]
    .filter((part) => part !== null && part !== '')
    .join('\n\n');
export function workingDirectoryFor(task, workdirRoot) {
    const wd = task.workingDirectory;
    if (wd !== null)
        return isAbsolute(wd) || workdirRoot === null ? wd : join(workdirRoot, wd);
    return workdirRoot ?? undefined;
}
export function buildRunRequest(task, employee, rolePrompt, memorySection = null, contextSection = null) {
    const rc = employee.runtimeConfig;
    const cwd = workingDirectoryFor(task, rc.workdirRoot);
    return {
        runtime: rc.runtime,
        prompt: taskPrompt(task, memorySection, contextSection),
        ...(rolePrompt !== null && rolePrompt.trim() !== '' && { systemPrompt: rolePrompt }),
        ...(rc.model !== null && { model: rc.model }),
        maxTurns: rc.maxTurns,
        ...(rc.allowedTools.length > 0 && { allowedTools: [...rc.allowedTools] }),
        ...(rc.disallowedTools.length > 0 && { disallowedTools: [...rc.disallowedTools] }),
        permissionMode: rc.permissionMode,
        ...(rc.command !== null && { command: [...rc.command] }),
        ...(cwd !== undefined && { cwd }),
        taskId: task.id,
        employeeId: employee.id,
        task: { id: task.id, title: task.title, description: task.description },
        limits: { wallTimeoutMs: task.timeoutMs ?? rc.timeoutMs },
    };
}
//# sourceMappingURL=run-request.js.map