export {};
//# sourceMappingURL=notification-log.js.map