import { describe, expect, it } from 'vitest';
import { auditQuery, emptyAuditFilters } from './audit-query';

describe('audit filters → API query', () => {
  it('leaves empty fields out and keeps the limit', () => {
    expect(auditQuery(emptyAuditFilters())).toEqual({ limit: 100 });
  });

  it('trims text, passes the outcome and cursor, and turns local times into ISO instants', () => {
    const q = auditQuery({ actor: ' alice ', action: 'auth.', outcome: 'failed', from: '2025-03-01T08:00', to: 'not a date' }, 41, 50);
    expect(q).toMatchObject({ limit: 50, actor: 'alice', action: 'auth.', outcome: 'failed', cursor: 41 });
    expect(q.from).toBe(new Date('2025-03-01T08:00').toISOString());
    expect(q).not.toHaveProperty('to');
  });
});
