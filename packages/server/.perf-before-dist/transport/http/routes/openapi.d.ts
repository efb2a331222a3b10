import type { HttpServer } from '../http-server.js';
export declare const OPENAPI_PREFIX = "/api/docs";
export declare function registerOpenApi(server: HttpServer, info?: {
    version: string;
}): void;
