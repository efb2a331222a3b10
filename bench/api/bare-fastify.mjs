#!/usr/bin/env node
/**
 * The raw limit for the API benchmark: a bare Fastify server (same Fastify as the product, no
 * auth, no store, no validation) with the two routes the benchmark drives:
 *   GET  /list   → the JSON body given in the file argv[2] (a real task-list page), 200
 *   POST /create → parses the JSON body and answers it back with an id, 201
 * Prints its port on stdout, then serves until killed.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const listBody = readFileSync(process.argv[2], 'utf8');
const app = Fastify({ logger: false });
app.get('/list', async (_req, reply) => reply.type('application/json').send(listBody));
app.post('/create', async (req, reply) => reply.code(201).send({ id: randomUUID(), ...req.body }));
await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${app.server.address().port}\n`);
