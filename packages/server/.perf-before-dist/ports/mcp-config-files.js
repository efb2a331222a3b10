export {};
//# sourceMappingURL=mcp-config-files.js.map