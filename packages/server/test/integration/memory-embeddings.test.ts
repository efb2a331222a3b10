/**
 * The EmbeddingProvider contract on `hash`, on `http` against a local OpenAI-compatible stub server
 * (started here; it answers with hash embeddings, which is all the contract needs), and on
 * `use-lite` (the real bundled model: slower, one suite). Plus the http provider's failure modes.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HashEmbeddingProvider } from '../../src/adapters/memory-embeddings/hash-embedding-provider.js';
import { HttpEmbeddingProvider } from '../../src/adapters/memory-embeddings/http-embedding-provider.js';
import { UseLiteEmbeddingProvider } from '../../src/adapters/memory-embeddings/use-lite-embedding-provider.js';
import { isAppError } from '../../src/domain/app-error.js';
import { defineEmbeddingProviderContract } from '../contracts/embedding-provider.contract.js';

interface StubRequest {
  authorization: string | undefined;
  body: { model?: string; input?: string[] };
}

interface Stub {
  url: string;
  requests: StubRequest[];
  close(): Promise<void>;
}

type Answer = (req: StubRequest) => { status: number; body: unknown };

/** An OpenAI-compatible `/v1/embeddings` stub: answers hash embeddings unless told otherwise. */
async function startStub(answer?: Answer): Promise<Stub> {
  const hash = new HashEmbeddingProvider(512);
  const requests: StubRequest[] = [];
  const server: Server = createServer((req, res) => {
    void readJson(req).then((body) => {
      const request: StubRequest = { authorization: req.headers.authorization, body: body as StubRequest['body'] };
      requests.push(request);
      const reply =
        req.url === '/v1/embeddings' && req.method === 'POST'
          ? (answer?.(request) ?? {
              status: 200,
              body: {
                object: 'list',
                model: request.body.model,
                // Reversed on purpose: clients must place each embedding by its index.
                data: (request.body.input ?? []).map((t, index) => ({ object: 'embedding', index, embedding: Array.from(hash.embedOne(t)) })).reverse(),
              },
            })
          : { status: 404, body: { error: 'not found' } };
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

defineEmbeddingProviderContract(
  'hash',
  async () => {
    const provider = new HashEmbeddingProvider();
    return { provider, cleanup: () => provider.close() };
  },
  { id: 'hash-v1', dim: 512 },
);

defineEmbeddingProviderContract(
  'http (OpenAI-compatible stub)',
  async () => {
    const stub = await startStub();
    const provider = new HttpEmbeddingProvider({ baseUrl: stub.url, model: 'text-embedding-stub', dim: 512, apiKey: 'sk-test' });
    return {
      provider,
      cleanup: async () => {
        await provider.close();
        await stub.close();
      },
    };
  },
  { id: 'http:text-embedding-stub', dim: 512 },
);

defineEmbeddingProviderContract(
  'use-lite (bundled Universal Sentence Encoder lite)',
  async () => {
    const provider = new UseLiteEmbeddingProvider();
    return { provider, cleanup: () => provider.close() };
  },
  { id: 'use-lite-v1', dim: 512 },
);

describe('http embedding provider', () => {
  let stub: Stub | null = null;
  afterEach(async () => {
    await stub?.close();
    stub = null;
  });

  const codeOf = async (promise: Promise<unknown>): Promise<string> => {
    try {
      await promise;
      return 'resolved';
    } catch (err) {
      return isAppError(err) ? err.code : `other: ${String(err)}`;
    }
  };

  it('sends the model and the key, in batches', async () => {
    stub = await startStub();
    const provider = new HttpEmbeddingProvider({ baseUrl: `${stub.url}/`, model: 'm1', dim: 512, apiKey: 'sk-secret', batchSize: 2 });
    const vectors = await provider.embed(['a b', 'c d', 'e f', 'g h', 'i j']);
    expect(vectors).toHaveLength(5);
    expect(stub.requests.map((r) => r.body.input?.length)).toEqual([2, 2, 1]);
    expect(stub.requests.every((r) => r.authorization === 'Bearer sk-secret' && r.body.model === 'm1')).toBe(true);
  });

  it('fails with MEMORY_EMBEDDING_FAILED on an error status, a wrong dimension, a short answer or no server', async () => {
    stub = await startStub(() => ({ status: 500, body: { error: 'boom' } }));
    expect(await codeOf(new HttpEmbeddingProvider({ baseUrl: stub.url, model: 'm', dim: 512 }).embed(['x']))).toBe('MEMORY_EMBEDDING_FAILED');
    await stub.close();

    stub = await startStub(() => ({ status: 200, body: { data: [{ index: 0, embedding: [0.1, 0.2] }] } }));
    expect(await codeOf(new HttpEmbeddingProvider({ baseUrl: stub.url, model: 'm', dim: 512 }).embed(['x']))).toBe('MEMORY_EMBEDDING_FAILED');
    await stub.close();

    stub = await startStub(() => ({ status: 200, body: { data: [] } }));
    expect(await codeOf(new HttpEmbeddingProvider({ baseUrl: stub.url, model: 'm', dim: 512 }).embed(['x']))).toBe('MEMORY_EMBEDDING_FAILED');
    const url = stub.url;
    await stub.close();
    stub = null;

    const err = await new HttpEmbeddingProvider({ baseUrl: url, model: 'm', dim: 512, apiKey: 'sk-never-shown', timeoutMs: 2000 })
      .embed(['private memory text'])
      .catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('MEMORY_EMBEDDING_FAILED');
    expect(String((err as Error).message)).not.toMatch(/sk-never-shown|private memory text/);
  });
});
