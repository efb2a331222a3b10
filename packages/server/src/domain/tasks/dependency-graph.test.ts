import { describe, expect, it } from 'vitest';
import type { StoredTaskStatus } from '@dash/shared';
import {
  assertValidDependencies,
  blockedDependents,
  dependenciesDone,
  DependencyGraph,
  readyDependents,
  unblockedDependents,
  unreadyDependents,
  type DependencyEdge,
} from './dependency-graph.js';

const edges = (...pairs: Array<[string, string]>): DependencyEdge[] =>
  pairs.map(([taskId, dependsOnId]) => ({ taskId, dependsOnId }));

const lookup =
  (statuses: Record<string, StoredTaskStatus>) =>
  (id: string): StoredTaskStatus | undefined =>
    statuses[id];

/** Deterministic PRNG (mulberry32) so property runs are reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Independent oracle: Kahn's algorithm. */
function isAcyclic(graph: DependencyGraph, nodes: readonly string[]): boolean {
  const indegree = new Map(nodes.map((n) => [n, graph.dependenciesOf(n).length]));
  const queue = nodes.filter((n) => indegree.get(n) === 0);
  let visited = 0;
  for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
    visited++;
    for (const d of graph.dependentsOf(n)) {
      const left = (indegree.get(d) ?? 0) - 1;
      indegree.set(d, left);
      if (left === 0) queue.push(d);
    }
  }
  return visited === nodes.length;
}

/** Every task reachable downstream, computed by brute force. */
function descendants(graph: DependencyGraph, root: string, nodes: readonly string[]): Set<string> {
  const out = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of nodes) {
      if (out.has(n) || n === root) continue;
      if (graph.dependenciesOf(n).some((d) => d === root || out.has(d))) {
        out.add(n);
        grew = true;
      }
    }
  }
  return out;
}

/** A random DAG over n nodes: edges only from a higher to a lower index. */
function randomDag(random: () => number, n: number, density: number): { graph: DependencyGraph; nodes: string[] } {
  const nodes = Array.from({ length: n }, (_, i) => `t${i}`);
  const list: DependencyEdge[] = [];
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) if (random() < density) list.push({ taskId: `t${i}`, dependsOnId: `t${j}` });
  }
  return { graph: DependencyGraph.of(list), nodes };
}

describe('DependencyGraph', () => {
  it('keeps both directions, in edge order, without duplicates', () => {
    const graph = DependencyGraph.of(edges(['a', 'b'], ['a', 'c'], ['d', 'b'], ['a', 'b']));
    expect(graph.dependenciesOf('a')).toEqual(['b', 'c']);
    expect(graph.dependentsOf('b')).toEqual(['a', 'd']);
    expect(graph.dependenciesOf('zzz')).toEqual([]);
    expect(graph.edges()).toHaveLength(3);
    expect(graph.downstreamOf('b')).toEqual(['a', 'd']);
  });

  it('reports the cycle a new edge would close, as a path A → B → C → A', () => {
    const graph = DependencyGraph.of(edges(['B', 'C'], ['C', 'A']));
    expect(graph.findCycle('A', ['B'])).toEqual(['A', 'B', 'C', 'A']);
    expect(graph.findCycle('A', ['A'])).toEqual(['A', 'A']);
    expect(graph.findCycle('A', ['D'])).toBeNull();
    // Replacing A's own edges: its current dependencies are not part of the check.
    const withOld = DependencyGraph.of(edges(['A', 'B'], ['B', 'C']));
    expect(withOld.findCycle('A', ['C'])).toBeNull();
    expect(withOld.findCycle('C', ['A'])).toEqual(['C', 'A', 'B', 'C']);
  });

  it('rejects unknown dependencies and cycles with stable codes and details', () => {
    const graph = DependencyGraph.of(edges(['B', 'C'], ['C', 'A']));
    const known = new Set(['A', 'B', 'C']);
    const exists = (id: string): boolean => known.has(id);
    expect(() => assertValidDependencies(graph, 'A', ['B', 'X', 'Y'], exists)).toThrow(
      expect.objectContaining({ code: 'TASK_DEPENDENCY_NOT_FOUND', status: 400, details: { taskId: 'A', missing: ['X', 'Y'] } }),
    );
    expect(() => assertValidDependencies(graph, 'A', ['B'], exists)).toThrow(
      expect.objectContaining({
        code: 'TASK_DEPENDENCY_CYCLE',
        status: 400,
        message: 'The dependencies would form a cycle: A → B → C → A',
        details: { taskId: 'A', cycle: ['A', 'B', 'C', 'A'] },
      }),
    );
    expect(() => assertValidDependencies(graph, 'A', ['A'], exists)).toThrow(
      expect.objectContaining({ code: 'TASK_DEPENDENCY_CYCLE', details: { taskId: 'A', cycle: ['A', 'A'] } }),
    );
    expect(() => assertValidDependencies(graph, 'D', ['A', 'B'], exists)).not.toThrow();
  });

  it('property: accepting only edges that pass findCycle keeps random graphs acyclic, and every reported cycle is real', () => {
    const random = rng(20250101);
    let cyclesFound = 0;
    for (let round = 0; round < 200; round++) {
      const n = 2 + Math.floor(random() * 12);
      const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
      let graph = DependencyGraph.of([]);
      for (let step = 0; step < 3 * n; step++) {
        const taskId = nodes[Math.floor(random() * n)] ?? 'n0';
        const deps = nodes.filter(() => random() < 0.25);
        const cycle = graph.findCycle(taskId, deps);
        const candidate = graph.withDependencies(taskId, deps);
        expect(cycle === null, `round ${round} step ${step}`).toBe(isAcyclic(candidate, nodes));
        if (cycle) {
          cyclesFound++;
          expect(cycle[0]).toBe(taskId);
          expect(cycle.at(-1)).toBe(taskId);
          for (let i = 0; i + 1 < cycle.length; i++) {
            expect(candidate.dependenciesOf(cycle[i] ?? '')).toContain(cycle[i + 1]);
          }
        } else {
          graph = candidate;
        }
      }
      expect(isAcyclic(graph, nodes)).toBe(true);
    }
    // The generator must exercise both outcomes for the comparison to mean anything.
    expect(cyclesFound).toBeGreaterThan(100);
  });
});

describe('readiness along the graph', () => {
  // d depends on b and c; b and c depend on a (a diamond), e depends on d.
  const diamond = DependencyGraph.of(edges(['b', 'a'], ['c', 'a'], ['d', 'b'], ['d', 'c'], ['e', 'd']));

  it('readies a dependent only when all its dependencies are completed or resolved', () => {
    const statuses: Record<string, StoredTaskStatus> = { a: 'completed', b: 'pending', c: 'pending', d: 'pending', e: 'pending' };
    expect(readyDependents(diamond, 'a', lookup(statuses))).toEqual(['b', 'c']);
    statuses.b = 'completed';
    expect(readyDependents(diamond, 'b', lookup(statuses))).toEqual([]);
    statuses.c = 'resolved';
    expect(readyDependents(diamond, 'c', lookup(statuses))).toEqual(['d']);
    expect(dependenciesDone(diamond, 'd', lookup(statuses))).toBe(true);
    expect(dependenciesDone(diamond, 'a', lookup(statuses))).toBe(true);
    // Not pending (already queued, cancelled …): not readied again.
    statuses.d = 'cancelled';
    expect(readyDependents(diamond, 'c', lookup(statuses))).toEqual([]);
  });

  it('blocks pending dependents transitively, with the reason and path', () => {
    const statuses: Record<string, StoredTaskStatus> = { a: 'failed', b: 'pending', c: 'running', d: 'pending', e: 'pending' };
    expect(blockedDependents(diamond, 'a', lookup(statuses))).toEqual([
      { taskId: 'b', reason: 'Dependency a failed', path: ['a', 'b'] },
      { taskId: 'd', reason: 'Dependency b is blocked (a failed)', path: ['a', 'b', 'd'] },
      { taskId: 'e', reason: 'Dependency d is blocked (a failed)', path: ['a', 'b', 'd', 'e'] },
    ]);
    statuses.a = 'cancelled';
    expect(blockedDependents(diamond, 'a', lookup(statuses))[0]?.reason).toBe('Dependency a was cancelled');
  });

  it('releases blocked dependents when the failed task is retried, unless another dependency still blocks', () => {
    const statuses: Record<string, StoredTaskStatus> = { a: 'queued', b: 'blocked', c: 'failed', d: 'blocked', e: 'blocked' };
    // c is still failed: d (and so e) stay blocked; b is released.
    expect(unblockedDependents(diamond, 'a', lookup(statuses))).toEqual(['b']);
    statuses.c = 'queued';
    expect(unblockedDependents(diamond, 'a', lookup(statuses))).toEqual(['b', 'd', 'e']);
  });

  it('sends queued dependents back to pending when a dependency is reopened', () => {
    const statuses: Record<string, StoredTaskStatus> = { a: 'queued', b: 'queued', c: 'running', d: 'pending' };
    expect(unreadyDependents(diamond, 'a', lookup(statuses))).toEqual(['b']);
  });

  it('property: on random DAGs, a failure blocks exactly the pending descendants and a retry releases them all', () => {
    const random = rng(7);
    for (let round = 0; round < 150; round++) {
      const { graph, nodes } = randomDag(random, 3 + Math.floor(random() * 15), 0.2 + random() * 0.3);
      const root = nodes[Math.floor(random() * nodes.length)] ?? 't0';
      const statuses: Record<string, StoredTaskStatus> = Object.fromEntries(nodes.map((n) => [n, 'pending']));
      statuses[root] = 'failed';
      const expected = descendants(graph, root, nodes);

      const blocked = blockedDependents(graph, root, lookup(statuses));
      expect(new Set(blocked.map((b) => b.taskId))).toEqual(expected);
      for (const b of blocked) {
        expect(b.path[0]).toBe(root);
        expect(b.path.at(-1)).toBe(b.taskId);
        for (let i = 0; i + 1 < b.path.length; i++) expect(graph.dependenciesOf(b.path[i + 1] ?? '')).toContain(b.path[i]);
      }

      for (const b of blocked) statuses[b.taskId] = 'blocked';
      statuses[root] = 'queued';
      expect(new Set(unblockedDependents(graph, root, lookup(statuses)))).toEqual(expected);
    }
  });
});
