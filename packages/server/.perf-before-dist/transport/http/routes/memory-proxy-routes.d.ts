import type { FastifyPluginAsync } from 'fastify';
export interface MemoryProxyOptions {
    /** MEMORY_API_URL, without a trailing slash. */
    baseUrl: string;
    timeoutMs: number;
}
export declare const memoryProxyRoutes: FastifyPluginAsync<MemoryProxyOptions>;
