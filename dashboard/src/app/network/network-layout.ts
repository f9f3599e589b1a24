// Where each node of the graph goes: a d3-force layout run to rest before anything is drawn, with a
// seeded random source, so the same network always looks the same (and tests can count on it).
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { Graph } from './network-graph.ts';

export interface Placed { id: string; x: number; y: number }
export interface Layout { nodes: Map<string, Placed>; width: number; height: number; minX: number; minY: number }

interface SimNode extends SimulationNodeDatum { id: string }

/** A small fast generator (mulberry32): d3's jiggle and our start positions, the same every time. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs the simulation to rest (a fixed number of ticks) and returns the positions and
 *  the box around them. */
export function layoutGraph(graph: Graph, seed = 1): Layout {
  const nodes: SimNode[] = graph.nodes.map((n) => ({ id: n.id }));
  const links = graph.edges.map((e) => ({ source: e.source, target: e.target }));
  const simulation = forceSimulation(nodes)
    .randomSource(seeded(seed))
    .force('link', forceLink<SimNode, { source: string; target: string }>(links).id((n) => n.id).distance(80).strength(0.7))
    .force('charge', forceManyBody<SimNode>().strength(-140).distanceMax(400))
    .force('collide', forceCollide<SimNode>(12))
    .force('x', forceX<SimNode>(0).strength(0.06))
    .force('y', forceY<SimNode>(0).strength(0.06))
    // About 200 ticks instead of d3's 300: the picture is as good, and 200 ads lay out in half a second.
    .alphaDecay(0.035)
    .stop();
  const ticks = Math.ceil(Math.log(simulation.alphaMin()) / Math.log(1 - simulation.alphaDecay()));
  simulation.tick(ticks);
  const placed = new Map(nodes.map((n) => [n.id, { id: n.id, x: n.x ?? 0, y: n.y ?? 0 }]));
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  const pad = 30;
  const minX = Math.min(0, ...xs) - pad;
  const minY = Math.min(0, ...ys) - pad;
  return { nodes: placed, minX, minY, width: Math.max(0, ...xs) + pad - minX, height: Math.max(0, ...ys) + pad - minY };
}
