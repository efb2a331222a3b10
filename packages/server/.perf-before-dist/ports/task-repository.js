export {};
//# sourceMappingURL=task-repository.js.map