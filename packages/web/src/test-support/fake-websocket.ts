/**
 * A scripted stand-in for the browser's WebSocket (the network boundary of the live feed).
 * Tests drive the server side: `open()`, `receive(message)`, `drop(code)`; and read what the
 * client sent from `sent`. Every instance is recorded in `FakeWebSocket.instances`.
 */
import type { LiveClientMessage, LiveServerMessage } from '@dash/shared';

export class FakeWebSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static instances: FakeWebSocket[] = [];

  readyState = FakeWebSocket.CONNECTING;
  readonly sent: LiveClientMessage[] = [];
  closedWith: { code?: number; reason?: string } | null = null;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;

  constructor(readonly url: string) {
    FakeWebSocket.instances.push(this);
  }

  static reset(): void {
    FakeWebSocket.instances = [];
  }

  static get latest(): FakeWebSocket {
    const socket = FakeWebSocket.instances.at(-1);
    if (!socket) throw new Error('no WebSocket was created');
    return socket;
  }

  send(data: string): void {
    if (this.readyState !== FakeWebSocket.OPEN) throw new Error('send on a socket that is not open');
    this.sent.push(JSON.parse(data) as LiveClientMessage);
  }

  close(code?: number, reason?: string): void {
    if (this.readyState === FakeWebSocket.CLOSED) return;
    this.closedWith = { code, reason };
    this.readyState = FakeWebSocket.CLOSED;
    this.onclose?.(new CloseEvent('close', { code: code ?? 1005, reason: reason ?? '' }));
  }

  // ---- the server's side ------------------------------------------------------------------

  open(): void {
    this.readyState = FakeWebSocket.OPEN;
    this.onopen?.(new Event('open'));
  }

  /** Opens and answers the hello with a welcome. */
  accept(heartbeatMs = 15_000): void {
    this.open();
    this.receive({ type: 'welcome', v: 1, serverId: 'node-a', heartbeatMs });
  }

  receive(message: LiveServerMessage | Record<string, unknown>): void {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(message) }));
  }

  receiveRaw(data: string): void {
    this.onmessage?.(new MessageEvent('message', { data }));
  }

  /** The connection ends from the server's side (or the network). */
  drop(code = 1006, reason = ''): void {
    this.readyState = FakeWebSocket.CLOSED;
    this.onerror?.(new Event('error'));
    this.onclose?.(new CloseEvent('close', { code, reason }));
  }

  /** The upgrade is refused (no `/ws` route, proxy without WebSocket support). */
  fail(): void {
    this.drop(1006);
  }
}
