/** Types of render-nginx-conf.mjs (see its header). */
export interface NginxTls {
  listen: string;
  certificate: string;
  certificateKey: string;
}

export interface NginxOptions {
  /** Plain-HTTP listen addresses (`3000`, `127.0.0.1:3000`); with tls they only redirect to HTTPS. */
  listen: string[];
  tls?: NginxTls;
  /** Serve the built SPA from this directory... */
  webRoot?: string;
  /** ...or proxy everything that is not API to these `host:port`s. */
  frontends?: string[];
  /** API replicas, `host:port`. */
  backends: string[];
  /** Pid file and temp directories (writable by nginx). */
  runtimeDir: string;
  /** Worker user; only when the master runs as root. */
  user?: string;
  /** `/dev/stdout`, a file, or `off`. */
  accessLog: string;
  /** `/dev/stderr` or a file. */
  errorLog: string;
  /** Addresses or CIDRs that may read /metrics through the proxy. */
  metricsAllow: string[];
  workerProcesses?: number | 'auto';
}

export const PRIVATE_NETWORKS: string[];
export const PROFILES: { frontend: NginxOptions; edge: NginxOptions };
export function renderNginxConf(options: NginxOptions): string;
/** Committed profiles whose file under nginx/ differs from the rendering. */
export function driftedProfiles(): string[];
