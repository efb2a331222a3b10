/** Decoding and validation of one client frame against the shared schema. */
import { type LiveClientMessage } from '@dash/shared';
import type { RawData } from 'ws';
export type ParsedClientMessage = {
    ok: true;
    message: LiveClientMessage;
} | {
    ok: false;
    problem: string;
};
/** The message, or a short human-readable reason for the VALIDATION_FAILED error frame. */
export declare function parseClientMessage(data: RawData): ParsedClientMessage;
