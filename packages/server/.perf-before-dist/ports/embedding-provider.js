export {};
//# sourceMappingURL=embedding-provider.js.map