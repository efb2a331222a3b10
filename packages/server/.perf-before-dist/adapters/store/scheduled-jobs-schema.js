export {};
//# sourceMappingURL=scheduled-jobs-schema.js.map