/**
 * Loads one run and keeps its transcript current.
 *
 * 1. The run record, then its history paged through `/events` (5,000 per page).
 * 2. Live: the `run:<id>` live-feed topic from the last seq loaded. Until the subscription is
 *    confirmed, or whenever the feed is unavailable (no `/ws` on the server, connection lost, topic
 *    refused), `/events?after=` is polled every second instead. Both paths append to the same
 *    model, which drops anything at or below its last seq, so overlaps are harmless.
 * 3. Ended: once the run is terminal and a page says `complete`, everything stops.
 *
 * The model is a plain object (markRaw): 100,000 events are never made reactive. Consumers
 * watch `version`, which is bumped at most every `flushMs` while events stream in.
 *
 * The model keeps a bounded window of rows; as a TranscriptPager the session pages older and newer
 * events into it on request (`/events?after=`, the same pages), and reloads the live end.
 */
import { markRaw, shallowRef, type Ref } from 'vue';
import { ApiError } from '../../shared/api/api-error';
import type { TopicListener } from '../live-feed/live-feed-client';
import { runTopic } from '../live-feed/live-feed-protocol';
import { isTerminalRunStatus } from './run-status';
import { EVENTS_PAGE_LIMIT, isRunEvent, type Run, type RunEvent, type RunsApi } from './runs-api';
import { TranscriptModel, type TranscriptLimits } from './transcript-model';
import type { TranscriptPager, TranscriptPaging } from './transcript-pager';

/** `loading`: history; `connecting`: waiting for the feed; `live`: feed; `polling`: fallback; `ended`. */
export type TranscriptMode = 'loading' | 'connecting' | 'live' | 'polling' | 'ended';

export interface LiveSource {
  subscribe(topic: string, listener: TopicListener, options?: { afterSeq?: number }): () => void;
  /** Whether the feed connection is up. */
  readonly live: Readonly<Ref<boolean>>;
  /** Whether the feed has given up or is between attempts (as opposed to still connecting). */
  readonly unavailable: Readonly<Ref<boolean>>;
}

export interface RunTranscriptOptions {
  pollMs?: number;
  /** Run record refresh while the run is active. */
  refreshMs?: number;
  flushMs?: number;
  pageLimit?: number;
  isHidden?: () => boolean;
  /** Model limits (window size, text caps); the defaults otherwise. */
  limits?: Partial<TranscriptLimits>;
}

const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

export class RunTranscriptSession implements TranscriptPager {
  readonly model: TranscriptModel;
  readonly run = shallowRef<Run | null>(null);
  readonly version = shallowRef(0);
  readonly mode = shallowRef<TranscriptMode>('loading');
  /** Events loaded so far while paging the history. */
  readonly loaded = shallowRef(0);
  /** The run could not be loaded at all. */
  readonly loadError = shallowRef<ApiError | null>(null);
  /** The latest failed refresh (the transcript stays as it was). */
  readonly refreshError = shallowRef<ApiError | null>(null);
  readonly paging = shallowRef<TranscriptPaging>(null);
  readonly pagingError = shallowRef<ApiError | null>(null);

  private readonly abort = new AbortController();
  private readonly options: Required<Omit<RunTranscriptOptions, 'limits'>>;
  private unsubscribe: (() => void) | null = null;
  private subscribed = false;
  private topicRefused = false;
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private refreshTimer: ReturnType<typeof setInterval> | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private catchingUp: Promise<void> | null = null;
  private stopped = false;

  constructor(
    readonly runId: string,
    private readonly api: RunsApi,
    private readonly feed: LiveSource,
    options: RunTranscriptOptions = {},
  ) {
    this.model = markRaw(new TranscriptModel(options.limits));
    this.options = {
      pollMs: options.pollMs ?? 1_000,
      refreshMs: options.refreshMs ?? 5_000,
      flushMs: options.flushMs ?? 50,
      pageLimit: options.pageLimit ?? EVENTS_PAGE_LIMIT,
      isHidden: options.isHidden ?? (() => typeof document !== 'undefined' && document.visibilityState === 'hidden'),
    };
  }

  async start(): Promise<void> {
    try {
      this.run.value = await this.api.get(this.runId, this.abort.signal);
      const complete = await this.pageEvents();
      if (this.stopped) return;
      if (complete) {
        this.finish();
        return;
      }
      this.goLive();
    } catch (error) {
      if (this.stopped || isAbort(error)) return;
      this.loadError.value = error instanceof ApiError ? error : ApiError.client('BAD_RESPONSE', { cause: error });
      this.mode.value = 'ended';
    }
  }

  /** Re-evaluates live vs polling; the owner calls it when the feed's state changes. */
  feedChanged(): void {
    if (this.stopped || this.mode.value === 'ended' || this.mode.value === 'loading') return;
    const live = this.feed.live.value && this.subscribed && !this.topicRefused;
    if (live) {
      this.stopPolling();
      this.mode.value = 'live';
      return;
    }
    if (this.feed.live.value && !this.subscribed && !this.topicRefused) {
      // Connected, waiting for `subscribed`: keep polling meanwhile so nothing stalls.
      this.mode.value = 'connecting';
    } else {
      this.mode.value = this.feed.unavailable.value || this.topicRefused ? 'polling' : 'connecting';
    }
    this.startPolling();
  }

  /** Applies a run record the owner got elsewhere (stop, follow-up answers). */
  setRun(run: Run): void {
    this.run.value = run;
    if (isTerminalRunStatus(run.status)) void this.catchUp();
  }

  stop(): void {
    this.stopped = true;
    this.abort.abort();
    this.halt();
  }

  /** Ends live updates and timers (the session stays usable for reading). */
  private halt(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.stopPolling();
    if (this.refreshTimer !== null) clearInterval(this.refreshTimer);
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.refreshTimer = null;
    this.flushTimer = null;
  }

  // ---- history ---------------------------------------------------------------------------------

  /** Pages from the model's last seq to the end; returns whether the run's log is complete. */
  private async pageEvents(): Promise<boolean> {
    for (;;) {
      const page = await this.api.events(this.runId, this.model.lastSeq, this.options.pageLimit, this.abort.signal);
      if (this.stopped) return false;
      this.model.append(page.events);
      this.loaded.value = this.model.eventCount;
      this.bump();
      if (page.complete) return true;
      if (page.events.length < this.options.pageLimit) return false;
    }
  }

  /** One catch-up at a time; callers share the one in flight. */
  private catchUp(): Promise<void> {
    if (this.stopped || this.mode.value === 'ended') return Promise.resolve();
    this.catchingUp ??= (async () => {
      try {
        const complete = await this.pageEvents();
        this.refreshError.value = null;
        if (complete && !this.stopped) {
          // The log is complete only once the run is terminal: refresh the record for its final state.
          await this.refreshRun();
          this.finish();
        }
      } catch (error) {
        if (!this.stopped && !isAbort(error)) this.refreshError.value = error instanceof ApiError ? error : null;
      } finally {
        this.catchingUp = null;
      }
    })();
    return this.catchingUp;
  }

  // ---- paging the window -----------------------------------------------------------------------

  setFollow(following: boolean): void {
    this.model.follow = following;
  }

  /** One page of the events just before the window (`after` so that the page ends right before it). */
  loadEarlier(): Promise<void> {
    return this.page('earlier', async () => {
      const end = this.model.startAfter;
      if (end <= 0) return;
      const generation = this.model.generation;
      const after = Math.max(0, end - this.options.pageLimit);
      const page = await this.api.events(this.runId, after, end - after, this.abort.signal);
      // The window moved meanwhile (trimmed or replaced): this page no longer joins it.
      if (this.model.generation !== generation || this.model.startAfter !== end) return;
      this.model.prepend(page.events, after);
    });
  }

  /** One page of the events just after the window's end. */
  loadNewer(): Promise<void> {
    return this.page('newer', () => this.extendOnce());
  }

  async jumpToLatest(): Promise<void> {
    if (this.model.attached) return;
    await this.page('latest', async () => {
      this.model.resetWindow(Math.max(0, this.model.lastSeq - this.options.pageLimit));
      this.bump();
      while (!this.model.attached && !this.stopped) {
        if (!(await this.extendOnce())) break;
      }
    });
  }

  /** Extends the window by one page; false when nothing more came (or the window moved). */
  private async extendOnce(): Promise<boolean> {
    const start = this.model.endSeq;
    const generation = this.model.generation;
    const page = await this.api.events(this.runId, start, this.options.pageLimit, this.abort.signal);
    if (this.stopped || this.model.generation !== generation || this.model.endSeq < start) return false;
    this.model.extend(page.events);
    return page.events.length > 0;
  }

  /** Runs one paging request at a time, then re-renders. */
  private async page(kind: Exclude<TranscriptPaging, null>, load: () => Promise<unknown>): Promise<void> {
    if (this.paging.value !== null || this.stopped) return;
    this.paging.value = kind;
    try {
      await load();
      this.pagingError.value = null;
    } catch (error) {
      if (!this.stopped && !isAbort(error)) this.pagingError.value = error instanceof ApiError ? error : ApiError.client('BAD_RESPONSE', { cause: error });
    } finally {
      this.paging.value = null;
      this.bump();
    }
  }

  // ---- live --------------------------------------------------------------------------------------

  private goLive(): void {
    this.mode.value = 'connecting';
    this.unsubscribe = this.feed.subscribe(
      runTopic(this.runId),
      {
        event: (data) => this.onLiveEvent(data),
        subscribed: () => {
          this.subscribed = true;
          this.feedChanged();
        },
        reset: () => void this.catchUp(),
        error: () => {
          this.topicRefused = true;
          this.feedChanged();
        },
      },
      { afterSeq: this.model.lastSeq },
    );
    this.refreshTimer = setInterval(() => {
      if (!this.options.isHidden()) void this.refreshRun();
    }, this.options.refreshMs);
    this.feedChanged();
  }

  private onLiveEvent(data: unknown): void {
    if (!isRunEvent(data) || data.runId !== this.runId) return;
    if (data.seq > this.model.lastSeq + 1) {
      // Missed events (e.g. polled and live paths interleaving): fetch them first, in order.
      void this.catchUp().then(() => this.applyLive(data));
      return;
    }
    this.applyLive(data);
  }

  private applyLive(event: RunEvent): void {
    if (this.stopped || this.model.append([event]) === 0) return;
    this.scheduleBump();
    const type = event.event.type;
    if (type === 'exit' || type === 'result' || type === 'session.started') void this.refreshRun();
  }

  private async refreshRun(): Promise<void> {
    try {
      const run = await this.api.get(this.runId, this.abort.signal);
      if (this.stopped) return;
      this.run.value = run;
      this.refreshError.value = null;
      if (isTerminalRunStatus(run.status) && this.mode.value !== 'ended' && this.catchingUp === null) void this.catchUp();
    } catch (error) {
      if (!this.stopped && !isAbort(error)) this.refreshError.value = error instanceof ApiError ? error : null;
    }
  }

  private startPolling(): void {
    if (this.pollTimer !== null) return;
    this.pollTimer = setInterval(() => {
      if (!this.options.isHidden()) void this.catchUp();
    }, this.options.pollMs);
  }

  private stopPolling(): void {
    if (this.pollTimer !== null) clearInterval(this.pollTimer);
    this.pollTimer = null;
  }

  private finish(): void {
    this.halt();
    this.mode.value = 'ended';
    this.bump();
  }

  // ---- rendering -------------------------------------------------------------------------------

  private bump(): void {
    this.version.value += 1;
  }

  /** Coalesces bursts of live events into one re-render per `flushMs`. */
  private scheduleBump(): void {
    if (this.flushTimer !== null) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.bump();
    }, this.options.flushMs);
  }
}
