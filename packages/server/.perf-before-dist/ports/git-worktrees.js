export {};
//# sourceMappingURL=git-worktrees.js.map