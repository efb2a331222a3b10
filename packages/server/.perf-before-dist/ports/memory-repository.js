export {};
//# sourceMappingURL=memory-repository.js.map