export {};
//# sourceMappingURL=replica-repository.js.map