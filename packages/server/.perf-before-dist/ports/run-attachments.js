export {};
//# sourceMappingURL=run-attachments.js.map