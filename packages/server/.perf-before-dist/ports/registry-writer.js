export {};
//# sourceMappingURL=registry-writer.js.map