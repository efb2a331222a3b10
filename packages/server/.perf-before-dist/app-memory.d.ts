import type { Config } from './config/config.js';
import type { Lifecycle } from './lifecycle/lifecycle.js';
import type { Logger } from './observability/logger.js';
import type { MemoryMemberDirectory } from './ports/memory-repository.js';
import type { Store } from './ports/store.js';
import type { EmployeeRegistryService } from './services/employees/employee-registry-service.js';
import { MemoryService } from './services/memory/memory-service.js';
import type { HttpServer } from './transport/http/http-server.js';
export interface MemoryWiring {
    config: Config;
    logger: Logger;
    lifecycle: Lifecycle;
    server: HttpServer;
    store: () => Store;
    employees: EmployeeRegistryService;
}
export interface RegisteredMemory {
    /** Throws before the memory component has started. */
    service(): MemoryService;
}
export declare function registerMemory(ctx: MemoryWiring): RegisteredMemory;
/** The employee registry as the memory service sees it: role, department and who heads one. */
export declare function registryDirectory(employees: EmployeeRegistryService): MemoryMemberDirectory;
