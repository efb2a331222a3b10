/**
 * The store as two replicas see it, per dialect, for tests of cross-replica guarantees: a
 * database created on first use, a connection per `connect()`, and what a second replica runs on.
 */
import { join } from 'node:path';
import { openStore } from '../../src/adapters/store/open-store.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Store } from '../../src/ports/store.js';
import { createTestDatabase, type TestDatabase } from './postgres.js';
import { makeTempDir, type TempDir } from './temp-dir.js';

export interface ReplicaStores {
  name: string;
  /** A new connection to the test's database (created on the first call). */
  connect(): Promise<Store>;
  /**
   * What a second replica runs on: its own connection (PostgreSQL); SQLite is one process, whose
   * replicas share its connection (two synchronous connections in one process would wait on each
   * other's write lock while blocking the event loop).
   */
  replicaOf(store: Store): Promise<Store>;
  cleanup(): Promise<void>;
}

export function sqliteReplicaStores(tempPrefix: string): ReplicaStores {
  let dir: TempDir | null = null;
  return {
    name: 'SQLite',
    async connect() {
      dir ??= await makeTempDir(tempPrefix);
      return openStore({ kind: 'sqlite', file: join(dir.path, 'dash.db') });
    },
    replicaOf: (store) => Promise.resolve(store),
    cleanup: async () => dir?.cleanup(),
  };
}

export function postgresReplicaStores(): ReplicaStores {
  let database: TestDatabase | null = null;
  const connect = async (): Promise<Store> => {
    database ??= await createTestDatabase();
    return openStore({ kind: 'postgres', url: database.url });
  };
  return { name: 'PostgreSQL', connect, replicaOf: () => connect(), cleanup: async () => database?.drop() };
}

/** A clock that moves only when told to. */
export function manualClock(startMs: number): Clock & { advance(ms: number): void } {
  let t = startMs;
  return { now: () => t, isoNow: () => new Date(t).toISOString(), advance: (ms) => void (t += ms) };
}
