export {};
//# sourceMappingURL=vector-index.js.map