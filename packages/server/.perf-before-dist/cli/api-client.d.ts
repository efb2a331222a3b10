/**
 * The dashboard's REST API for the CLI: fetch with the token, JSON in and out, every answer parsed
 * with the wire schemas of @dash/shared. An error body `{error: {code, message}}` becomes a
 * CliError naming the code (exit 3, or 4 for 401/403).
 */
import type { z } from 'zod';
import type { CliConfig } from './cli-config.js';
export declare class ApiClient {
    readonly config: CliConfig;
    constructor(config: CliConfig);
    request<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.output<S>>;
}
