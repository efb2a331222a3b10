export {};
//# sourceMappingURL=workflow-repository.js.map