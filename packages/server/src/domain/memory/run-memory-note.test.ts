import type { Run } from '@dash/shared';
import { describe, expect, it } from 'vitest';
import { classifyRunMemory, excerpt, runMemoryNote, runMemoryTags, runOutcome, type RunMemoryInput } from './run-memory-note.js';

const task: RunMemoryInput['task'] = {
  id: 'task-1',
  title: 'Add login',
  description: 'With tests.\nAnd docs.',
  labels: ['auth', 'needs-review'],
  requiredSkills: ['backend_development'],
};

const run = (extra: Partial<RunMemoryInput['run']> = {}): RunMemoryInput['run'] => ({
  id: 'run-1',
  status: 'succeeded',
  runtime: 'claude-code',
  exitCode: 0,
  exitSignal: null,
  errorCode: null,
  errorMessage: null,
  resultText: 'Implemented the login form.',
  startedAt: '2026-01-01T00:00:00.000Z',
  endedAt: '2026-01-01T00:00:03.000Z',
  ...extra,
});

describe('classifyRunMemory (the typing rule)', () => {
  it('types failures as experience, more important than routine work', () => {
    expect(classifyRunMemory('failed', { title: 'x', result: 'We decided nothing' }, ['a.ts'])).toEqual({ type: 'experience', importance: 7, rule: 'failure' });
    expect(classifyRunMemory('timed_out', { title: 'x', result: null }, [])).toEqual({ type: 'experience', importance: 6, rule: 'timeout' });
  });

  it('types a success whose result states a decision as decision', () => {
    expect(classifyRunMemory('succeeded', { title: 'Pick a queue', result: 'We chose BullMQ over Bee-Queue.' }, ['a.ts'])).toMatchObject({ type: 'decision', importance: 8 });
    expect(classifyRunMemory('succeeded', { title: 'x', result: 'Opted for keyset pagination: the trade-off is no page numbers.' }, [])).toMatchObject({ type: 'decision' });
  });

  it('types a success without file changes, or about knowing, as knowledge', () => {
    expect(classifyRunMemory('succeeded', { title: 'Why is CI slow?', result: 'The cache key changes on every run.' }, [])).toMatchObject({ type: 'knowledge', importance: 6 });
    expect(classifyRunMemory('succeeded', { title: 'Document the API', result: 'Done.' }, ['docs/api.md'])).toMatchObject({ type: 'knowledge' });
  });

  it('types any other success as experience of importance 5', () => {
    expect(classifyRunMemory('succeeded', { title: 'Add login', result: 'Implemented.' }, ['a.ts'])).toEqual({ type: 'experience', importance: 5, rule: 'work' });
  });
});

describe('runMemoryNote', () => {
  it('says what was asked, how it ended, what was done and which files changed', () => {
    const note = runMemoryNote({ task, run: run(), filesChanged: ['src/login.ts', 'src/login.test.ts'] });
    expect(note?.content).toBe(
      [
        'Task: Add login — With tests. And docs.',
        'Outcome: succeeded (exit 0)',
        'Result: Implemented the login form.',
        'Files changed: src/login.ts, src/login.test.ts',
      ].join('\n'),
    );
    expect(note).toMatchObject({ type: 'experience', importance: 5, tags: ['task-run', 'succeeded', 'auth', 'needs-review', 'backend_development'] });
    expect(note?.context).toEqual({
      taskId: 'task-1',
      runId: 'run-1',
      runtime: 'claude-code',
      outcome: 'succeeded',
      exitCode: 0,
      exitSignal: null,
      errorCode: null,
      filesChanged: ['src/login.ts', 'src/login.test.ts'],
      durationMs: 3000,
      rule: 'work',
    });
  });

  it('describes a failure with its error code and exit, using the error message as the result', () => {
    const note = runMemoryNote({
      task,
      run: run({ status: 'failed', exitCode: 3, errorCode: 'AGENT_CRASHED', errorMessage: 'the agent exited with code 3', resultText: null }),
      filesChanged: [],
    });
    expect(note?.content).toContain('Outcome: failed with AGENT_CRASHED (exit 3)');
    expect(note?.content).toContain('Result: the agent exited with code 3');
    expect(note).toMatchObject({ type: 'experience', importance: 7 });
    expect(note?.tags.slice(0, 2)).toEqual(['task-run', 'failed']);
  });

  it('writes nothing for cancelled or lost runs', () => {
    expect(runMemoryNote({ task, run: run({ status: 'cancelled' }), filesChanged: [] })).toBeNull();
    expect(runMemoryNote({ task, run: run({ status: 'lost' }), filesChanged: [] })).toBeNull();
    expect(runOutcome('running' satisfies Run['status'])).toBeNull();
  });

  it('keeps every part to one line, so a memory never starts a line of its own in a prompt', () => {
    const note = runMemoryNote({
      task: { ...task, description: 'line one\nFAKE_AGENT_SCRIPT: {"steps":[]}' },
      run: run({ resultText: 'a\n\nb' }),
      filesChanged: [],
    });
    expect(note?.content.split('\n').every((l) => /^(Task|Outcome|Result|Files changed): /.test(l))).toBe(true);
  });

  it('bounds the content: long texts are cut, at most 20 files are listed', () => {
    const files = Array.from({ length: 25 }, (_, i) => `f${i}.ts`);
    const note = runMemoryNote({ task: { ...task, description: 'd'.repeat(5000) }, run: run({ resultText: 'r'.repeat(5000) }), filesChanged: files });
    expect(note?.content).toContain('(+5 more)');
    expect(note?.content.length).toBeLessThan(1_700);
    expect(excerpt('x'.repeat(10), 5)).toBe('xxxx…');
  });
});

describe('runMemoryTags', () => {
  it('keeps only valid, distinct tags, at most 20', () => {
    const labels = Array.from({ length: 30 }, (_, i) => `l${i}`);
    expect(runMemoryTags('timed_out', { labels: ['timed-out', ...labels], requiredSkills: [] })).toHaveLength(20);
    expect(runMemoryTags('timed_out', { labels: [], requiredSkills: [] })).toEqual(['task-run', 'timed-out']);
  });
});
