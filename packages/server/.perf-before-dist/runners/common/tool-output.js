/** Tool output is cut to TOOL_OUTPUT_LIMIT_BYTES per event; the cut is recorded, never silent. */
import { TOOL_OUTPUT_LIMIT_BYTES } from '@dash/shared';
/** Cuts `text` to at most `limit` UTF-8 bytes without splitting a character. */
export function cutUtf8(text, limit) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes <= limit)
        return { text, bytes, truncated: false };
    const buf = Buffer.from(text, 'utf8');
    let end = limit;
    // Step back over UTF-8 continuation bytes (10xxxxxx) so the cut lands on a character boundary.
    while (end > 0 && ((buf[end] ?? 0) & 0xc0) === 0x80)
        end -= 1;
    return { text: buf.subarray(0, end).toString('utf8'), bytes, truncated: true };
}
export function cutToolOutput(text, limit = TOOL_OUTPUT_LIMIT_BYTES) {
    const cut = cutUtf8(text, limit);
    return cut.truncated
        ? { output: cut.text, truncated: true, originalBytes: cut.bytes }
        : { output: cut.text, truncated: false };
}
//# sourceMappingURL=tool-output.js.map