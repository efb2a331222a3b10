export {};
//# sourceMappingURL=alert-repository.js.map