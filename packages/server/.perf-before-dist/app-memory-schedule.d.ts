import type { RegisteredMemory } from './app-memory.js';
import type { RegisteredScheduler } from './app-scheduler.js';
import type { Config } from './config/config.js';
import type { HttpServer } from './transport/http/http-server.js';
export declare function registerMemoryCleanupSchedule(ctx: {
    config: Config;
    server: HttpServer;
    scheduler: RegisteredScheduler;
    memory: RegisteredMemory;
}): void;
