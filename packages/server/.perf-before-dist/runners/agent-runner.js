export {};
//# sourceMappingURL=agent-runner.js.map