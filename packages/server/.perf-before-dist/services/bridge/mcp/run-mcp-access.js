/**
 * Gives each Claude Code run its MCP access (RunAttachments for RunService): a run-scoped token
 * (RunTokenService), written with the endpoint URL into a private MCP config file that the runner
 * passes as `--mcp-config`, plus the permission for the `dashboard` tools (`mcp__dashboard`), so
 * the agent may call them in print mode without a prompt. Runs not in bypassPermissions mode also
 * get `--permission-prompt-tool mcp__dashboard__approve_tool_use`: the permission prompts become
 * tool approvals a manager decides on the run page. When the run ends the token is revoked,
 * the file removed and the run's pending questions cancelled.
 *
 * Other runtimes get nothing yet (their CLIs take MCP servers differently). Nothing is handed out
 * while the endpoint's URL is unknown (before the server listens).
 */
import { APPROVAL_TOOL_FULL_NAME, MCP_SERVER_NAME } from '@dash/shared';
/** Token lifetime for runs without a wall-clock limit. */
const NO_LIMIT_TTL_MS = 24 * 3_600_000;
/** Slack past the wall-clock limit (the stop escalation, restarts). */
const TTL_MARGIN_MS = 10 * 60_000;
/** The endpoint of one run: the token must belong to this run (MCP_TOKEN_RUN_MISMATCH otherwise). */
export const mcpEndpointOf = (baseUrl, runId) => `${baseUrl.replace(/\/+$/, '')}/mcp/runs/${encodeURIComponent(runId)}`;
export class RunMcpAccess {
    deps;
    constructor(deps) {
        this.deps = deps;
    }
    async attach(run) {
        if (run.runtime !== 'claude-code')
            return null;
        const base = this.deps.baseUrl();
        if (base === null)
            return null;
        const ttlMs = (run.wallTimeoutMs > 0 ? run.wallTimeoutMs : NO_LIMIT_TTL_MS) + TTL_MARGIN_MS;
        const token = await this.deps.tokens.mint({ runId: run.runId, employeeId: run.employeeId, taskId: run.taskId }, ttlMs);
        const config = {
            mcpServers: {
                [MCP_SERVER_NAME]: { type: 'http', url: mcpEndpointOf(base, run.runId), headers: { Authorization: `Bearer ${token}` } },
            },
        };
        const path = await this.deps.files.write(run.runId, config);
        // Outside bypass mode the CLI's permission prompts go to a manager (approve_tool_use).
        const approvals = run.permissionMode !== 'bypassPermissions';
        return { mcpConfigPath: path, allowedTools: [`mcp__${MCP_SERVER_NAME}`], ...(approvals && { permissionPromptTool: APPROVAL_TOOL_FULL_NAME }) };
    }
    async release(runId) {
        const steps = [
            ['revoking the run token', () => this.deps.tokens.revoke(runId)],
            ['removing the MCP config file', () => this.deps.files.remove(runId)],
            ['cancelling pending questions', () => this.deps.cancelInputs(runId)],
        ];
        for (const [what, step] of steps) {
            try {
                await step();
            }
            catch (err) {
                this.deps.logger.warn({ runId, err: String(err) }, `${what} failed`);
            }
        }
    }
}
//# sourceMappingURL=run-mcp-access.js.map