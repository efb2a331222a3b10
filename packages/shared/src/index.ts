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
export * from './schemas/scheduled-jobs.js';
export * from './schemas/task-memories.js';
export * from './schemas/system.js';
export * from './schemas/auth.js';
export * from './schemas/workflow-dag.js';
export * from './schemas/workflow-templates.js';
export * from './schemas/workflows.js';
export * from './schemas/bridge-input.js';
export * from './schemas/workspaces.js';
export * from './schemas/bridge-alerts.js';
export * from './schemas/bridge-analytics.js';
export * from './schemas/bridge-registry.js';
export * from './schemas/bridge-mcp.js';
export * from './schemas/cluster.js';
export * from './schemas/dispatch-gate.js';
export * from './schemas/schedules.js';
export * from './schemas/notifications.js';
