#!/usr/bin/env node
/**
 * Renders the one nginx configuration every deployment uses, from one set of rules:
 *  - `frontend`: the frontend image (Dockerfile.frontend): the SPA on :3000, `/api` and `/ws`
 *    proxied to the backend Service, run as the unprivileged `nginx` user;
 *  - `edge`: the Compose load balancer on :80/:443: TLS, `/api` and `/ws` to the backend,
 *    everything else to the frontend container;
 *  - `custom`: any other place (tests, a local topology of replicas on loopback), with local
 *    paths and ports given on the command line or to renderNginxConf().
 *
 * The output is self-contained (MIME types inline, no `include`), so `nginx -t -c FILE -p DIR`
 * checks it anywhere, as any user, when runtimeDir is writable. The `frontend` and `edge` files
 * are committed under nginx/ (Docker and Compose use them as they are); `--check` fails when they
 * drift from this script.
 *
 *   node nginx/render-nginx-conf.mjs frontend > nginx/frontend.conf
 *   node nginx/render-nginx-conf.mjs --write            # rewrite the committed files
 *   node nginx/render-nginx-conf.mjs --check            # exit 1 when they differ
 *   node nginx/render-nginx-conf.mjs custom --listen 127.0.0.1:3000 --web-root packages/web/dist \
 *     --backend 127.0.0.1:8081 --backend 127.0.0.1:8082 --runtime-dir /tmp/nginx-run
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Where Prometheus may read `/metrics` through the proxy: loopback and the private ranges. */
export const PRIVATE_NETWORKS = ['127.0.0.1', '::1', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

/** The committed profiles. Host names are the Kubernetes Service names; Compose gives its
 *  services the same names as network aliases, so one file serves both. */
export const PROFILES = {
  frontend: {
    listen: ['3000'],
    webRoot: '/usr/share/nginx/html',
    backends: ['dashboard-backend-service:8080'],
    // The image runs nginx as its `nginx` user with a read-only root: /tmp is the writable volume.
    runtimeDir: '/tmp',
    accessLog: '/dev/stdout',
    errorLog: '/dev/stderr',
    metricsAllow: PRIVATE_NETWORKS,
  },
  edge: {
    listen: ['80'],
    tls: { listen: '443', certificate: '/etc/nginx/ssl/tls.crt', certificateKey: '/etc/nginx/ssl/tls.key' },
    frontends: ['dashboard-frontend-service:3000'],
    backends: ['dashboard-backend-service:8080'],
    // The stock nginx image: the master runs as root (ports 80/443), workers as `nginx`.
    runtimeDir: '/var/cache/nginx',
    user: 'nginx',
    accessLog: '/dev/stdout',
    errorLog: '/dev/stderr',
    metricsAllow: PRIVATE_NETWORKS,
  },
};

/** nginx needs content types for the SPA's files; listed here so no mime.types file is needed. */
const MIME_TYPES = [
  ['text/html', 'html htm'],
  ['text/css', 'css'],
  ['text/plain', 'txt'],
  ['application/javascript', 'js mjs'],
  ['application/json', 'json map webmanifest'],
  ['image/svg+xml', 'svg svgz'],
  ['image/png', 'png'],
  ['image/x-icon', 'ico'],
  ['image/webp', 'webp'],
  ['font/woff2', 'woff2'],
  ['font/woff', 'woff'],
  ['application/wasm', 'wasm'],
];

// The SPA loads only its own scripts (index.html keeps no inline script for this reason), styles
// may be inline (Vue style bindings), and the live feed is same-origin WebSocket.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

/**
 * @typedef {object} NginxOptions
 * @property {string[]} listen        plain-HTTP listen addresses (`3000`, `127.0.0.1:3000`); with tls they only redirect to HTTPS
 * @property {{listen: string, certificate: string, certificateKey: string}} [tls]
 * @property {string} [webRoot]       serve the built SPA from this directory...
 * @property {string[]} [frontends]   ...or proxy everything that is not API to these `host:port`s
 * @property {string[]} backends      API replicas, `host:port`
 * @property {string} runtimeDir      pid file and temp directories (must be writable by nginx)
 * @property {string} [user]          worker user; only when the master runs as root
 * @property {string} accessLog       `/dev/stdout`, a file, or `off`
 * @property {string} errorLog        `/dev/stderr` or a file
 * @property {string[]} metricsAllow  addresses/CIDRs that may read /metrics through the proxy
 * @property {number|'auto'} [workerProcesses]
 */

/** @param {NginxOptions} o @returns {string} the complete nginx.conf */
export function renderNginxConf(o) {
  if (o.backends.length === 0) throw new Error('at least one backend is needed');
  if ((o.webRoot === undefined) === (o.frontends === undefined || o.frontends.length === 0)) {
    throw new Error('give either webRoot (serve the SPA) or frontends (proxy to them)');
  }
  const rt = o.runtimeDir.replace(/\/+$/, '');
  const out = [];
  const line = (depth, text) => out.push(text === '' ? '' : `${'    '.repeat(depth)}${text}`);

  line(0, '# Generated by nginx/render-nginx-conf.mjs: edit the script, not this file.');
  if (o.user) line(0, `user ${o.user};`);
  line(0, `worker_processes ${o.workerProcesses ?? 'auto'};`);
  line(0, `pid ${rt}/nginx.pid;`);
  line(0, `error_log ${o.errorLog} warn;`);
  line(0, '');
  line(0, 'events {');
  line(1, 'worker_connections 4096;');
  line(0, '}');
  line(0, '');
  line(0, 'http {');
  line(1, 'types {');
  for (const [type, exts] of MIME_TYPES) line(2, `${type} ${exts};`);
  line(1, '}');
  line(1, 'default_type application/octet-stream;');
  line(1, '');
  for (const dir of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) line(1, `${dir}_temp_path ${rt}/${dir}_temp;`);
  line(1, '');
  line(1, '# One JSON object per request on stdout, like the backend, so Loki parses both alike.');
  line(1, "log_format json escape=json '{\"time\":\"$time_iso8601\",\"remoteAddr\":\"$remote_addr\",\"method\":\"$request_method\",'");
  line(2, "'\"uri\":\"$request_uri\",\"status\":$status,\"bytes\":$body_bytes_sent,\"durationSeconds\":$request_time,'");
  line(2, "'\"upstream\":\"$upstream_addr\",\"upstreamSeconds\":\"$upstream_response_time\",\"requestId\":\"$dashboard_request_id\",'");
  line(2, "'\"userAgent\":\"$http_user_agent\"}';");
  line(1, o.accessLog === 'off' ? 'access_log off;' : `access_log ${o.accessLog} json;`);
  line(1, '');
  line(1, 'sendfile on;');
  line(1, 'tcp_nopush on;');
  line(1, 'server_tokens off;');
  line(1, 'keepalive_timeout 65s;');
  line(1, 'client_max_body_size 10m;');
  line(1, 'gzip on;');
  line(1, 'gzip_types text/css application/javascript application/json image/svg+xml text/plain;');
  line(1, '');
  line(1, '# WebSocket: pass the upgrade through; plain requests keep the upstream connection alive.');
  line(1, 'map $http_upgrade $connection_upgrade {');
  line(2, "default upgrade;");
  line(2, "'' '';");
  line(1, '}');
  line(1, '# Keep the request id a client or an outer proxy sent; otherwise use nginx\'s own.');
  line(1, 'map $http_x_request_id $dashboard_request_id {');
  line(2, 'default $http_x_request_id;');
  line(2, "'' $request_id;");
  line(1, '}');
  line(1, '');
  line(1, '# least_conn spreads long-lived WebSocket connections. A replica that fails is skipped for');
  line(1, '# 10 s; a draining one answers 503, and idempotent requests are retried on the next.');
  line(1, 'upstream dashboard_backend {');
  line(2, 'least_conn;');
  for (const b of o.backends) line(2, `server ${b} max_fails=3 fail_timeout=10s;`);
  line(2, 'keepalive 32;');
  line(1, '}');
  if (o.frontends) {
    line(1, 'upstream dashboard_frontend {');
    for (const f of o.frontends) line(2, `server ${f} max_fails=3 fail_timeout=10s;`);
    line(2, 'keepalive 16;');
    line(1, '}');
  }
  line(1, '');

  if (o.tls) {
    line(1, 'server {');
    for (const l of o.listen) line(2, `listen ${l};`);
    line(2, 'server_name _;');
    line(2, 'location = /healthz {');
    line(3, 'access_log off;');
    line(3, 'default_type text/plain;');
    line(3, "return 200 'ok\\n';");
    line(2, '}');
    line(2, 'location / {');
    line(3, 'return 301 https://$host$request_uri;');
    line(2, '}');
    line(1, '}');
    line(1, '');
  }

  line(1, 'server {');
  if (o.tls) {
    line(2, `listen ${o.tls.listen} ssl http2;`);
    line(2, `ssl_certificate ${o.tls.certificate};`);
    line(2, `ssl_certificate_key ${o.tls.certificateKey};`);
    line(2, 'ssl_protocols TLSv1.2 TLSv1.3;');
    line(2, 'ssl_prefer_server_ciphers off;');
    line(2, 'ssl_session_cache shared:SSL:10m;');
    line(2, 'ssl_session_timeout 1d;');
  } else {
    for (const l of o.listen) line(2, `listen ${l};`);
  }
  line(2, 'server_name _;');
  line(2, '');
  const headers = (depth, spa) => {
    line(depth, 'add_header X-Content-Type-Options "nosniff" always;');
    line(depth, 'add_header X-Frame-Options "DENY" always;');
    line(depth, 'add_header Referrer-Policy "strict-origin-when-cross-origin" always;');
    line(depth, 'add_header Permissions-Policy "camera=(), microphone=(), geolocation=()" always;');
    if (o.tls) line(depth, 'add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;');
    if (spa) line(depth, `add_header Content-Security-Policy "${CSP}" always;`);
  };
  line(2, '# Security headers on every answer (a location with its own add_header repeats them).');
  headers(2, false);
  line(2, '');

  const proxyHeaders = (depth) => {
    line(depth, 'proxy_set_header Host $host;');
    line(depth, 'proxy_set_header X-Real-IP $remote_addr;');
    line(depth, 'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
    line(depth, 'proxy_set_header X-Forwarded-Proto $scheme;');
    line(depth, 'proxy_set_header X-Request-Id $dashboard_request_id;');
  };

  line(2, 'location /api/ {');
  line(3, 'proxy_pass http://dashboard_backend;');
  line(3, 'proxy_http_version 1.1;');
  line(3, 'proxy_set_header Connection "";');
  proxyHeaders(3);
  line(3, 'proxy_connect_timeout 5s;');
  line(3, 'proxy_read_timeout 120s;');
  line(3, 'proxy_next_upstream error timeout http_502 http_503;');
  line(3, 'proxy_next_upstream_tries 3;');
  line(2, '}');
  line(2, 'location = /api {');
  line(3, 'return 301 /api/;');
  line(2, '}');
  line(2, '');
  line(2, '# The live feed: one long-lived WebSocket per tab. The server pings every few seconds;');
  line(2, '# the long timeouts only bound a connection whose peer vanished.');
  line(2, 'location = /ws {');
  line(3, 'proxy_pass http://dashboard_backend;');
  line(3, 'proxy_http_version 1.1;');
  line(3, 'proxy_set_header Upgrade $http_upgrade;');
  line(3, 'proxy_set_header Connection $connection_upgrade;');
  proxyHeaders(3);
  line(3, 'proxy_connect_timeout 5s;');
  line(3, 'proxy_read_timeout 1h;');
  line(3, 'proxy_send_timeout 1h;');
  line(3, 'proxy_buffering off;');
  line(2, '}');
  line(2, '');
  line(2, '# Probes of the replica nginx picks (a load balancer\'s view); Prometheus scrapes');
  line(2, '# each replica directly, so /metrics here is for operators on private networks only.');
  line(2, 'location ~ ^/(health|ready)$ {');
  line(3, 'access_log off;');
  line(3, 'proxy_pass http://dashboard_backend;');
  line(3, 'proxy_http_version 1.1;');
  line(3, 'proxy_set_header Connection "";');
  proxyHeaders(3);
  line(2, '}');
  line(2, 'location = /metrics {');
  for (const a of o.metricsAllow) line(3, `allow ${a};`);
  line(3, 'deny all;');
  line(3, 'access_log off;');
  line(3, 'proxy_pass http://dashboard_backend;');
  line(3, 'proxy_http_version 1.1;');
  line(3, 'proxy_set_header Connection "";');
  proxyHeaders(3);
  line(2, '}');
  line(2, '');
  line(2, '# This proxy\'s own liveness (container health checks), without touching a backend.');
  line(2, 'location = /healthz {');
  line(3, 'access_log off;');
  line(3, 'default_type text/plain;');
  line(3, "return 200 'ok\\n';");
  line(2, '}');
  line(2, '');

  if (o.webRoot !== undefined) {
    line(2, `root ${o.webRoot};`);
    line(2, '');
    line(2, '# Hashed file names: cache for a year.');
    line(2, 'location /assets/ {');
    line(3, 'try_files $uri =404;');
    line(3, 'add_header Cache-Control "public, max-age=31536000, immutable" always;');
    headers(3, true);
    line(2, '}');
    line(2, '# Everything else is the SPA: existing files, else index.html (deep links), revalidated.');
    line(2, 'location / {');
    line(3, 'try_files $uri /index.html;');
    line(3, 'add_header Cache-Control "no-cache" always;');
    headers(3, true);
    line(2, '}');
  } else {
    line(2, 'location / {');
    line(3, 'proxy_pass http://dashboard_frontend;');
    line(3, 'proxy_http_version 1.1;');
    line(3, 'proxy_set_header Connection "";');
    proxyHeaders(3);
    line(2, '}');
  }
  line(1, '}');
  line(0, '}');
  return `${out.join('\n')}\n`;
}

const committedFile = (profile) => join(HERE, `${profile}.conf`);

/** The committed files that differ from what this script renders now. */
export function driftedProfiles() {
  return Object.keys(PROFILES).filter((p) => {
    let current = '';
    try {
      current = readFileSync(committedFile(p), 'utf8');
    } catch {
      return true;
    }
    return current !== renderNginxConf(PROFILES[p]);
  });
}

function parseCustom(argv) {
  const o = { listen: [], backends: [], frontends: [], accessLog: '/dev/stdout', errorLog: '/dev/stderr', metricsAllow: ['127.0.0.1', '::1'] };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--listen') o.listen.push(value);
    else if (flag === '--backend') o.backends.push(value);
    else if (flag === '--frontend') o.frontends.push(value);
    else if (flag === '--web-root') o.webRoot = value;
    else if (flag === '--runtime-dir') o.runtimeDir = value;
    else if (flag === '--access-log') o.accessLog = value;
    else if (flag === '--error-log') o.errorLog = value;
    else if (flag === '--metrics-allow') o.metricsAllow = value.split(',');
    else if (flag === '--worker-processes') o.workerProcesses = Number(value);
    else throw new Error(`unknown option ${flag}`);
  }
  if (o.frontends.length === 0) delete o.frontends;
  if (o.runtimeDir === undefined) throw new Error('--runtime-dir is required');
  return o;
}

function main(argv) {
  const [command, ...rest] = argv;
  if (command === '--check') {
    const drifted = driftedProfiles();
    if (drifted.length > 0) {
      console.error(`out of date: ${drifted.map((p) => `nginx/${p}.conf`).join(', ')} (run: node nginx/render-nginx-conf.mjs --write)`);
      return 1;
    }
    return 0;
  }
  if (command === '--write') {
    for (const p of Object.keys(PROFILES)) writeFileSync(committedFile(p), renderNginxConf(PROFILES[p]));
    return 0;
  }
  if (command in PROFILES) {
    process.stdout.write(renderNginxConf(PROFILES[command]));
    return 0;
  }
  if (command === 'custom') {
    process.stdout.write(renderNginxConf(parseCustom(rest)));
    return 0;
  }
  console.error('usage: render-nginx-conf.mjs frontend|edge|custom [options]|--write|--check');
  return 2;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 2;
  }
}
