export {};
//# sourceMappingURL=cron-schedule.js.map