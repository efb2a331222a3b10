import type { DependencyHealth } from '@dash/shared';
import type { Config } from './config/config.js';
import type { Lifecycle } from './lifecycle/lifecycle.js';
import type { Logger } from './observability/logger.js';
import type { EventBus } from './ports/event-bus.js';
import type { MemoryApi } from './ports/memory-api.js';
import type { RunAttachments } from './ports/run-attachments.js';
import type { Store } from './ports/store.js';
import { type McpToolsDeps } from './services/bridge/mcp/mcp-tools.js';
import type { EmployeeRegistryService } from './services/employees/employee-registry-service.js';
import type { HttpServer } from './transport/http/http-server.js';
export interface BridgeWiring {
    config: Config;
    logger: Logger;
    lifecycle: Lifecycle;
    server: HttpServer;
    bus: EventBus;
    store: () => Store;
    version: string;
    /** This process spawns agents: they get MCP access. */
    runsAgents: boolean;
    /** This process serves the MCP endpoint, /api/bridge and the periodic work. */
    serves: boolean;
    /** This process serves the dashboard API while the bridge runs at API_BRIDGE_URL: proxy /api/bridge. */
    proxies: boolean;
    memory: () => MemoryApi;
    tasks: McpToolsDeps['tasks'];
    /** The employee registry (role delegation, registry sync); null where this process has none. */
    employees: (() => EmployeeRegistryService) | null;
    /** The /health dependency probes, for `dependency_down`. */
    dependencies: () => Promise<DependencyHealth[]>;
}
export interface RegisteredBridge {
    /** For RunService: MCP access per run (inert where agents do not run or before start). */
    readonly attachments: RunAttachments;
    /** Evaluates the alert rules now (tests, the REST route). */
    evaluateNow(): Promise<{
        opened: number;
        resolved: number;
        open: number;
    }>;
}
export declare function registerBridge(ctx: BridgeWiring): RegisteredBridge;
