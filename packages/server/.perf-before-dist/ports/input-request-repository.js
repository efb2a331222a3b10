export {};
//# sourceMappingURL=input-request-repository.js.map