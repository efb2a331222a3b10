import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Lifecycle, type LifecycleComponent } from './lifecycle.js';
import { installShutdownHandlers, type ShutdownSignal } from './shutdown-signals.js';

interface Entry {
  level: string;
  obj: object;
  msg: string;
}

function recordingLogger() {
  const entries: Entry[] = [];
  const at = (level: string) => (obj: object, msg: string) => void entries.push({ level, obj, msg });
  return { entries, info: at('info'), warn: at('warn'), error: at('error'), fatal: at('fatal') };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** A component that records its calls into `calls`. */
function component(name: string, calls: string[], extra: Partial<LifecycleComponent> = {}): LifecycleComponent {
  return {
    name,
    start: () => void calls.push(`start ${name}`),
    stop: () => void calls.push(`stop ${name}`),
    ...extra,
  };
}

describe('Lifecycle', () => {
  let logger: ReturnType<typeof recordingLogger>;
  let calls: string[];
  let states: string[];
  let lifecycle: Lifecycle;

  beforeEach(() => {
    logger = recordingLogger();
    calls = [];
    states = [];
    lifecycle = new Lifecycle({ logger, drainTimeoutMs: 1_000 });
    lifecycle.onStateChange((state) => states.push(state));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts components in order and stops them in reverse', async () => {
    for (const name of ['store', 'queue', 'http']) lifecycle.register(component(name, calls));
    expect(lifecycle.state).toBe('starting');
    await lifecycle.start();
    expect(lifecycle.state).toBe('ready');
    await lifecycle.stop();
    expect(calls).toEqual(['start store', 'start queue', 'start http', 'stop http', 'stop queue', 'stop store']);
    expect(states).toEqual(['ready', 'draining', 'stopping', 'stopped']);
  });

  it('keeps stopping the others when one stop fails, and ends failed', async () => {
    lifecycle.register(component('store', calls));
    lifecycle.register(component('queue', calls, { stop: () => Promise.reject(new Error('queue stuck')) }));
    lifecycle.register(component('http', calls));
    await lifecycle.start();
    await lifecycle.stop();
    expect(calls).toEqual(['start store', 'start queue', 'start http', 'stop http', 'stop store']);
    expect(lifecycle.state).toBe('failed');
    expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'error', msg: 'component failed to stop', obj: expect.objectContaining({ component: 'queue' }) }));
  });

  it('returns the same promise from every stop() and stops each component once', async () => {
    lifecycle.register(component('store', calls));
    await lifecycle.start();
    const first = lifecycle.stop();
    const second = lifecycle.stop();
    expect(second).toBe(first);
    await first;
    expect(lifecycle.stop()).toBe(first);
    expect(calls.filter((c) => c.startsWith('stop'))).toEqual(['stop store']);
  });

  it('stops what started, in reverse, when a start fails, and rethrows', async () => {
    lifecycle.register(component('store', calls));
    lifecycle.register(component('queue', calls));
    lifecycle.register(component('http', calls, { start: () => Promise.reject(new Error('port in use')) }));
    lifecycle.register(component('late', calls));
    await expect(lifecycle.start()).rejects.toThrow('port in use');
    expect(calls).toEqual(['start store', 'start queue', 'stop queue', 'stop store']);
    expect(lifecycle.state).toBe('failed');
    expect(states).toEqual(['failed']);
    await lifecycle.stop();
    expect(calls).toHaveLength(4);
  });

  it('stops starting further components when stop() arrives during start', async () => {
    const gate = deferred();
    lifecycle.register(component('store', calls, { start: () => gate.promise.then(() => void calls.push('start store')) }));
    lifecycle.register(component('http', calls));
    const starting = lifecycle.start();
    const stopping = lifecycle.stop();
    gate.resolve();
    await starting;
    await stopping;
    expect(calls).toEqual(['start store', 'stop store']);
    expect(states).toEqual(['draining', 'stopping', 'stopped']);
  });

  it('refuses registrations after start and duplicate names', async () => {
    lifecycle.register(component('store', calls));
    expect(() => lifecycle.register(component('store', calls))).toThrow('already registered');
    await lifecycle.start();
    expect(() => lifecycle.register(component('late', calls))).toThrow('after start()');
  });

  it('drains every started component in parallel before stopping any', async () => {
    const a = deferred();
    const b = deferred();
    let invoked = 0;
    const drainOn = (gate: Promise<void>, name: string) => () => {
      invoked += 1;
      return gate.then(() => void calls.push(`drained ${name}`));
    };
    lifecycle.register(component('store', calls, { drain: drainOn(a.promise, 'store') }));
    lifecycle.register(component('http', calls, { drain: drainOn(b.promise, 'http') }));
    await lifecycle.start();
    const stopping = lifecycle.stop();
    expect(lifecycle.state).toBe('draining');
    // Both hooks run before either finishes: they drain in parallel.
    await vi.waitFor(() => expect(invoked).toBe(2));
    b.resolve();
    await vi.waitFor(() => expect(calls).toContain('drained http'));
    a.resolve();
    await stopping;
    expect(calls.slice(2)).toEqual(['drained http', 'drained store', 'stop http', 'stop store']);
  });

  it('stops at the drain deadline, aborting the drain signal and naming what is still in flight', async () => {
    vi.useFakeTimers();
    let signal: AbortSignal | undefined;
    lifecycle.register(
      component('agents', calls, {
        drain: (s) => {
          signal = s;
          return new Promise<void>(() => undefined);
        },
      }),
    );
    lifecycle.register(component('http', calls, { drain: () => undefined }));
    await lifecycle.start();
    const stopping = lifecycle.stop();
    await vi.advanceTimersByTimeAsync(999);
    expect(lifecycle.state).toBe('draining');
    expect(signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await stopping;
    expect(signal?.aborted).toBe(true);
    expect(lifecycle.state).toBe('stopped');
    expect(calls.slice(2)).toEqual(['stop http', 'stop agents']);
    expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'warn', obj: { pending: ['agents'], drainTimeoutMs: 1_000 } }));
  });

  it('isolates a failing drain hook', async () => {
    lifecycle.register(component('store', calls, { drain: () => Promise.reject(new Error('boom')) }));
    await lifecycle.start();
    await lifecycle.stop();
    expect(lifecycle.state).toBe('stopped');
    expect(calls).toEqual(['start store', 'stop store']);
  });
});

describe('installShutdownHandlers', () => {
  let signals: EventEmitter;
  let exits: number[];
  let logger: ReturnType<typeof recordingLogger>;

  beforeEach(() => {
    vi.useFakeTimers();
    signals = new EventEmitter();
    exits = [];
    logger = recordingLogger();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  function install(lifecycle: Lifecycle, forceExitTimeoutMs = 5_000) {
    return installShutdownHandlers({ lifecycle, logger, forceExitTimeoutMs, exit: (code) => void exits.push(code), signals });
  }

  async function readyLifecycle(...components: LifecycleComponent[]) {
    const lifecycle = new Lifecycle({ logger, drainTimeoutMs: 1_000 });
    for (const c of components) lifecycle.register(c);
    await lifecycle.start();
    return lifecycle;
  }

  it.each<ShutdownSignal>(['SIGTERM', 'SIGINT'])('stops gracefully on %s and exits 0', async (signal) => {
    const calls: string[] = [];
    const lifecycle = await readyLifecycle(component('store', calls));
    install(lifecycle);
    signals.emit(signal);
    expect(lifecycle.state).not.toBe('ready');
    await vi.runAllTimersAsync();
    expect(calls).toEqual(['start store', 'stop store']);
    expect(exits).toEqual([0]);
  });

  it('exits 1 when a component failed to stop', async () => {
    const lifecycle = await readyLifecycle(component('store', [], { stop: () => Promise.reject(new Error('x')) }));
    install(lifecycle);
    signals.emit('SIGTERM');
    await vi.runAllTimersAsync();
    expect(exits).toEqual([1]);
  });

  it.each<[ShutdownSignal, number]>([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ])('exits at once on a second signal (%s → %d)', async (signal, code) => {
    const lifecycle = await readyLifecycle(component('stuck', [], { stop: () => new Promise<void>(() => undefined) }));
    install(lifecycle);
    signals.emit('SIGTERM');
    await vi.advanceTimersByTimeAsync(10);
    expect(exits).toEqual([]);
    signals.emit(signal);
    expect(exits).toEqual([code]);
  });

  it('forces exit 1 at the force deadline when shutdown hangs', async () => {
    const lifecycle = await readyLifecycle(component('stuck', [], { stop: () => new Promise<void>(() => undefined) }));
    install(lifecycle, 5_000);
    signals.emit('SIGTERM');
    await vi.advanceTimersByTimeAsync(4_999);
    expect(exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(exits).toEqual([1]);
    expect(lifecycle.state).toBe('stopping');
    expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'fatal', msg: 'shutdown took too long; forcing exit' }));
  });

  it('does not force an exit after a clean shutdown', async () => {
    const lifecycle = await readyLifecycle(component('store', []));
    install(lifecycle, 5_000);
    signals.emit('SIGTERM');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(exits).toEqual([0]);
  });

  it('stops listening after uninstall', async () => {
    const lifecycle = await readyLifecycle(component('store', []));
    install(lifecycle).uninstall();
    signals.emit('SIGTERM');
    await vi.runAllTimersAsync();
    expect(exits).toEqual([]);
    expect(lifecycle.state).toBe('ready');
  });
});
