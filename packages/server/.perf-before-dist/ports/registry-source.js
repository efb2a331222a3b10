/**
 * Where the employee registry comes from: `employee-registry.json` and the Markdown role prompts
 * next to it (adapters/registry-file). Services read and watch through this port instead of the
 * file system, so they stay testable and free of node:fs.
 */
export {};
//# sourceMappingURL=registry-source.js.map