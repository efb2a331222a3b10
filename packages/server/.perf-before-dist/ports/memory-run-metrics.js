/** What the memory wiring of task runs reports to metrics; implemented by observability (Prometheus). */
export const noopMemoryRunMetrics = {
    recall: () => undefined,
    write: () => undefined,
};
//# sourceMappingURL=memory-run-metrics.js.map