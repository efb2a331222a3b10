import type { Config } from './config/config.js';
import type { Lifecycle } from './lifecycle/lifecycle.js';
import type { Logger } from './observability/logger.js';
import type { Store } from './ports/store.js';
import type { TaskService } from './services/tasks/task-service.js';
import type { WorkflowService } from './services/workflows/workflow-service.js';
import type { HttpServer } from './transport/http/http-server.js';
export declare const USER_SCHEDULES_JOB = "user-schedules";
export interface SchedulesContext {
    config: Config;
    logger: Logger;
    lifecycle: Lifecycle;
    server: HttpServer;
    store: () => Store;
    tasks: () => TaskService;
    /** Null where workflows are not enabled. */
    workflows: (() => WorkflowService) | null;
    /** Register /api/schedules (the api role). */
    routes: boolean;
    /** Check for due schedules here (processes with the task services). */
    fire: boolean;
}
export declare function registerSchedules(ctx: SchedulesContext): void;
