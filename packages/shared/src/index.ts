/**
 * @dash/shared: the single source of truth for wire contracts between server and web.
 * Zod schemas with inferred types, the error-code registry and the live-feed messages.
 * Nothing here may import Node built-ins or the other packages (it runs in the browser too).
 */
export * from './errors/error-codes.js';
export * from './errors/api-error.js';
export * from './schemas/agent-events.js';
export * from './schemas/runs.js';
export * from './schemas/health.js';
export * from './schemas/runs-api.js';
export * from './schemas/skills.js';
export * from './schemas/employees.js';
export * from './schemas/tasks.js';
export * from './schemas/live-feed.js';
export * from './schemas/tasks-api.js';
export * from './schemas/stats.js';
export * from './schemas/memory.js';
export * from './schemas/system.js';
