/** What the task services report to metrics; implemented by observability (Prometheus). */
export const noopTaskMetrics = {
    taskOutcome: () => undefined,
    queueWait: () => undefined,
    runDuration: () => undefined,
};
//# sourceMappingURL=task-metrics.js.map