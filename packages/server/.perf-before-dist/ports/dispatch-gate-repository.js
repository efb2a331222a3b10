export {};
//# sourceMappingURL=dispatch-gate-repository.js.map