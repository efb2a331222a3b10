/**
 * Git operations for isolated task workspaces (adapters/git/git-cli-worktrees.ts spawns `git` with
 * argv arrays, never a shell). Failures are AppErrors: WORKSPACE_BASE_INVALID, WORKSPACE_MERGE_CONFLICT
 * (nothing changed), WORKSPACE_GIT_FAILED (details.stderr).
 */
import type { WorkspaceFileChange } from '@dash/shared';

export interface CommandOutcome {
  exitCode: number | null;
  /** Combined stdout+stderr, the last 16 KiB. */
  output: string;
  timedOut: boolean;
}

export interface GitWorktrees {
  /** The commit a ref names in the repository (WORKSPACE_BASE_INVALID when none). */
  resolveCommit(repo: string, ref: string): Promise<string>;
  /** The branch checked out in the repository, or null (detached HEAD). */
  currentBranch(repo: string): Promise<string | null>;
  /** Whether `ref` is a local branch of the repository. */
  isBranch(repo: string, ref: string): Promise<boolean>;
  /** Whether `commit` is reachable from `ref` (merged into it, or behind it). */
  isAncestor(repo: string, commit: string, ref: string): Promise<boolean>;
  /**
   * Adds a worktree at `path` on `branch`: `git worktree add -b <branch> <path> <commit>`, or, when
   * the branch exists already (a worktree made again for a reopened task), that branch as it is.
   */
  addWorktree(repo: string, path: string, branch: string, commit: string): Promise<void>;
  /** Copies files (relative paths) from the repository's checkout into the worktree. */
  copyInto(repo: string, path: string, files: readonly string[]): Promise<void>;
  /** Runs argv in `cwd` with a timeout (killed after it). */
  runCommand(cwd: string, argv: readonly string[], timeoutMs: number): Promise<CommandOutcome>;
  /** Changed files against `baseCommit`: committed, staged, unstaged and untracked. */
  changedFiles(path: string, baseCommit: string): Promise<WorkspaceFileChange[]>;
  /** The patch of one file against `baseCommit` (untracked files as additions). */
  filePatch(path: string, baseCommit: string, file: WorkspaceFileChange): Promise<string>;
  /** Whether the worktree has uncommitted changes (tracked or untracked). */
  isDirty(path: string): Promise<boolean>;
  /** `git add -A && git commit -m`; returns the new head. */
  commitAll(path: string, message: string, author: { name: string; email: string }): Promise<string>;
  /**
   * Saves the worktree's uncommitted work (modified, staged and untracked files; ignored ones are
   * not) as a commit on `branch`, like commitAll (hooks skipped). Returns the new head, or null when
   * there is nothing to save: the worktree is clean, or its directory is gone. WORKSPACE_GIT_FAILED
   * when the worktree is not on `branch` (detached, another branch: the commit would not be kept)
   * or git fails (a reference-transaction hook, a lock, signing…); nothing is committed then.
   */
  snapshot(path: string, branch: string, message: string, author: { name: string; email: string }): Promise<string | null>;
  /**
   * Merges `branch` into `base` (a branch) in the main repository without touching its checkout
   * unless `base` is checked out there; `ff` refuses anything but a fast-forward. Returns the base's new commit.
   */
  merge(repo: string, base: string, branch: string, mode: 'ff' | 'merge', author: { name: string; email: string }): Promise<string>;
  /** Removes the worktree (forced) and, when asked, deletes the branch. */
  removeWorktree(repo: string, path: string, branch: string | null): Promise<void>;
  headCommit(path: string): Promise<string>;
}
