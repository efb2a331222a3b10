/**
 * Isolated task workspaces (docs/workspaces-and-approvals.md).
 *
 *  - request: at task creation, checks the repository (WORKSPACE_REPOS) and base, and stores the
 *    workspace as `requested` — before the task exists, so a refused request creates nothing.
 *  - prepare: at run start (dispatcher), creates `git worktree add -b task/<taskId>` from the base
 *    commit under `<workdir root>/worktrees/<taskId>`, copies the asked files, runs the setup
 *    command (argv, in the worktree, killed after WORKSPACE_SETUP_TIMEOUT) and returns the path:
 *    the agent's cwd. A failed setup leaves `setup_failed` (a retry runs it again) and fails the start.
 *  - diff (paged by file, read on request), commit, merge into the base (fast-forward or merge
 *    commit; a conflict is WORKSPACE_MERGE_CONFLICT and changes nothing), discard.
 *  - cleanup: merge and discard remove the worktree and the branch; `sweep` removes worktrees of
 *    finished tasks idle for WORKSPACE_RETENTION (the branch is kept, status `removed`), first
 *    committing any uncommitted work (modified, staged, untracked; not ignored files) on the branch
 *    as the dashboard (headCommit = that snapshot) — a worktree whose snapshot fails is kept;
 *    `resolved` (the task's result was accepted) removes the worktree and its branch only when
 *    that loses nothing: no uncommitted changes and no commit the base lacks. Otherwise it is kept
 *    for a person to commit/merge or discard (or for the age sweep).
 *  - a task run again (reopened) whose worktree was removed gets a new one on its branch (kept by
 *    the sweep) or, when the branch went with it, at its last head, set up again.
 */
import { join } from 'node:path';
import {
  WORKSPACE_DIFF_PAGE_FILES,
  type Task,
  type TaskStatus,
  type TaskWorkspace,
  type TaskWorkspaceRequest,
  type WorkspaceDiff,
} from '@dash/shared';
import { AppError } from '../../domain/app-error.js';
import type { Clock } from '../../ports/clock.js';
import type { GitWorktrees } from '../../ports/git-worktrees.js';
import type { Logger } from '../../ports/logger.js';
import type { WorkspaceRepository } from '../../ports/workspace-repository.js';

/** A single file's patch is cut at this size (the page stays readable). */
const PATCH_MAX_CHARS = 200_000;
const FINISHED: readonly TaskStatus[] = ['completed', 'resolved', 'failed', 'cancelled', 'blocked'];

export interface WorkspaceServiceDeps {
  workspaces: WorkspaceRepository;
  git: GitWorktrees;
  /** name → repository path (WORKSPACE_REPOS). */
  repos: ReadonlyMap<string, string>;
  /** Where worktrees go: `<root>/worktrees/<taskId>` (inside the agents' workdir roots). */
  root: string;
  setupTimeoutMs: number;
  retentionMs: number;
  /** The task's status (null: no such task), for WORKSPACE_BUSY and the sweep. */
  taskStatus: (taskId: string) => Promise<TaskStatus | null>;
  clock: Clock;
  logger: Logger;
}

export const branchOf = (taskId: string): string => `task/${taskId}`;

export class WorkspaceService {
  constructor(private readonly deps: WorkspaceServiceDeps) {}

  get enabled(): boolean {
    return this.deps.repos.size > 0;
  }

  async request(taskId: string, req: TaskWorkspaceRequest): Promise<TaskWorkspace> {
    const repo = this.repoPath(req.repo);
    const base = req.base ?? (await this.deps.git.currentBranch(repo)) ?? 'HEAD';
    const baseCommit = await this.deps.git.resolveCommit(repo, base);
    const now = this.deps.clock.isoNow();
    return this.deps.workspaces.create({
      taskId,
      repo: req.repo,
      base,
      baseCommit,
      branch: branchOf(taskId),
      path: null,
      status: 'requested',
      setupCommand: req.setupCommand ?? null,
      copyFiles: req.copyFiles ?? [],
      setupOutput: null,
      setupExitCode: null,
      headCommit: baseCommit,
      mergedCommit: null,
      createdAt: now,
      updatedAt: now,
    });
  }

  get(taskId: string): Promise<TaskWorkspace | null> {
    return this.deps.workspaces.get(taskId);
  }

  async getOrThrow(taskId: string): Promise<TaskWorkspace> {
    const ws = await this.deps.workspaces.get(taskId);
    if (ws === null) throw new AppError('WORKSPACE_NOT_FOUND', { details: { taskId } });
    return ws;
  }

  /** The agent's cwd for the task's run, or null when the task has no (open) workspace. */
  async prepare(task: Pick<Task, 'id'>): Promise<string | null> {
    let ws = await this.deps.workspaces.get(task.id);
    if (ws === null) return null;
    if (ws.status === 'ready' && ws.path !== null) return ws.path;
    if (ws.status === 'removed') {
      // Run again after its worktree was removed (resolved clean, or idle past retention): it is
      // made again from the start, files copied and setup run (addWorktree takes a kept branch).
      ws = (await this.deps.workspaces.update(task.id, ['removed'], { status: 'requested', path: null, setupOutput: null, setupExitCode: null, updatedAt: this.deps.clock.isoNow() })) ?? (await this.getOrThrow(task.id));
      this.deps.logger.info({ taskId: task.id }, 'task workspace made again for a new run');
    }
    if (ws.status !== 'requested' && ws.status !== 'setup_failed') {
      this.deps.logger.warn({ taskId: task.id, status: ws.status }, 'the task workspace is closed; the run uses the default directory');
      return null;
    }
    const repo = this.repoPath(ws.repo);
    let path = ws.path;
    if (path === null) {
      path = join(this.deps.root, 'worktrees', task.id);
      await this.deps.git.addWorktree(repo, path, ws.branch, ws.headCommit ?? ws.baseCommit ?? ws.base);
      await this.deps.workspaces.update(task.id, ['requested', 'setup_failed'], { path, updatedAt: this.deps.clock.isoNow() });
      if (ws.copyFiles.length > 0) await this.deps.git.copyInto(repo, path, ws.copyFiles);
    }
    if (ws.setupCommand !== null) {
      const outcome = await this.deps.git.runCommand(path, ws.setupCommand, this.deps.setupTimeoutMs);
      const ok = outcome.exitCode === 0 && !outcome.timedOut;
      await this.deps.workspaces.update(task.id, ['requested', 'setup_failed'], {
        status: ok ? 'ready' : 'setup_failed',
        setupOutput: outcome.output,
        setupExitCode: outcome.exitCode,
        updatedAt: this.deps.clock.isoNow(),
      });
      if (!ok) {
        throw new AppError('WORKSPACE_SETUP_FAILED', {
          message: outcome.timedOut ? `The setup command timed out after ${this.deps.setupTimeoutMs} ms` : `The setup command exited with ${String(outcome.exitCode)}`,
          details: { taskId: task.id, exitCode: outcome.exitCode, timedOut: outcome.timedOut },
        });
      }
    } else {
      await this.deps.workspaces.update(task.id, ['requested', 'setup_failed'], { status: 'ready', updatedAt: this.deps.clock.isoNow() });
    }
    this.deps.logger.info({ taskId: task.id, repo: ws.repo, base: ws.base, path }, 'task workspace ready');
    return path;
  }

  async diff(taskId: string, page: number): Promise<WorkspaceDiff> {
    const ws = await this.open(taskId);
    const baseCommit = ws.baseCommit ?? ws.base;
    const files = await this.deps.git.changedFiles(ws.path, baseCommit);
    const pageCount = Math.ceil(files.length / WORKSPACE_DIFF_PAGE_FILES);
    const slice = files.slice((page - 1) * WORKSPACE_DIFF_PAGE_FILES, page * WORKSPACE_DIFF_PAGE_FILES);
    const patches = [];
    for (const file of slice) {
      const patch = await this.deps.git.filePatch(ws.path, baseCommit, file);
      patches.push({ path: file.path, patch: patch.slice(0, PATCH_MAX_CHARS), truncated: patch.length > PATCH_MAX_CHARS });
    }
    return { taskId, baseCommit, page, pageCount, totalFiles: files.length, files, patches };
  }

  async commit(taskId: string, message: string, actor: string): Promise<TaskWorkspace> {
    const ws = await this.open(taskId);
    await this.notBusy(taskId);
    if (!(await this.deps.git.isDirty(ws.path))) throw new AppError('WORKSPACE_NOTHING_TO_COMMIT', { details: { taskId } });
    const head = await this.deps.git.commitAll(ws.path, message, authorOf(actor));
    this.deps.logger.info({ taskId, head, actor }, 'task workspace committed');
    return this.updated(taskId, { headCommit: head });
  }

  async merge(taskId: string, mode: 'ff' | 'merge', actor: string): Promise<TaskWorkspace> {
    const ws = await this.open(taskId);
    await this.notBusy(taskId);
    const repo = this.repoPath(ws.repo);
    if (!(await this.deps.git.isBranch(repo, ws.base))) throw new AppError('WORKSPACE_BASE_NOT_BRANCH', { details: { taskId, base: ws.base } });
    if (await this.deps.git.isDirty(ws.path)) throw new AppError('WORKSPACE_UNCOMMITTED_CHANGES', { details: { taskId } });
    const head = await this.deps.git.headCommit(ws.path);
    const merged = await this.deps.git.merge(repo, ws.base, ws.branch, mode, authorOf(actor));
    await this.deps.git.removeWorktree(repo, ws.path, ws.branch);
    this.deps.logger.info({ taskId, base: ws.base, merged, actor }, 'task workspace merged');
    return this.closed(taskId, { status: 'merged', headCommit: head, mergedCommit: merged });
  }

  async discard(taskId: string, actor: string): Promise<TaskWorkspace> {
    const ws = await this.getOrThrow(taskId);
    if (ws.status === 'merged' || ws.status === 'discarded') throw new AppError('WORKSPACE_CLOSED', { details: { taskId, status: ws.status } });
    await this.notBusy(taskId);
    await this.deps.git.removeWorktree(this.repoPath(ws.repo), ws.path ?? join(this.deps.root, 'worktrees', taskId), ws.branch);
    this.deps.logger.info({ taskId, actor }, 'task workspace discarded');
    return this.closed(taskId, { status: 'discarded' });
  }

  /**
   * The task was resolved (its result accepted): its worktree and branch go when nothing would be
   * lost — no uncommitted or untracked change, and every commit of the branch already in the base
   * (the base branch, or the base commit when the base is not a branch). Otherwise the workspace
   * stays as it is. Answers what happened; never throws for git (logged, the workspace is kept).
   */
  async resolved(taskId: string): Promise<'removed' | 'kept' | 'none'> {
    const ws = await this.deps.workspaces.get(taskId);
    if (ws === null || (ws.status !== 'ready' && ws.status !== 'setup_failed') || ws.path === null) return 'none';
    const path = ws.path;
    try {
      const repo = this.repoPath(ws.repo);
      const unmerged = await this.unmergedWork(repo, ws, path);
      if (unmerged !== null) {
        this.deps.logger.info({ taskId, why: unmerged }, 'task resolved; its worktree is kept (it holds unmerged work)');
        return 'kept';
      }
      const head = await this.deps.git.headCommit(path);
      // Claimed first: a reopen racing this sees `removed` and makes a new worktree.
      const claimed = await this.deps.workspaces.update(taskId, ['ready', 'setup_failed'], { status: 'removed', headCommit: head, updatedAt: this.deps.clock.isoNow() });
      if (claimed === null) return 'kept';
      await this.deps.git.removeWorktree(repo, path, ws.branch);
      this.deps.logger.info({ taskId }, 'task resolved; its worktree and branch were removed (nothing unmerged)');
      return 'removed';
    } catch (err) {
      this.deps.logger.warn({ err, taskId }, 'checking the worktree of a resolved task failed; it is kept');
      return 'kept';
    }
  }

  /** Why removing the worktree would lose work, or null when it would not. */
  private async unmergedWork(repo: string, ws: TaskWorkspace, path: string): Promise<string | null> {
    if (await this.deps.git.isDirty(path)) return 'uncommitted changes';
    const head = await this.deps.git.headCommit(path);
    const into = (await this.deps.git.isBranch(repo, ws.base)) ? ws.base : (ws.baseCommit ?? ws.base);
    return (await this.deps.git.isAncestor(repo, head, into)) ? null : `commits not in ${ws.base}`;
  }

  /**
   * Removes worktrees of finished tasks idle for WORKSPACE_RETENTION; returns how many. Work is
   * never lost: uncommitted changes (modified, staged, untracked — not ignored files) are first
   * committed on the task's branch, which the sweep keeps, as the dashboard; when that snapshot
   * fails (git error, hook, the worktree off its branch) the worktree is kept and a warning logged,
   * and the next sweep tries again.
   */
  async sweep(): Promise<number> {
    const before = new Date(this.deps.clock.now() - this.deps.retentionMs).toISOString();
    let removed = 0;
    for (const ws of await this.deps.workspaces.listIdleSince(before, 100)) {
      const status = await this.deps.taskStatus(ws.taskId);
      if (status !== null && !FINISHED.includes(status)) continue;
      let snapshot: string | null = null;
      if (ws.path !== null) {
        try {
          snapshot = await this.deps.git.snapshot(ws.path, ws.branch, snapshotMessage(ws.updatedAt), DASHBOARD_AUTHOR);
        } catch (err) {
          this.deps.logger.warn({ err, taskId: ws.taskId, path: ws.path }, 'saving the uncommitted work of an idle worktree failed; the worktree is kept');
          continue;
        }
        if (snapshot !== null) this.deps.logger.info({ taskId: ws.taskId, branch: ws.branch, commit: snapshot }, 'uncommitted work of an idle worktree committed on its branch before removal');
        await this.deps.git.removeWorktree(this.repoPath(ws.repo), ws.path, null);
      }
      const change: Partial<TaskWorkspace> = { status: 'removed', updatedAt: this.deps.clock.isoNow(), ...(snapshot === null ? {} : { headCommit: snapshot }) };
      if ((await this.deps.workspaces.update(ws.taskId, ['ready', 'setup_failed'], change)) !== null) removed += 1;
    }
    if (removed > 0) this.deps.logger.info({ removed }, 'idle task worktrees removed');
    return removed;
  }

  private repoPath(name: string): string {
    const path = this.deps.repos.get(name);
    if (path === undefined) {
      throw new AppError('WORKSPACE_REPO_UNKNOWN', {
        message: `No workspace repository is named ${name}`,
        fields: [{ path: 'body.workspace.repo', message: `must be one of: ${[...this.deps.repos.keys()].join(', ') || '(none configured: set WORKSPACE_REPOS)'}` }],
      });
    }
    return path;
  }

  /** A workspace whose worktree exists. */
  private async open(taskId: string): Promise<TaskWorkspace & { path: string }> {
    const ws = await this.getOrThrow(taskId);
    if (ws.status === 'merged' || ws.status === 'discarded' || ws.status === 'removed') throw new AppError('WORKSPACE_CLOSED', { details: { taskId, status: ws.status } });
    if (ws.path === null) throw new AppError('WORKSPACE_NOT_FOUND', { message: 'The workspace is not created yet (it is created when the task runs)', details: { taskId, status: ws.status } });
    return { ...ws, path: ws.path };
  }

  private async notBusy(taskId: string): Promise<void> {
    if ((await this.deps.taskStatus(taskId)) === 'running') throw new AppError('WORKSPACE_BUSY', { details: { taskId } });
  }

  private async updated(taskId: string, change: Partial<TaskWorkspace>): Promise<TaskWorkspace> {
    return (await this.deps.workspaces.update(taskId, ['ready', 'setup_failed', 'requested'], { ...change, updatedAt: this.deps.clock.isoNow() })) ?? this.getOrThrow(taskId);
  }

  private async closed(taskId: string, change: Partial<TaskWorkspace>): Promise<TaskWorkspace> {
    const done = await this.deps.workspaces.update(taskId, ['requested', 'ready', 'setup_failed', 'removed'], { ...change, updatedAt: this.deps.clock.isoNow() });
    if (done === null) throw new AppError('WORKSPACE_CLOSED', { details: { taskId } });
    return done;
  }
}

/** Commits are authored by the person who asked (user id), at a local placeholder address. */
const authorOf = (actor: string): { name: string; email: string } => ({ name: actor, email: `${actor.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 60) || 'dashboard'}@dashboard.local` });

/** The dashboard's own commits (the sweep's snapshots): `dashboard <dashboard@dashboard.local>`. */
const DASHBOARD_AUTHOR = authorOf('dashboard');

const snapshotMessage = (idleSince: string): string =>
  `Snapshot of uncommitted work before the worktree was removed (idle since ${idleSince})\n\nCommitted by the dashboard's age sweep (WORKSPACE_RETENTION): the worktree's modified, staged and untracked files; ignored files were not kept.`;
