export {};
//# sourceMappingURL=alert-facts.js.map