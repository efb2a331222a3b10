export {};
//# sourceMappingURL=run-event-repository.js.map