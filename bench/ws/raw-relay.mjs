#!/usr/bin/env node
/**
 * The raw limit for bench/ws/line-latency.ts: the least a server could do. A bare `ws` server
 * that, for each connection, spawns the fake agent (plain-text lines), splits its stdout into
 * lines and sends each line as one WebSocket message. No parsing, no store, no fan-out.
 *
 *   node bench/ws/raw-relay.mjs <fake-agent.mjs>     prints the port it listens on, then serves
 *   client: ws://127.0.0.1:<port>/?script=<json>     one agent per connection, closed at its exit
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { WebSocketServer } from 'ws';

const agent = process.argv[2];
if (!agent) {
  process.stderr.write('usage: raw-relay.mjs <fake-agent.mjs>\n');
  process.exit(2);
}

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
wss.on('listening', () => process.stdout.write(`${wss.address().port}\n`));
wss.on('connection', (socket, request) => {
  const script = new URL(request.url ?? '/', 'http://relay').searchParams.get('script') ?? '{}';
  const child = spawn(process.execPath, [agent, '--script', script], { stdio: ['pipe', 'pipe', 'ignore'] });
  child.stdin.end('go\n');
  createInterface({ input: child.stdout }).on('line', (line) => socket.send(line));
  child.once('close', () => socket.close(1000));
  socket.once('close', () => child.kill());
});
process.once('SIGTERM', () => wss.close(() => process.exit(0)));
