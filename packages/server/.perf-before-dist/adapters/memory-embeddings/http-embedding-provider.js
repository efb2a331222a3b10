/**
 * `http`: an OpenAI-compatible embeddings endpoint (`POST {baseUrl}/embeddings` with
 * `{model, input: string[]}` → `{data: [{index, embedding}]}`): OpenAI (`https://api.openai.com/v1`),
 * Ollama (`http://localhost:11434/v1`), Hugging Face TEI (`http://tei:8080/v1`), the Hugging Face
 * router, LiteLLM, vLLM. The dimension is configured (the index is sized before the first call)
 * and every answer is checked against it. Texts go out in batches; they are never logged, and
 * neither is the API key.
 */
import { AppError } from '../../domain/app-error.js';
import { normalize } from './hash-embedding-provider.js';
export class HttpEmbeddingProvider {
    id;
    dim;
    #url;
    #options;
    constructor(options) {
        this.#options = options;
        this.dim = options.dim;
        this.id = `http:${options.model}`;
        this.#url = `${options.baseUrl.replace(/\/+$/, '')}/embeddings`;
    }
    async embed(texts) {
        const out = [];
        const batchSize = this.#options.batchSize ?? 64;
        for (let i = 0; i < texts.length; i += batchSize)
            out.push(...(await this.request(texts.slice(i, i + batchSize))));
        return out;
    }
    close() {
        return Promise.resolve();
    }
    async request(input) {
        const headers = { 'content-type': 'application/json' };
        if (this.#options.apiKey)
            headers.authorization = `Bearer ${this.#options.apiKey}`;
        const doFetch = this.#options.fetch ?? fetch;
        let res;
        try {
            res = await doFetch(this.#url, {
                method: 'POST',
                headers,
                body: JSON.stringify({ model: this.#options.model, input }),
                signal: AbortSignal.timeout(this.#options.timeoutMs ?? 30_000),
            });
        }
        catch (err) {
            throw this.failure(`request failed: ${err instanceof Error ? err.message : String(err)}`, err);
        }
        if (!res.ok) {
            await res.body?.cancel().catch(() => undefined);
            throw this.failure(`answered HTTP ${res.status}`, undefined, res.status);
        }
        let body;
        try {
            body = (await res.json());
        }
        catch (err) {
            throw this.failure('answered something that is not JSON', err);
        }
        const data = Array.isArray(body.data) ? body.data : [];
        if (data.length !== input.length)
            throw this.failure(`answered ${data.length} embeddings for ${input.length} texts`);
        const vectors = new Array(input.length);
        data.forEach((item, position) => {
            const index = typeof item.index === 'number' ? item.index : position;
            const values = item.embedding;
            if (!Array.isArray(values) || values.length !== this.dim || !values.every((v) => typeof v === 'number' && Number.isFinite(v))) {
                throw this.failure(`answered an embedding that is not ${this.dim} numbers (MEMORY_EMBEDDINGS_DIM)`);
            }
            vectors[index] = normalize(Float32Array.from(values));
        });
        if (vectors.some((v) => v === undefined))
            throw this.failure('answered duplicate or out-of-range indexes');
        return vectors;
    }
    failure(what, cause, status) {
        return new AppError('MEMORY_EMBEDDING_FAILED', {
            message: `Embedding endpoint ${this.#url} (model ${this.#options.model}) ${what}`,
            details: { provider: this.id, ...(status !== undefined && { status }) },
            cause,
        });
    }
}
//# sourceMappingURL=http-embedding-provider.js.map