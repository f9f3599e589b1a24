import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGraph, FULL_VIEW, neighboursOf, type NetworkAnswer, viewOf } from './network-graph.ts';

const ad = (id: string) => ({ id, summary: null });
const answer: NetworkAnswer = {
  ad: 'a',
  ads: ['a', 'b', 'c', 'd'].map(ad),
  links: [
    { a: 'a', b: 'b', reason: 'shared-phone', value: '+31611111111' },
    { a: 'a', b: 'c', reason: 'shared-phone', value: '+31611111111' },
    { a: 'b', b: 'c', reason: 'shared-image', value: 'aaaa ~ aaab (1 bits apart)' },
    { a: 'c', b: 'd', reason: 'shared-image', value: 'aaab ~ aaac (1 bits apart)' },
    { a: 'a', b: 'd', reason: 'template-text', value: 'similarity 0.93' },
  ],
  truncated: false,
};

test('makes a node of each ad, each phone number, each photo and each template, and an edge with its reason to each', () => {
  const g = buildGraph(answer);
  assert.deepEqual(g.nodes.map((n) => n.id), ['ad:a', 'ad:b', 'ad:c', 'ad:d', 'phone:+31611111111', 'photo:aaaa', 'text:a']);
  assert.equal(g.nodes.find((n) => n.root)?.id, 'ad:a');
  assert.deepEqual(g.edges.map((e) => `${e.source}>${e.target} ${e.reason}`), [
    'ad:a>phone:+31611111111 shared-phone', 'ad:b>phone:+31611111111 shared-phone', 'ad:c>phone:+31611111111 shared-phone',
    'ad:b>photo:aaaa shared-image', 'ad:c>photo:aaaa shared-image', 'ad:d>photo:aaaa shared-image',
    'ad:a>text:a template-text', 'ad:d>text:a template-text',
  ]);
});

test('collapsing a kind turns its nodes into direct ad-to-ad edges that keep the reason', () => {
  const g = viewOf(buildGraph(answer), { ...FULL_VIEW, kinds: { phone: 'collapsed', photo: 'shown', text: 'shown' } });
  assert.ok(!g.nodes.some((n) => n.kind === 'phone'));
  assert.deepEqual(g.edges.filter((e) => e.reason === 'shared-phone').map((e) => `${e.source}-${e.target} ${e.value}`),
    ['ad:a-ad:b +31611111111', 'ad:a-ad:c +31611111111']);
});

test('hiding a kind or filtering out a reason removes its nodes and edges, never an ad', () => {
  const hidden = viewOf(buildGraph(answer), { ...FULL_VIEW, kinds: { phone: 'hidden', photo: 'shown', text: 'shown' } });
  assert.equal(hidden.nodes.filter((n) => n.kind === 'ad').length, 4);
  assert.ok(!hidden.edges.some((e) => e.reason === 'shared-phone'));
  const filtered = viewOf(buildGraph(answer), { kinds: { phone: 'collapsed', photo: 'shown', text: 'shown' }, reasons: new Set(['template-text'] as const) });
  assert.deepEqual(filtered.nodes.map((n) => n.id), ['ad:a', 'ad:b', 'ad:c', 'ad:d', 'text:a']);
  assert.deepEqual(filtered.edges.map((e) => e.reason), ['template-text', 'template-text']);
});

test('lists the neighbours of a node in the graph as shown', () => {
  assert.deepEqual(neighboursOf(buildGraph(answer), 'photo:aaaa').map((n) => n.id), ['ad:b', 'ad:c', 'ad:d']);
});
