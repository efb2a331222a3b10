/**
 * Process entry point: load config (exit 78 on bad config), build the app, own the signals,
 * start, and log `ready` with the URL and how long startup took since the process began.
 * Exit codes: 0 clean stop, 1 failed start/stop or forced exit, 78 bad config,
 * 130/143 a second SIGINT/SIGTERM during shutdown.
 */
import { performance } from 'node:perf_hooks';
import { EXIT_CONFIG, formatConfigIssues, loadConfig } from './config/load-config.js';
import { EXIT_FAILURE, installShutdownHandlers } from './lifecycle/shutdown-signals.js';
const loaded = loadConfig(process.env);
if (!loaded.ok) {
    process.stderr.write(formatConfigIssues(loaded.issues));
    process.exit(EXIT_CONFIG);
}
const config = loaded.config;
// Imported after the config check so that a bad environment is reported without loading the
// HTTP stack and drivers.
const { createApp } = await import('./app.js');
const app = createApp(config);
const { logger } = app;
const shutdown = installShutdownHandlers({
    lifecycle: app.lifecycle,
    logger,
    forceExitTimeoutMs: config.lifecycle.forceExitTimeoutMs,
    exit: (code) => process.exit(code),
    signals: process,
});
process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception');
    process.exit(EXIT_FAILURE);
});
process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled promise rejection');
    process.exit(EXIT_FAILURE);
});
try {
    const { url } = await app.start();
    logger.info({
        url,
        role: config.role.name,
        startupMs: Math.round(performance.now()),
        store: config.databaseUrl === null ? 'sqlite' : 'postgres',
        queue: config.redisUrl === null ? 'embedded' : 'redis',
        serveWeb: config.web.serve,
    }, 'ready');
}
catch (err) {
    if (app.lifecycle.state === 'failed' || !app.lifecycle.isShuttingDown) {
        logger.fatal({ err }, 'startup failed');
        process.exit(EXIT_FAILURE);
    }
    // A signal arrived while starting: the shutdown handler finishes the job and exits.
    shutdown.shutdown('startup interrupted');
}
//# sourceMappingURL=main.js.map