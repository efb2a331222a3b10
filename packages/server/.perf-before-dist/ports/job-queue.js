export {};
//# sourceMappingURL=job-queue.js.map