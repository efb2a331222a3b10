import type { Task } from '@dash/shared';
import type { CoreLoop } from './app-core-loop.js';
import type { Config } from './config/config.js';
import type { Lifecycle } from './lifecycle/lifecycle.js';
import type { Logger } from './observability/logger.js';
import type { EventBus } from './ports/event-bus.js';
import type { Store } from './ports/store.js';
import type { WorkflowEngine } from './services/workflows/workflow-engine.js';
import type { WorkflowService } from './services/workflows/workflow-service.js';
import type { HttpServer } from './transport/http/http-server.js';
import type { RunRoutesDeps } from './transport/http/routes/run-routes.js';
/** The templates directory inside the employee registry directory. */
export declare const WORKFLOW_TEMPLATES_DIR_NAME = "workflows";
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
export declare function registerWorkflows(ctx: WorkflowsContext): Workflows;
