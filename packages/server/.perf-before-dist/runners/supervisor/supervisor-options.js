export const systemTimers = {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle),
};
export function settingsFrom(options) {
    return {
        maxLineBytes: options.maxLineBytes ?? 1024 * 1024,
        keepBytes: options.truncatedLineKeepBytes ?? 16 * 1024,
        exitDrainMs: options.exitDrainMs ?? 2000,
        killWaitMs: options.killWaitMs ?? 2000,
        groupPollMs: options.groupPollMs ?? 25,
    };
}
//# sourceMappingURL=supervisor-options.js.map