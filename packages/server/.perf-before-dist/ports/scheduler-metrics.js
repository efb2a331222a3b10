export {};
//# sourceMappingURL=scheduler-metrics.js.map