/**
 * Evaluates Kubernetes NetworkPolicies the way the API defines them, for tests of which flows a
 * set of policies allows: a pod is isolated for a direction once any policy of its namespace
 * selects it for that direction, and then only traffic some rule allows gets through; a flow
 * needs the source's egress and the destination's ingress. Supports matchLabels selectors,
 * namespace selectors, ipBlocks (IPv4) and numeric ports — what k8s/network-policies.yaml uses.
 */

type Labels = Record<string, string>;

interface Selector {
  matchLabels?: Labels;
  matchExpressions?: unknown[];
}
interface Peer {
  podSelector?: Selector;
  namespaceSelector?: Selector;
  ipBlock?: { cidr: string; except?: string[] };
}
interface PortRule {
  protocol?: string;
  port?: number | string;
}
interface Rule {
  from?: Peer[];
  to?: Peer[];
  ports?: PortRule[];
}
export interface NetworkPolicy {
  metadata: { name: string; namespace: string };
  spec: { podSelector: Selector; policyTypes?: string[]; ingress?: Rule[]; egress?: Rule[] };
}

/** A pod (namespace labels included, as namespaceSelector sees them) or an address outside the cluster. */
export interface PodEndpoint {
  pod: Labels;
  namespace: string;
  namespaceLabels?: Labels;
}
export type Endpoint = PodEndpoint | { ip: string };

export interface Flow {
  from: Endpoint;
  to: Endpoint;
  port: number;
  protocol?: 'TCP' | 'UDP';
}

function selects(selector: Selector | undefined, labels: Labels): boolean {
  if (selector?.matchExpressions !== undefined) throw new Error('matchExpressions are not supported by this evaluator');
  return Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
}

function ipv4(ip: string): number {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) throw new Error(`not an IPv4 address: ${ip}`);
  return parts.reduce((n, p) => n * 256 + p, 0);
}

function inCidr(ip: string, cidr: string): boolean {
  const [base = '', bitsText = '32'] = cidr.split('/');
  const bits = Number(bitsText);
  const size = 2 ** (32 - bits);
  return Math.floor(ipv4(ip) / size) === Math.floor(ipv4(base) / size);
}

const namespaceLabelsOf = (e: PodEndpoint): Labels => ({ 'kubernetes.io/metadata.name': e.namespace, ...e.namespaceLabels });

function peerMatches(peer: Peer, policyNamespace: string, e: Endpoint): boolean {
  if (peer.ipBlock !== undefined) {
    // ipBlocks are meant for addresses outside the cluster; pods are matched by selectors here.
    if (!('ip' in e)) return false;
    return inCidr(e.ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((c) => inCidr(e.ip, c));
  }
  if ('ip' in e) return false;
  const namespaceOk = peer.namespaceSelector !== undefined ? selects(peer.namespaceSelector, namespaceLabelsOf(e)) : e.namespace === policyNamespace;
  return namespaceOk && (peer.podSelector === undefined || selects(peer.podSelector, e.pod));
}

function portMatches(rule: Rule, port: number, protocol: string): boolean {
  if (rule.ports === undefined || rule.ports.length === 0) return true;
  return rule.ports.some((p) => (p.protocol ?? 'TCP') === protocol && (p.port === undefined || p.port === port));
}

function direction(policy: NetworkPolicy): { ingress: boolean; egress: boolean } {
  const types = policy.spec.policyTypes ?? (policy.spec.egress ? ['Ingress', 'Egress'] : ['Ingress']);
  return { ingress: types.includes('Ingress'), egress: types.includes('Egress') };
}

function allowedBy(
  policies: readonly NetworkPolicy[],
  subject: Endpoint,
  peer: Endpoint,
  kind: 'ingress' | 'egress',
  port: number,
  protocol: string,
): boolean {
  // Traffic to or from outside the cluster, or pods in namespaces these policies do not cover, is not isolated here.
  if ('ip' in subject) return true;
  const applying = policies.filter((p) => p.metadata.namespace === subject.namespace && direction(p)[kind] && selects(p.spec.podSelector, subject.pod));
  if (applying.length === 0) return true;
  return applying.some((p) =>
    (p.spec[kind] ?? []).some((rule) => {
      const peers = kind === 'ingress' ? rule.from : rule.to;
      const peerOk = peers === undefined || peers.length === 0 || peers.some((x) => peerMatches(x, p.metadata.namespace, peer));
      return peerOk && portMatches(rule, port, protocol);
    }),
  );
}

/** Whether the policies let `flow` through (egress of the source and ingress of the destination). */
export function flowAllowed(policies: readonly NetworkPolicy[], flow: Flow): boolean {
  const protocol = flow.protocol ?? 'TCP';
  return allowedBy(policies, flow.from, flow.to, 'egress', flow.port, protocol) && allowedBy(policies, flow.to, flow.from, 'ingress', flow.port, protocol);
}
