import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Graph } from './network-graph.ts';
import { layoutGraph, seeded } from './network-layout.ts';

/** A network like a big real one: 200 ads in groups sharing a phone, some photos across groups. */
function bigGraph(): Graph {
  const random = seeded(7);
  const nodes: Graph['nodes'] = [];
  const edges: Graph['edges'] = [];
  for (let i = 0; i < 200; i++) nodes.push({ id: `ad:${i}`, kind: 'ad', label: String(i) });
  for (let p = 0; p < 40; p++) {
    nodes.push({ id: `phone:${p}`, kind: 'phone', label: String(p) });
    for (let k = 0; k < 5; k++) edges.push({ id: `e${p}-${k}`, source: `ad:${p * 5 + k}`, target: `phone:${p}`, reason: 'shared-phone', value: '' });
  }
  for (let f = 0; f < 20; f++) {
    nodes.push({ id: `photo:${f}`, kind: 'photo', label: String(f) });
    for (let k = 0; k < 3; k++) edges.push({ id: `f${f}-${k}`, source: `ad:${Math.floor(random() * 200)}`, target: `photo:${f}`, reason: 'shared-image', value: '' });
  }
  return { nodes, edges };
}

test('lays out the same graph the same way every time (seeded)', () => {
  const g = bigGraph();
  const one = layoutGraph(g, 3);
  const two = layoutGraph(g, 3);
  assert.deepEqual([...one.nodes.values()], [...two.nodes.values()]);
  assert.ok([...one.nodes.values()].every((n) => Number.isFinite(n.x) && Number.isFinite(n.y)));
});

test('lays out a 200-ad network quickly enough to use (measured, not asserted)', () => {
  const g = bigGraph();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const layout = layoutGraph(g);
  const ms = performance.now() - started;
  const cpuMs = process.cpuUsage(cpu).user / 1000;
  console.log(`layout of ${g.nodes.length} nodes and ${g.edges.length} edges: ${ms.toFixed(0)} ms (${cpuMs.toFixed(0)} ms of CPU)`);
  assert.equal(layout.nodes.size, g.nodes.length);
  assert.ok(layout.width > 0 && layout.height > 0);
});
