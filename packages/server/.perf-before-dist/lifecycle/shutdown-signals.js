export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 };
const SIGNALS = ['SIGTERM', 'SIGINT'];
export function installShutdownHandlers(options) {
    const { lifecycle, logger, exit } = options;
    let began = false;
    const shutdown = (reason) => {
        if (began)
            return;
        began = true;
        const watchdog = setTimeout(() => {
            logger.fatal({ reason, forceExitTimeoutMs: options.forceExitTimeoutMs, state: lifecycle.state }, 'shutdown took too long; forcing exit');
            exit(EXIT_FAILURE);
        }, options.forceExitTimeoutMs);
        // The watchdog must never be what keeps the process alive.
        watchdog.unref();
        logger.info({ reason }, 'shutting down');
        lifecycle.stop().then(() => {
            clearTimeout(watchdog);
            const code = lifecycle.state === 'stopped' ? EXIT_OK : EXIT_FAILURE;
            logger.info({ state: lifecycle.state, exitCode: code }, 'shutdown complete');
            exit(code);
        }, (err) => {
            clearTimeout(watchdog);
            logger.fatal({ err }, 'shutdown failed');
            exit(EXIT_FAILURE);
        });
    };
    const listeners = SIGNALS.map((signal) => {
        const listener = () => {
            if (began) {
                logger.warn({ signal }, 'second signal; exiting immediately');
                exit(SIGNAL_EXIT[signal]);
                return;
            }
            shutdown(signal);
        };
        options.signals.on(signal, listener);
        return [signal, listener];
    });
    return {
        shutdown,
        uninstall() {
            for (const [signal, listener] of listeners)
                options.signals.off(signal, listener);
        },
    };
}
//# sourceMappingURL=shutdown-signals.js.map