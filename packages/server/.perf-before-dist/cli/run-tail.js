/**
 * Follows one run's output over the live feed (`run:<id>`) until its `exit` event: the stored
 * history first, then live. The last processed `seq` is kept, so a dropped connection resumes with
 * `afterSeq` — no line twice, none missed (run topics always resume from the store). Between
 * events, each heartbeat re-reads the run over REST: a run that ended without an `exit` event (a
 * lost process) ends the tail too.
 */
import { LIVE_FEED_PATH, LIVE_FEED_VERSION, isTerminalRunStatus, liveServerMessage, run as runSchema, runEvent, runLiveTopic } from '@dash/shared';
import { WebSocket } from 'ws';
import { CliError, EXIT } from './cli-error.js';
const MAX_BACKOFF_MS = 5_000;
/** Resolves with the run as stored once it has ended. */
export async function tailRun(api, runId, options) {
    let afterSeq = 0;
    let backoff = 250;
    for (;;) {
        const outcome = await followOnce(api, runId, afterSeq, (e) => {
            afterSeq = e.seq;
            backoff = 250;
            options.onEvent(e);
        }, options);
        if (outcome === 'ended')
            return api.request('GET', `/api/runs/${encodeURIComponent(runId)}`, runSchema);
        options.onStatus?.('reconnecting');
        await new Promise((r) => setTimeout(r, backoff));
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
}
function followOnce(api, runId, afterSeq, onEvent, options) {
    const topic = runLiveTopic(runId);
    const url = `${api.config.url.replace(/^http/, 'ws')}${LIVE_FEED_PATH}`;
    return new Promise((resolve, reject) => {
        const socket = new WebSocket(url, { headers: { authorization: `Bearer ${api.config.token}` } });
        let done = false;
        const finish = (outcome) => {
            if (done)
                return;
            done = true;
            socket.removeAllListeners();
            socket.on('error', () => undefined);
            if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING)
                socket.close(1000);
            if (outcome instanceof CliError)
                reject(outcome);
            else
                resolve(outcome);
        };
        const checkEnded = () => {
            void api.request('GET', `/api/runs/${encodeURIComponent(runId)}`, runSchema).then((run) => {
                if (isTerminalRunStatus(run.status))
                    finish('ended');
            }, (err) => {
                if (err instanceof CliError && err.exitCode !== EXIT.unreachable)
                    finish(err);
            });
        };
        socket.on('unexpected-response', (_req, res) => {
            const status = res.statusCode ?? 0;
            if (status === 401 || status === 403)
                finish(new CliError(EXIT.auth, `the live feed refused the token (HTTP ${status})`));
            else
                finish('dropped');
        });
        socket.on('open', () => {
            socket.send(JSON.stringify({ type: 'hello', v: LIVE_FEED_VERSION }));
            socket.send(JSON.stringify({ type: 'subscribe', topic, afterSeq }));
        });
        socket.on('message', (raw) => {
            const parsed = liveServerMessage.safeParse(JSON.parse(String(raw)));
            if (!parsed.success)
                return;
            const msg = parsed.data;
            if (msg.type === 'subscribed' && msg.topic === topic) {
                options.onStatus?.('connected');
                checkEnded();
            }
            else if (msg.type === 'event' && msg.topic === topic) {
                const event = runEvent.safeParse(msg.data);
                if (!event.success || event.data.seq <= afterSeq)
                    return;
                afterSeq = event.data.seq;
                onEvent(event.data);
                if (event.data.event.type === 'exit')
                    finish('ended');
            }
            else if (msg.type === 'heartbeat') {
                checkEnded();
            }
            else if (msg.type === 'error' && (msg.topic === undefined || msg.topic === topic)) {
                finish(new CliError(msg.code === 'RUN_NOT_FOUND' ? EXIT.api : EXIT.api, `live feed: ${msg.code}: ${msg.message}`));
            }
        });
        socket.on('close', (code) => {
            if (code === 4001)
                finish(new CliError(EXIT.auth, 'the live feed closed the connection: the token was revoked or expired'));
            else
                finish('dropped');
        });
        socket.on('error', () => finish('dropped'));
    });
}
//# sourceMappingURL=run-tail.js.map