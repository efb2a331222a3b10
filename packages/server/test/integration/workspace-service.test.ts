/**
 * WorkspaceService on a SQLite store with real git (the parts the e2e test does not reach): a
 * failing setup command leaves `setup_failed` with its output and fails the start, a retry runs it
 * again; a setup command past WORKSPACE_SETUP_TIMEOUT is killed; the age sweep removes worktrees of
 * finished tasks only (their branch stays) and leaves running tasks' worktrees alone; a resolved
 * task's worktree goes (with its branch) only when nothing is unmerged, else it is kept; a task run
 * again after its worktree was removed gets a new one with its work; the sweep first commits
 * uncommitted work (not ignored files) on the branch as the dashboard, and keeps the worktree when
 * that fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TaskStatus } from '@dash/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitCliWorktrees } from '../../src/adapters/git/git-cli-worktrees.js';
import { KyselyWorkspaceRepository } from '../../src/adapters/store/kysely-workspace-repository.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { createLogger } from '../../src/observability/logger.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Store } from '../../src/ports/store.js';
import { WorkspaceService } from '../../src/services/workspaces/workspace-service.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

describe('WorkspaceService (SQLite, real git)', () => {
  let dir: TempDir;
  let store: Store;
  let repo: string;
  let now: number;
  const statuses = new Map<string, TaskStatus>();
  const clock: Clock = { now: () => now, isoNow: () => new Date(now).toISOString() };

  const git = (...args: string[]): string => {
    const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@e' } });
    if (r.status !== 0) throw new Error(r.stderr);
    return r.stdout.trim();
  };

  const service = (setupTimeoutMs = 60_000): WorkspaceService =>
    new WorkspaceService({
      workspaces: new KyselyWorkspaceRepository(storeDatabaseOf(store).db as never),
      git: new GitCliWorktrees(),
      repos: new Map([['demo', repo]]),
      root: join(dir.path, 'workdirs'),
      setupTimeoutMs,
      retentionMs: 3_600_000,
      taskStatus: async (id) => statuses.get(id) ?? null,
      clock,
      logger: createLogger({ level: 'silent', nodeId: 'test' }),
    });

  beforeEach(async () => {
    dir = await makeTempDir('dash-ws-service-');
    store = await openStore({ kind: 'sqlite', file: join(dir.path, 'dash.sqlite') });
    repo = join(dir.path, 'repo');
    await mkdir(repo);
    git('init', '-q', '-b', 'main');
    await writeFile(join(repo, 'a.txt'), 'a\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'init');
    now = Date.parse('2026-01-01T00:00:00.000Z');
    statuses.clear();
  });

  afterEach(async () => {
    await store.close();
    await dir.cleanup();
  });

  it('keeps a failed setup with its output, fails the start, and runs the setup again on retry', async () => {
    const ws = service();
    const marker = join(dir.path, 'second-try');
    // Fails until the marker exists.
    const script = `const fs=require('fs');console.log('setting up');if(!fs.existsSync(${JSON.stringify(marker)})){console.error('boom');process.exit(3)}fs.writeFileSync('ready.txt','1')`;
    await ws.request('t1', { repo: 'demo', setupCommand: [process.execPath, '-e', script] });
    await expect(ws.prepare({ id: 't1' })).rejects.toMatchObject({ code: 'WORKSPACE_SETUP_FAILED' });
    const failed = await ws.getOrThrow('t1');
    expect(failed).toMatchObject({ status: 'setup_failed', setupExitCode: 3, base: 'main' });
    expect(failed.setupOutput).toContain('boom');

    await writeFile(marker, '');
    const path = await ws.prepare({ id: 't1' });
    expect(path).toBe(failed.path);
    expect(existsSync(join(path!, 'ready.txt'))).toBe(true);
    expect(await ws.getOrThrow('t1')).toMatchObject({ status: 'ready', setupExitCode: 0 });
    // Ready: later runs reuse it without setting up again.
    expect(await ws.prepare({ id: 't1' })).toBe(path);
  });

  it('kills a setup command that outlives WORKSPACE_SETUP_TIMEOUT', async () => {
    const ws = service(500);
    await ws.request('t2', { repo: 'demo', setupCommand: [process.execPath, '-e', 'setInterval(() => {}, 1000)'] });
    await expect(ws.prepare({ id: 't2' })).rejects.toMatchObject({ code: 'WORKSPACE_SETUP_FAILED', message: expect.stringContaining('timed out') });
    expect((await ws.getOrThrow('t2')).status).toBe('setup_failed');
  });

  describe('on resolve', () => {
    /** A workspace made for a run, with `work` done in its worktree. */
    const prepared = async (ws: WorkspaceService, id: string, work: (path: string) => Promise<void> = async () => undefined): Promise<string> => {
      await ws.request(id, { repo: 'demo' });
      const path = (await ws.prepare({ id }))!;
      await work(path);
      statuses.set(id, 'resolved');
      return path;
    };
    const inTree = (path: string, ...args: string[]): string => {
      const r = spawnSync('git', args, { cwd: path, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@e', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@e' } });
      if (r.status !== 0) throw new Error(r.stderr);
      return r.stdout.trim();
    };

    it('removes the worktree and its branch when the agent changed nothing', async () => {
      const ws = service();
      const path = await prepared(ws, 'clean');
      expect(await ws.resolved('clean')).toBe('removed');
      expect(existsSync(path)).toBe(false);
      expect(git('branch', '--list', 'task/clean')).toBe('');
      expect(git('worktree', 'list')).not.toContain(path);
      expect(await ws.getOrThrow('clean')).toMatchObject({ status: 'removed', headCommit: git('rev-parse', 'main') });
      expect(await ws.resolved('clean')).toBe('none');
    });

    it('keeps a worktree with uncommitted or untracked changes', async () => {
      const ws = service();
      const untracked = await prepared(ws, 'untracked', (p) => writeFile(join(p, 'new.txt'), 'new\n'));
      const modified = await prepared(ws, 'modified', (p) => writeFile(join(p, 'a.txt'), 'changed\n'));
      for (const [id, path] of [['untracked', untracked], ['modified', modified]] as const) {
        expect(await ws.resolved(id)).toBe('kept');
        expect(existsSync(path)).toBe(true);
        expect((await ws.getOrThrow(id)).status).toBe('ready');
      }
    });

    it('keeps committed work the base lacks, and removes it once the base has it', async () => {
      const ws = service();
      const path = await prepared(ws, 'committed', async (p) => {
        await writeFile(join(p, 'feature.txt'), 'feature\n');
        inTree(p, 'add', '-A');
        inTree(p, 'commit', '-q', '-m', 'feature');
      });
      expect(await ws.resolved('committed')).toBe('kept');
      expect(existsSync(path)).toBe(true);
      expect(git('branch', '--list', 'task/committed')).toContain('task/committed');

      // Merged into main outside the dashboard: nothing is lost any more.
      git('merge', '-q', '--ff-only', 'task/committed');
      expect(await ws.resolved('committed')).toBe('removed');
      expect(existsSync(path)).toBe(false);
      expect(git('branch', '--list', 'task/committed')).toBe('');
    });

    it('a task run again after removal gets a new worktree: at its last head, or on the branch the sweep kept', async () => {
      const ws = service();
      // Resolved clean (branch deleted), then reopened: a new worktree at the recorded head.
      const first = await prepared(ws, 'again');
      expect(await ws.resolved('again')).toBe('removed');
      statuses.set('again', 'queued');
      expect(await ws.prepare({ id: 'again' })).toBe(first);
      expect(existsSync(join(first, 'a.txt'))).toBe(true);
      expect(await ws.getOrThrow('again')).toMatchObject({ status: 'ready', path: first });
      expect(git('branch', '--list', 'task/again')).toContain('task/again');

      // Committed work, kept on resolve, swept for age (branch kept), then reopened: the commit is there.
      const swept = await prepared(ws, 'swept', async (p) => {
        await writeFile(join(p, 'work.txt'), 'work\n');
        inTree(p, 'add', '-A');
        inTree(p, 'commit', '-q', '-m', 'work');
      });
      expect(await ws.resolved('swept')).toBe('kept');
      now += 2 * 3_600_000;
      expect(await ws.sweep()).toBeGreaterThanOrEqual(1);
      expect(existsSync(swept)).toBe(false);
      statuses.set('swept', 'queued');
      expect(await ws.prepare({ id: 'swept' })).toBe(swept);
      expect(inTree(swept, 'log', '--format=%s', '-1')).toBe('work');
      expect(existsSync(join(swept, 'work.txt'))).toBe(true);
    });
  });

  describe('the age sweep never loses uncommitted work', () => {
    /** A finished task's worktree, made from a base that ignores `*.log` and `node_modules/`, left dirty. */
    const dirty = async (ws: WorkspaceService, id: string): Promise<string> => {
      await writeFile(join(repo, '.gitignore'), '*.log\nnode_modules/\n');
      git('add', '-A');
      git('commit', '-q', '-m', 'ignore');
      await ws.request(id, { repo: 'demo' });
      const path = (await ws.prepare({ id }))!;
      await writeFile(join(path, 'a.txt'), 'modified\n');
      await writeFile(join(path, 'new.txt'), 'untracked\n');
      await writeFile(join(path, 'debug.log'), 'ignored\n');
      await mkdir(join(path, 'node_modules'));
      await writeFile(join(path, 'node_modules', 'dep.js'), 'ignored\n');
      statuses.set(id, 'completed');
      return path;
    };

    it('commits modified and untracked (not ignored) files on the branch, then removes the worktree; a reopened task finds them', async () => {
      const ws = service();
      const path = await dirty(ws, 'dirty');
      const before = git('rev-parse', 'task/dirty');
      now += 2 * 3_600_000;
      expect(await ws.sweep()).toBe(1);

      expect(existsSync(path)).toBe(false);
      expect(git('worktree', 'list')).not.toContain(path);
      const head = git('rev-parse', 'task/dirty');
      expect(git('rev-parse', 'task/dirty^')).toBe(before);
      expect(git('diff-tree', '--no-commit-id', '--name-only', '-r', 'task/dirty').split('\n')).toEqual(['a.txt', 'new.txt']);
      expect(git('show', 'task/dirty:a.txt')).toBe('modified');
      expect(git('log', '-1', '--format=%an <%ae>|%s', 'task/dirty')).toBe(
        'dashboard <dashboard@dashboard.local>|Snapshot of uncommitted work before the worktree was removed (idle since 2026-01-01T00:00:00.000Z)',
      );
      expect(await ws.getOrThrow('dirty')).toMatchObject({ status: 'removed', headCommit: head });

      // Reopened: the worktree is made again on the branch, with the snapshotted files.
      statuses.set('dirty', 'queued');
      expect(await ws.prepare({ id: 'dirty' })).toBe(path);
      expect(await readFile(join(path, 'a.txt'), 'utf8')).toBe('modified\n');
      expect(await readFile(join(path, 'new.txt'), 'utf8')).toBe('untracked\n');
      expect(existsSync(join(path, 'debug.log'))).toBe(false);
      expect(existsSync(join(path, 'node_modules'))).toBe(false);
      expect(await ws.getOrThrow('dirty')).toMatchObject({ status: 'ready', path });
    });

    it('keeps the worktree, untouched, when the snapshot fails; the next sweep saves and removes it', async () => {
      const ws = service();
      const path = await dirty(ws, 'stuck');
      const before = git('rev-parse', 'task/stuck');
      // Worktrees share the main repository's hooks; this one refuses every ref update (the commit's
      // too; `--no-verify` does not skip it).
      const hooks = resolve(repo, git('rev-parse', '--git-path', 'hooks'));
      await mkdir(hooks, { recursive: true });
      const hook = join(hooks, 'reference-transaction');
      await writeFile(hook, '#!/bin/sh\necho refused >&2\nexit 1\n', { mode: 0o755 });
      now += 2 * 3_600_000;
      expect(await ws.sweep()).toBe(0);

      expect(existsSync(path)).toBe(true);
      expect(await readFile(join(path, 'a.txt'), 'utf8')).toBe('modified\n');
      expect(await readFile(join(path, 'new.txt'), 'utf8')).toBe('untracked\n');
      expect(existsSync(join(path, 'debug.log'))).toBe(true);
      expect(git('rev-parse', 'task/stuck')).toBe(before);
      expect(await ws.getOrThrow('stuck')).toMatchObject({ status: 'ready', path });

      await rm(hook);
      expect(await ws.sweep()).toBe(1);
      expect(existsSync(path)).toBe(false);
      expect(git('show', 'task/stuck:new.txt')).toBe('untracked');
    });
  });

  it('sweeps idle worktrees of finished tasks only, keeping their branches', async () => {
    const ws = service();
    await ws.request('done', { repo: 'demo' });
    await ws.request('busy', { repo: 'demo' });
    const donePath = (await ws.prepare({ id: 'done' }))!;
    const busyPath = (await ws.prepare({ id: 'busy' }))!;
    statuses.set('done', 'completed');
    statuses.set('busy', 'running');

    expect(await ws.sweep()).toBe(0); // not idle long enough yet
    now += 2 * 3_600_000;
    expect(await ws.sweep()).toBe(1);
    expect(existsSync(donePath)).toBe(false);
    expect(existsSync(busyPath)).toBe(true);
    expect((await ws.getOrThrow('done')).status).toBe('removed');
    expect(git('branch', '--list', 'task/done')).toContain('task/done');
  });
});
