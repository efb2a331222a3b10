/**
 * `http`: an OpenAI-compatible embeddings endpoint (`POST {baseUrl}/embeddings` with
 * `{model, input: string[]}` → `{data: [{index, embedding}]}`): OpenAI (`https://api.openai.com/v1`),
 * Ollama (`http://localhost:11434/v1`), Hugging Face TEI (`http://tei:8080/v1`), the Hugging Face
 * router, LiteLLM, vLLM. The dimension is configured (the index is sized before the first call)
 * and every answer is checked against it. Texts go out in batches; they are never logged, and
 * neither is the API key.
 */
import { AppError } from '../../domain/app-error.js';
import type { EmbeddingProvider } from '../../ports/embedding-provider.js';
import { normalize } from './hash-embedding-provider.js';

export interface HttpEmbeddingOptions {
  /** Base URL including the API version, e.g. `https://api.openai.com/v1`. */
  baseUrl: string;
  model: string;
  dim: number;
  apiKey?: string | null;
  /** @default 64 texts per request */
  batchSize?: number;
  /** Per request. @default 30_000 */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

interface EmbeddingsResponse {
  data?: { index?: number; embedding?: unknown }[];
}

export class HttpEmbeddingProvider implements EmbeddingProvider {
  readonly id: string;
  readonly dim: number;
  readonly #url: string;
  readonly #options: HttpEmbeddingOptions;

  constructor(options: HttpEmbeddingOptions) {
    this.#options = options;
    this.dim = options.dim;
    this.id = `http:${options.model}`;
    this.#url = `${options.baseUrl.replace(/\/+$/, '')}/embeddings`;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    const batchSize = this.#options.batchSize ?? 64;
    for (let i = 0; i < texts.length; i += batchSize) out.push(...(await this.request(texts.slice(i, i + batchSize))));
    return out;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private async request(input: readonly string[]): Promise<Float32Array[]> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.#options.apiKey) headers.authorization = `Bearer ${this.#options.apiKey}`;
    const doFetch = this.#options.fetch ?? fetch;
    let res: Response;
    try {
      res = await doFetch(this.#url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ model: this.#options.model, input }),
        signal: AbortSignal.timeout(this.#options.timeoutMs ?? 30_000),
      });
    } catch (err) {
      throw this.failure(`request failed: ${err instanceof Error ? err.message : String(err)}`, err);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw this.failure(`answered HTTP ${res.status}`, undefined, res.status);
    }
    let body: EmbeddingsResponse;
    try {
      body = (await res.json()) as EmbeddingsResponse;
    } catch (err) {
      throw this.failure('answered something that is not JSON', err);
    }
    const data = Array.isArray(body.data) ? body.data : [];
    if (data.length !== input.length) throw this.failure(`answered ${data.length} embeddings for ${input.length} texts`);
    const vectors = new Array<Float32Array>(input.length);
    data.forEach((item, position) => {
      const index = typeof item.index === 'number' ? item.index : position;
      const values = item.embedding;
      if (!Array.isArray(values) || values.length !== this.dim || !values.every((v) => typeof v === 'number' && Number.isFinite(v))) {
        throw this.failure(`answered an embedding that is not ${this.dim} numbers (MEMORY_EMBEDDINGS_DIM)`);
      }
      vectors[index] = normalize(Float32Array.from(values as number[]));
    });
    if (vectors.some((v) => v === undefined)) throw this.failure('answered duplicate or out-of-range indexes');
    return vectors;
  }

  private failure(what: string, cause?: unknown, status?: number): AppError {
    return new AppError('MEMORY_EMBEDDING_FAILED', {
      message: `Embedding endpoint ${this.#url} (model ${this.#options.model}) ${what}`,
      details: { provider: this.id, ...(status !== undefined && { status }) },
      cause,
    });
  }
}
