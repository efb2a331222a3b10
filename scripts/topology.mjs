#!/usr/bin/env node
/**
 * `npm run topology`: the scale-out deployment as plain processes on loopback, with the machine's
 * PostgreSQL, Redis and nginx (scripts/topology/topology.mjs; docs/deployment.md, "Local
 * topology"). Build first (`npm run build`). Ctrl-C stops everything and removes the database.
 *
 *   npm run topology                        # 3 replicas on 8081-8083, memory 3333, bridge 3002, nginx 3000
 *   npm run topology -- --replicas 2 --fake-agent --keep-database
 *
 * Options: --replicas N, --base-port P, --web-port P, --memory-port P, --bridge-port P,
 * --fake-agent (agents are the scripted fake agent: a demo without an API key),
 * --keep-database. TOPOLOGY_DATABASE_URL / TOPOLOGY_REDIS_URL point elsewhere than the machine's.
 */
import { parseArgs } from 'node:util';
import { FAKE_AGENT, startTopology } from './topology/topology.mjs';

const { values } = parseArgs({
  options: {
    replicas: { type: 'string', default: '3' },
    'base-port': { type: 'string', default: '8081' },
    'web-port': { type: 'string', default: '3000' },
    'memory-port': { type: 'string', default: '3333' },
    'bridge-port': { type: 'string', default: '3002' },
    'fake-agent': { type: 'boolean', default: false },
    'keep-database': { type: 'boolean', default: false },
  },
});

const number = (name) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} expects a positive integer, got ${values[name]}`);
    process.exit(2);
  }
  return n;
};

const log = (line) => console.log(`[topology] ${line}`);
let topology = null;
let stopping = false;
const shutdown = async (signal) => {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping (replicas drain their runs first)`);
  await topology?.stop();
  log('stopped');
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  topology = await startTopology({
    replicas: number('replicas'),
    basePort: number('base-port'),
    webPort: number('web-port'),
    memoryPort: number('memory-port'),
    bridgePort: number('bridge-port'),
    keepDatabase: values['keep-database'],
    ...(values['fake-agent'] && { env: { AGENT_CLAUDE_BIN: FAKE_AGENT } }),
    log,
  });
} catch (err) {
  console.error(`[topology] failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
if (stopping) process.exit(0);

log('up:');
log(`  dashboard (nginx)  ${topology.url}/   sign in as admin / ${topology.adminPassword}`);
for (const r of topology.replicas) log(`  ${r.name.padEnd(17)}  ${r.url}  (NODE_ID ${r.nodeId}, SERVICE_ROLE=${r.role})`);
log(`  memory-api         ${topology.memory.url}`);
log(`  api-bridge         ${topology.bridge.url}`);
log(`  API token          Authorization: Bearer ${topology.adminToken}`);
log(`  replicas           curl -H 'authorization: Bearer ${topology.adminToken}' ${topology.url}/api/cluster/replicas`);
log(`  logs               ${topology.workDir}/logs/`);
log('Ctrl-C stops everything.');
