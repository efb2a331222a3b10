export {};
//# sourceMappingURL=workspace-repository.js.map