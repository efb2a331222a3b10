import type { FastifyPluginAsync } from 'fastify';
import '../auth/access-types.js';
export interface BridgeProxyOptions {
    /** API_BRIDGE_URL, without a trailing slash. */
    baseUrl: string;
    timeoutMs: number;
}
export declare const bridgeProxyRoutes: FastifyPluginAsync<BridgeProxyOptions>;
