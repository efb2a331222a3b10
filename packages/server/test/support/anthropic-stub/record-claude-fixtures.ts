/**
 * Re-records the parser fixtures (packages/server/src/runners/claude-code/fixtures/*.jsonl) from the
 * installed Claude Code CLI talking to the API stub, e.g. after a CLI upgrade:
 *
 *   npx tsx packages/server/test/support/anthropic-stub/record-claude-fixtures.ts
 *
 * (FIXTURES_OUT=/some/dir to record elsewhere and compare.)
 *
 * Session ids, temp paths and timings change with every recording; the parser tests read them from
 * the recordings. Costs depend on the CLI's price table for the model it picks by default.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { RunSpec } from '../../../src/ports/agent-supervisor.js';
import { ClaudeCodeRunner } from '../../../src/runners/claude-code/claude-code-runner.js';
import { AnthropicStub } from './anthropic-stub.js';
import { CLAUDE_BIN, claudeCliEnv } from './cli-env.js';
import { rateLimitedTurn, overloadedTurn, textTurn, toolUseTurn, type StubScript } from './script.js';

/** FIXTURES_OUT=<dir> records elsewhere (to compare with the committed ones). */
const OUT = process.env.FIXTURES_OUT ?? fileURLToPath(new URL('../../../src/runners/claude-code/fixtures/', import.meta.url));
const runner = new ClaudeCodeRunner();
const limits: RunSpec['limits'] = { wallTimeoutMs: 0, idleTimeoutMs: 0, maxRestarts: 0, restartBackoffMs: 0, maxBackoffMs: 0, sigintGraceMs: 0, sigtermGraceMs: 0 };

/** Runs one process: the prompt, then each follow-up after the previous result; returns stdout lines. */
async function record(stub: AnthropicStub, home: string, cwd: string, spec: Partial<RunSpec>, followUps: string[] = []): Promise<string[]> {
  const full: RunSpec = { runId: 'record', runtime: 'claude-code', prompt: 'Create hello.txt with a greeting.', cwd, limits, ...spec };
  const inv = runner.buildInvocation(full, CLAUDE_BIN, claudeCliEnv(stub.url, home));
  const child = spawn(inv.command, inv.args, { cwd: inv.cwd, env: inv.env, stdio: ['pipe', 'pipe', 'inherit'] });
  for (const l of inv.stdinLines) child.stdin.write(`${l}\n`);
  const lines: string[] = [];
  const pending = [...followUps];
  createInterface({ input: child.stdout }).on('line', (l) => {
    lines.push(l);
    if (l.includes('"type":"result"')) {
      const next = pending.shift();
      if (next === undefined) child.stdin.end();
      else child.stdin.write(`${runner.encodeInput(next)}\n`);
    }
  });
  await new Promise((resolve) => child.on('close', resolve));
  return lines;
}

async function scenario(name: string, script: StubScript, run: (stub: AnthropicStub, home: string, cwd: string) => Promise<string[]>): Promise<void> {
  const stub = await AnthropicStub.start(script);
  const home = mkdtempSync(join(tmpdir(), 'claude-rec-home-'));
  const cwd = mkdtempSync(join(tmpdir(), 'claude-rec-work-'));
  try {
    const lines = await run(stub, home, cwd);
    writeFileSync(join(OUT, `${name}.jsonl`), lines.map((l) => `${l}\n`).join(''));
    console.log(`${name}: ${lines.length} lines`);
  } finally {
    await stub.close();
    rmSync(home, { recursive: true, force: true });
    rmSync(cwd, { recursive: true, force: true });
  }
}

const write = (cwd: string, text?: string) =>
  toolUseTurn('Write', { file_path: join(cwd, 'hello.txt'), content: 'hello from stub\n' }, text === undefined ? {} : { text });
const role = 'You are the backend engineer.';

await scenario('write-and-follow-up', { turns: [] }, async (stub, home, cwd) => {
  stub.setScript({ turns: [write(cwd, 'I will create the file.'), textTurn('Done writing.', { thinking: 'The file is written; answer briefly.' }), textTurn('Follow-up answer.')] });
  const first = await record(stub, home, cwd, { permissionMode: 'acceptEdits', systemPrompt: role }, ['Anything else?']);
  // resumed.jsonl continues this session in a second process (same HOME and cwd).
  const sessionId = /"session_id":"([^"]+)"/.exec(first[0] ?? '')?.[1];
  stub.setScript({ turns: [textTurn('Just text')] });
  writeFileSync(join(OUT, 'resumed.jsonl'), (await record(stub, home, cwd, { prompt: 'And now?', resumeSessionId: sessionId })).map((l) => `${l}\n`).join(''));
  return first;
});
await scenario('rate-limited', { turns: [], whenExhausted: rateLimitedTurn({ retryAfterSeconds: 1 }) }, (stub, home, cwd) =>
  record(stub, home, cwd, { env: { CLAUDE_CODE_MAX_RETRIES: '1' } }),
);
await scenario('overloaded', { turns: [], whenExhausted: overloadedTurn() }, (stub, home, cwd) => record(stub, home, cwd, { env: { CLAUDE_CODE_MAX_RETRIES: '0' } }));
await scenario('auth-failed', { turns: [], whenExhausted: { type: 'error', status: 401, errorType: 'authentication_error', message: 'invalid x-api-key' } }, (stub, home, cwd) =>
  record(stub, home, cwd, { env: { CLAUDE_CODE_MAX_RETRIES: '0' } }),
);
await scenario('max-turns', { turns: [] }, (stub, home, cwd) => {
  stub.setScript({ turns: [write(cwd), textTurn('Done writing.')] });
  return record(stub, home, cwd, { permissionMode: 'acceptEdits', maxTurns: 1 });
});
await scenario('permission-denied', { turns: [] }, (stub, home, cwd) => {
  stub.setScript({ turns: [write(cwd), textTurn('Done writing.')] });
  return record(stub, home, cwd, { permissionMode: 'default' });
});
await scenario('resume-unknown-session', { turns: [] }, (stub, home, cwd) =>
  record(stub, home, cwd, { prompt: 'Hello?', resumeSessionId: '6b8e2b7c-0000-4000-8000-000000000000' }),
);
