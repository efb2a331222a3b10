/**
 * Extras a run gets when its agent starts and gives back when it ends (the API bridge's MCP
 * access: a run-scoped token in a private MCP config file). RunService calls `attach` before the
 * spawn and `release` once the run is settled, whatever the outcome.
 */
import type { RuntimeId } from '@dash/shared';
import type { PermissionMode } from './agent-supervisor.js';
export interface RunAttachment {
    /** An MCP config file for the agent (Claude Code `--mcp-config`). */
    mcpConfigPath?: string;
    /** Tool permissions to add to the run's own (e.g. `mcp__dashboard`). */
    allowedTools?: string[];
    /** An MCP tool that answers the agent's permission prompts (Claude Code `--permission-prompt-tool`). */
    permissionPromptTool?: string;
}
export interface RunToAttach {
    runId: string;
    runtime: RuntimeId;
    employeeId: string | null;
    taskId: string | null;
    /** The run's wall-clock limit (0 = none), to bound what is handed out. */
    wallTimeoutMs: number;
    /** The run's permission mode (none = the CLI's default); bypassPermissions needs no approvals. */
    permissionMode?: PermissionMode;
}
export interface RunAttachments {
    /** null when the run gets nothing (another runtime, the feature off). May throw. */
    attach(run: RunToAttach): Promise<RunAttachment | null>;
    /** Revokes and removes what `attach` handed out. Never throws. */
    release(runId: string): Promise<void>;
}
