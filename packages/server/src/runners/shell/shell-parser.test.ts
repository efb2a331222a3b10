import { describe, expect, it } from 'vitest';
import { parseShellLine } from './shell-parser.js';

describe('parseShellLine', () => {
  it('turns plain lines into assistant text and drops blank ones', () => {
    expect(parseShellLine('compiling…')).toEqual([{ type: 'assistant.text', text: 'compiling…' }]);
    expect(parseShellLine('   ')).toEqual([]);
  });

  it('takes a valid AgentEvent JSON line as that event (unknown fields dropped)', () => {
    const line = JSON.stringify({ type: 'tool.call', toolUseId: 't1', name: 'Bash', input: { command: 'ls' }, ts: 1 });
    expect(parseShellLine(line)).toEqual([{ type: 'tool.call', toolUseId: 't1', name: 'Bash', input: { command: 'ls' } }]);
  });

  it('keeps malformed JSON, non-event JSON and supervisor-only types raw', () => {
    for (const line of [
      '{"type": "assistant.text", "text": ',
      '{"hello": "world"}',
      '{"type":"assistant.text"}',
      '{"type":"exit","code":0,"signal":null}',
      '{"type":"supervisor","action":"spawned","message":"fake"}',
    ]) {
      expect(parseShellLine(line)).toEqual([{ type: 'raw', line }]);
    }
  });

  it('treats a JSON array or a brace inside text as text', () => {
    expect(parseShellLine('[1,2]')).toEqual([{ type: 'assistant.text', text: '[1,2]' }]);
    expect(parseShellLine('value is {a}')).toEqual([{ type: 'assistant.text', text: 'value is {a}' }]);
  });
});
