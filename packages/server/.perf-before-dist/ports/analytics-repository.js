export {};
//# sourceMappingURL=analytics-repository.js.map