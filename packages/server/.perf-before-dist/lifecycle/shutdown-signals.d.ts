/**
 * Turns SIGTERM/SIGINT into a graceful stop and guarantees the process ends:
 *  - first signal: lifecycle.stop() (readiness fails, drain, stop in reverse), then exit 0 —
 *    or 1 if a component failed to stop;
 *  - a second signal: exit at once with 128 + signal number (130 for SIGINT, 143 for SIGTERM),
 *    the shell convention for "killed by that signal";
 *  - the watchdog: FORCE_EXIT_TIMEOUT after the first signal, exit 1 whatever is still running.
 */
import type { LifecycleState } from '@dash/shared';
export declare const EXIT_OK = 0;
export declare const EXIT_FAILURE = 1;
export type ShutdownSignal = 'SIGTERM' | 'SIGINT';
/** Where signals come from: `process` in production, an EventEmitter in tests. */
export interface SignalSource {
    on(event: ShutdownSignal, listener: () => void): unknown;
    off(event: ShutdownSignal, listener: () => void): unknown;
}
export interface ShutdownOptions {
    lifecycle: {
        stop(): Promise<void>;
        readonly state: LifecycleState;
    };
    logger: {
        info(obj: object, msg: string): void;
        warn(obj: object, msg: string): void;
        fatal(obj: object, msg: string): void;
    };
    forceExitTimeoutMs: number;
    exit(code: number): void;
    signals: SignalSource;
}
export interface ShutdownHandle {
    /** Begins the same graceful shutdown a first signal would (e.g. after a fatal error). */
    shutdown(reason: string): void;
    uninstall(): void;
}
export declare function installShutdownHandlers(options: ShutdownOptions): ShutdownHandle;
