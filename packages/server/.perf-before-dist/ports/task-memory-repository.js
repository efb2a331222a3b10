export {};
//# sourceMappingURL=task-memory-repository.js.map