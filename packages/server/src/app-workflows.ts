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
import type { Task } from '@dash/shared';
import type { CoreLoop } from './app-core-loop.js';
import { storeDatabaseOf } from './adapters/store/kysely-store.js';
import { KyselyTaskRepository } from './adapters/store/kysely-task-repository.js';
import { KyselyWorkflowRepository } from './adapters/store/kysely-workflow-repository.js';
import { FileWorkflowTemplateSource } from './adapters/workflow-templates-file/file-template-source.js';
import type { Config } from './config/config.js';
import type { Lifecycle } from './lifecycle/lifecycle.js';
import type { Logger } from './observability/logger.js';
import { systemClock } from './ports/clock.js';
import type { EventBus } from './ports/event-bus.js';
import type { Store } from './ports/store.js';
import { WorkflowTemplateRegistry } from './services/workflows/template-registry.js';
import type { WorkflowEngine } from './services/workflows/workflow-engine.js';
import type { WorkflowPromptContext } from './services/workflows/workflow-prompt-context.js';
import type { WorkflowService } from './services/workflows/workflow-service.js';
import { createWorkflowServices } from './services/workflows/workflow-services.js';
import type { HttpServer } from './transport/http/http-server.js';
import type { RunRoutesDeps } from './transport/http/routes/run-routes.js';
import { workflowRoutes } from './transport/http/routes/workflow-routes.js';

/** The templates directory inside the employee registry directory. */
export const WORKFLOW_TEMPLATES_DIR_NAME = 'workflows';

export interface WorkflowsContext {
  config: Config;
  logger: Logger;
  lifecycle: Lifecycle;
  server: HttpServer;
  bus: EventBus;
  store: () => Store;
  runs: () => RunRoutesDeps;
  coreLoop: CoreLoop;
  /** Register /api/workflows (the api role). */
  routes: boolean;
}

export interface Workflows {
  /** The handoff section of a step task's prompt; null for other tasks and before start. */
  promptContext(task: Task): Promise<string | null>;
  /** Throws before the component started. */
  service(): WorkflowService;
  /** Throws before the component started. */
  engine(): WorkflowEngine;
}

export function registerWorkflows(ctx: WorkflowsContext): Workflows {
  const log = (component: string): Logger => ctx.logger.child({ component });
  const templates = new WorkflowTemplateRegistry({
    source: new FileWorkflowTemplateSource({ dir: join(ctx.config.employees.registryDir, WORKFLOW_TEMPLATES_DIR_NAME) }),
    clock: systemClock,
    logger: log('workflow-templates'),
  });
  let opened: { service: WorkflowService; engine: WorkflowEngine; prompts: WorkflowPromptContext } | null = null;
  const current = (): NonNullable<typeof opened> => opened ?? notOpen();

  if (ctx.routes) void ctx.server.register(workflowRoutes, { resolve: () => ({ workflows: current().service }) });

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

function notOpen(): never {
  throw new Error('the workflow services are not open');
}
