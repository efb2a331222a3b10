/**
 * What a transcript view may ask of whoever loads it, beyond the rows: page older or newer events
 * into the model's window, go back to the live end, and say whether the reader follows it.
 */
import type { Ref } from 'vue';
import type { ApiError } from '../../shared/api/api-error';

/** `earlier` / `newer`: a page is loading on that side; `latest`: reloading the live end. */
export type TranscriptPaging = 'earlier' | 'newer' | 'latest' | null;

export interface TranscriptPager {
  readonly paging: Readonly<Ref<TranscriptPaging>>;
  /** The latest failed page load (cleared by the next success). */
  readonly pagingError: Readonly<Ref<ApiError | null>>;
  loadEarlier(): Promise<void>;
  loadNewer(): Promise<void>;
  /** Reloads the newest events when the window is behind the live end; follows it again. */
  jumpToLatest(): Promise<void>;
  /** Whether the reader is at the bottom, following new output. */
  setFollow(following: boolean): void;
}
