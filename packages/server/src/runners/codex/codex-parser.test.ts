/**
 * Sample lines from openai/codex docs/exec.md ("JSON output mode" sample output) and the item
 * shapes of codex-rs/exec/src/exec_events.rs.
 */
import { describe, expect, it } from 'vitest';
import { CodexParser } from './codex-parser.js';

const DOC_SAMPLE = [
  '{"type":"thread.started","thread_id":"0199a213-81c0-7800-8aa1-bbab2a035a53"}',
  '{"type":"turn.started"}',
  '{"type":"item.completed","item":{"id":"item_0","type":"reasoning","text":"**Searching for README files**"}}',
  '{"type":"item.started","item":{"id":"item_1","type":"command_execution","command":"bash -lc ls","aggregated_output":"","status":"in_progress"}}',
  '{"type":"item.completed","item":{"id":"item_1","type":"command_execution","command":"bash -lc ls","aggregated_output":"2025-09-11\\nAGENTS.md\\nCHANGELOG.md\\n","exit_code":0,"status":"completed"}}',
  '{"type":"item.completed","item":{"id":"item_2","type":"reasoning","text":"**Checking repository root for README**"}}',
  '{"type":"item.completed","item":{"id":"item_3","type":"agent_message","text":"Yep — there’s a `README.md` in the repository root."}}',
  '{"type":"turn.completed","usage":{"input_tokens":24763,"cached_input_tokens":24448,"output_tokens":122}}',
];

const parseAll = (lines: string[]) => {
  const sut = new CodexParser();
  return lines.flatMap((l) => sut.parseLine(l));
};

describe('CodexParser', () => {
  it('maps the documented sample session', () => {
    expect(parseAll(DOC_SAMPLE)).toEqual([
      { type: 'session.started', sessionId: '0199a213-81c0-7800-8aa1-bbab2a035a53', model: null, tools: [], cwd: null },
      { type: 'tool.call', toolUseId: 'item_1', name: 'shell', input: { command: 'bash -lc ls' } },
      { type: 'tool.result', toolUseId: 'item_1', isError: false, output: '2025-09-11\nAGENTS.md\nCHANGELOG.md\n', truncated: false },
      { type: 'assistant.text', text: 'Yep — there’s a `README.md` in the repository root.' },
      {
        type: 'usage',
        inputTokens: 315,
        outputTokens: 122,
        cacheReadTokens: 24448,
        cacheWriteTokens: 0,
        costUsd: null,
        cumulative: false,
      },
      {
        type: 'result',
        success: true,
        text: 'Yep — there’s a `README.md` in the repository root.',
        turns: 1,
        durationMs: null,
        costUsd: null,
        errorKind: null,
        sessionId: '0199a213-81c0-7800-8aa1-bbab2a035a53',
      },
    ]);
  });

  it('emits the tool call on completion when no item.started was seen, and marks failures', () => {
    const events = parseAll([
      '{"type":"item.completed","item":{"id":"c1","type":"command_execution","command":"false","aggregated_output":"","exit_code":1,"status":"failed"}}',
    ]);
    expect(events.map((e) => e.type)).toEqual(['tool.call', 'tool.result']);
    expect(events[1]).toMatchObject({ isError: true });
  });

  it('maps file changes, MCP tool calls and web searches to tool calls', () => {
    const events = parseAll([
      '{"type":"item.completed","item":{"id":"f1","type":"file_change","changes":[{"path":"src/a.ts","kind":"update"},{"path":"b.md","kind":"add"}],"status":"completed"}}',
      '{"type":"item.started","item":{"id":"m1","type":"mcp_tool_call","server":"dash","tool":"get_task","arguments":{"id":"t1"},"result":null,"error":null,"status":"in_progress"}}',
      '{"type":"item.completed","item":{"id":"m1","type":"mcp_tool_call","server":"dash","tool":"get_task","arguments":{"id":"t1"},"result":null,"error":{"message":"no such task"},"status":"failed"}}',
      '{"type":"item.completed","item":{"id":"w1","type":"web_search","query":"vitest projects"}}',
    ]);
    expect(events).toEqual([
      { type: 'tool.call', toolUseId: 'f1', name: 'apply_patch', input: { changes: [{ path: 'src/a.ts', kind: 'update' }, { path: 'b.md', kind: 'add' }] } },
      { type: 'tool.result', toolUseId: 'f1', isError: false, output: 'update src/a.ts\nadd b.md', truncated: false },
      { type: 'tool.call', toolUseId: 'm1', name: 'mcp__dash__get_task', input: { id: 't1' } },
      { type: 'tool.result', toolUseId: 'm1', isError: true, output: 'no such task', truncated: false },
      { type: 'tool.call', toolUseId: 'w1', name: 'web_search', input: { query: 'vitest projects' } },
      { type: 'tool.result', toolUseId: 'w1', isError: false, output: '', truncated: false },
    ]);
  });

  it('cuts long command output and records the original size', () => {
    const big = 'y'.repeat(40_000);
    const [, result] = parseAll([
      JSON.stringify({ type: 'item.completed', item: { id: 'c', type: 'command_execution', command: 'yes', aggregated_output: big, exit_code: 0, status: 'completed' } }),
    ]);
    expect(result).toMatchObject({ truncated: true, originalBytes: 40_000 });
    expect((result as { output: string }).output).toHaveLength(16 * 1024);
  });

  it('turns turn.failed into a failed, classified result', () => {
    const events = parseAll([
      '{"type":"thread.started","thread_id":"t"}',
      '{"type":"turn.started"}',
      '{"type":"turn.failed","error":{"message":"exceeded retry limit, last status: 429 Too Many Requests"}}',
    ]);
    expect(events.at(-1)).toMatchObject({
      type: 'result',
      success: false,
      text: 'exceeded retry limit, last status: 429 Too Many Requests',
      errorKind: 'rate_limit',
      sessionId: 't',
    });
  });

  it('keeps error events, unknown types and malformed lines raw; drops blank lines', () => {
    const lines = [
      '{"type":"error","message":"Reconnecting... 1/5"}',
      '{"type":"something.new","x":1}',
      '{"type":"item.completed","item":{"id":"e","type":"error","message":"model warning"}}',
      'not json at all',
      '{"type":"item.completed"',
      '[]',
    ];
    const sut = new CodexParser();
    for (const line of lines) expect(sut.parseLine(line)).toEqual([{ type: 'raw', line }]);
    expect(sut.parseLine('')).toEqual([]);
  });

  it('ignores progress it has no normalized form for', () => {
    expect(
      parseAll([
        '{"type":"item.updated","item":{"id":"td","type":"todo_list","items":[{"text":"a","completed":false}]}}',
        '{"type":"item.completed","item":{"id":"td","type":"todo_list","items":[{"text":"a","completed":true}]}}',
        '{"type":"item.plan.delta","item_id":"p","delta":"step"}',
      ]),
    ).toEqual([]);
  });
});
