/**
 * WorkspaceService on a SQLite store with real git (the parts the e2e test does not reach): a
 * failing setup command leaves `setup_failed` with its output and fails the start, a retry runs it
 * again; a setup command past WORKSPACE_SETUP_TIMEOUT is killed; the age sweep removes worktrees of
 * finished tasks only (their branch stays) and leaves running tasks' worktrees alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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
