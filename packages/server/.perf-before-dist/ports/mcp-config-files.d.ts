/**
 * Private files that hand an agent its MCP configuration (adapters/mcp-config): written with mode
 * 0600 in a directory only this process can read, removed when the run ends. The content holds a
 * run token, so it is never logged.
 */
export interface McpConfigFiles {
    /** Writes the run's config file and returns its absolute path. */
    write(runId: string, config: unknown): Promise<string>;
    /** Removes the run's file; a missing file is fine. */
    remove(runId: string): Promise<void>;
    /** Removes every file (shutdown). */
    clear(): Promise<void>;
}
