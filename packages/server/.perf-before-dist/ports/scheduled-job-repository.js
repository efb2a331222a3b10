export {};
//# sourceMappingURL=scheduled-job-repository.js.map