import type { Logger } from '../../../ports/logger.js';
import type { McpConfigFiles } from '../../../ports/mcp-config-files.js';
import type { RunAttachment, RunAttachments, RunToAttach } from '../../../ports/run-attachments.js';
import type { RunTokenService } from './run-token-service.js';
export interface RunMcpAccessDeps {
    tokens: RunTokenService;
    files: McpConfigFiles;
    /** Cancels the run's pending questions. */
    cancelInputs: (runId: string) => Promise<void>;
    /** Base URL agents reach the endpoint at (e.g. http://127.0.0.1:8080); null = not yet known. */
    baseUrl: () => string | null;
    logger: Logger;
}
/** The endpoint of one run: the token must belong to this run (MCP_TOKEN_RUN_MISMATCH otherwise). */
export declare const mcpEndpointOf: (baseUrl: string, runId: string) => string;
export declare class RunMcpAccess implements RunAttachments {
    private readonly deps;
    constructor(deps: RunMcpAccessDeps);
    attach(run: RunToAttach): Promise<RunAttachment | null>;
    release(runId: string): Promise<void>;
}
