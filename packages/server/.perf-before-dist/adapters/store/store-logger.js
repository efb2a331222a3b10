export const silentStoreLogger = {
    info: () => undefined,
    warn: () => undefined,
};
//# sourceMappingURL=store-logger.js.map