/**
 * The process logger (pino, JSON lines on stdout). Secrets are redacted structurally (auth
 * headers, cookies, password/token/secret fields) and connection URLs keep everything but their
 * password. Error messages and stacks are masked too, because drivers like to quote the URL they
 * failed to reach. Pretty output is a pipe away: `node dist/main.js | npx pino-pretty`.
 */
import { type DestinationStream, type Logger } from 'pino';
export type { Logger } from 'pino';
export declare const REDACT_PATHS: string[];
export interface LoggerOptions {
    level: string;
    nodeId: string;
}
export declare function createLogger(options: LoggerOptions, destination?: DestinationStream): Logger;
