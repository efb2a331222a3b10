/** The store contract on a SQLite file in a temp dir, plus what only the embedded file can show. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { storeMigrations } from '../../src/adapters/store/migrations/index.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { defineStoreContract } from '../contracts/store.contract.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

defineStoreContract('sqlite', async () => {
  const dir = await makeTempDir('dash-store-');
  const file = join(dir.path, 'nested', 'dir', 'dash.db');
  const store = await openStore({ kind: 'sqlite', file });
  return {
    store,
    reopen: () => openStore({ kind: 'sqlite', file }),
    cleanup: async () => {
      await store.close();
      await dir.cleanup();
    },
  };
});

describe('SQLite store file', () => {
  let dir: TempDir | undefined;
  afterEach(async () => {
    await dir?.cleanup();
    dir = undefined;
  });

  it('keeps data across close and open, migrating only once', async () => {
    dir = await makeTempDir('dash-store-');
    const file = join(dir.path, 'data', 'dash.db');
    const applied: object[] = [];
    const logger = { info: (obj: object) => applied.push(obj), warn: () => undefined };

    const first = await openStore({ kind: 'sqlite', file }, { logger });
    const run = await first.runs.create({
      id: 'run-1', taskId: 't', employeeId: null, runtime: 'shell', model: null, cwd: '/tmp',
      resumeOf: null, nodeId: null, createdAt: '2025-01-01T00:00:00.000Z',
    });
    await first.runEvents.append(run.id, [{ runId: run.id, seq: 1, at: 1, event: { type: 'raw', line: 'x' } }], 10);
    await first.close();
    expect(applied).toEqual(storeMigrations.map(([name]) => ({ migration: name, dialect: 'sqlite' })));

    const second = await openStore({ kind: 'sqlite', file }, { logger });
    try {
      expect(applied).toHaveLength(storeMigrations.length);
      expect(await second.runs.get(run.id)).toMatchObject({ id: 'run-1', eventCount: 1, eventBytes: 10 });
      await expect(second.runEvents.lastSeq(run.id)).resolves.toBe(1);
    } finally {
      await second.close();
    }
  });

  it('uses WAL journaling and enforces foreign keys', async () => {
    dir = await makeTempDir('dash-store-');
    const file = join(dir.path, 'dash.db');
    const store = await openStore({ kind: 'sqlite', file });
    await store.close();
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const fks = raw.pragma('foreign_key_list(run_events)') as Array<{ table: string; on_delete: string }>;
      expect(fks).toEqual([expect.objectContaining({ table: 'runs', on_delete: 'CASCADE' })]);
    } finally {
      raw.close();
    }
  });

  it('fails with STORE_UNAVAILABLE when the file cannot be created', async () => {
    dir = await makeTempDir('dash-store-');
    const blocker = join(dir.path, 'not-a-dir');
    await writeFile(blocker, 'x');
    await expect(openStore({ kind: 'sqlite', file: join(blocker, 'dash.db') })).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
    });
  });
});
