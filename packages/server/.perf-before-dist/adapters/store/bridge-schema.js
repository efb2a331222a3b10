export {};
//# sourceMappingURL=bridge-schema.js.map