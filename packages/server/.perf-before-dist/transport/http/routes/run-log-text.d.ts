/** One human-readable line per event, for the plain-text log download. */
import type { RunEvent } from '@dash/shared';
export declare function formatEventAsText(e: RunEvent): string;
