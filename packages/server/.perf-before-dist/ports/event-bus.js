export {};
//# sourceMappingURL=event-bus.js.map