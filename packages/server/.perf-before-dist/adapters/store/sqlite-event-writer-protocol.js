export {};
//# sourceMappingURL=sqlite-event-writer-protocol.js.map