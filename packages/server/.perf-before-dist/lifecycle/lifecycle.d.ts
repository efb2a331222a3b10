/**
 * The server lifecycle as an explicit state machine:
 *
 *   starting → ready → draining → stopping → stopped | failed
 *   starting → failed                       (a component failed to start)
 *
 * Components register in dependency order ({name, start?, drain?, stop}); start runs in that
 * order, stop in reverse. Draining gives every started component's `drain` hook the same budget
 * (drainTimeoutMs) to finish in-flight work, in parallel; the hooks' AbortSignal fires at the
 * deadline and stopping goes ahead regardless. Each stop is isolated: a failure is logged, the
 * remaining components still stop, and the final state becomes `failed`. stop() is idempotent:
 * every call returns the same promise.
 */
import type { LifecycleState } from '@dash/shared';
export type { LifecycleState } from '@dash/shared';
export interface LifecycleComponent {
    name: string;
    start?(): Promise<void> | void;
    /** Finish or hand off in-flight work. `signal` aborts at the drain deadline. */
    drain?(signal: AbortSignal): Promise<void> | void;
    /** Release what `start` acquired. Runs only for components that started (or have no start). */
    stop(): Promise<void> | void;
}
/** The subset of a pino logger the lifecycle needs. */
export interface LifecycleLogger {
    info(obj: object, msg: string): void;
    warn(obj: object, msg: string): void;
    error(obj: object, msg: string): void;
}
export interface LifecycleOptions {
    logger: LifecycleLogger;
    /** @default 30_000 */
    drainTimeoutMs: number;
}
export type StateListener = (state: LifecycleState, previous: LifecycleState) => void;
export declare class Lifecycle {
    private readonly options;
    private current;
    private readonly components;
    private readonly started;
    private readonly listeners;
    private startPromise;
    private stopPromise;
    private stopRequested;
    constructor(options: LifecycleOptions);
    get state(): LifecycleState;
    /** True from the moment shutdown begins (draining, stopping, stopped, or failed). */
    get isShuttingDown(): boolean;
    register(component: LifecycleComponent): void;
    /** Calls `listener` on every transition; returns the unsubscribe function. */
    onStateChange(listener: StateListener): () => void;
    /**
     * Starts components in order, then enters `ready`. If one fails, the ones already started are
     * stopped in reverse, the state becomes `failed` and the error is rethrown. If stop() is called
     * meanwhile, no further component starts and this resolves once the in-progress one has.
     */
    start(): Promise<void>;
    stop(): Promise<void>;
    private runStart;
    private runStop;
    private drain;
    /** Stops started components in reverse order; returns how many failed. */
    private stopStarted;
    private transition;
}
