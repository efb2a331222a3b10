/**
 * The labelled retrieval set (test/fixtures/memory-retrieval) is well formed: enough memories for
 * every role, enough queries, relevant ids that exist, and queries that paraphrase rather than
 * copy their memories.
 */
import { readFileSync } from 'node:fs';
import { employeeRoleIds, memoryTypes } from '@dash/shared';
import { describe, expect, it } from 'vitest';
import { words } from '../../src/domain/memory/text-tokens.js';

interface FixtureMemory {
  id: string;
  employeeId: string;
  type: string;
  tags: string[];
  content: string;
}
interface FixtureQuery {
  id: string;
  employeeId: string;
  query: string;
  relevant: string[];
}

const dir = new URL('../fixtures/memory-retrieval/', import.meta.url);
const memories = JSON.parse(readFileSync(new URL('memories.json', dir), 'utf8')) as FixtureMemory[];
const queries = JSON.parse(readFileSync(new URL('queries.json', dir), 'utf8')) as FixtureQuery[];
const split = JSON.parse(readFileSync(new URL('split.json', dir), 'utf8')) as Record<'tuning' | 'heldOut' | 'fresh', string[]>;
const blind = JSON.parse(readFileSync(new URL('queries-blind.json', dir), 'utf8')) as FixtureQuery[];
const employeeIds = new Set(memories.map((m) => m.employeeId));

describe('labelled memory retrieval set', () => {
  it('has at least 300 memories spread over the 13 roles, of every type', () => {
    expect(memories.length).toBeGreaterThanOrEqual(300);
    expect(new Set(memories.map((m) => m.id)).size).toBe(memories.length);
    const perEmployee = new Map<string, number>();
    for (const m of memories) perEmployee.set(m.employeeId, (perEmployee.get(m.employeeId) ?? 0) + 1);
    expect(perEmployee.size).toBe(employeeRoleIds.length);
    for (const count of perEmployee.values()) expect(count).toBeGreaterThanOrEqual(20);
    expect(new Set(memories.map((m) => m.type))).toEqual(new Set(memoryTypes));
    for (const m of memories) expect(m.content.length).toBeLessThanOrEqual(10_000);
  });

  it('has at least 60 queries whose relevant memories exist', () => {
    expect(queries.length).toBeGreaterThanOrEqual(60);
    const ids = new Set(memories.map((m) => m.id));
    for (const q of queries) {
      expect(q.relevant.length, q.id).toBeGreaterThan(0);
      for (const r of q.relevant) expect(ids.has(r), `${q.id} → ${r}`).toBe(true);
    }
    expect(new Set(queries.map((q) => q.id)).size).toBe(queries.length);
  });

  it('splits the queries into tuning, held-out and fresh subsets, each query in exactly one', () => {
    const assigned = [...split.tuning, ...split.heldOut, ...split.fresh];
    expect(assigned.length).toBe(queries.length);
    expect(new Set(assigned)).toEqual(new Set(queries.map((q) => q.id)));
    expect(split.tuning.length).toBeGreaterThanOrEqual(30);
    expect(split.heldOut.length).toBeGreaterThanOrEqual(30);
    expect(split.fresh.length).toBeGreaterThanOrEqual(30);
  });

  it('has a blind set of at least 100 queries over every role, distinct ids, existing labels, some answered by colleagues', () => {
    expect(blind.length).toBeGreaterThanOrEqual(100);
    const ids = new Set(memories.map((m) => m.id));
    const byId = new Map(memories.map((m) => [m.id, m]));
    expect(new Set(blind.map((q) => q.id)).size).toBe(blind.length);
    for (const q of blind) {
      expect(queries.some((d) => d.id === q.id), `${q.id} also a development id`).toBe(false);
      expect(employeeIds.has(q.employeeId), q.id).toBe(true);
      expect(q.relevant.length, q.id).toBeGreaterThan(0);
      for (const r of q.relevant) expect(ids.has(r), `${q.id} → ${r}`).toBe(true);
    }
    expect(new Set(blind.map((q) => q.employeeId))).toEqual(employeeIds);
    const colleagues = blind.filter((q) => q.relevant.every((r) => byId.get(r)?.employeeId !== q.employeeId));
    expect(colleagues.length).toBeGreaterThanOrEqual(10);
  });

  it('paraphrases: no query repeats five consecutive words of a memory it should find', () => {
    const byId = new Map(memories.map((m) => [m.id, m]));
    const grams = (text: string): Set<string> => {
      const w = words(text);
      return new Set(w.slice(0, Math.max(0, w.length - 4)).map((_, i) => w.slice(i, i + 5).join(' ')));
    };
    for (const q of [...queries, ...blind]) {
      const queryGrams = grams(q.query);
      for (const r of q.relevant) {
        const shared = [...grams(byId.get(r)?.content ?? '')].filter((g) => queryGrams.has(g));
        expect(shared, `${q.id} copies ${r}`).toEqual([]);
      }
    }
  });
});
