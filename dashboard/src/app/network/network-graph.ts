// The ad's network as a graph the user can read: ads, and what links them — a phone number, a photo,
// a template text — as nodes of their own, each edge with its reason. Then the user's view of it:
// kinds shown, collapsed into direct ad-to-ad edges, or hidden; reasons filtered. Pure.

export const REASONS = ['shared-phone', 'shared-image', 'template-text'] as const;
export type Reason = (typeof REASONS)[number];

export interface AdSummary {
  id: string; title: string | null; city: string | null; source: string;
  score: number; indicatorCount: number; firstSeen: string; lastSeen: string;
}
export interface NetworkAnswer {
  ad: string;
  ads: { id: string; summary: AdSummary | null }[];
  links: { a: string; b: string; reason: Reason; value: string }[];
  truncated: boolean;
}

export const LINK_KINDS = ['phone', 'photo', 'text'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export type NodeKind = 'ad' | LinkKind;
export const REASON_OF: Readonly<Record<LinkKind, Reason>> = { phone: 'shared-phone', photo: 'shared-image', text: 'template-text' };

export interface GraphNode {
  id: string; kind: NodeKind;
  /** A phone number, a photo's hash, a template's number; for an ad its id. */
  label: string;
  ad?: AdSummary | null;
  /** The centre of the network: the ad the user opened. */
  root?: boolean;
}
export interface GraphEdge { id: string; source: string; target: string; reason: Reason; value: string }
export interface Graph { nodes: GraphNode[]; edges: GraphEdge[] }

/** Ads sharing one number meet at that number; photos within the link's distance of each other
 *  form one photo; ads linked by template text form one template. */
export function buildGraph(answer: NetworkAnswer): Graph {
  const nodes: GraphNode[] = answer.ads.map((a) => ({ id: 'ad:' + a.id, kind: 'ad', label: a.id, ad: a.summary, root: a.id === answer.ad }));
  const edges = new Map<string, GraphEdge>();
  const link = (ad: string, node: string, reason: Reason, value: string) => {
    const id = `ad:${ad}|${node}`;
    if (!edges.has(id)) edges.set(id, { id, source: 'ad:' + ad, target: node, reason, value });
  };

  const phones = answer.links.filter((l) => l.reason === 'shared-phone');
  for (const phone of [...new Set(phones.map((l) => l.value))].sort()) nodes.push({ id: 'phone:' + phone, kind: 'phone', label: phone });
  for (const l of phones) { link(l.a, 'phone:' + l.value, l.reason, l.value); link(l.b, 'phone:' + l.value, l.reason, l.value); }

  const images = answer.links.filter((l) => l.reason === 'shared-image');
  const photoOf = groups(images.map((l) => hashesOf(l.value)));
  const photos = new Set<string>();
  for (const l of images) {
    const [h1, h2] = hashesOf(l.value);
    photos.add(photoOf(h1));
    link(l.a, 'photo:' + photoOf(h1), l.reason, h1);
    link(l.b, 'photo:' + photoOf(h1), l.reason, h2);
  }
  for (const hash of [...photos].sort()) nodes.push({ id: 'photo:' + hash, kind: 'photo', label: hash });

  const texts = answer.links.filter((l) => l.reason === 'template-text');
  const textOf = groups(texts.map((l) => [l.a, l.b]));
  const templates = [...new Set(texts.map((l) => textOf(l.a)))].sort();
  templates.forEach((key, i) => nodes.push({ id: 'text:' + key, kind: 'text', label: String(i + 1) }));
  for (const l of texts) { link(l.a, 'text:' + textOf(l.a), l.reason, l.value); link(l.b, 'text:' + textOf(l.a), l.reason, l.value); }

  return { nodes, edges: [...edges.values()] };
}

/** `8a35… ~ 8a39… (4 bits apart)` → both hashes; a value in another form stands for itself. */
function hashesOf(value: string): [string, string] {
  const m = /^(\S+) ~ (\S+)/.exec(value);
  return m ? [m[1]!, m[2]!] : [value, value];
}

/** Connected groups of the pairs; each member maps to its group's smallest member. */
function groups(pairs: readonly (readonly [string, string])[]): (member: string) => string {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let p = parent.get(x) ?? x;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p) ?? p;
    parent.set(x, p);
    return p;
  };
  for (const [x, y] of pairs) {
    const [a, b] = [find(x), find(y)];
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  return find;
}

export type KindMode = 'shown' | 'collapsed' | 'hidden';
export interface GraphView { kinds: Readonly<Record<LinkKind, KindMode>>; reasons: ReadonlySet<Reason> }
export const FULL_VIEW: GraphView = { kinds: { phone: 'shown', photo: 'shown', text: 'shown' }, reasons: new Set(REASONS) };

/** The graph as the user asked to see it. A collapsed kind's node gives way to direct edges from its
 *  first ad to each other ad it linked (the reason and value kept); a hidden kind just goes, and so
 *  does everything of a reason filtered out. Ads always stay. */
export function viewOf(graph: Graph, view: GraphView): Graph {
  const dropped = (n: GraphNode) => n.kind !== 'ad' && (view.kinds[n.kind] !== 'shown' || !view.reasons.has(REASON_OF[n.kind]));
  const nodes = graph.nodes.filter((n) => !dropped(n));
  const kept = new Set(nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => view.reasons.has(e.reason) && kept.has(e.source) && kept.has(e.target));
  const collapsed = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (view.kinds[kindOf(e.target)] !== 'collapsed' || !view.reasons.has(e.reason)) continue;
    const members = collapsed.get(e.target) ?? [];
    members.push(e.source);
    collapsed.set(e.target, members);
  }
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const [node, members] of collapsed) {
    const ads = [...new Set(members)].sort();
    const reason = REASON_OF[kindOf(node)];
    for (const other of ads.slice(1)) edges.push({ id: `${ads[0]}|${other}|${node}`, source: ads[0]!, target: other, reason, value: byId.get(node)!.label });
  }
  return { nodes, edges };
}

/** The kind of a link node from its id (`phone:…`, `photo:…`, `text:…`). */
function kindOf(id: string): LinkKind {
  return id.slice(0, id.indexOf(':')) as LinkKind;
}

/** The nodes a node is joined to in the graph as shown, for the side panel and the list. */
export function neighboursOf(graph: Graph, id: string): GraphNode[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const ids = graph.edges.flatMap((e) => (e.source === id ? [e.target] : e.target === id ? [e.source] : []));
  return [...new Set(ids)].map((n) => byId.get(n)!).filter(Boolean);
}
