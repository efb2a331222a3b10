import type { McpConfigFiles } from '../../ports/mcp-config-files.js';
export declare class PrivateMcpConfigFiles implements McpConfigFiles {
    private readonly parent;
    private dir;
    constructor(parent?: string);
    write(runId: string, config: unknown): Promise<string>;
    remove(runId: string): Promise<void>;
    clear(): Promise<void>;
    private directory;
}
