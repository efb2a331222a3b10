export {};
//# sourceMappingURL=auth-schema.js.map