import type { AgentEvent } from '@dash/shared';
import { describe, expect, it } from 'vitest';
import { FilesChanged, pathsOfToolCall } from './files-changed.js';

const call = (toolUseId: string, name: string, input: unknown): AgentEvent => ({ type: 'tool.call', toolUseId, name, input });
const result = (toolUseId: string, isError: boolean): AgentEvent => ({ type: 'tool.result', toolUseId, isError, output: '', truncated: false });

describe('pathsOfToolCall', () => {
  it('reads the Claude Code file tools', () => {
    expect(pathsOfToolCall('Write', { file_path: '/w/a.ts', content: 'x' })).toEqual(['/w/a.ts']);
    expect(pathsOfToolCall('Edit', { file_path: 'src/b.ts', old_string: 'a', new_string: 'b' })).toEqual(['src/b.ts']);
    expect(pathsOfToolCall('MultiEdit', { file_path: 'c.ts', edits: [] })).toEqual(['c.ts']);
    expect(pathsOfToolCall('NotebookEdit', { notebook_path: 'n.ipynb', new_source: '' })).toEqual(['n.ipynb']);
  });

  it('reads codex file changes and the Gemini CLI tools', () => {
    expect(pathsOfToolCall('apply_patch', { changes: [{ path: 'src/a.ts', kind: 'update' }, { path: 'b.md', kind: 'add' }, { kind: 'x' }] })).toEqual([
      'src/a.ts',
      'b.md',
    ]);
    expect(pathsOfToolCall('write_file', { file_path: 'g.py', content: '' })).toEqual(['g.py']);
    expect(pathsOfToolCall('replace', { path: 'old.py' })).toEqual(['old.py']);
  });

  it('ignores tools that do not write files and inputs without a path', () => {
    expect(pathsOfToolCall('Read', { file_path: 'a.ts' })).toEqual([]);
    expect(pathsOfToolCall('Bash', { command: 'echo > a.ts' })).toEqual([]);
    expect(pathsOfToolCall('Write', { content: 'no path' })).toEqual([]);
    expect(pathsOfToolCall('Write', 'not an object')).toEqual([]);
    expect(pathsOfToolCall('Edit', { file_path: '   ' })).toEqual([]);
  });
});

describe('FilesChanged', () => {
  it('keeps distinct paths in first-call order and drops calls whose result was an error', () => {
    const files = new FilesChanged();
    for (const e of [
      call('1', 'Write', { file_path: 'a.ts' }),
      result('1', false),
      call('2', 'Edit', { file_path: 'b.ts' }),
      result('2', true),
      call('3', 'Edit', { file_path: 'a.ts' }),
      result('3', false),
      call('4', 'Read', { file_path: 'c.ts' }),
      call('5', 'apply_patch', { changes: [{ path: 'd.ts', kind: 'add' }] }),
      { type: 'assistant.text', text: 'done' } as AgentEvent,
    ]) {
      files.add(e);
    }
    // Call 5 has no result yet (the run was cut off): it still counts.
    expect(files.paths()).toEqual(['a.ts', 'd.ts']);
  });
});
