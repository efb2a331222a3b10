import { describe, expect, it } from 'vitest';
import { skillIds, taskPriorityIds, type SkillId } from '@dash/shared';
import {
  chooseAssignee,
  explicitAssignment,
  isAssignable,
  NEUTRAL_SUCCESS_RATE,
  rankCandidates,
  scoreAssignment,
  skillMatch,
  type ScoringEmployee,
} from './assignment-score.js';

const emp = (
  id: string,
  skills: SkillId[],
  slotsFree: number,
  slotsMax = 2,
  status: ScoringEmployee['status'] = 'active',
): ScoringEmployee => ({ id, status, skills, workload: { slotsMax, slotsFree } });

const noData = (): null => null;

describe('assignment score', () => {
  it('scores skill match as the fraction of required skills held; no requirement is neutral', () => {
    expect(skillMatch(['debugging', 'testing'], ['debugging', 'api_design'])).toBe(0.5);
    expect(skillMatch(['debugging'], [])).toBe(1);
    expect(skillMatch([], ['debugging'])).toBe(0);
  });

  it('returns the breakdown with the documented formula', () => {
    const score = scoreAssignment(
      emp('emp_001', ['debugging', 'testing'], 1, 4),
      { priority: 'high', requiredSkills: ['debugging', 'api_design'] },
      { successRate: 0.9 },
    );
    // base = 0.8·0.5 + 0.2·0.25 = 0.45; total = 0.85·0.45 + 0.15·0.9 = 0.5175
    expect(score).toEqual({ skillMatch: 0.5, freeSlots: 0.25, priorityWeight: 0.8, successRate: 0.9, total: 0.5175 });
  });

  it('uses the neutral 0.5 success rate when there is no run data, never an invented figure', () => {
    const score = scoreAssignment(emp('emp_001', [], 1), { priority: 'low', requiredSkills: [] }, { successRate: null });
    expect(score.successRate).toBe(NEUTRAL_SUCCESS_RATE);
    expect(score.total).toBeCloseTo(0.85 * (0.4 * 1 + 0.6 * 0.5) + 0.15 * 0.5, 4);
  });

  it('lets urgent and high work favour skill, and low work favour availability', () => {
    const expert = emp('emp_001', ['security_review', 'threat_modeling'], 1, 4); // busy expert
    const idle = emp('emp_002', ['documentation'], 4, 4); // idle, unskilled
    const required: SkillId[] = ['security_review', 'threat_modeling'];
    for (const priority of ['urgent', 'high'] as const) {
      expect(rankCandidates([idle, expert], { priority, requiredSkills: required }, noData)[0]?.employeeId).toBe('emp_001');
    }
    expect(rankCandidates([idle, expert], { priority: 'low', requiredSkills: required }, noData)[0]?.employeeId).toBe(
      'emp_002',
    );
    // The weight grows with priority.
    const weights = taskPriorityIds.map(
      (priority) => scoreAssignment(expert, { priority, requiredSkills: [] }, { successRate: null }).priorityWeight,
    );
    expect(weights).toEqual([...weights].sort((a, b) => a - b));
  });

  it('considers only active employees with a free slot', () => {
    const people = [
      emp('emp_001', ['testing'], 0),
      emp('emp_002', ['testing'], 2, 2, 'paused'),
      emp('emp_003', ['testing'], 2, 2, 'offline'),
      emp('emp_004', [], 1),
    ];
    expect(people.map(isAssignable)).toEqual([false, false, false, true]);
    expect(rankCandidates(people, { priority: 'high', requiredSkills: ['testing'] }, noData).map((c) => c.employeeId)).toEqual([
      'emp_004',
    ]);
    expect(chooseAssignee(people.slice(0, 3), { priority: 'high', requiredSkills: [] }, noData, '2025-01-01T00:00:00.000Z')).toBeNull();
  });

  it('breaks ties by more free slots, then by id', () => {
    // Same fractions (1/2 and 2/4 free), same skills: equal totals.
    const people = [emp('emp_009', ['testing'], 1, 2), emp('emp_003', ['testing'], 2, 4), emp('emp_002', ['testing'], 1, 2)];
    const ranked = rankCandidates(people, { priority: 'medium', requiredSkills: ['testing'] }, noData);
    expect(new Set(ranked.map((c) => c.score.total)).size).toBe(1);
    expect(ranked.map((c) => c.employeeId)).toEqual(['emp_003', 'emp_002', 'emp_009']);
    // Input order does not matter.
    expect(rankCandidates([...people].reverse(), { priority: 'medium', requiredSkills: ['testing'] }, noData)).toEqual(ranked);
  });

  it('weighs real success rates in', () => {
    const a = emp('emp_001', ['testing'], 1);
    const b = emp('emp_002', ['testing'], 1);
    const rates = new Map([['emp_002', 1]]);
    const ranked = rankCandidates([a, b], { priority: 'medium', requiredSkills: ['testing'] }, (id) => rates.get(id));
    expect(ranked.map((c) => [c.employeeId, c.score.successRate])).toEqual([
      ['emp_002', 1],
      ['emp_001', 0.5],
    ]);
  });

  it('records an automatic assignment with the top candidates, best first', () => {
    const people = Array.from({ length: 8 }, (_, i) => emp(`emp_00${i + 1}`, i % 2 ? ['testing'] : [], 1 + (i % 3), 3));
    const chosen = chooseAssignee(people, { priority: 'high', requiredSkills: ['testing'] }, noData, '2025-01-01T00:00:00.000Z');
    expect(chosen).not.toBeNull();
    const assignment = chosen?.assignment;
    expect(assignment?.mode).toBe('automatic');
    expect(assignment?.decidedAt).toBe('2025-01-01T00:00:00.000Z');
    expect(assignment?.candidates).toHaveLength(5);
    expect(assignment?.candidates[0]).toEqual({ employeeId: chosen?.employeeId, total: assignment?.score?.total });
    const totals = assignment?.candidates.map((c) => c.total) ?? [];
    expect(totals).toEqual([...totals].sort((x, y) => y - x));
  });

  it('scores an explicit assignment without choosing', () => {
    const assignment = explicitAssignment(
      emp('emp_007', ['testing'], 0),
      { priority: 'urgent', requiredSkills: ['testing'] },
      { successRate: 0.25 },
      '2025-01-02T00:00:00.000Z',
    );
    expect(assignment).toEqual({
      mode: 'explicit',
      score: { skillMatch: 1, freeSlots: 0, priorityWeight: 0.9, successRate: 0.25, total: 0.8025 },
      candidates: [{ employeeId: 'emp_007', total: 0.8025 }],
      decidedAt: '2025-01-02T00:00:00.000Z',
    });
  });

  it('property: every part and the total stay in [0, 1], whatever the inputs', () => {
    let seed = 12345;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = (): SkillId[] => skillIds.filter(() => random() < 0.1);
    for (let i = 0; i < 2000; i++) {
      const slotsMax = 1 + Math.floor(random() * 10);
      const employee = emp('emp_001', pick(), Math.floor(random() * (slotsMax + 2)), slotsMax);
      const priority = taskPriorityIds[Math.floor(random() * 4)] ?? 'low';
      const rate = random() < 0.2 ? null : random() * 1.4 - 0.2;
      const score = scoreAssignment(employee, { priority, requiredSkills: pick() }, { successRate: rate });
      for (const value of Object.values(score)) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
  });
});
