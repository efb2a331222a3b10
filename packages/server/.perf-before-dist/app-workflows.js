/**
 * Composition of workflows (part of the composition root, beside app.ts): the templates of
 * `<EMPLOYEE_REGISTRY_DIR>/workflows/`, the workflow repository on the store, the engine, the
 * service behind /api/workflows, and the handoff the dispatcher puts into step tasks' prompts.
 *
 * One lifecycle component, `workflows`, registered after the core loop so it starts once the task
 * services exist (its start-up reconcile catches up on everything that happened while the server
 * was down) and stops before them. Routes are registered up front with a resolver.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { storeDatabaseOf } from './adapters/store/kysely-store.js';
import { KyselyTaskRepository } from './adapters/store/kysely-task-repository.js';
import { KyselyWorkflowRepository } from './adapters/store/kysely-workflow-repository.js';
import { FileWorkflowTemplateSource } from './adapters/workflow-templates-file/file-template-source.js';
import { systemClock } from './ports/clock.js';
import { WorkflowTemplateRegistry } from './services/workflows/template-registry.js';
import { createWorkflowServices } from './services/workflows/workflow-services.js';
import { workflowRoutes } from './transport/http/routes/workflow-routes.js';
/** The templates directory inside the employee registry directory. */
export const WORKFLOW_TEMPLATES_DIR_NAME = 'workflows';
export function registerWorkflows(ctx) {
    const log = (component) => ctx.logger.child({ component });
    const templates = new WorkflowTemplateRegistry({
        source: new FileWorkflowTemplateSource({ dir: join(ctx.config.employees.registryDir, WORKFLOW_TEMPLATES_DIR_NAME) }),
        clock: systemClock,
        logger: log('workflow-templates'),
    });
    let opened = null;
    const current = () => opened ?? notOpen();
    if (ctx.routes)
        void ctx.server.register(workflowRoutes, { resolve: () => ({ workflows: current().service }) });
    ctx.lifecycle.register({
        name: 'workflows',
        async start() {
            await templates.start();
            const { db } = storeDatabaseOf(ctx.store());
            const { runs, eventLog } = ctx.runs();
            const { tasks: taskService } = ctx.coreLoop.services();
            const { engine, service, prompts } = createWorkflowServices({
                repo: new KyselyWorkflowRepository(db, systemClock),
                templates,
                taskReads: new KyselyTaskRepository(db, systemClock),
                taskOps: taskService,
                runs,
                readEvents: (runId, afterSeq, limit) => eventLog.read(runId, afterSeq, limit),
                employees: () => ctx.coreLoop.employees.list(),
                bus: ctx.bus,
                clock: systemClock,
                logger: log('workflows'),
                newId: randomUUID,
            });
            await engine.start();
            opened = { service, engine, prompts };
        },
        async stop() {
            await opened?.engine.stop();
            opened = null;
            await templates.stop();
        },
    });
    return {
        promptContext: (task) => (opened ? opened.prompts.forTask(task) : Promise.resolve(null)),
        service: () => current().service,
        engine: () => current().engine,
    };
}
function notOpen() {
    throw new Error('the workflow services are not open');
}
//# sourceMappingURL=app-workflows.js.map