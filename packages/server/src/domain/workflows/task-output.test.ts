import { WORKFLOW_OUTPUT_TEXT_MAX, type AgentEvent } from '@dash/shared';
import { describe, expect, it } from 'vitest';
import { FileChangeCollector, taskOutputOf } from './task-output.js';

const call = (id: string, name: string, input: unknown): AgentEvent => ({ type: 'tool.call', toolUseId: id, name, input });
const result = (id: string, isError = false): AgentEvent => ({ type: 'tool.result', toolUseId: id, isError, output: '', truncated: false });

describe('task output', () => {
  it('collects files written or edited by successful tool calls, last action winning', () => {
    const files = new FileChangeCollector();
    for (const e of [
      call('1', 'Write', { file_path: 'src/a.ts', content: 'x' }),
      result('1'),
      call('2', 'Edit', { file_path: 'src/b.ts' }),
      result('2', true),
      call('3', 'Bash', { command: 'ls' }),
      result('3'),
      call('4', 'apply_patch', { changes: [{ path: 'src/c.ts', kind: 'add' }, { path: 'src/a.ts', kind: 'update' }] }),
      result('4'),
      call('5', 'replace', { file_path: 'docs/d.md' }),
      result('5'),
    ]) {
      files.add(e);
    }
    expect(files.result()).toEqual([
      { path: 'src/c.ts', action: 'written' },
      { path: 'src/a.ts', action: 'edited' },
      { path: 'docs/d.md', action: 'edited' },
    ]);
  });

  it('cuts long final texts and says so', () => {
    const long = 'x'.repeat(WORKFLOW_OUTPUT_TEXT_MAX + 5);
    const out = taskOutputOf({ taskId: 't', role: 'qa_engineer', employeeId: 'emp_001', runId: 'r', resultText: long, files: [] });
    expect(out.resultText).toHaveLength(WORKFLOW_OUTPUT_TEXT_MAX);
    expect(out.resultTruncated).toBe(true);
    expect(taskOutputOf({ taskId: 't', role: 'qa_engineer', employeeId: null, runId: null, resultText: null, files: [] })).toMatchObject({ resultText: null, resultTruncated: false });
  });
});
