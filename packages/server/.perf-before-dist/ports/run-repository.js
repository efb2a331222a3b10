export {};
//# sourceMappingURL=run-repository.js.map