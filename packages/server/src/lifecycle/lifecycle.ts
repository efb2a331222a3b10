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

export class Lifecycle {
  private current: LifecycleState = 'starting';
  private readonly components: LifecycleComponent[] = [];
  private readonly started: LifecycleComponent[] = [];
  private readonly listeners = new Set<StateListener>();
  private startPromise: Promise<void> | null = null;
  private stopPromise: Promise<void> | null = null;
  private stopRequested = false;

  constructor(private readonly options: LifecycleOptions) {}

  get state(): LifecycleState {
    return this.current;
  }

  /** True from the moment shutdown begins (draining, stopping, stopped, or failed). */
  get isShuttingDown(): boolean {
    return this.stopRequested || this.current === 'failed';
  }

  register(component: LifecycleComponent): void {
    if (this.startPromise !== null) throw new Error(`cannot register "${component.name}" after start()`);
    if (this.components.some((c) => c.name === component.name)) throw new Error(`component "${component.name}" is already registered`);
    this.components.push(component);
  }

  /** Calls `listener` on every transition; returns the unsubscribe function. */
  onStateChange(listener: StateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Starts components in order, then enters `ready`. If one fails, the ones already started are
   * stopped in reverse, the state becomes `failed` and the error is rethrown. If stop() is called
   * meanwhile, no further component starts and this resolves once the in-progress one has.
   */
  start(): Promise<void> {
    this.startPromise ??= this.runStart();
    return this.startPromise;
  }

  stop(): Promise<void> {
    this.stopRequested = true;
    this.stopPromise ??= this.runStop();
    return this.stopPromise;
  }

  private async runStart(): Promise<void> {
    for (const component of this.components) {
      if (this.stopRequested) return;
      try {
        await component.start?.();
      } catch (err) {
        this.options.logger.error({ err, component: component.name }, 'component failed to start');
        this.stopRequested = true;
        await this.stopStarted();
        this.transition('failed');
        throw err;
      }
      this.started.push(component);
    }
    if (!this.stopRequested) this.transition('ready');
  }

  private async runStop(): Promise<void> {
    // Readiness must fail the moment shutdown begins, before any await.
    if (this.current === 'ready') this.transition('draining');
    // Let an in-progress start settle so we know exactly what to tear down.
    if (this.startPromise !== null) await this.startPromise.catch(() => undefined);
    if (this.current === 'failed') return;
    this.transition('draining');
    await this.drain();
    this.transition('stopping');
    const failures = await this.stopStarted();
    this.transition(failures > 0 ? 'failed' : 'stopped');
  }

  private async drain(): Promise<void> {
    const hooks = this.started.filter((c) => c.drain !== undefined);
    if (hooks.length === 0) return;
    const controller = new AbortController();
    const pending = new Set(hooks.map((c) => c.name));
    const all = Promise.all(
      hooks.map(async (component) => {
        try {
          await component.drain?.(controller.signal);
        } catch (err) {
          this.options.logger.error({ err, component: component.name }, 'drain hook failed');
        } finally {
          pending.delete(component.name);
        }
      }),
    );
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.options.drainTimeoutMs);
    });
    const outcome = await Promise.race([all.then(() => 'drained' as const), deadline]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      controller.abort();
      this.options.logger.warn(
        { pending: [...pending], drainTimeoutMs: this.options.drainTimeoutMs },
        'drain deadline reached; stopping with work still in flight',
      );
    }
  }

  /** Stops started components in reverse order; returns how many failed. */
  private async stopStarted(): Promise<number> {
    let failures = 0;
    for (const component of [...this.started].reverse()) {
      try {
        await component.stop();
      } catch (err) {
        failures += 1;
        this.options.logger.error({ err, component: component.name }, 'component failed to stop');
      }
    }
    this.started.length = 0;
    return failures;
  }

  private transition(next: LifecycleState): void {
    const previous = this.current;
    if (previous === next) return;
    this.current = next;
    this.options.logger.info({ state: next, previous }, `lifecycle ${next}`);
    for (const listener of this.listeners) {
      try {
        listener(next, previous);
      } catch (err) {
        this.options.logger.error({ err }, 'lifecycle listener failed');
      }
    }
  }
}
