/**
 * The EventBus contract: what the in-process bus and the Redis pub/sub bus must both do, run by
 * test/integration/bus-*.test.ts. Delivery may be asynchronous (through Redis), so the tests wait
 * for what must arrive and use a marker message to bound what must not. With `replicas`, the
 * factory can open a second instance on the same backend (another server replica), and the
 * cross-replica guarantees are checked too.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventBus } from '../../src/ports/event-bus.js';

export interface EventBusUnderTest {
  bus: EventBus;
  /** Opens another instance on the same backend (a second replica); closed by cleanup. */
  replica?(): Promise<EventBus>;
  /** Closes every instance and releases the backend namespace. */
  cleanup(): Promise<void>;
}

export interface EventBusContractOptions {
  /** The backend links separate instances (Redis); adds the cross-replica tests. */
  replicas: boolean;
}

const PATIENCE_MS = 5_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const topicName = (what: string): string => `${what}:${randomUUID()}`;

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + PATIENCE_MS;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await sleep(5);
  }
}

/** Subscribes and records every message received. */
function collect<T>(bus: EventBus, topic: string): { messages: T[]; unsubscribe: () => void } {
  const messages: T[] = [];
  const unsubscribe = bus.subscribe<T>(topic, (m) => messages.push(m));
  return { messages, unsubscribe };
}

export function defineEventBusContract(
  name: string,
  factory: () => Promise<EventBusUnderTest>,
  options: EventBusContractOptions = { replicas: false },
): void {
  describe(`EventBus contract: ${name}`, () => {
    let sut: EventBusUnderTest;
    let bus: EventBus;

    beforeEach(async () => {
      sut = await factory();
      bus = sut.bus;
    });
    afterEach(async () => {
      await sut.cleanup();
    });

    it('delivers every message to every subscriber of its topic', async () => {
      const topic = topicName('all');
      const a = collect<{ n: number }>(bus, topic);
      const b = collect<{ n: number }>(bus, topic);
      for (let n = 1; n <= 3; n += 1) bus.publish(topic, { n });
      await until(() => a.messages.length === 3 && b.messages.length === 3, 'both subscribers got 3 messages');
      expect(a.messages).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
      expect(b.messages).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    });

    it('keeps topics apart', async () => {
      const first = topicName('first');
      const second = topicName('second');
      const a = collect<string>(bus, first);
      const b = collect<string>(bus, second);
      for (let i = 0; i < 20; i += 1) bus.publish(first, `a${i}`);
      bus.publish(second, 'marker');
      await until(() => a.messages.length === 20 && b.messages.length >= 1, 'both topics delivered');
      await sleep(50);
      expect(b.messages).toEqual(['marker']);
      expect(a.messages).not.toContain('marker');
      expect(a.messages).toHaveLength(20);
    });

    it('delivers one publisher\'s messages in publish order', async () => {
      const topic = topicName('order');
      const sub = collect<number>(bus, topic);
      const count = 2_000;
      for (let i = 1; i <= count; i += 1) bus.publish(topic, i);
      await until(() => sub.messages.length === count, `${count} messages`);
      expect(sub.messages).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    });

    it('stops delivering to a handler once it unsubscribed (and unsubscribing twice is harmless)', async () => {
      const topic = topicName('unsub');
      const gone = collect<string>(bus, topic);
      const stays = collect<string>(bus, topic);
      bus.publish(topic, 'before');
      await until(() => gone.messages.length === 1 && stays.messages.length === 1, 'first message');
      gone.unsubscribe();
      gone.unsubscribe();
      bus.publish(topic, 'after');
      bus.publish(topic, 'marker');
      await until(() => stays.messages.length === 3, 'later messages');
      expect(gone.messages).toEqual(['before']);
      expect(stays.messages).toEqual(['before', 'after', 'marker']);
    });

    it('isolates a throwing handler from the other handlers and from the publisher', async () => {
      const topic = topicName('throw');
      bus.subscribe(topic, () => {
        throw new Error('handler bug');
      });
      const ok = collect<number>(bus, topic);
      expect(() => {
        bus.publish(topic, 1);
        bus.publish(topic, 2);
      }).not.toThrow();
      await until(() => ok.messages.length === 2, 'the healthy handler got both');
      expect(ok.messages).toEqual([1, 2]);
    });

    it('carries JSON messages intact', async () => {
      const topic = topicName('json');
      const sub = collect<unknown>(bus, topic);
      const message = { id: 'r-1', seq: 7, nested: { list: [1, 'two', null, true], text: 'ünïcødé ✓ "quoted" |pipe|' } };
      bus.publish(topic, message);
      await until(() => sub.messages.length === 1, 'the message');
      expect(sub.messages[0]).toEqual(message);
    });

    it('closes idempotently, and publishing afterwards neither throws nor delivers', async () => {
      const topic = topicName('close');
      const sub = collect<string>(bus, topic);
      await Promise.all([bus.close(), bus.close()]);
      await bus.close();
      expect(() => bus.publish(topic, 'late')).not.toThrow();
      await sleep(50);
      expect(sub.messages).toEqual([]);
    });

    if (!options.replicas) return;

    describe('across replicas', () => {
      let other: EventBus;
      beforeEach(async () => {
        const open = sut.replica;
        if (!open) throw new Error('the factory declared replicas but has no replica()');
        other = await open();
      });

      it('delivers each replica\'s messages to the other, in order, and to its own subscribers once', async () => {
        const topic = topicName('replicas');
        const localA = collect<string>(bus, topic);
        const remoteB = collect<string>(other, topic);
        const localB = collect<string>(other, topic);
        const remoteA = collect<string>(bus, topic);
        const fromA = Array.from({ length: 200 }, (_, i) => `a${i}`);
        const fromB = Array.from({ length: 200 }, (_, i) => `b${i}`);
        for (let i = 0; i < 200; i += 1) {
          bus.publish(topic, fromA[i]);
          other.publish(topic, fromB[i]);
        }
        await until(() => remoteA.messages.length === 400 && remoteB.messages.length === 400, 'all 400 messages on both replicas');
        await sleep(50);
        for (const seen of [localA, remoteA, localB, remoteB]) {
          expect(seen.messages).toHaveLength(400);
          expect(seen.messages.filter((m) => m.startsWith('a'))).toEqual(fromA);
          expect(seen.messages.filter((m) => m.startsWith('b'))).toEqual(fromB);
        }
      });

      it('keeps topics apart across replicas', async () => {
        const first = topicName('first');
        const second = topicName('second');
        const b = collect<string>(other, second);
        const a = collect<string>(other, first);
        for (let i = 0; i < 20; i += 1) bus.publish(first, `a${i}`);
        bus.publish(second, 'marker');
        await until(() => a.messages.length === 20 && b.messages.length >= 1, 'both topics delivered');
        await sleep(50);
        expect(b.messages).toEqual(['marker']);
      });

      it('stops delivering remote messages after unsubscribe', async () => {
        const topic = topicName('unsub-remote');
        const gone = collect<string>(other, topic);
        const stays = collect<string>(other, topic);
        bus.publish(topic, 'before');
        await until(() => gone.messages.length === 1, 'first message');
        gone.unsubscribe();
        bus.publish(topic, 'after');
        await until(() => stays.messages.length === 2, 'second message');
        expect(gone.messages).toEqual(['before']);
      });
    });
  });
}
