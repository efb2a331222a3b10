/** Constant-time comparison of two strings (length differences compare unequal). */
import { createHash, timingSafeEqual } from 'node:crypto';
export function safeEqualText(a, b) {
    if (b.length === 0)
        return false;
    const left = createHash('sha256').update(a).digest();
    const right = createHash('sha256').update(b).digest();
    return timingSafeEqual(left, right);
}
//# sourceMappingURL=safe-equal.js.map