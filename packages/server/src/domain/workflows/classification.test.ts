import { describe, expect, it } from 'vitest';
import { classificationDescription, parseClassificationAnswer } from './classification.js';

const ids = ['bug_fix', 'software_development'];

describe('classification answers', () => {
  it('takes the last JSON object with a templateId', () => {
    expect(parseClassificationAnswer('Thinking {"x":1}. Answer: {"templateId": "bug_fix", "reason": "a defect"}', ids)).toEqual({ ok: true, templateId: 'bug_fix', reason: 'a defect' });
    expect(parseClassificationAnswer('{"templateId":"software_development"}\n{"templateId":"bug_fix"}', ids)).toMatchObject({ templateId: 'bug_fix', reason: null });
  });

  it('refuses answers without JSON, with an unknown id, or empty', () => {
    expect(parseClassificationAnswer('It is a bug fix', ids)).toEqual({ ok: false, message: 'The answer has no {"templateId": …} JSON object' });
    expect(parseClassificationAnswer('{"templateId":"coffee"}', ids)).toMatchObject({ ok: false, message: expect.stringContaining('"coffee", which is not one of: bug_fix, software_development') });
    expect(parseClassificationAnswer(null, ids).ok).toBe(false);
    expect(parseClassificationAnswer('{"templateId": 3}', ids).ok).toBe(false);
  });

  it('lists every template and the answer format', () => {
    const text = classificationDescription({ title: 'Login', request: 'It breaks' }, [
      { id: 'bug_fix', name: 'Bug Fix', description: 'Fix it.', file: 'bug-fix.json', phases: [] },
    ]);
    expect(text).toContain('## Request: Login\nIt breaks');
    expect(text).toContain('- bug_fix: Bug Fix. Fix it.');
    expect(text).toContain('{"templateId": "<one of the ids above>", "reason": "<one sentence>"}');
  });
});
