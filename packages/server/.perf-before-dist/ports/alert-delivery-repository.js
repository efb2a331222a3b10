export {};
//# sourceMappingURL=alert-delivery-repository.js.map