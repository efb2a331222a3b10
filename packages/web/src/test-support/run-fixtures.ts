/** Factories for runs and run events as the server sends them. */
import type { AgentEvent, Run, RunEvent } from '@dash/shared';

export function makeRun(overrides: Partial<Run> = {}): Run {
  return {
    id: 'run-1',
    taskId: null,
    employeeId: null,
    runtime: 'claude-code',
    status: 'running',
    model: 'fake-model',
    cwd: '/work/space',
    sessionId: 'sess-1',
    resumeOf: null,
    nodeId: 'node-a',
    pid: 4242,
    exitCode: null,
    exitSignal: null,
    restarts: 0,
    errorCode: null,
    errorMessage: null,
    resultText: null,
    usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 },
    eventCount: 0,
    eventBytes: 0,
    logTruncated: false,
    createdAt: '2025-01-01T10:00:00.000Z',
    startedAt: '2025-01-01T10:00:01.000Z',
    endedAt: null,
    lastEventAt: null,
    ...overrides,
  };
}

/** Numbers the events 1…n (or from `firstSeq`) for run `runId`. */
export function numbered(events: readonly AgentEvent[], runId = 'run-1', firstSeq = 1): RunEvent[] {
  return events.map((event, i) => ({ runId, seq: firstSeq + i, at: 1_735_725_600_000 + i * 1000, event }));
}

export const text = (value: string): AgentEvent => ({ type: 'assistant.text', text: value });
export const userMessage = (value: string): AgentEvent => ({ type: 'user.message', text: value });
export const toolCall = (id: string, name: string, input: unknown): AgentEvent => ({ type: 'tool.call', toolUseId: id, name, input });
export const toolResult = (id: string, output: string, isError = false): AgentEvent => ({
  type: 'tool.result',
  toolUseId: id,
  isError,
  output,
  truncated: false,
});
export const stderr = (line: string): AgentEvent => ({ type: 'stderr', line });
export const usage = (input: number, output: number, costUsd: number | null, cumulative = false): AgentEvent => ({
  type: 'usage',
  inputTokens: input,
  outputTokens: output,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  costUsd,
  cumulative,
});

export function eventsPage(events: RunEvent[], after: number, complete = false) {
  return { runId: events[0]?.runId ?? 'run-1', events, nextAfter: events.at(-1)?.seq ?? after, complete };
}
