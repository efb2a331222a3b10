/**
 * A local OpenAI-compatible embeddings endpoint (`POST /v1/embeddings`) for tests that point a
 * server process at MEMORY_EMBEDDINGS=http: it answers with hash embeddings of the requested
 * dimension (a real, deterministic embedding of the text) and records what it was asked.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HashEmbeddingProvider } from '../../src/adapters/memory-embeddings/hash-embedding-provider.js';

export interface EmbeddingStub {
  /** Base URL for MEMORY_EMBEDDINGS_URL, e.g. `http://127.0.0.1:1234/v1`. */
  url: string;
  dim: number;
  /** Texts embedded so far, in request order. */
  inputs: string[];
  close(): Promise<void>;
}

export async function startEmbeddingStub(dim: number): Promise<EmbeddingStub> {
  const hash = new HashEmbeddingProvider(dim);
  const inputs: string[] = [];
  const server = createServer((req, res) => {
    void readJson(req).then((body) => {
      if (req.method !== 'POST' || req.url !== '/v1/embeddings') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
        return;
      }
      const texts = (body as { input?: string[] }).input ?? [];
      inputs.push(...texts);
      const data = texts.map((t, index) => ({ object: 'embedding', index, embedding: Array.from(hash.embedOne(t)) }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', model: (body as { model?: string }).model, data }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    dim,
    inputs,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}
