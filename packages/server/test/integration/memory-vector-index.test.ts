/** The VectorIndex contract on sqlite-vec (a temp file) and on the in-memory index (full scan, and sketch pre-filter). */
import { join } from 'node:path';
import { InMemoryVectorIndex } from '../../src/adapters/memory-vector/in-memory-vector-index.js';
import { SqliteVecIndex } from '../../src/adapters/memory-vector/sqlite-vec-index.js';
import type { VectorIndex } from '../../src/ports/vector-index.js';
import { CONTRACT_DIM, defineVectorIndexContract } from '../contracts/vector-index.contract.js';
import { makeTempDir } from '../support/temp-dir.js';

defineVectorIndexContract(
  'sqlite-vec',
  async () => {
    const dir = await makeTempDir('dash-vec-');
    const file = join(dir.path, 'memory-vectors.sqlite');
    let index: VectorIndex = SqliteVecIndex.open({ file, dim: CONTRACT_DIM });
    return {
      index,
      reopen: async () => {
        await index.close();
        index = SqliteVecIndex.open({ file, dim: CONTRACT_DIM });
        return index;
      },
      cleanup: async () => {
        await index.close();
        await dir.cleanup();
      },
    };
  },
  { exact: true, persistent: true },
);

defineVectorIndexContract(
  'in-memory (full scan)',
  async () => {
    const index = new InMemoryVectorIndex(CONTRACT_DIM, { exactUpTo: Number.POSITIVE_INFINITY });
    return { index, cleanup: () => index.close() };
  },
  { exact: true, persistent: false },
);

defineVectorIndexContract(
  'in-memory (sketch pre-filter on every search)',
  async () => {
    const index = new InMemoryVectorIndex(CONTRACT_DIM, { exactUpTo: 0 });
    return { index, cleanup: () => index.close() };
  },
  { exact: false, persistent: false },
);
