/** Decoding and validation of one client frame against the shared schema. */
import { liveClientMessage } from '@dash/shared';
/** The message, or a short human-readable reason for the VALIDATION_FAILED error frame. */
export function parseClientMessage(data) {
    let json;
    try {
        json = JSON.parse(rawText(data));
    }
    catch {
        return { ok: false, problem: 'The message is not valid JSON' };
    }
    const parsed = liveClientMessage.safeParse(json);
    if (parsed.success)
        return { ok: true, message: parsed.data };
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.length > 0 ? i.path.join('.') : 'message'}: ${i.message}`);
    return { ok: false, problem: `Invalid message: ${issues.join('; ')}` };
}
function rawText(data) {
    if (Buffer.isBuffer(data))
        return data.toString('utf8');
    if (Array.isArray(data))
        return Buffer.concat(data).toString('utf8');
    return Buffer.from(data).toString('utf8');
}
//# sourceMappingURL=client-message.js.map