/**
 * The memory service: what AI employees remember between tasks. Writes, reads and edits go
 * through the permission model (domain/memory/memory-access.ts); search, context and the
 * statistics views are delegated to MemorySearch and MemoryInsightsService.
 *
 * Rules:
 *  - every request acts as an employee (`employeeId`); an unknown or retired one is 404 NOT_FOUND;
 *  - content over MEMORY_CONTENT_MAX_CHARS (and context over MEMORY_CONTEXT_MAX_CHARS of JSON) is
 *    413 PAYLOAD_TOO_LARGE naming the field;
 *  - a memory the asker may not read is 404 MEMORY_NOT_FOUND (its existence is not revealed); one
 *    they may read but not change is 403 FORBIDDEN;
 *  - a write is stored even when the embedding provider fails: the memory is found lexically
 *    until the re-embedding job gives it a vector;
 *  - memory content never goes to the logs.
 */
import { MEMORY_CONTENT_MAX_CHARS, MEMORY_CONTEXT_MAX_CHARS, MEMORY_TAGS_MAX, memoryTypeDefaults, } from '@dash/shared';
import { AppError, isAppError } from '../../domain/app-error.js';
import { canCreate, canModify, canRead, canRescope, partitionOf } from '../../domain/memory/memory-access.js';
import { searchableText } from '../../domain/memory/searchable-text.js';
import { MemoryInsightsService } from './memory-insights-service.js';
import { requireMember } from './memory-members.js';
import { MemorySearch } from './memory-search.js';
import { toMemoryView } from './memory-views.js';
import { VectorSync } from './vector-sync.js';
export class MemoryService {
    search;
    insights;
    #sync;
    #deps;
    #options;
    #background = null;
    constructor(deps, options = {}) {
        this.#deps = deps;
        this.#options = options;
        this.#sync = new VectorSync({ repository: deps.repository, index: deps.index, embeddings: deps.embeddings, logger: deps.logger });
        this.search = new MemorySearch({ ...deps, sync: this.#sync });
        this.insights = new MemoryInsightsService({ ...deps, search: this.search, sync: this.#sync });
    }
    /** The provider and index in use (for stats and health). */
    get engine() {
        return { provider: this.#deps.embeddings.id, dim: this.#deps.embeddings.dim, index: this.#deps.index.kind };
    }
    /** Checks the key (MEMORY_KEY_MISMATCH), brings the index up to date, starts re-embedding. */
    async open() {
        if (this.#deps.index.dim !== this.#deps.embeddings.dim) {
            throw new Error(`memory: the vector index holds ${this.#deps.index.dim}-d vectors but ${this.#deps.embeddings.id} makes ${this.#deps.embeddings.dim}-d ones`);
        }
        await this.#deps.repository.open();
        await this.#sync.sync();
        if (this.#options.backgroundReembed !== false) {
            this.#background = this.#sync.reembed(Number.MAX_SAFE_INTEGER).catch((err) => {
                this.#deps.logger.error({ err }, 'memory re-embedding failed');
            });
        }
    }
    async close() {
        await this.#sync.stop();
        await this.#background;
    }
    async create(type, body) {
        return this.#create(type, body.employeeId, body.content, body.context ?? {}, body.metadata ?? {});
    }
    async createInteraction(body) {
        const content = `Query: ${body.query}\nResponse: ${body.response}`;
        return this.#create('interaction', body.employeeId, content, body.context ?? {}, body.metadata ?? {}, 'body.response');
    }
    async get(actorId, id) {
        const member = await requireMember(this.#deps.members, actorId);
        return toMemoryView(await this.#readable(member, id));
    }
    async list(query) {
        const member = await requireMember(this.#deps.members, query.employeeId);
        const page = await this.#deps.repository.listOwned(member.id, {
            includeArchived: query.includeArchived,
            limit: query.limit,
            ...(query.type && { type: query.type }),
            ...(query.cursor && { cursor: query.cursor }),
        });
        return { items: page.items.map(toMemoryView), nextCursor: page.nextCursor };
    }
    async update(actorId, id, body) {
        const member = await requireMember(this.#deps.members, actorId);
        const memory = await this.#modifiable(member, id);
        if (body.scope !== undefined && !canRescope(member, memory, body.scope))
            throw forbiddenScope(member, body.scope, 'body.scope');
        if (body.content !== undefined)
            checkContent(body.content, 'body.content');
        if (body.context !== undefined)
            checkContext(body.context);
        const scope = body.scope ?? memory.scope;
        const tags = body.tags === undefined ? undefined : normalizeTags(body.tags);
        const textChanged = body.content !== undefined || body.context !== undefined || tags !== undefined;
        const vector = textChanged
            ? await this.#embed({ content: body.content ?? memory.content, context: body.context ?? memory.context, tags: tags ?? memory.tags }, id)
            : undefined;
        const updated = await this.#deps.repository.update(id, {
            ...(body.content !== undefined && { content: body.content }),
            ...(body.context !== undefined && { context: body.context }),
            ...(tags !== undefined && { tags }),
            ...(body.importance !== undefined && { importance: body.importance }),
            ...(body.scope !== undefined && { scope, partition: partitionOf({ employeeId: memory.employeeId, scope, department: memory.department }) }),
            updatedAt: this.#deps.clock.isoNow(),
        }, vector);
        if (!updated)
            throw notFound(id);
        await this.#sync.sync();
        this.#deps.logger.info({ memoryId: id, employeeId: member.id, fields: Object.keys(body) }, 'memory edited');
        return toMemoryView(updated);
    }
    async delete(actorId, id) {
        const member = await requireMember(this.#deps.members, actorId);
        await this.#modifiable(member, id);
        if (!(await this.#deps.repository.delete(id)))
            throw notFound(id);
        await this.#sync.sync();
        this.#deps.logger.info({ memoryId: id, employeeId: member.id }, 'memory deleted');
    }
    async archive(body) {
        return this.#setArchived(body, this.#deps.clock.isoNow());
    }
    async restore(body) {
        return this.#setArchived(body, null);
    }
    /** One re-embedding pass (the background job runs the same). */
    reembed(maxMemories) {
        return this.#sync.reembed(maxMemories);
    }
    async #setArchived(body, archivedAt) {
        const member = await requireMember(this.#deps.members, body.employeeId);
        const ids = [...new Set(body.memoryIds)];
        const found = new Map((await this.#deps.repository.getMany(ids)).map((m) => [m.id, m]));
        const errors = [];
        const allowed = [];
        for (const id of ids) {
            const memory = found.get(id);
            if (!memory || !canRead(member, memory))
                errors.push({ memoryId: id, code: 'MEMORY_NOT_FOUND', message: `Memory ${id} not found` });
            else if (!canModify(member, memory))
                errors.push({ memoryId: id, code: 'FORBIDDEN', message: `${member.id} may not change memory ${id}` });
            else
                allowed.push(id);
        }
        const done = allowed.length === 0 ? [] : await this.#deps.repository.setArchived(allowed, archivedAt);
        if (done.length > 0)
            await this.#sync.sync();
        return { done, errors };
    }
    async #create(type, employeeId, content, context, metadata, contentField = 'body.content') {
        const member = await requireMember(this.#deps.members, employeeId);
        checkContent(content, contentField);
        checkContext(context);
        const scope = metadata.scope ?? 'private';
        if (!canCreate(member, scope))
            throw forbiddenScope(member, scope, 'body.metadata.scope');
        const defaults = memoryTypeDefaults[type];
        const tags = normalizeTags([...defaults.tags, ...(metadata.tags ?? [])]);
        const fullContext = withTypeDefaults(type, context);
        const id = `mem_${this.#deps.newId()}`;
        const vector = await this.#embed({ content, context: fullContext, tags }, id);
        const stored = await this.#deps.repository.insert({
            id,
            employeeId: member.id,
            type,
            scope,
            department: member.department,
            partition: partitionOf({ employeeId: member.id, scope, department: member.department }),
            content,
            context: fullContext,
            tags,
            importance: metadata.importance ?? defaults.importance,
            source: { runId: metadata.source?.runId ?? null, taskId: metadata.source?.taskId ?? null },
            createdAt: this.#deps.clock.isoNow(),
        }, vector);
        if (vector)
            await this.#sync.sync();
        this.#deps.logger.info({ memoryId: id, employeeId: member.id, type, scope, embedded: vector !== null }, 'memory stored');
        return toMemoryView(stored);
    }
    /** The vector for a memory's text, or null (pending) when the provider fails. */
    async #embed(memory, id) {
        try {
            const [vector] = await this.#deps.embeddings.embed([searchableText(memory)]);
            return vector ? { provider: this.#deps.embeddings.id, vector } : null;
        }
        catch (err) {
            if (!isAppError(err) || err.code !== 'MEMORY_EMBEDDING_FAILED')
                throw err;
            this.#deps.logger.warn({ err, memoryId: id, provider: this.#deps.embeddings.id }, 'embedding failed; the memory is stored and waits for re-embedding');
            return null;
        }
    }
    async #readable(member, id) {
        const memory = await this.#deps.repository.get(id);
        if (!memory || !canRead(member, memory))
            throw notFound(id);
        return memory;
    }
    async #modifiable(member, id) {
        const memory = await this.#readable(member, id);
        if (!canModify(member, memory)) {
            throw new AppError('FORBIDDEN', {
                message: `${member.id} may read memory ${id} but not change it: shared memories are managed by their owner, department heads and leadership`,
                details: { memoryId: id, employeeId: member.id },
            });
        }
        return memory;
    }
}
function checkContent(content, field) {
    if (content.length > MEMORY_CONTENT_MAX_CHARS) {
        throw new AppError('PAYLOAD_TOO_LARGE', {
            message: `Memory content is ${content.length} characters; the limit is ${MEMORY_CONTENT_MAX_CHARS}`,
            fields: [{ path: field, message: `At most ${MEMORY_CONTENT_MAX_CHARS} characters` }],
        });
    }
}
function checkContext(context) {
    const size = JSON.stringify(context).length;
    if (size > MEMORY_CONTEXT_MAX_CHARS) {
        throw new AppError('PAYLOAD_TOO_LARGE', {
            message: `Memory context is ${size} characters of JSON; the limit is ${MEMORY_CONTEXT_MAX_CHARS}`,
            fields: [{ path: 'body.context', message: `At most ${MEMORY_CONTEXT_MAX_CHARS} characters of JSON` }],
        });
    }
}
/** Trimmed, de-duplicated case-insensitively, at most MEMORY_TAGS_MAX (type defaults first). */
function normalizeTags(tags) {
    const seen = new Set();
    const out = [];
    for (const tag of tags) {
        const t = tag.trim();
        if (t === '' || seen.has(t.toLowerCase()))
            continue;
        seen.add(t.toLowerCase());
        out.push(t);
    }
    return out.slice(0, MEMORY_TAGS_MAX);
}
/** The origin's per-type metadata defaults, kept in the (encrypted) context. */
function withTypeDefaults(type, context) {
    switch (type) {
        case 'knowledge':
            return { confidence: 8, ...context };
        case 'decision':
            return { outcome: 'pending', ...context };
        case 'experience':
        case 'interaction':
            return context;
    }
}
function forbiddenScope(member, scope, field) {
    return new AppError('FORBIDDEN', {
        message: `${member.id} may not share memories with scope "${scope}": only department heads, the project manager, the technical lead and the QA director share memories`,
        fields: [{ path: field, message: 'Not allowed for this employee' }],
        details: { employeeId: member.id, scope },
    });
}
const notFound = (id) => new AppError('MEMORY_NOT_FOUND', { message: `Memory ${id} not found`, details: { memoryId: id } });
//# sourceMappingURL=memory-service.js.map