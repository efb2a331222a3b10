export {};
//# sourceMappingURL=auth-repository.js.map