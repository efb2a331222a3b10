import type { Registry } from 'prom-client';
import type { Task } from '@dash/shared';
import type { Config } from './config/config.js';
import type { Lifecycle } from './lifecycle/lifecycle.js';
import type { Logger } from './observability/logger.js';
import type { EventBus } from './ports/event-bus.js';
import type { JobQueue } from './ports/job-queue.js';
import type { MemoryApi } from './ports/memory-api.js';
import type { Store } from './ports/store.js';
import { Dispatcher } from './services/dispatch/dispatcher.js';
import { RunMemory } from './services/dispatch/run-memory.js';
import { PublishingEmployeeRegistry } from './services/employees/publishing-employee-registry.js';
import { StatsService } from './services/tasks/stats-service.js';
import { TaskService } from './services/tasks/task-service.js';
import type { HttpServer } from './transport/http/http-server.js';
import type { RunRoutesDeps } from './transport/http/routes/run-routes.js';
import { WorkspaceService } from './services/workspaces/workspace-service.js';
import type { DispatchGate } from './services/budgets/dispatch-gate.js';
/** The embedded queue's name in the jobs table, and the BullMQ queue name under QUEUE_PREFIX. */
export declare const TASK_QUEUE_NAME = "dash-tasks";
export interface CoreLoopContext {
    config: Config;
    logger: Logger;
    lifecycle: Lifecycle;
    server: HttpServer;
    bus: EventBus;
    metricsRegistry: Registry;
    store: () => Store;
    runs: () => RunRoutesDeps;
    /** The memory service for task runs (in-process or over MEMORY_API_URL); absent = no memory in runs. */
    memoryApi?: MemoryApi;
    /**
     * What SERVICE_ROLE asks of the core loop (service-role.ts): `routes` = the REST routes (api),
     * `tasks` = queue and task services, `dispatch` = the dispatcher runs (worker). The employee
     * registry is always there (the memory role needs it too). @default all true
     */
    parts?: {
        routes: boolean;
        tasks: boolean;
        dispatch: boolean;
    };
    /** Extra context for a task's prompt (a workflow step's handoff, app-workflows.ts); absent = none. */
    promptContext?: (task: Task) => Promise<string | null>;
}
export interface CoreLoopServices {
    tasks: TaskService;
    stats: StatsService;
    dispatcher: Dispatcher;
    queue: JobQueue;
    /** Null when the core loop runs without a memory service. */
    runMemory: RunMemory | null;
    /** Budgets and rate-limit pauses (app-dispatch-gate.ts). */
    gate: DispatchGate;
    /** Isolated task workspaces (git worktrees). */
    workspaces: WorkspaceService;
}
export interface CoreLoop {
    readonly employees: PublishingEmployeeRegistry;
    /** Throws before the dispatcher component has started. */
    services(): CoreLoopServices;
    /** Task counts by status for `dashboard_task_queue_depth{state}`; empty before start. */
    queueDepth(): Promise<Record<string, number>>;
}
export declare function registerCoreLoop(ctx: CoreLoopContext): CoreLoop;
