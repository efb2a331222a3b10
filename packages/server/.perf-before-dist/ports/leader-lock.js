export {};
//# sourceMappingURL=leader-lock.js.map