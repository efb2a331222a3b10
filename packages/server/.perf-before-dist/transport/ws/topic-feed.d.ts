export type FrameListener = (frame: string) => void;
export interface TopicFeedOptions {
    /** Messages kept for resuming clients. */
    ringSize: number;
    /**
     * Replay the newest message to a fresh subscriber when it is younger than this (ms); 0 = never.
     * For snapshot topics (metrics), so a new subscriber does not wait for the next tick.
     */
    latestMaxAgeMs?: number;
    now?: () => number;
}
export type AttachResult = {
    kind: 'replay';
    afterSeq: number;
    frames: string[];
} | {
    kind: 'reset';
    afterSeq: number;
    reason: 'epoch' | 'gap' | 'bus';
};
export declare class TopicFeed {
    readonly topic: string;
    readonly epoch: string;
    private readonly options;
    private readonly onListenersChange;
    private seq;
    private ring;
    private head;
    /** Seqs at or below this cannot be replayed because messages may have been missed. */
    private resetBelow;
    private readonly listeners;
    private readonly now;
    constructor(topic: string, epoch: string, options: TopicFeedOptions, onListenersChange?: (count: number) => void);
    get lastSeq(): number;
    get listenerCount(): number;
    publish(data: unknown): void;
    /**
     * Messages were (or may have been) lost upstream (the bus was disconnected): current listeners
     * get a `reset`, and clients resuming from before now will too.
     */
    markGap(): void;
    /**
     * Attaches a listener and says what to send first. With `afterSeq` (and the matching epoch) the
     * missed messages are replayed from the ring; without, the subscription starts now.
     */
    attach(listener: FrameListener, from: {
        afterSeq?: number;
        epoch?: string;
    }): AttachResult;
    detach(listener: FrameListener): void;
    private plan;
}
