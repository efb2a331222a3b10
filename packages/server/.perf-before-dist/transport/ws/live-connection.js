/**
 * One client of the live feed: validates its messages (bad ones get an `error` frame, the
 * connection stays), holds its subscriptions, and sends with a bound: when the socket's buffer
 * is over `maxBufferedBytes` or more than `maxQueuedMessages` frames are still unwritten, the
 * client is cut off with 4008 instead of being buffered for without limit. Messages are handled
 * one at a time, in arrival order.
 */
import { errorCodes, isStaticLiveTopic, liveCloseCodes, LIVE_FEED_VERSION, MAX_LIVE_SUBSCRIPTIONS, roleSatisfies, runIdOfLiveTopic, } from '@dash/shared';
import { isAppError } from '../../domain/app-error.js';
import { parseClientMessage } from './client-message.js';
import { encodeFrame } from './frames.js';
import { RunFeed } from './run-feed.js';
import { topicAccess } from './topic-access.js';
const DRAIN_POLL_MS = 10;
export class LiveConnection {
    socket;
    ctx;
    greeted = false;
    closing = false;
    /** Why the server ended the connection; null while it has not (the client left). */
    reason = null;
    subscriptions = new Map();
    unwritten = 0;
    missed = 0;
    queue = Promise.resolve();
    sink;
    /** Resolves once the socket has closed. */
    closed;
    constructor(socket, ctx) {
        this.socket = socket;
        this.ctx = ctx;
        this.sink = {
            send: (frame) => this.send(frame),
            writable: () => this.socket.bufferedAmount <= this.ctx.limits.maxBufferedBytes / 4,
            drained: () => this.drained(),
        };
        socket.on('message', (data) => {
            this.queue = this.queue.then(() => this.handle(data)).catch((err) => this.failed(err));
        });
        socket.on('pong', () => {
            this.missed = 0;
        });
        this.closed = new Promise((resolve) => {
            socket.once('close', (code) => {
                this.closing = true;
                this.dropAll();
                if (this.reason === null)
                    this.ctx.metrics.disconnected('client');
                this.ctx.logger.debug({ code, reason: this.reason ?? 'client' }, 'live-feed client disconnected');
                resolve();
            });
        });
    }
    /** Called every heartbeatMs: terminates a client that left too many pings unanswered. */
    heartbeat(now) {
        if (this.closing)
            return;
        if (this.missed >= this.ctx.limits.missedHeartbeats) {
            this.ended('heartbeat_timeout');
            this.socket.terminate();
            return;
        }
        this.missed += 1;
        try {
            this.socket.ping();
        }
        catch {
            // Not open any more; 'close' follows.
        }
        this.sendMessage({ type: 'heartbeat', at: now });
    }
    /**
     * The bus may have lost run events (Redis was unreachable): every run subscription restarts
     * after the last seq it sent, reading what it missed from the store. No duplicate, no gap.
     */
    refreshRuns() {
        for (const [topic, subscription] of this.subscriptions) {
            if (subscription.kind !== 'run')
                continue;
            subscription.feed.cancel();
            this.startRunFeed(topic, subscription.feed.runId, subscription.feed.lastSeq, subscription.source);
        }
    }
    get principal() {
        return this.ctx.principal;
    }
    /** The credential was revoked or expired: closes with 4001 (the client signs in again). */
    unauthorized() {
        this.end('unauthorized', liveCloseCodes.unauthorized, 'credentials revoked or expired');
    }
    /** Closes with 1001 going-away (the server is shutting down). */
    goingAway() {
        this.end('going_away', liveCloseCodes.goingAway, 'server shutting down');
    }
    /** Cuts the connection without a closing handshake (shutdown, after going-away had its chance). */
    terminate() {
        this.ended('going_away');
        this.socket.terminate();
    }
    send(frame) {
        if (this.closing)
            return;
        const { maxBufferedBytes, maxQueuedMessages } = this.ctx.limits;
        // Checked before sending, so one large event still goes out to a client that keeps up.
        if (this.socket.bufferedAmount > maxBufferedBytes || this.unwritten >= maxQueuedMessages) {
            this.ctx.logger.info({ bufferedBytes: this.socket.bufferedAmount, unwritten: this.unwritten }, 'live-feed client too slow; closing with 4008');
            this.end('slow_consumer', liveCloseCodes.slowConsumer, 'slow consumer');
            return;
        }
        this.unwritten += 1;
        this.socket.send(frame, this.written);
        this.ctx.metrics.messageSent();
    }
    written = () => {
        this.unwritten -= 1;
    };
    sendMessage(message) {
        this.send(encodeFrame(message));
    }
    error(code, message = errorCodes[code].message, topic) {
        this.sendMessage({ type: 'error', code, message, ...(topic !== undefined && { topic }) });
    }
    end(reason, code, text) {
        if (this.closing)
            return;
        this.ended(reason);
        this.socket.close(code, text);
    }
    /** Stops all sending and counts the disconnect under the server's reason (once). */
    ended(reason) {
        if (this.closing)
            return;
        this.closing = true;
        this.reason = reason;
        this.ctx.metrics.disconnected(reason);
        this.dropAll();
    }
    async drained() {
        while (!this.closing) {
            if (this.sink.writable())
                return true;
            await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
        }
        return false;
    }
    async handle(data) {
        if (this.closing)
            return;
        const parsed = parseClientMessage(data);
        if (!parsed.ok) {
            this.error('VALIDATION_FAILED', parsed.problem);
            return;
        }
        const message = parsed.message;
        if (!this.greeted && message.type !== 'hello') {
            this.error('VALIDATION_FAILED', 'The first message must be hello');
            return;
        }
        switch (message.type) {
            case 'hello':
                return this.hello(message);
            case 'subscribe':
                return this.subscribe(message);
            case 'unsubscribe':
                this.drop(message.topic);
                this.sendMessage({ type: 'unsubscribed', topic: message.topic });
                return;
            case 'ping':
                this.sendMessage({ type: 'pong', ...(message.id !== undefined && { id: message.id }) });
                return;
        }
    }
    async hello(message) {
        if (this.greeted) {
            this.error('VALIDATION_FAILED', 'hello was already received');
            return;
        }
        if (message.v !== LIVE_FEED_VERSION) {
            this.error('LIVE_VERSION_UNSUPPORTED', `Protocol version ${message.v} is not supported; this server speaks ${LIVE_FEED_VERSION}`);
            this.end('protocol', liveCloseCodes.unsupportedVersion, 'unsupported protocol version');
            return;
        }
        this.greeted = true;
        this.sendMessage({ type: 'welcome', v: LIVE_FEED_VERSION, serverId: this.ctx.serverId, heartbeatMs: this.ctx.heartbeatMs });
        for (const subscription of message.resume?.subscriptions ?? [])
            await this.subscribe(subscription);
    }
    async subscribe({ topic, afterSeq, epoch }) {
        if (!this.subscriptions.has(topic) && this.subscriptions.size >= MAX_LIVE_SUBSCRIPTIONS) {
            this.error('LIVE_SUBSCRIPTION_LIMIT', undefined, topic);
            return;
        }
        const required = topicAccess(topic);
        if (!roleSatisfies(this.ctx.principal.role, required)) {
            this.error('FORBIDDEN', `The topic ${topic} needs the ${required} role`, topic);
            return;
        }
        // Subscribing again replaces the subscription (e.g. to resume from another seq).
        this.drop(topic);
        const runId = runIdOfLiveTopic(topic);
        if (runId !== null)
            return this.subscribeRun(topic, runId, afterSeq ?? 0);
        if (!isStaticLiveTopic(topic)) {
            this.error('LIVE_TOPIC_UNKNOWN', `No such topic: ${topic}`, topic);
            return;
        }
        const feed = this.ctx.topic(topic);
        const listener = (frame) => this.send(frame);
        // attach() and the sends below run without yielding, so no message can slip in between.
        const plan = feed.attach(listener, { ...(afterSeq !== undefined && { afterSeq }), ...(epoch !== undefined && { epoch }) });
        this.subscriptions.set(topic, { kind: 'topic', feed, listener });
        if (plan.kind === 'reset') {
            this.sendMessage({ type: 'reset', topic, epoch: feed.epoch, afterSeq: plan.afterSeq, reason: plan.reason });
            this.sendMessage({ type: 'subscribed', topic, epoch: feed.epoch, afterSeq: plan.afterSeq });
            return;
        }
        this.sendMessage({ type: 'subscribed', topic, epoch: feed.epoch, afterSeq: plan.afterSeq });
        for (const frame of plan.frames)
            this.send(frame);
    }
    async subscribeRun(topic, runId, afterSeq) {
        const source = this.ctx.runs();
        if (!(await source.exists(runId))) {
            this.error('RUN_NOT_FOUND', `Run ${runId} not found`, topic);
            return;
        }
        if (this.closing)
            return;
        this.sendMessage({ type: 'subscribed', topic, epoch: null, afterSeq });
        this.startRunFeed(topic, runId, afterSeq, source);
    }
    startRunFeed(topic, runId, afterSeq, source) {
        const feed = new RunFeed(topic, runId, afterSeq, source, this.sink);
        this.subscriptions.set(topic, { kind: 'run', feed, source });
        feed.start().catch((err) => {
            if (this.subscriptions.get(topic)?.feed !== feed)
                return;
            this.drop(topic);
            this.failed(err, topic);
        });
    }
    drop(topic) {
        const subscription = this.subscriptions.get(topic);
        if (!subscription)
            return;
        this.subscriptions.delete(topic);
        if (subscription.kind === 'topic')
            subscription.feed.detach(subscription.listener);
        else
            subscription.feed.cancel();
    }
    dropAll() {
        for (const topic of [...this.subscriptions.keys()])
            this.drop(topic);
    }
    /** A request failed unexpectedly: the client gets an error frame, the log gets the cause. */
    failed(err, topic) {
        if (isAppError(err)) {
            this.error(err.code, err.message, topic);
            return;
        }
        this.ctx.logger.error({ err: err instanceof Error ? err.message : String(err), topic }, 'live-feed request failed');
        this.error('INTERNAL_ERROR', undefined, topic);
    }
}
//# sourceMappingURL=live-connection.js.map