export {};
//# sourceMappingURL=task-link-repository.js.map