export const noopRunMetrics = {
    tokens: () => undefined,
    cost: () => undefined,
    runEnded: () => undefined,
    eventsPersisted: () => undefined,
};
//# sourceMappingURL=run-metrics.js.map