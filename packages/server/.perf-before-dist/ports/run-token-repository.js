export {};
//# sourceMappingURL=run-token-repository.js.map