/**
 * One non-run topic (`tasks`, `employees`, `metrics`) on this server: numbers every message
 * (seq, per topic, within this server's epoch), keeps the newest ones in a ring and fans them out
 * to attached listeners. Attaching is synchronous, so the replay and the live stream meet without
 * a gap or a duplicate. Messages are encoded once and shared by every listener.
 */
import { encodeFrame } from './frames.js';
export class TopicFeed {
    topic;
    epoch;
    options;
    onListenersChange;
    seq = 0;
    ring = [];
    head = 0;
    /** Seqs at or below this cannot be replayed because messages may have been missed. */
    resetBelow = 0;
    listeners = new Set();
    now;
    constructor(topic, epoch, options, onListenersChange = () => undefined) {
        this.topic = topic;
        this.epoch = epoch;
        this.options = options;
        this.onListenersChange = onListenersChange;
        this.now = options.now ?? Date.now;
    }
    get lastSeq() {
        return this.seq;
    }
    get listenerCount() {
        return this.listeners.size;
    }
    publish(data) {
        this.seq += 1;
        const frame = encodeFrame({ type: 'event', topic: this.topic, seq: this.seq, data });
        this.ring.push({ seq: this.seq, at: this.now(), frame });
        if (this.ring.length - this.head > this.options.ringSize)
            this.head += 1;
        if (this.head > 1024 && this.head * 2 > this.ring.length) {
            this.ring = this.ring.slice(this.head);
            this.head = 0;
        }
        for (const listener of [...this.listeners])
            listener(frame);
    }
    /**
     * Messages were (or may have been) lost upstream (the bus was disconnected): current listeners
     * get a `reset`, and clients resuming from before now will too.
     */
    markGap() {
        this.ring = [];
        this.head = 0;
        this.resetBelow = this.seq;
        const frame = encodeFrame({ type: 'reset', topic: this.topic, epoch: this.epoch, afterSeq: this.seq, reason: 'bus' });
        for (const listener of [...this.listeners])
            listener(frame);
    }
    /**
     * Attaches a listener and says what to send first. With `afterSeq` (and the matching epoch) the
     * missed messages are replayed from the ring; without, the subscription starts now.
     */
    attach(listener, from) {
        const result = this.plan(from);
        this.listeners.add(listener);
        this.onListenersChange(this.listeners.size);
        return result;
    }
    detach(listener) {
        if (!this.listeners.delete(listener))
            return;
        this.onListenersChange(this.listeners.size);
    }
    plan({ afterSeq, epoch }) {
        if (afterSeq === undefined) {
            const latest = this.ring[this.ring.length - 1];
            const maxAge = this.options.latestMaxAgeMs ?? 0;
            if (latest && this.ring.length > this.head && maxAge > 0 && this.now() - latest.at <= maxAge) {
                return { kind: 'replay', afterSeq: latest.seq - 1, frames: [latest.frame] };
            }
            return { kind: 'replay', afterSeq: this.seq, frames: [] };
        }
        if (epoch !== this.epoch || afterSeq > this.seq)
            return { kind: 'reset', afterSeq: this.seq, reason: 'epoch' };
        if (afterSeq === this.seq)
            return { kind: 'replay', afterSeq, frames: [] };
        if (afterSeq < this.resetBelow)
            return { kind: 'reset', afterSeq: this.seq, reason: 'bus' };
        const first = this.ring[this.head];
        if (!first || afterSeq + 1 < first.seq)
            return { kind: 'reset', afterSeq: this.seq, reason: 'gap' };
        const frames = [];
        for (let i = this.head + (afterSeq + 1 - first.seq); i < this.ring.length; i += 1) {
            const entry = this.ring[i];
            if (entry)
                frames.push(entry.frame);
        }
        return { kind: 'replay', afterSeq, frames };
    }
}
//# sourceMappingURL=topic-feed.js.map