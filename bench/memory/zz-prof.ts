import { memorySearchOptions } from '@dash/shared';
import { benchDirectory, CachingProvider, makeProvider, openBenchMemory } from './memory-bench-setup.js';
const dir = benchDirectory(); const benchDirectoryGet = () => dir.get('emp_005');
const store = (process.argv[2] ?? 'sqlite') as 'sqlite' | 'postgres';
const n = Number(process.argv[3] ?? 10000);
const embeddings = new CachingProvider(makeProvider('hash'));
const bench = await openBenchMemory({ store, embeddings, index: (process.argv[4] ?? 'in-memory') as 'in-memory' });
const words = 'deploy cache test release sprint database index query latency token user api build docker review security memory queue worker retry timeout error log alert'.split(' ');
const sent = (k: number) => Array.from({ length: k }, () => words[Math.floor(Math.random() * words.length)]).join(' ') + ' ' + Math.random().toString(36).slice(2);
const t0 = performance.now();
for (let i = 0; i < n; i++) {
  const r = Math.random();
  await bench.service.create('experience', { employeeId: `emp_00${1 + (i % 9)}`, content: sent(25), metadata: { scope: r < 0.7 ? 'private' : r < 0.9 ? 'department' : 'company' } });
}
console.log('ingest/s', (n / ((performance.now() - t0) / 1000)).toFixed(0));
const repo = bench.repository;
const parts = ['emp:emp_005', 'dept:development', 'company'];
const q = 'cache latency timeout';
const [qv] = await embeddings.embed([q]);
const time = async (label: string, fn: () => Promise<unknown>) => {
  for (let i = 0; i < 5; i++) await fn();
  const t = performance.now(); for (let i = 0; i < 50; i++) await fn();
  console.log(label.padEnd(20), ((performance.now() - t) / 50).toFixed(2), 'ms');
};
await time('lexical', () => repo.lexicalSearch(q, parts, 50, false));
await time('index.search', () => bench.index.search(qv!, { partitions: parts, k: 50 }));
const hits = await bench.index.search(qv!, { partitions: parts, k: 50 });
const ids = hits.map((h) => h.id);
await time('filterCandidates', () => repo.filterCandidates(ids, { includeArchived: false }));
await time('getMany(5)', () => repo.getMany(ids.slice(0, 5)));
await time('recordAccess(5)', () => repo.recordAccess(ids.slice(0, 5), new Date().toISOString()));
await time('vectorChanges', () => repo.vectorChanges(1e12, 1000, embeddings.id));
await time('member', () => benchDirectoryGet());
await time('search hybrid', () => bench.service.search.search({ employeeId: 'emp_005', query: q, options: memorySearchOptions.parse({}) }));
await time('search vector', () => bench.service.search.search({ employeeId: 'emp_005', query: q, options: memorySearchOptions.parse({ mode: 'vector' }) }));
await time('search lexical', () => bench.service.search.search({ employeeId: 'emp_005', query: q, options: memorySearchOptions.parse({ mode: 'lexical' }) }));
await bench.close();
