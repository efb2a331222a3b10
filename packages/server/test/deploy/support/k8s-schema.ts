/**
 * Offline schema validation of Kubernetes manifests, as strict as `kubeconform -strict`: each
 * document is checked against the JSON schema of its apiVersion/kind generated from the Kubernetes
 * OpenAPI spec (the `kubernetes-models` npm package ships them compiled: types, required fields,
 * formats such as int-or-string and quantities), and unknown fields are errors.
 *
 * Why this and not kubectl: `kubectl apply --dry-run=client --validate=strict` downloads the
 * OpenAPI document from a cluster, and kubeconform downloads its schemas at run time; neither
 * works offline. Unknown-field detection: the compiled validators read every property their
 * schema declares and enumerate the keys only of free-form maps (labels, data, ...). The document
 * is wrapped in proxies that record both; a key that was neither read nor enumerated is a field
 * the schema does not have (a typo such as `livenesProbe`, or a field at the wrong level).
 */

export interface ManifestProblem {
  /** `Kind/name` of the document. */
  object: string;
  /** JSON pointer of the field at fault. */
  path: string;
  message: string;
}

/**
 * Group versions served by no Kubernetes release since 1.28, the oldest the deployment targets
 * (Kubernetes' deprecated API migration guide). The models package still carries their schemas.
 */
export const REMOVED_API_VERSIONS: ReadonlySet<string> = new Set([
  'extensions/v1beta1',
  'apps/v1beta1',
  'apps/v1beta2',
  'networking.k8s.io/v1beta1',
  'policy/v1beta1',
  'autoscaling/v2beta1',
  'autoscaling/v2beta2',
  'batch/v1beta1',
  'rbac.authorization.k8s.io/v1beta1',
  'scheduling.k8s.io/v1beta1',
  'discovery.k8s.io/v1beta1',
  'events.k8s.io/v1beta1',
  'node.k8s.io/v1beta1',
  'apiextensions.k8s.io/v1beta1',
  'admissionregistration.k8s.io/v1beta1',
  'certificates.k8s.io/v1beta1',
  'coordination.k8s.io/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1beta2',
]);

interface ModelClass {
  prototype: { validate(this: unknown): void };
}

interface Access {
  keys: string[];
  read: Set<string>;
  enumerated: boolean;
}

/** The model module of an apiVersion/kind, e.g. `kubernetes-models/apps/v1/Deployment`. */
async function modelFor(apiVersion: string, kind: string): Promise<ModelClass | null> {
  if (!/^[a-z0-9.-]*\/?v[0-9a-z]+$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return null;
  try {
    const mod = (await import(`kubernetes-models/${apiVersion}/${kind}`)) as Record<string, unknown>;
    const model = mod[kind];
    return typeof model === 'function' ? (model as unknown as ModelClass) : null;
  } catch {
    return null;
  }
}

/** Wraps `value` so reads and key enumerations are recorded per JSON pointer. */
function tracked(value: unknown, path: string, accesses: Map<string, Access>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item, i) => tracked(item, `${path}/${i}`, accesses));
  const access: Access = { keys: Object.keys(value), read: new Set(), enumerated: false };
  accesses.set(path, access);
  const copy = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tracked(v, `${path}/${k}`, accesses)]));
  return new Proxy(copy, {
    get(target, key, receiver) {
      if (typeof key === 'string') access.read.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
    has(target, key) {
      if (typeof key === 'string') access.read.add(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      access.enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
}

interface AjvLikeError {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Problems of one parsed manifest document (empty when it is valid). */
export async function validateManifest(doc: unknown): Promise<ManifestProblem[]> {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return [{ object: '?', path: '', message: 'a manifest must be a mapping' }];
  }
  const { apiVersion, kind, metadata } = doc as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown } };
  const object = `${String(kind)}/${String(metadata?.name ?? '?')}`;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    return [{ object, path: '', message: 'apiVersion and kind are required strings' }];
  }
  if (REMOVED_API_VERSIONS.has(apiVersion)) {
    return [{ object, path: '/apiVersion', message: `${apiVersion} was removed from Kubernetes before 1.28 (the oldest supported version)` }];
  }
  const model = await modelFor(apiVersion, kind);
  if (model === null) return [{ object, path: '/apiVersion', message: `unknown apiVersion/kind ${apiVersion} ${kind}` }];

  const accesses = new Map<string, Access>();
  const problems: ManifestProblem[] = [];
  try {
    model.prototype.validate.call(tracked(doc, '', accesses));
  } catch (err) {
    const errors = (err as { errors?: AjvLikeError[] }).errors;
    if (!Array.isArray(errors)) throw err;
    for (const e of errors) {
      const extra = e.params && Object.keys(e.params).length > 0 ? ` ${JSON.stringify(e.params)}` : '';
      problems.push({ object, path: e.instancePath ?? '', message: `${e.message ?? 'invalid'}${extra}` });
    }
  }
  for (const [path, access] of accesses) {
    if (access.enumerated) continue;
    for (const key of access.keys) {
      if (!access.read.has(key)) problems.push({ object, path: `${path}/${key}`, message: 'unknown field' });
    }
  }
  return problems;
}
