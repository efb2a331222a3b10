import { memorySearchOptions } from '@dash/shared';
import { CachingProvider, makeProvider, openBenchMemory } from './memory-bench-setup.js';
const embeddings = new CachingProvider(makeProvider('hash'));
const bench = await openBenchMemory({ store: 'sqlite', embeddings, index: 'in-memory' });
const words = 'deploy cache test release sprint database index query latency token user api build docker review security memory queue worker retry timeout error log alert'.split(' ');
const sent = (k: number) => Array.from({ length: k }, () => words[Math.floor(Math.random() * words.length)]).join(' ') + ' ' + Math.random().toString(36).slice(2);
for (let i = 0; i < 5000; i++) { const r = Math.random(); await bench.service.create('experience', { employeeId: `emp_00${1 + (i % 9)}`, content: sent(25), metadata: { scope: r < 0.7 ? 'private' : r < 0.9 ? 'department' : 'company' } }); }
const q = 'cache latency timeout';
const { Session } = await import('node:inspector/promises');
const session = new Session(); session.connect();
await session.post('Profiler.enable'); await session.post('Profiler.start');
const t = performance.now();
for (let i = 0; i < 200; i++) await bench.service.search.search({ employeeId: 'emp_005', query: q, options: memorySearchOptions.parse({ mode: 'vector' }) });
console.log('per search', ((performance.now() - t) / 200).toFixed(2));
const { profile } = await session.post('Profiler.stop');
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const dt = profile.timeDeltas; const samples = profile.samples;
for (let i = 0; i < samples.length; i++) { const n: any = byId.get(samples[i]); const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`; self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0)); }
const total = [...self.values()].reduce((a, b) => a + b, 0);
for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / total * 100).toFixed(1).padStart(5), '%', k);
await bench.close();
