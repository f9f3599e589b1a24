// The network drawn as SVG: positions from the seeded layout, zoom and pan with d3-zoom (wheel, drag,
// and buttons for the keyboard), every node focusable and every edge titled with its reason.
import { afterNextRender, ChangeDetectionStrategy, Component, computed, type ElementRef, input, output, signal, viewChild } from '@angular/core';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom';
import { fill } from '../core/text';
import type { Graph, GraphNode, NodeKind } from './network-graph.ts';
import type { Layout } from './network-layout.ts';
import type { NetworkTexts } from './network.text';

/** Names and edge labels stay readable: drawn when the graph is small or zoomed in far enough. */
const LABELS_UP_TO = 40;
const LABEL_ZOOM = 1.6;
/** The drawing's shape (width / height, as in the styles) and its smallest width in layout units. */
const ASPECT = 5 / 3;
const MIN_WIDTH = 520;

export function nodeName(n: GraphNode, t: NetworkTexts): string {
  if (n.kind === 'ad') return n.ad?.title ?? n.label;
  if (n.kind === 'photo') return fill(t.photoHash, { hash: n.label.slice(0, 8) });
  if (n.kind === 'text') return fill(t.template, { n: n.label });
  return n.label;
}

export function kindName(kind: NodeKind, t: NetworkTexts): string {
  return t[kind];
}

@Component({
  selector: 'bk-network-graph',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="graph-tools" role="group" [attr.aria-label]="t().graph">
      <button type="button" class="secondary" (click)="zoomBy(1.5)">{{ t().zoomIn }}</button>
      <button type="button" class="secondary" (click)="zoomBy(1 / 1.5)">{{ t().zoomOut }}</button>
      <button type="button" class="secondary" (click)="reset()">{{ t().zoomReset }}</button>
      <span role="status" class="muted zoom-level">{{ zoomText() }}</span>
    </div>
    <p class="hint graph-hint" id="graph-hint">{{ t().graphHint }}</p>
    <svg #svg class="graph" [attr.viewBox]="viewBox()" [attr.aria-label]="label()" aria-describedby="graph-hint" role="group">
      <g [attr.transform]="transformText()">
        @for (e of edges(); track e.id) {
          <line [attr.x1]="e.x1" [attr.y1]="e.y1" [attr.x2]="e.x2" [attr.y2]="e.y2" [class]="'edge ' + e.reason"
            [class.lit]="e.lit"><title>{{ e.title }}</title></line>
        }
        @for (e of edges(); track e.id) {
          @if (e.lit || showLabels()) {
            <text class="edge-label" [attr.x]="e.mx" [attr.y]="e.my - 2" [attr.transform]="e.turn" aria-hidden="true">{{ t()[e.reason] }}</text>
          }
        }
        @for (n of nodes(); track n.id) {
          <g [class]="'node ' + n.kind" [class.root]="n.root" [class.chosen]="n.id === selected()"
            [attr.transform]="'translate(' + n.x + ',' + n.y + ')'" [attr.tabindex]="n.id === current() ? 0 : -1" role="button"
            [attr.aria-label]="n.aria" [attr.aria-pressed]="n.id === selected()" [attr.data-node]="n.id"
            (click)="pick(n.id)" (keydown)="onKey($event, n.id)" (focus)="focused.set(n.id)">
            <title>{{ n.aria }}</title>
            @switch (n.kind) {
              @case ('ad') { <circle [attr.r]="n.root ? 11 : 8" /> }
              @case ('phone') { <rect x="-7" y="-7" width="14" height="14" /> }
              @case ('photo') { <rect x="-7" y="-7" width="14" height="14" transform="rotate(45)" /> }
              @case ('text') { <path d="M0,-9 L8,6 L-8,6 Z" /> }
            }
          </g>
        }
        <g class="node-labels" aria-hidden="true">
          @for (n of nodes(); track n.id) {
            @if (showLabels() || n.root) { <text [attr.x]="n.x + 12" [attr.y]="n.y + 4">{{ n.short }}</text> }
          }
        </g>
      </g>
    </svg>
  `,
  styles: `
    :host { display: block; }
    .graph-tools { display: flex; gap: .4rem; align-items: center; margin-bottom: .4rem; }
    .zoom-level { margin-left: .5rem; }
    .graph-hint { margin: 0 0 .4rem; font-size: .9rem; }
    .graph { width: 100%; aspect-ratio: 5 / 3; height: auto; border: 1px solid var(--line); border-radius: var(--radius); background: #fbfcfd; cursor: grab; touch-action: none; }
    .edge { stroke-width: 1.4; }
    .edge.shared-phone { stroke: #a4161a; }
    .edge.shared-image { stroke: #1e6b34; stroke-dasharray: 5 3; }
    .edge.template-text { stroke: #5b3b8c; stroke-dasharray: 2 3; }
    .edge.lit { stroke-width: 3.2; }
    .edge-label { font-size: 7px; fill: #1b1f24; text-anchor: middle; paint-order: stroke; stroke: #fbfcfd; stroke-width: 3px; pointer-events: none; }
    .node { cursor: pointer; outline: none; }
    .node circle, .node rect, .node path { stroke: #ffffff; stroke-width: 1.5; }
    .node.ad circle { fill: #14375e; }
    .node.root circle { fill: #c25400; stroke: #1b1f24; stroke-width: 2.5; }
    .node.phone rect { fill: #a4161a; }
    .node.photo rect { fill: #1e6b34; }
    .node.text path { fill: #5b3b8c; }
    .node-labels text { font-size: 10px; pointer-events: none; fill: #1b1f24; paint-order: stroke; stroke: #fbfcfd; stroke-width: 3px; }
    .node.chosen circle, .node.chosen rect, .node.chosen path { stroke: #f5b700; stroke-width: 4; }
    .node:focus-visible circle, .node:focus-visible rect, .node:focus-visible path { stroke: #c25400; stroke-width: 4; }
  `,
})
export class NetworkGraphView {
  readonly graph = input.required<Graph>();
  readonly layout = input.required<Layout>();
  readonly selected = input<string | null>(null);
  readonly t = input.required<NetworkTexts>();
  readonly choose = output<string>();

  private readonly svg = viewChild.required<ElementRef<SVGSVGElement>>('svg');
  readonly #transform = signal({ x: 0, y: 0, k: 1 });
  #zoom: ZoomBehavior<SVGSVGElement, unknown> | null = null;

  /** The layout's box, widened to the drawing's shape and never so small that a few nodes look huge. */
  protected readonly viewBox = computed(() => {
    const l = this.layout();
    let width = Math.max(l.width, MIN_WIDTH);
    let height = Math.max(l.height, MIN_WIDTH / ASPECT);
    if (width / height < ASPECT) width = height * ASPECT; else height = width / ASPECT;
    return `${round(l.minX + l.width / 2 - width / 2)} ${round(l.minY + l.height / 2 - height / 2)} ${round(width)} ${round(height)}`;
  });
  protected readonly transformText = computed(() => {
    const { x, y, k } = this.#transform();
    return `translate(${x},${y}) scale(${k})`;
  });
  protected readonly zoomText = computed(() => fill(this.t().zoomLevel, { k: Math.round(this.#transform().k * 100) }));
  protected readonly label = computed(() => fill(this.t().graphLabel, { nodes: this.graph().nodes.length, edges: this.graph().edges.length }));
  protected readonly showLabels = computed(() => this.graph().nodes.length <= LABELS_UP_TO || this.#transform().k >= LABEL_ZOOM);

  protected readonly nodes = computed(() => {
    const t = this.t();
    const placed = this.layout().nodes;
    return this.graph().nodes.map((n) => {
      const at = placed.get(n.id) ?? { x: 0, y: 0 };
      const name = nodeName(n, t);
      const short = name.length > 24 ? name.slice(0, 23) + '…' : name;
      return { id: n.id, kind: n.kind, root: n.root === true, x: round(at.x), y: round(at.y), name, short, aria: `${kindName(n.kind, t)}: ${name}${n.root ? ` (${t.root})` : ''}` };
    });
  });

  protected readonly edges = computed(() => {
    const t = this.t();
    const placed = this.layout().nodes;
    const chosen = this.selected();
    const names = new Map(this.nodes().map((n) => [n.id, n.name]));
    return this.graph().edges.map((e) => {
      const a = placed.get(e.source) ?? { x: 0, y: 0 };
      const b = placed.get(e.target) ?? { x: 0, y: 0 };
      return {
        id: e.id, reason: e.reason, x1: round(a.x), y1: round(a.y), x2: round(b.x), y2: round(b.y),
        mx: round((a.x + b.x) / 2), my: round((a.y + b.y) / 2), turn: alongEdge(a, b), lit: chosen !== null && (e.source === chosen || e.target === chosen),
        title: `${names.get(e.source)} – ${names.get(e.target)}: ${t[e.reason]} (${e.value})`,
      };
    });
  });

  /** One tab stop for the whole graph (the focused, chosen or first node); arrow keys move on. */
  protected readonly focused = signal<string | null>(null);
  protected readonly current = computed(() => {
    const ids = this.graph().nodes.map((n) => n.id);
    return [this.focused(), this.selected()].find((id) => id !== null && ids.includes(id)) ?? ids[0] ?? null;
  });

  protected pick(id: string): void {
    this.focused.set(id);
    this.choose.emit(id);
  }

  protected onKey(event: KeyboardEvent, id: string): void {
    if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); this.pick(id); return; }
    const ids = this.graph().nodes.map((n) => n.id);
    const at = ids.indexOf(id);
    const to = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: ids.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = ids[Math.max(0, Math.min(ids.length - 1, to))]!;
    this.focused.set(next);
    this.svg().nativeElement.querySelector<SVGGElement>(`[data-node="${CSS.escape(next)}"]`)?.focus();
  }

  constructor() {
    afterNextRender(() => {
      this.#zoom = zoom<SVGSVGElement, unknown>().scaleExtent([0.25, 8])
        .on('zoom', (event: { transform: { x: number; y: number; k: number } }) => {
          const { x, y, k } = event.transform;
          this.#transform.set({ x, y, k });
        });
      select(this.svg().nativeElement).call(this.#zoom);
    });
  }

  protected zoomBy(factor: number): void {
    if (this.#zoom) this.#zoom.scaleBy(select(this.svg().nativeElement), factor);
  }

  protected reset(): void {
    if (this.#zoom) this.#zoom.transform(select(this.svg().nativeElement), zoomIdentity);
  }
}

/** Turns an edge's label along the edge, never upside down, so labels of a star do not overlap. */
function alongEdge(a: { x: number; y: number }, b: { x: number; y: number }): string {
  let angle = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
  if (angle > 90) angle -= 180; else if (angle < -90) angle += 180;
  return `rotate(${round(angle)} ${round((a.x + b.x) / 2)} ${round((a.y + b.y) / 2)})`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
