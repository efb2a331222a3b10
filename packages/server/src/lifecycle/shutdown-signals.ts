/**
 * Turns SIGTERM/SIGINT into a graceful stop and guarantees the process ends:
 *  - first signal: lifecycle.stop() (readiness fails, drain, stop in reverse), then exit 0 —
 *    or 1 if a component failed to stop;
 *  - a second signal: exit at once with 128 + signal number (130 for SIGINT, 143 for SIGTERM),
 *    the shell convention for "killed by that signal";
 *  - the watchdog: FORCE_EXIT_TIMEOUT after the first signal, exit 1 whatever is still running.
 */
import type { LifecycleState } from '@dash/shared';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
const SIGNAL_EXIT: Record<ShutdownSignal, number> = { SIGINT: 130, SIGTERM: 143 };

export type ShutdownSignal = 'SIGTERM' | 'SIGINT';
const SIGNALS: readonly ShutdownSignal[] = ['SIGTERM', 'SIGINT'];

/** Where signals come from: `process` in production, an EventEmitter in tests. */
export interface SignalSource {
  on(event: ShutdownSignal, listener: () => void): unknown;
  off(event: ShutdownSignal, listener: () => void): unknown;
}

export interface ShutdownOptions {
  lifecycle: { stop(): Promise<void>; readonly state: LifecycleState };
  logger: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; fatal(obj: object, msg: string): void };
  forceExitTimeoutMs: number;
  exit(code: number): void;
  signals: SignalSource;
}

export interface ShutdownHandle {
  /** Begins the same graceful shutdown a first signal would (e.g. after a fatal error). */
  shutdown(reason: string): void;
  uninstall(): void;
}

export function installShutdownHandlers(options: ShutdownOptions): ShutdownHandle {
  const { lifecycle, logger, exit } = options;
  let began = false;

  const shutdown = (reason: string): void => {
    if (began) return;
    began = true;
    const watchdog = setTimeout(() => {
      logger.fatal({ reason, forceExitTimeoutMs: options.forceExitTimeoutMs, state: lifecycle.state }, 'shutdown took too long; forcing exit');
      exit(EXIT_FAILURE);
    }, options.forceExitTimeoutMs);
    // The watchdog must never be what keeps the process alive.
    watchdog.unref();
    logger.info({ reason }, 'shutting down');
    lifecycle.stop().then(
      () => {
        clearTimeout(watchdog);
        const code = lifecycle.state === 'stopped' ? EXIT_OK : EXIT_FAILURE;
        logger.info({ state: lifecycle.state, exitCode: code }, 'shutdown complete');
        exit(code);
      },
      (err: unknown) => {
        clearTimeout(watchdog);
        logger.fatal({ err }, 'shutdown failed');
        exit(EXIT_FAILURE);
      },
    );
  };

  const listeners = SIGNALS.map((signal) => {
    const listener = (): void => {
      if (began) {
        logger.warn({ signal }, 'second signal; exiting immediately');
        exit(SIGNAL_EXIT[signal]);
        return;
      }
      shutdown(signal);
    };
    options.signals.on(signal, listener);
    return [signal, listener] as const;
  });

  return {
    shutdown,
    uninstall() {
      for (const [signal, listener] of listeners) options.signals.off(signal, listener);
    },
  };
}
