import { describe, expect, it } from 'vitest';
import { ageBuckets, cleanupCandidates, expertiseOf, importanceBuckets, retentionScore, type InsightRow } from './memory-insights.js';

const now = Date.parse('2025-08-01T00:00:00Z');
const daysAgo = (d: number): string => new Date(now - d * 24 * 3600 * 1000).toISOString();
const row = (id: string, extra: Partial<InsightRow>): InsightRow => ({
  id,
  type: 'experience',
  scope: 'private',
  importance: 5,
  tags: [],
  accessCount: 0,
  createdAt: daysAgo(0),
  archivedAt: null,
  ...extra,
});

describe('memory insights', () => {
  it('scores retention from use, freshness, importance and sharing', () => {
    expect(retentionScore(row('a', { accessCount: 10, importance: 10, scope: 'company' }), now)).toBeCloseTo(1, 6);
    expect(retentionScore(row('b', { createdAt: daysAgo(400), importance: 0 }), now)).toBe(0);
  });

  it('picks old, unused, unimportant memories for cleanup, lowest score first, never critical ones', () => {
    const rows = [
      row('fresh', { importance: 1 }),
      row('old-low', { createdAt: daysAgo(300), importance: 1 }),
      row('old-lower', { createdAt: daysAgo(300), importance: 0 }),
      row('old-used', { createdAt: daysAgo(300), importance: 1, accessCount: 10 }),
      row('old-critical', { createdAt: daysAgo(300), importance: 9.5 }),
      row('old-archived', { createdAt: daysAgo(300), importance: 0, archivedAt: daysAgo(1) }),
    ];
    expect(cleanupCandidates(rows, { ageThresholdDays: 180, importanceThreshold: 0.3 }, now).map((r) => r.id)).toEqual([
      'old-lower',
      'old-low',
    ]);
  });

  it('buckets by age and importance', () => {
    const rows = [row('a', {}), row('b', { createdAt: daysAgo(60), importance: 8 }), row('c', { createdAt: daysAgo(120), importance: 9 })];
    expect(ageBuckets(rows, now)).toEqual({ recent: 1, medium: 1, old: 1 });
    expect(importanceBuckets(rows)).toEqual({ low: 0, medium: 1, high: 1, critical: 1 });
  });

  it('derives expertise from importance and tags', () => {
    const rows = [
      row('a', { importance: 8, tags: ['postgres', 'indexing'] }),
      row('b', { type: 'knowledge', importance: 6, tags: ['postgres'], createdAt: daysAgo(45) }),
    ];
    expect(expertiseOf(rows, now)).toEqual({
      expertiseScore: 1.4,
      experienceCount: 1,
      knowledgeCount: 1,
      recentActivity: 1,
      keySkills: [
        { skill: 'postgres', count: 2 },
        { skill: 'indexing', count: 1 },
      ],
      confidenceLevel: 2.8,
    });
    expect(expertiseOf([], now).confidenceLevel).toBe(0);
  });
});
