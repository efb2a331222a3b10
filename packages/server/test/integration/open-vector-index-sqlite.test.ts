/**
 * `MEMORY_VECTOR_INDEX=auto` on the embedded SQLite store: sqlite-vec while the store holds few
 * memories, the in-memory index above the threshold (sqlite-vec scans every vector and misses the
 * latency target on large sets); `sqlite-vec` forces it whatever the size.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openVectorIndex } from '../../src/adapters/memory-vector/open-vector-index.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import type { VectorIndex } from '../../src/ports/vector-index.js';
import { capturingLogger, makeMemoryHarness, type MemoryHarness } from '../support/memory-harness.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

let h: MemoryHarness;
let dir: TempDir;
const opened: VectorIndex[] = [];

beforeAll(async () => {
  h = await makeMemoryHarness('sqlite');
  dir = await makeTempDir('dash-vector-choice-');
  for (const content of ['Retry the flaky upload test with a fixed seed.', 'Pin the base image digest.', 'Rotate the staging database password.']) {
    await h.service.create('knowledge', { employeeId: 'emp_004', content, metadata: {} });
  }
});
afterAll(async () => {
  for (const index of opened) await index.close();
  await h.cleanup();
  await dir.cleanup();
});

async function open(kind: 'auto' | 'sqlite-vec', embeddedInMemoryAbove: number): Promise<VectorIndex> {
  const { db } = storeDatabaseOf(h.store);
  const index = await openVectorIndex({
    kind,
    dialect: 'sqlite',
    db,
    file: join(dir.path, `vectors-${opened.length}.sqlite`),
    dim: 512,
    embeddedInMemoryAbove,
    logger: capturingLogger(),
  });
  opened.push(index);
  return index;
}

describe('vector index choice on SQLite', () => {
  it('keeps sqlite-vec while the store holds no more memories than the threshold', async () => {
    expect((await open('auto', 3)).kind).toBe('sqlite-vec');
  });

  it('switches to the in-memory index above the threshold', async () => {
    expect((await open('auto', 2)).kind).toBe('in-memory');
  });

  it('uses sqlite-vec when asked for, whatever the size', async () => {
    expect((await open('sqlite-vec', 2)).kind).toBe('sqlite-vec');
  });
});
