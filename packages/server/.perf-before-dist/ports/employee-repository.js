export {};
//# sourceMappingURL=employee-repository.js.map