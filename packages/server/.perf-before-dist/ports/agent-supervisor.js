export {};
//# sourceMappingURL=agent-supervisor.js.map