/**
 * Encoding of server → client frames. Messages are typed by the shared schema and serialized once:
 * topic messages are shared by every listener, and a run event object (the same object reaches
 * every subscriber of a run on this server) is encoded once however many clients watch the run.
 */
import type { LiveServerMessage, RunEvent } from '@dash/shared';
export declare const encodeFrame: (message: LiveServerMessage) => string;
export declare function encodeRunEvent(topic: string, event: RunEvent): string;
