/** Tool output is cut to TOOL_OUTPUT_LIMIT_BYTES per event; the cut is recorded, never silent. */
import { TOOL_OUTPUT_LIMIT_BYTES } from '@dash/shared';

export interface CutOutput {
  output: string;
  truncated: boolean;
  originalBytes?: number;
}

/** Cuts `text` to at most `limit` UTF-8 bytes without splitting a character. */
export function cutUtf8(text: string, limit: number): { text: string; bytes: number; truncated: boolean } {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= limit) return { text, bytes, truncated: false };
  const buf = Buffer.from(text, 'utf8');
  let end = limit;
  // Step back over UTF-8 continuation bytes (10xxxxxx) so the cut lands on a character boundary.
  while (end > 0 && ((buf[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return { text: buf.subarray(0, end).toString('utf8'), bytes, truncated: true };
}

export function cutToolOutput(text: string, limit = TOOL_OUTPUT_LIMIT_BYTES): CutOutput {
  const cut = cutUtf8(text, limit);
  return cut.truncated
    ? { output: cut.text, truncated: true, originalBytes: cut.bytes }
    : { output: cut.text, truncated: false };
}
