/** Construction options of the process supervisor, with the defaults it applies. */
import type { RuntimeId } from '@dash/shared';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { AgentRunner } from '../agent-runner.js';
/** Timer functions, injectable so deadline and backoff logic can be driven by fake timers. */
export interface Timers {
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
}
export declare const systemTimers: Timers;
export interface ProcessSupervisorOptions {
    runners: AgentRunner[];
    /** Configured executable per runtime (absolute, relative to cwd, or a name looked up on PATH). */
    binaryPaths?: Partial<Record<RuntimeId, string>>;
    /** Environment every agent starts from (already stripped of the dashboard's secrets); its PATH is used for lookups. */
    baseEnv: Record<string, string>;
    clock?: Clock;
    timers?: Timers;
    logger?: Logger;
    /** Longest stdout/stderr line passed on whole. @default 1 MiB */
    maxLineBytes?: number;
    /** What an over-long line keeps (as a `raw` / `stderr` event). @default 16 KiB */
    truncatedLineKeepBytes?: number;
    /**
     * After the agent exits, how long to wait for its stdout/stderr to close (a helper it left in the
     * group may hold them open) before the leftovers are killed. @default 2000 ms
     */
    exitDrainMs?: number;
    /** After SIGKILL, how long to wait for the group to vanish before giving up. @default 2000 ms */
    killWaitMs?: number;
    /** How often an escalation checks whether the group is gone. @default 25 ms */
    groupPollMs?: number;
    /** How long detectRuntimes() reuses its answer. @default 30 000 ms */
    detectCacheMs?: number;
    /** Timeout of one `<cli> --version` call. @default 5000 ms */
    versionTimeoutMs?: number;
}
export interface SupervisorSettings {
    maxLineBytes: number;
    keepBytes: number;
    exitDrainMs: number;
    killWaitMs: number;
    groupPollMs: number;
}
export declare function settingsFrom(options: ProcessSupervisorOptions): SupervisorSettings;
