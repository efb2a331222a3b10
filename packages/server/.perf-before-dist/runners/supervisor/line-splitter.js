const NEWLINE = 0x0a;
const CR = 0x0d;
export class LineSplitter {
    onLine;
    parts = [];
    size = 0;
    /** Set while inside an over-long line: its kept prefix and total size so far. */
    overflow = null;
    maxLineBytes;
    keepBytes;
    constructor(onLine, options = {}) {
        this.onLine = onLine;
        this.maxLineBytes = options.maxLineBytes ?? 1024 * 1024;
        this.keepBytes = Math.min(options.keepBytes ?? 16 * 1024, this.maxLineBytes);
    }
    /** Bytes currently held for an unfinished line (never more than maxLineBytes + keepBytes). */
    get bufferedBytes() {
        return this.size + (this.overflow?.prefix.length ?? 0);
    }
    push(chunk) {
        let start = 0;
        while (start < chunk.length) {
            const nl = chunk.indexOf(NEWLINE, start);
            const end = nl === -1 ? chunk.length : nl;
            if (end > start)
                this.append(chunk.subarray(start, end));
            if (nl === -1)
                return;
            this.emit();
            start = nl + 1;
        }
    }
    /** Delivers a final line that had no newline. */
    end() {
        if (this.size > 0 || this.overflow)
            this.emit();
    }
    append(piece) {
        if (this.overflow) {
            this.overflow.bytes += piece.length;
            return;
        }
        if (this.size + piece.length > this.maxLineBytes) {
            const whole = Buffer.concat([...this.parts, piece]);
            this.overflow = { prefix: Buffer.from(whole.subarray(0, this.keepBytes)), bytes: whole.length };
            this.parts = [];
            this.size = 0;
            return;
        }
        // Copy: a small tail must not pin the whole (up to 64 KiB) chunk it was sliced from.
        this.parts.push(Buffer.from(piece));
        this.size += piece.length;
    }
    emit() {
        if (this.overflow) {
            const { prefix, bytes } = this.overflow;
            this.overflow = null;
            this.onLine({ text: decodePrefix(prefix), truncated: true, bytes });
            return;
        }
        let line = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts);
        const bytes = line.length;
        this.parts = [];
        this.size = 0;
        if (line.length > 0 && line[line.length - 1] === CR)
            line = line.subarray(0, line.length - 1);
        this.onLine({ text: line.toString('utf8'), truncated: false, bytes });
    }
}
/** Decodes a cut prefix, dropping a trailing partial UTF-8 character. */
function decodePrefix(buf) {
    let end = buf.length;
    let back = 0;
    while (end - back - 1 >= 0 && back < 3 && ((buf[end - back - 1] ?? 0) & 0xc0) === 0x80)
        back += 1;
    const lead = buf[end - back - 1];
    if (lead !== undefined && lead >= 0xc0) {
        const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
        if (back + 1 < need)
            end = end - back - 1;
    }
    return buf.subarray(0, end).toString('utf8');
}
//# sourceMappingURL=line-splitter.js.map