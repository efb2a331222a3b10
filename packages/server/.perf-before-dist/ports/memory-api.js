export {};
//# sourceMappingURL=memory-api.js.map