import { liveServerMessage, type LiveServerMessage } from '@dash/shared';
import { describe, expect, it } from 'vitest';
import { TopicFeed } from './topic-feed.js';

const decode = (frame: string): LiveServerMessage => liveServerMessage.parse(JSON.parse(frame));
const seqs = (frames: string[]): number[] => frames.map(decode).map((m) => (m.type === 'event' ? m.seq : -1));

function feedWith(count: number, ringSize = 5): TopicFeed {
  const feed = new TopicFeed('tasks', 'node:e1', { ringSize });
  for (let i = 1; i <= count; i += 1) feed.publish({ id: `t${i}` });
  return feed;
}

describe('TopicFeed', () => {
  it('numbers messages per topic and starts a fresh subscription at the current seq', () => {
    const feed = feedWith(3);
    const got: string[] = [];
    expect(feed.attach((f) => got.push(f), {})).toEqual({ kind: 'replay', afterSeq: 3, frames: [] });
    feed.publish({ id: 't4' });
    expect(got.map(decode)).toEqual([{ type: 'event', topic: 'tasks', seq: 4, data: { id: 't4' } }]);
  });

  it('replays exactly the missed messages for a resume within the ring', () => {
    const feed = feedWith(8);
    const plan = feed.attach(() => undefined, { afterSeq: 5, epoch: 'node:e1' });
    expect(plan.kind).toBe('replay');
    expect(plan.kind === 'replay' && seqs(plan.frames)).toEqual([6, 7, 8]);
    const upToDate = feed.attach(() => undefined, { afterSeq: 8, epoch: 'node:e1' });
    expect(upToDate).toEqual({ kind: 'replay', afterSeq: 8, frames: [] });
  });

  it('answers reset when the gap is older than the ring, the epoch differs or the seq is in the future', () => {
    const feed = feedWith(8, 5);
    // The ring holds 4..8: resuming after 3 is still complete, after 2 is not.
    const edge = feed.attach(() => undefined, { afterSeq: 3, epoch: 'node:e1' });
    expect(edge.kind === 'replay' && seqs(edge.frames)).toEqual([4, 5, 6, 7, 8]);
    expect(feed.attach(() => undefined, { afterSeq: 2, epoch: 'node:e1' })).toEqual({ kind: 'reset', afterSeq: 8, reason: 'gap' });
    expect(feed.attach(() => undefined, { afterSeq: 7, epoch: 'other:e9' })).toEqual({ kind: 'reset', afterSeq: 8, reason: 'epoch' });
    expect(feed.attach(() => undefined, { afterSeq: 7 })).toEqual({ kind: 'reset', afterSeq: 8, reason: 'epoch' });
    expect(feed.attach(() => undefined, { afterSeq: 9, epoch: 'node:e1' })).toEqual({ kind: 'reset', afterSeq: 8, reason: 'epoch' });
  });

  it('after a bus gap, resets current listeners and clients resuming from before it', () => {
    const feed = feedWith(4);
    const got: string[] = [];
    feed.attach((f) => got.push(f), {});
    feed.markGap();
    expect(got.map(decode)).toEqual([{ type: 'reset', topic: 'tasks', epoch: 'node:e1', afterSeq: 4, reason: 'bus' }]);
    feed.publish({ id: 't5' });
    expect(feed.attach(() => undefined, { afterSeq: 3, epoch: 'node:e1' })).toEqual({ kind: 'reset', afterSeq: 5, reason: 'bus' });
    const after = feed.attach(() => undefined, { afterSeq: 4, epoch: 'node:e1' });
    expect(after.kind === 'replay' && seqs(after.frames)).toEqual([5]);
  });

  it('stops delivering to a detached listener and reports the listener count', () => {
    const counts: number[] = [];
    const feed = new TopicFeed('tasks', 'e', { ringSize: 10 }, (n) => counts.push(n));
    const got: string[] = [];
    const listener = (f: string): void => void got.push(f);
    feed.attach(listener, {});
    feed.publish(1);
    feed.detach(listener);
    feed.detach(listener);
    feed.publish(2);
    expect(seqs(got)).toEqual([1]);
    expect(counts).toEqual([1, 0]);
  });

  it('replays the newest snapshot to a fresh subscriber while it is recent', () => {
    let now = 1_000;
    const feed = new TopicFeed('metrics', 'e', { ringSize: 3, latestMaxAgeMs: 500, now: () => now });
    feed.publish({ n: 1 });
    feed.publish({ n: 2 });
    const fresh = feed.attach(() => undefined, {});
    expect(fresh.kind === 'replay' && fresh.afterSeq).toBe(1);
    expect(fresh.kind === 'replay' && seqs(fresh.frames)).toEqual([2]);
    now += 501;
    expect(feed.attach(() => undefined, {})).toEqual({ kind: 'replay', afterSeq: 2, frames: [] });
  });

  it('stays correct across ring compaction', () => {
    const feed = feedWith(5_000, 10);
    const plan = feed.attach(() => undefined, { afterSeq: 4_995, epoch: 'node:e1' });
    expect(plan.kind === 'replay' && seqs(plan.frames)).toEqual([4_996, 4_997, 4_998, 4_999, 5_000]);
  });
});
