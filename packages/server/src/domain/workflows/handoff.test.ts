import type { WorkflowTaskOutput } from '@dash/shared';
import { describe, expect, it } from 'vitest';
import { HANDOFF_TEXT_MAX, HANDOFF_TOTAL_MAX, renderHandoff } from './handoff.js';

const output = (taskId: string, text: string | null, files: WorkflowTaskOutput['files'] = []): WorkflowTaskOutput => ({
  taskId,
  role: 'qa_engineer',
  employeeId: 'emp_006',
  runId: `run-${taskId}`,
  resultText: text,
  resultTruncated: false,
  files,
});

describe('workflow handoff', () => {
  it('renders earlier steps, same-step work and reviewer feedback', () => {
    const text = renderHandoff({
      earlierSteps: [{ stepName: 'Planning', employeeName: 'Morgan', output: output('t1', 'The plan.', [{ path: 'docs/plan.md', action: 'written' }]) }],
      sameStep: [{ stepName: 'Review', employeeName: null, output: output('t2', null) }],
      feedback: { round: 2, reason: 'Cover the error cases', previous: output('t3', 'Old answer') },
    });
    expect(text).toBe(
      [
        '## Reviewer feedback (round 2)',
        'A person rejected the previous result of this step. Address this before anything else:',
        '',
        'Cover the error cases',
        '',
        '### Your previous result',
        'Old answer',
        '',
        '## Outputs of earlier steps',
        'What the steps this one builds on produced (newest work is in the working directory):',
        '',
        '### Planning — QA Engineer Morgan (emp_006), task t1',
        'The plan.',
        '',
        'Files:',
        '- docs/plan.md (written)',
        '',
        '## Earlier work in this step',
        '',
        '### Review — QA Engineer (emp_006), task t2',
        '(no final text)',
      ].join('\n'),
    );
  });

  it('is null when there is nothing to hand over, and bounded when there is a lot', () => {
    expect(renderHandoff({ earlierSteps: [], sameStep: [], feedback: null })).toBeNull();
    const many = Array.from({ length: 30 }, (_, i) => ({ stepName: `S${i}`, employeeName: null, output: output(`t${i}`, 'y'.repeat(HANDOFF_TEXT_MAX * 2)) }));
    const text = renderHandoff({ earlierSteps: many, sameStep: [], feedback: null }) ?? '';
    expect(text.length).toBeLessThanOrEqual(HANDOFF_TOTAL_MAX + 100);
    expect(text).toContain(`[… cut: ${HANDOFF_TEXT_MAX} more characters]`);
  });
});
