export {};
//# sourceMappingURL=workflow-schema.js.map