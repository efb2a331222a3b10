/**
 * The real Claude Code CLI (the dev dependency, 2.1.332) driven through ClaudeCodeRunner and the
 * ProcessSupervisor, talking to a local stub of the Anthropic Messages API. No network beyond
 * 127.0.0.1; a private HOME per test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agentEvent, type AgentEvent, type AgentEventOf } from '@dash/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunOutcome, RunSpec } from '../../src/ports/agent-supervisor.js';
import { ClaudeCodeRunner } from '../../src/runners/claude-code/claude-code-runner.js';
import { ProcessSupervisor } from '../../src/runners/supervisor/index.js';
import { AnthropicStub } from '../support/anthropic-stub/anthropic-stub.js';
import { CLAUDE_BIN, claudeCliEnv } from '../support/anthropic-stub/cli-env.js';
import { conversationText, systemPromptOf, toolResultsOf } from '../support/anthropic-stub/inspect.js';
import { rateLimitedTurn, textTurn, toolUseTurn } from '../support/anthropic-stub/script.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

const ROLE_PROMPT = 'You are Ada, the backend engineer of the team. Role marker: ROLE-7f3a.';

const ofType = <T extends AgentEvent['type']>(events: AgentEvent[], type: T): AgentEventOf<T>[] =>
  events.filter((e): e is AgentEventOf<T> => e.type === type);

describe('Claude Code CLI through ClaudeCodeRunner and ProcessSupervisor', () => {
  let stub: AnthropicStub;
  let home: TempDir;
  let work: TempDir;
  let supervisor: ProcessSupervisor;
  let runCount = 0;

  beforeEach(async () => {
    expect(existsSync(CLAUDE_BIN), `the Claude Code CLI is missing at ${CLAUDE_BIN}`).toBe(true);
    stub = await AnthropicStub.start();
    home = await makeTempDir('dash-claude-home-');
    work = await makeTempDir('dash-claude-work-');
    supervisor = new ProcessSupervisor({
      runners: [new ClaudeCodeRunner()],
      binaryPaths: { 'claude-code': CLAUDE_BIN },
      baseEnv: claudeCliEnv(stub.url, home.path),
    });
  });

  afterEach(async () => {
    await supervisor.stopAll('shutdown');
    await stub.close();
    await home.cleanup();
    await work.cleanup();
  });

  const spec = (over: Partial<RunSpec>): RunSpec => ({
    runId: `claude-cli-${process.pid}-${++runCount}`,
    runtime: 'claude-code',
    prompt: 'Say something.',
    cwd: work.path,
    limits: {
      // The bound on every run here: a CLI that hangs ends as timed_out, not as a stuck test.
      wallTimeoutMs: 40_000,
      idleTimeoutMs: 30_000,
      maxRestarts: 0,
      restartBackoffMs: 100,
      maxBackoffMs: 100,
      sigintGraceMs: 2_000,
      sigtermGraceMs: 2_000,
    },
    ...over,
  });

  async function run(s: RunSpec, whileRunning?: (send: (text: string) => void) => void): Promise<{ events: AgentEvent[]; outcome: RunOutcome }> {
    const events: AgentEvent[] = [];
    const handle = supervisor.start(s, { event: (e) => events.push(e), started: () => undefined });
    whileRunning?.((text) => handle.sendInput(text));
    const outcome = await handle.done;
    for (const e of events) expect(agentEvent.safeParse(e).success, JSON.stringify(e)).toBe(true);
    return { events, outcome };
  }

  it('writes a file with the Write tool and reports session, tool use, usage and result', async () => {
    const target = join(work.path, 'hello.txt');
    stub.setScript({
      turns: [toolUseTurn('Write', { file_path: target, content: 'Hello from the stub!\n' }), textTurn('Done: hello.txt is written.')],
    });

    const { events, outcome } = await run(
      spec({ prompt: 'Create hello.txt with a greeting.', systemPrompt: ROLE_PROMPT, permissionMode: 'acceptEdits' }),
    );

    expect(outcome).toMatchObject({ status: 'succeeded', exitCode: 0, errorCode: null, resultText: 'Done: hello.txt is written.' });
    expect(readFileSync(target, 'utf8')).toBe('Hello from the stub!\n');

    const started = ofType(events, 'session.started');
    expect(started).toHaveLength(1);
    expect(started[0]?.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(started[0]?.cwd).toBe(work.path);
    expect(outcome.sessionId).toBe(started[0]?.sessionId);

    expect(ofType(events, 'user.message').map((e) => e.text)).toEqual(['Create hello.txt with a greeting.']);
    const call = ofType(events, 'tool.call').find((c) => c.name === 'Write');
    expect(call?.input).toEqual({ file_path: target, content: 'Hello from the stub!\n' });
    const toolResult = ofType(events, 'tool.result').find((r) => r.toolUseId === call?.toolUseId);
    expect(toolResult).toMatchObject({ isError: false, truncated: false });
    expect(toolResult?.output).toContain('hello.txt');
    expect(ofType(events, 'assistant.text').map((e) => e.text)).toContain('Done: hello.txt is written.');

    const total = ofType(events, 'usage').find((u) => u.cumulative);
    expect(total?.inputTokens).toBeGreaterThan(0);
    expect(total?.costUsd).toBeGreaterThan(0);
    const result = ofType(events, 'result');
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ success: true, errorKind: null, turns: 2, sessionId: outcome.sessionId });
    expect(events.at(-1)).toEqual({ type: 'exit', code: 0, signal: null });
    expect(ofType(events, 'raw')).toEqual([]);

    // What reached the API: the role prompt in the system prompt, the task, then the tool result.
    const calls = stub.mainRequests();
    expect(calls).toHaveLength(2);
    expect(systemPromptOf(calls[0]!)).toContain('ROLE-7f3a');
    expect(conversationText(calls[0]!)).toContain('Create hello.txt with a greeting.');
    expect(toolResultsOf(calls[1]!)).toEqual([expect.objectContaining({ toolUseId: call?.toolUseId, isError: false })]);
    expect(stub.requests.filter((r) => r.kind === 'other')).toEqual([]);
  });

  it('answers a follow-up sent while the first turn runs, in the same process and session', async () => {
    stub.setScript({ turns: [textTurn('First answer.'), textTurn('Second answer.')] });

    const { events, outcome } = await run(spec({ prompt: 'First question?' }), (send) => send('Second question?'));

    expect(outcome.status).toBe('succeeded');
    expect(ofType(events, 'user.message').map((e) => e.text)).toEqual(['First question?', 'Second question?']);
    expect(ofType(events, 'session.started')).toHaveLength(1);
    expect(ofType(events, 'result').map((r) => [r.success, r.text])).toEqual([
      [true, 'First answer.'],
      [true, 'Second answer.'],
    ]);
    expect(outcome.resultText).toBe('Second answer.');
    const second = stub.mainRequests()[1];
    expect(second && conversationText(second)).toContain('First answer.');
  });

  it('resumes a session in a second run that sees the earlier conversation', async () => {
    stub.setScript({ turns: [textTurn('Noted: the word is PINEAPPLE.')] });
    const first = await run(spec({ prompt: 'Remember the word PINEAPPLE.', systemPrompt: ROLE_PROMPT }));
    expect(first.outcome.status).toBe('succeeded');
    const sessionId = first.outcome.sessionId;
    expect(sessionId).not.toBeNull();

    stub.setScript({ turns: [textTurn('The word was PINEAPPLE.')] });
    const second = await run(spec({ prompt: 'Which word did I ask you to remember?', resumeSessionId: sessionId ?? undefined }));

    expect(second.outcome).toMatchObject({ status: 'succeeded', sessionId, resultText: 'The word was PINEAPPLE.' });
    const seen = conversationText(stub.mainRequests().at(-1)!);
    expect(seen).toContain('Remember the word PINEAPPLE.');
    expect(seen).toContain('Noted: the word is PINEAPPLE.');
    expect(seen).toContain('Which word did I ask you to remember?');
    // The resumed process reports its own cost only (the CLI's total_cost_usd covers the session).
    const firstCost = ofType(first.events, 'usage').find((u) => u.cumulative)?.costUsd ?? 0;
    const secondCost = ofType(second.events, 'usage').find((u) => u.cumulative)?.costUsd ?? 0;
    expect(firstCost).toBeGreaterThan(0);
    expect(secondCost).toBeCloseTo(firstCost, 10);
  });

  it('fails with errorKind rate_limit when the API answers 429 to every call', async () => {
    stub.setScript({ turns: [], whenExhausted: rateLimitedTurn({ retryAfterSeconds: 1 }) });

    // One retry (the CLI honours retry-after); the default would be 10.
    const { events, outcome } = await run(spec({ prompt: 'Hello?', env: { CLAUDE_CODE_MAX_RETRIES: '1' } }));

    expect(outcome).toMatchObject({ status: 'failed', errorCode: 'AGENT_RATE_LIMITED', exitCode: 1 });
    expect(outcome.errorMessage).toContain('429');
    const result = ofType(events, 'result');
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ success: false, errorKind: 'rate_limit', costUsd: 0 });
    expect(stub.mainRequests().map((r) => r.status)).toEqual([429, 429]);
    expect(ofType(events, 'raw')).toEqual([]);
  });
});
