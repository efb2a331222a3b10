/**
 * Where workflow templates come from: the `*.json` files of a directory (by default
 * `ai-employees/workflows/`). The template registry reads and watches through this port, so it
 * stays testable and free of node:fs.
 */
export {};
//# sourceMappingURL=workflow-template-source.js.map