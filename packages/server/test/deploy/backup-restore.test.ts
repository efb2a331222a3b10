/**
 * scripts/backup.sh and scripts/restore.sh against the machine's PostgreSQL: a database filled by
 * the real services (tasks run to completion by the dispatcher with the fake agent, their runs
 * and events, employees, encrypted memories) is backed up, restored into a fresh database, and
 * compared table by table (row counts and a checksum of every row), with the same schema and
 * sequences. Also: the guard against restoring over data, --clean, --latest, checksum and gzip
 * verification, retention, and the S3 upload through an `aws` stand-in at the process boundary.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { fakeScript, makeCoreLoopHarness, teamMember } from '../support/core-loop-harness.js';
import { makeMemoryHarness, type MemoryHarness } from '../support/memory-harness.js';
import { createTestDatabase, TEST_DATABASE_URL, withAdminClient, type TestDatabase } from '../support/postgres.js';
import { repoPath, requireTool, runToolAsync, type ToolResult } from './support/tools.js';

const BACKUP = repoPath('scripts', 'backup.sh');
const RESTORE = repoPath('scripts', 'restore.sh');

/** The URL of another database on the test server. */
const urlOf = (database: string): string => TEST_DATABASE_URL.replace(/\/[^/?]*(\?|$)/, `/${database}$1`);

interface TableSum {
  rows: number;
  checksum: string;
}

/** Row count and an md5 over every row's text form, per table of the public schema. */
async function tableSums(database: string): Promise<Record<string, TableSum>> {
  return withAdminClient(async (client: pg.Client) => {
    const tables = await client.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
    );
    const sums: Record<string, TableSum> = {};
    for (const { name } of tables.rows) {
      const res = await client.query<{ rows: number; checksum: string }>(
        `select count(*)::int as rows, coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') as checksum from public."${name}" t`,
      );
      sums[name] = res.rows[0] ?? { rows: -1, checksum: '' };
    }
    return sums;
  }, urlOf(database));
}

async function sequences(database: string): Promise<Array<{ name: string; last: string | null }>> {
  return withAdminClient(
    async (client) => (await client.query<{ name: string; last: string | null }>("select sequencename as name, last_value::text as last from pg_sequences where schemaname = 'public' order by 1")).rows,
    urlOf(database),
  );
}

/** Runs a script with a clean environment (no developer DATABASE_URL leaks in). */
function script(path: string, args: string[], env: Record<string, string>): Promise<ToolResult> {
  return runToolAsync(path, args, { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? tmpdir(), ...env }, timeoutMs: 120_000 });
}

function schemaDump(database: string): Promise<ToolResult> {
  return runToolAsync('pg_dump', ['--schema-only', '--no-owner', '--no-acl', `--dbname=${urlOf(database)}`]);
}

let mem: MemoryHarness;
let source: string;
const databases: TestDatabase[] = [];
let dir: string;

beforeAll(async () => {
  for (const tool of ['pg_dump', 'pg_restore', 'psql', 'gzip', 'sha256sum']) requireTool(tool);
  dir = mkdtempSync(join(tmpdir(), 'dash-backup-'));

  // The real services write the data: encrypted memories, then tasks run by the dispatcher.
  mem = await makeMemoryHarness('postgres');
  const { db } = storeDatabaseOf(mem.store);
  source = (await sql<{ name: string }>`select current_database() as name`.execute(db)).rows[0]?.name ?? '';
  for (let i = 0; i < 6; i++) {
    await mem.service.create(i % 2 === 0 ? 'experience' : 'knowledge', {
      employeeId: 'emp_001',
      content: `Lesson ${i}: run the migrations under the advisory lock before serving — ünïcode and "quotes" kept`,
      context: { project: `backup test ${i}`, outcome: "restored" },
    });
  }
  const loop = await makeCoreLoopHarness({ store: mem.store, team: [teamMember('emp_101')] });
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const task = await loop.tasks.create(
      { title: `Backup task ${i}`, description: fakeScript('Work.', { steps: [{ text: `Result ${i}` }] }), requiredSkills: ['backend_development'] },
      'api',
    );
    ids.push(task.id);
  }
  for (const id of ids) await loop.waitForTask(id, (t) => t.status === 'completed');
  // Stops the dispatcher and closes the store: nothing writes while the database is compared.
  await loop.close();
});

afterAll(async () => {
  await mem?.cleanup();
  for (const d of databases) await d.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function freshDatabase(): Promise<TestDatabase> {
  const d = await createTestDatabase();
  databases.push(d);
  return d;
}

describe('backup.sh -> restore.sh round trip (PostgreSQL)', () => {
  let backupFile: string;

  it('backs up: custom-format dump, gzip, sha256, the path on stdout', async () => {
    const res = await script(BACKUP, [], { DATABASE_URL: urlOf(source), BACKUP_DIR: join(dir, 'local') });
    expect(res.code, res.output).toBe(0);
    backupFile = res.stdout.trim().split('\n').at(-1) ?? '';
    expect(backupFile).toMatch(/\/dashboard_\d{8}T\d{6}Z\.dump\.gz$/);
    expect(readdirSync(join(dir, 'local')).sort()).toEqual([backupFile.split('/').at(-1), `${backupFile.split('/').at(-1)}.sha256`]);
    const listing = await runToolAsync('sh', ['-c', 'gzip -dc "$1" | head -c 5', 'sh', backupFile]);
    expect(listing.stdout).toBe('PGDMP'); // pg_dump's custom format
  });

  it('restores into a fresh database with equal row counts and checksums in every table, schema and sequences', async () => {
    const target = await freshDatabase();
    const res = await script(RESTORE, [backupFile], { DATABASE_URL: target.url });
    expect(res.code, res.output).toBe(0);
    expect(res.stderr).toContain('checksum ok');

    const before = await tableSums(source);
    const after = await tableSums(target.name);
    expect(after).toEqual(before);
    for (const table of ['tasks', 'runs', 'run_events', 'employees', 'memories', 'jobs', 'task_timeline']) {
      expect(before[table]?.rows, `${table} has rows to compare`).toBeGreaterThan(0);
    }
    expect(await sequences(target.name)).toEqual(await sequences(source));
    const [schemaBefore, schemaAfter] = await Promise.all([schemaDump(source), schemaDump(target.name)]);
    expect(schemaAfter.code, schemaAfter.output).toBe(0);
    const strip = (s: string): string => s.replace(/^--.*$/gm, '').replace(/^\\(un)?restrict .*$/gm, '');
    expect(strip(schemaAfter.stdout)).toBe(strip(schemaBefore.stdout));
  });

  it('refuses to restore over a database that has tables, and changes nothing', async () => {
    const target = await freshDatabase();
    expect((await script(RESTORE, [backupFile], { DATABASE_URL: target.url })).code).toBe(0);
    await withAdminClient((c) => c.query("update tasks set title = 'changed after restore'"), target.url);
    const changed = await tableSums(target.name);
    const again = await script(RESTORE, [backupFile], { DATABASE_URL: target.url });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/is not empty \(\d+ tables\)/);
    expect(await tableSums(target.name)).toEqual(changed);
  });

  it('--clean --latest replaces the objects of the newest backup in a database that has them', async () => {
    const target = await freshDatabase();
    expect((await script(RESTORE, [backupFile], { DATABASE_URL: target.url })).code).toBe(0);
    await withAdminClient((c) => c.query('delete from run_events'), target.url);
    const res = await script(RESTORE, ['--clean', '--latest'], { DATABASE_URL: target.url, BACKUP_DIR: join(dir, 'local') });
    expect(res.code, res.output).toBe(0);
    expect(await tableSums(target.name)).toEqual(await tableSums(source));
  });

  it('rejects a backup that does not match its checksum or is not gzip, before touching the database', async () => {
    const target = await freshDatabase();
    const tampered = join(dir, 'tampered');
    rmSync(tampered, { recursive: true, force: true });
    await runToolAsync('mkdir', ['-p', tampered]);
    const name = backupFile.split('/').at(-1) ?? '';
    const bytes = readFileSync(backupFile);
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0xff;
    writeFileSync(join(tampered, name), bytes);
    writeFileSync(join(tampered, `${name}.sha256`), readFileSync(`${backupFile}.sha256`));
    const mismatch = await script(RESTORE, [join(tampered, name)], { DATABASE_URL: target.url });
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toContain('does not match its .sha256 checksum');

    const notGzip = join(tampered, 'dashboard_20000101T000000Z.dump.gz');
    writeFileSync(notGzip, 'not a backup');
    const bad = await script(RESTORE, [notGzip], { DATABASE_URL: target.url });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is not a valid gzip file');
    expect(await tableSums(target.name)).toEqual({});
  });

  it('fails clearly without a database or with a bad setting, and leaves no partial file', async () => {
    const out = join(dir, 'failing');
    const unreachable = await script(BACKUP, [], { DATABASE_URL: 'postgres://root@127.0.0.1:1/none', BACKUP_DIR: out });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('pg_dump failed');
    expect(readdirSync(out)).toEqual([]);
    const retention = await script(BACKUP, [], { DATABASE_URL: urlOf(source), BACKUP_DIR: out, BACKUP_RETENTION_DAYS: 'forever' });
    expect(retention.code).toBe(1);
    expect(retention.stderr).toContain('BACKUP_RETENTION_DAYS must be a whole number');
    const none = await script(BACKUP, [], { BACKUP_DIR: out });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no database given');
  });

  it("accepts the seed's DB_* variables as well as DATABASE_URL", async () => {
    const url = new URL(urlOf(source));
    const res = await script(BACKUP, [], {
      DB_HOST: url.hostname,
      DB_PORT: url.port || '5432',
      DB_USER: decodeURIComponent(url.username) || 'root',
      DB_NAME: source,
      BACKUP_DIR: join(dir, 'seed-vars'),
    });
    expect(res.code, res.output).toBe(0);
    expect(res.stderr).toContain(`database ${source} on ${url.hostname}`);
  });
});

describe('retention and S3 upload', () => {
  it('deletes local backups older than BACKUP_RETENTION_DAYS and keeps the rest', async () => {
    const out = join(dir, 'retention');
    await runToolAsync('mkdir', ['-p', out]);
    const old = join(out, 'dashboard_20200101T000000Z.dump.gz');
    const recent = join(out, 'dashboard_20990101T000000Z.dump.gz');
    const unrelated = join(out, 'notes.txt');
    for (const f of [old, `${old}.sha256`, recent, unrelated]) writeFileSync(f, 'x');
    const tenDaysAgo = (Date.now() - 10 * 86_400_000) / 1000;
    for (const f of [old, `${old}.sha256`, unrelated]) utimesSync(f, tenDaysAgo, tenDaysAgo);
    const res = await script(BACKUP, [], { DATABASE_URL: urlOf(source), BACKUP_DIR: out, BACKUP_RETENTION_DAYS: '7' });
    expect(res.code, res.output).toBe(0);
    const left = readdirSync(out).sort();
    expect(left).not.toContain('dashboard_20200101T000000Z.dump.gz');
    expect(left).not.toContain('dashboard_20200101T000000Z.dump.gz.sha256');
    expect(left).toContain('dashboard_20990101T000000Z.dump.gz');
    expect(left).toContain('notes.txt');
    expect(left.filter((f) => f.endsWith('.dump.gz'))).toHaveLength(2);
  });

  it('uploads the backup and its checksum with `aws s3 cp` when BACKUP_S3_URI is set, and fails when the upload fails', async () => {
    // The aws CLI is replaced at the process boundary by a script that records its arguments.
    const bin = join(dir, 'fake-bin');
    await runToolAsync('mkdir', ['-p', bin]);
    const calls = join(dir, 'aws-calls.txt');
    writeFileSync(join(bin, 'aws'), `#!/bin/sh\nprintf '%s\\n' "$*" >> "${calls}"\n[ -z "$AWS_FAIL" ] || exit 1\n`);
    chmodSync(join(bin, 'aws'), 0o755);
    const env = { DATABASE_URL: urlOf(source), BACKUP_DIR: join(dir, 's3'), BACKUP_S3_URI: 's3://dash-backups/database/', PATH: `${bin}:${process.env.PATH ?? ''}` };
    const res = await script(BACKUP, [], env);
    expect(res.code, res.output).toBe(0);
    const name = res.stdout.trim().split('/').at(-1) ?? '';
    expect(readFileSync(calls, 'utf8').trim().split('\n')).toEqual([
      `s3 cp --only-show-errors ${join(dir, 's3', name)} s3://dash-backups/database/${name}`,
      `s3 cp --only-show-errors ${join(dir, 's3', name)}.sha256 s3://dash-backups/database/${name}.sha256`,
    ]);
    const failed = await script(BACKUP, [], { ...env, BACKUP_DIR: join(dir, 's3-failing'), AWS_FAIL: '1' });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('the local backup is kept');
    const bad = await script(BACKUP, [], { ...env, BACKUP_S3_URI: 'dash-backups' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('BACKUP_S3_URI must look like s3://');
  });
});
