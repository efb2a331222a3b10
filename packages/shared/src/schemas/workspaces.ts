/**
 * Isolated task workspaces (docs/workspaces-and-approvals.md): a task may ask for its own git
 * worktree, on a new branch `task/<taskId>` from a base of a configured repository
 * (WORKSPACE_REPOS). The agent works in it; a person reviews the diff and commits, merges into
 * the base, or discards it.
 */
import { z } from 'zod';

/** A repository's name in WORKSPACE_REPOS (`name=/abs/path`). */
export const workspaceRepoName = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, ".", "_" and "-"');

/** A branch or commit: no leading "-" (never read as a git option), no spaces, no "..". */
export const gitRefName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^-\s~^:?*[\\][^\s~^:?*[\\]*$/, 'a branch or commit name')
  .refine((s) => !s.includes('..') && !s.endsWith('.lock') && !s.endsWith('/'), 'a branch or commit name');

/** Relative paths inside the repository: no absolute paths, no "..". */
const repoRelativePath = z
  .string()
  .min(1)
  .max(500)
  .refine((p) => !p.startsWith('/') && !p.split(/[\\/]/).includes('..'), 'a path inside the repository');

export const taskWorkspaceRequest = z
  .object({
    repo: workspaceRepoName,
    /** Branch or commit to start from; default the repository's current HEAD. */
    base: gitRefName.optional(),
    /** Files copied from the repository's checkout into the worktree (untracked `.env` files …). */
    copyFiles: z.array(repoRelativePath).max(50).optional(),
    /** A setup command as argv (never a shell), run in the worktree before the agent, e.g. ["npm", "ci"]. */
    setupCommand: z.array(z.string().min(1).max(1_000)).min(1).max(100).optional(),
  })
  .strict();
export type TaskWorkspaceRequest = z.infer<typeof taskWorkspaceRequest>;

/**
 * `requested`: stored with the task; `ready`: the worktree exists (setup done); `setup_failed`:
 * the setup command failed (the run fails, a retry tries again); `merged` / `discarded`: closed,
 * the worktree removed; `removed`: the worktree was cleaned up by age (the branch is kept).
 */
export const workspaceStatusIds = ['requested', 'ready', 'setup_failed', 'merged', 'discarded', 'removed'] as const;
export const workspaceStatus = z.enum(workspaceStatusIds);
export type WorkspaceStatus = z.infer<typeof workspaceStatus>;

export const taskWorkspace = z.object({
  taskId: z.string(),
  repo: z.string(),
  /** The base as asked (branch or commit), and the commit the branch started from. */
  base: z.string(),
  baseCommit: z.string().nullable(),
  branch: z.string(),
  path: z.string().nullable(),
  status: workspaceStatus,
  setupCommand: z.array(z.string()).nullable(),
  copyFiles: z.array(z.string()),
  /** The setup command's last output (tail) and exit code. */
  setupOutput: z.string().nullable(),
  setupExitCode: z.number().int().nullable(),
  /** The branch's head when last read (after a commit or merge). */
  headCommit: z.string().nullable(),
  /** The base's commit after the merge. */
  mergedCommit: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TaskWorkspace = z.infer<typeof taskWorkspace>;

export const workspaceFileChange = z.object({
  path: z.string(),
  /** git's status letter: A added, M modified, D deleted, R renamed, ? untracked. */
  status: z.string(),
  additions: z.number().int().nullable(),
  deletions: z.number().int().nullable(),
});
export type WorkspaceFileChange = z.infer<typeof workspaceFileChange>;

export const WORKSPACE_DIFF_PAGE_FILES = 20;

/** `GET /api/tasks/:id/workspace/diff?page=`: the changes against the base, committed or not, paged by file. */
export const workspaceDiff = z.object({
  taskId: z.string(),
  baseCommit: z.string(),
  page: z.number().int().min(1),
  pageCount: z.number().int().min(0),
  totalFiles: z.number().int().min(0),
  /** Every changed file (the page list); the patches below cover this page's files only. */
  files: z.array(workspaceFileChange),
  patches: z.array(z.object({ path: z.string(), patch: z.string(), truncated: z.boolean() })),
});
export type WorkspaceDiff = z.infer<typeof workspaceDiff>;

export const workspaceDiffQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) }).strict();
export const commitWorkspaceBody = z.object({ message: z.string().trim().min(1).max(5_000) }).strict();
export type CommitWorkspaceBody = z.infer<typeof commitWorkspaceBody>;
/** `ff`: fast-forward only; `merge`: a merge commit when the base moved (default). */
export const mergeWorkspaceBody = z.object({ mode: z.enum(['ff', 'merge']).default('merge') }).strict();
export type MergeWorkspaceBody = z.infer<typeof mergeWorkspaceBody>;
