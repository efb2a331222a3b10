export {};
//# sourceMappingURL=schedule-repository.js.map