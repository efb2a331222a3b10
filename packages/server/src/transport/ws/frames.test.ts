import { describe, expect, it } from 'vitest';
import type { RunEvent } from '@dash/shared';
import { encodeRunEvent } from './frames.js';

const ev = (runId: string, seq: number): RunEvent => ({ runId, seq, at: seq, event: { type: 'assistant.text', text: `line ${seq}` } });

describe('encodeRunEvent', () => {
  it('encodes the frame a client expects', () => {
    const event = ev('r1', 7);
    expect(JSON.parse(encodeRunEvent('run:r1', event))).toEqual({ type: 'event', topic: 'run:r1', seq: 7, data: event });
  });

  it('serves every subscriber of a live event the same encoding, and a new event a new one', () => {
    const first = ev('r2', 1);
    const a = encodeRunEvent('run:r2', first);
    expect(encodeRunEvent('run:r2', first)).toBe(a);
    const second = ev('r2', 2);
    const b = encodeRunEvent('run:r2', second);
    expect(JSON.parse(b).seq).toBe(2);
    // An older event (a replay) is encoded again, correctly.
    expect(JSON.parse(encodeRunEvent('run:r2', first)).seq).toBe(1);
  });

  it('keeps topics apart', () => {
    const x = ev('rx', 1);
    const y = ev('ry', 1);
    expect(JSON.parse(encodeRunEvent('run:rx', x)).topic).toBe('run:rx');
    expect(JSON.parse(encodeRunEvent('run:ry', y)).topic).toBe('run:ry');
    expect(JSON.parse(encodeRunEvent('run:rx', x)).data.runId).toBe('rx');
  });
});
