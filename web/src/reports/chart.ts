// The reports' charts: bars (stacked or side by side) and lines over a row
// of categories (periods, levels, tiers, agents), drawn as SVG. The only
// module that knows the charting library (d3-scale for the axes, d3-shape
// for the lines); pages describe a chart with chart() and never draw.
//
// The SVG is an image (role="img") named by the chart's title and
// described by its caption, which says in words what it shows; the page's
// table beneath holds the same numbers. Every mark carries its value in
// data-value and a tooltip (<title>). Colours are classes (chart-s1 …
// chart-s8) that css/reports.css paints from custom properties, so the dark
// scheme swaps them; nothing is styled inline, which the
// Content-Security-Policy would refuse. A category without a value in any
// series can be shaded and named in the legend ("Not counted"), so that it
// never reads as zero. The chart is drawn for the width its frame has, and
// again when that width changes.
import { scaleBand, scaleLinear } from 'd3-scale';
import type { ScaleBand, ScaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { h, uid } from '../dom';

export interface ChartSeries {
  label: string;
  /** One value per category; null draws nothing there (no data, not zero). */
  values: (number | null)[];
}

export interface ChartSpec {
  /** The chart's name: "Tickets opened per day by channel". */
  title: string;
  /** Its text alternative: what it shows in words, with the main numbers. */
  summary: string;
  /** The labels along the bottom, one per category. */
  categories: string[];
  series: ChartSeries[];
  /** 'stacked' bars add up the series; 'grouped' stand side by side; 'line' joins points. */
  kind: 'stacked' | 'grouped' | 'line';
  /** How a value reads on the axis and in the tooltips. */
  format: (value: number) => string;
  /** The value axis reaches at least this far (1 for shares). */
  max?: number;
  /** Counts: the value axis marks whole numbers only. */
  integer?: boolean;
  /** A low chart for a dashboard card. */
  compact?: boolean;
  /**
   * What a category without a value in any series is ("Not counted"): it is
   * shaded, with this as its tooltip and in the legend. Unset, it is blank.
   */
  missing?: string;
}

const kSvg = 'http://www.w3.org/2000/svg';
/** How many series have a colour of their own; more repeat them. */
const kColours = 8;

type SvgAttrs = Record<string, string | number | undefined>;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: SvgAttrs,
  ...children: (Node | string)[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(kSvg, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined) el.setAttribute(key, String(value));
  }
  el.append(...children);
  return el;
}

/** A mark's tooltip. */
const tip = (text: string): SVGTitleElement => svg('title', {}, text);
const colour = (series: number): string => `chart-s${(series % kColours) + 1}`;

/** An estimate of a label's width in pixels (the axis font is about 12 px). */
const textWidth = (text: string): number => text.length * 7;

interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The largest value the axis must show: the highest stack or the highest single value. */
function extent(spec: ChartSpec): number {
  let top = spec.max ?? 0;
  spec.categories.forEach((_, i) => {
    const values = spec.series.map((s) => s.values[i] ?? 0);
    const value =
      spec.kind === 'stacked' ? values.reduce((a, b) => a + b, 0) : Math.max(0, ...values);
    top = Math.max(top, value);
  });
  return top || 1;
}

function draw(spec: ChartSpec, width: number): SVGSVGElement {
  const height = spec.compact ? 120 : 260;
  const y = scaleLinear().domain([0, extent(spec)]);
  if (!spec.max) y.nice();
  let ticks = y.ticks(spec.compact ? 2 : 5);
  if (spec.integer) ticks = ticks.filter((tick) => Number.isInteger(tick));
  const labels = ticks.map(spec.format);
  const frame: Frame = {
    width,
    height,
    left: Math.max(...labels.map(textWidth), 0) + 10,
    right: 8,
    top: 8,
    bottom: 24,
  };
  y.range([height - frame.bottom, frame.top]);
  const x = scaleBand<number>()
    .domain(spec.categories.map((_, i) => i))
    .range([frame.left, width - frame.right])
    .paddingInner(spec.kind === 'line' ? 0 : 0.2)
    .paddingOuter(0.1);
  const root = svg('svg', {
    class: 'chart-svg',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
  });
  const grid = svg('g', { class: 'chart-grid', 'aria-hidden': 'true' });
  ticks.forEach((tick, i) => {
    const at = Math.round(y(tick)) + 0.5;
    grid.append(
      svg('line', { x1: frame.left, x2: width - frame.right, y1: at, y2: at }),
      svg('text', { x: frame.left - 6, y: at, class: 'chart-axis chart-y' }, labels[i] ?? ''),
    );
  });
  root.append(grid, xAxis(spec, x, frame));
  if (spec.missing) root.append(gaps(spec, spec.missing, x, frame));
  root.append(spec.kind === 'line' ? lines(spec, x, y) : bars(spec, x, y));
  return root;
}

type X = ScaleBand<number>;
type Y = ScaleLinear<number, number>;

/**
 * The category labels: a long one cut to its category's width (the tooltips
 * and the table have it whole), and every so many of them so that none
 * overlap.
 */
function xAxis(spec: ChartSpec, x: X, frame: Frame): SVGGElement {
  const group = svg('g', { class: 'chart-grid', 'aria-hidden': 'true' });
  const fit = Math.max(6, Math.floor((x.step() - 8) / textWidth('m')));
  const labels = spec.categories.map((label) =>
    label.length > fit ? `${label.slice(0, fit - 1)}…` : label,
  );
  const widest = Math.max(...labels.map(textWidth), 1) + 8;
  const every = Math.max(1, Math.ceil(widest / Math.max(x.step(), 1)));
  labels.forEach((label, i) => {
    if (i % every !== 0) return;
    const at = (x(i) ?? 0) + x.bandwidth() / 2;
    group.append(svg('text', { x: at, y: frame.height - 6, class: 'chart-axis chart-x' }, label));
  });
  const base = Math.round(frame.height - frame.bottom) + 0.5;
  group.append(
    svg('line', {
      class: 'chart-base',
      x1: frame.left,
      x2: frame.width - frame.right,
      y1: base,
      y2: base,
    }),
  );
  return group;
}

/** The categories that no series has a value for. */
function valueless(spec: ChartSpec): number[] {
  return spec.categories
    .map((_, i) => i)
    .filter((i) => spec.series.every((series) => (series.values[i] ?? null) === null));
}

/**
 * A shaded band over each category without a value, its step wide and on
 * whole pixels, so that neighbours join without a seam.
 */
function gaps(spec: ChartSpec, missing: string, x: X, frame: Frame): SVGGElement {
  const group = svg('g', { class: 'chart-gaps' });
  // Where category i's step begins; i + 1 gives where it ends, the same pixel.
  const edge = (i: number): number =>
    Math.round((x(0) ?? 0) - (x.step() - x.bandwidth()) / 2 + i * x.step());
  for (const i of valueless(spec)) {
    const category = spec.categories[i] ?? '';
    group.append(
      svg(
        'rect',
        {
          class: 'chart-gap',
          x: edge(i),
          y: frame.top,
          width: edge(i + 1) - edge(i),
          height: frame.height - frame.bottom - frame.top,
          'data-category': category,
        },
        tip(`${category}: ${missing}`),
      ),
    );
  }
  return group;
}

/** The widest a bar gets, so that a few categories do not make slabs of them. */
const kBarMax = 48;

function bars(spec: ChartSpec, x: X, y: Y): SVGGElement {
  const group = svg('g', { class: 'chart-marks' });
  const stacked = spec.kind === 'stacked';
  const lanes = stacked ? 1 : spec.series.length;
  const width = Math.min(x.bandwidth(), kBarMax * lanes);
  const inner = scaleBand<number>()
    .domain(stacked ? [0] : spec.series.map((_, j) => j))
    .range([0, width])
    .paddingInner(lanes > 1 ? 0.08 : 0);
  spec.categories.forEach((category, i) => {
    const start = (x(i) ?? 0) + (x.bandwidth() - width) / 2;
    let base = 0;
    spec.series.forEach((series, j) => {
      const value = series.values[i];
      // Nothing to draw for no data or none; the table beneath says which.
      if (value === null || value === undefined || value <= 0) return;
      const bottom = stacked ? base : 0;
      const top = bottom + value;
      if (stacked) base = top;
      const rect = svg(
        'rect',
        {
          class: `chart-bar ${colour(j)}`,
          x: start + (inner(stacked ? 0 : j) ?? 0),
          y: y(top),
          width: Math.max(inner.bandwidth(), 1),
          height: Math.max(y(bottom) - y(top), 1),
          'data-series': series.label,
          'data-category': category,
          'data-value': value,
        },
        tip(`${series.label}, ${category}: ${spec.format(value)}`),
      );
      group.append(rect);
    });
  });
  return group;
}

function lines(spec: ChartSpec, x: X, y: Y): SVGGElement {
  const group = svg('g', { class: 'chart-marks' });
  const centre = (i: number): number => (x(i) ?? 0) + x.bandwidth() / 2;
  spec.series.forEach((series, j) => {
    const points = series.values.map((value, i) => ({ i, value }));
    // The line joins the periods that have a value; a period without one
    // has no point, so the line passes it by.
    const known = points.filter((p): p is { i: number; value: number } => p.value !== null);
    const path = line<{ i: number; value: number }>()
      .x((p) => centre(p.i))
      .y((p) => y(p.value))(known);
    group.append(svg('path', { class: `chart-line ${colour(j)}`, d: path ?? '' }));
    for (const { i, value } of points) {
      if (value === null) continue;
      const category = spec.categories[i] ?? '';
      group.append(
        svg(
          'circle',
          {
            class: `chart-point ${colour(j)}`,
            cx: centre(i),
            cy: y(value),
            r: spec.compact ? 3 : 4.5,
            'data-series': series.label,
            'data-category': category,
            'data-value': value,
          },
          tip(`${series.label}, ${category}: ${spec.format(value)}`),
        ),
      );
    }
  });
  return group;
}

/**
 * The series' names beside their colours (none for a single series), and
 * the shade of the categories without a value when there are some.
 */
function legend(spec: ChartSpec): HTMLElement | null {
  const items =
    spec.series.length < 2
      ? []
      : spec.series.map((series, j) =>
          h(
            'li',
            null,
            h('span', {
              class: `chart-swatch ${colour(j)} chart-${spec.kind}`,
              'aria-hidden': 'true',
            }),
            series.label,
          ),
        );
  if (spec.missing && valueless(spec).length) {
    items.push(
      h(
        'li',
        null,
        h('span', { class: 'chart-swatch chart-gap', 'aria-hidden': 'true' }),
        spec.missing,
      ),
    );
  }
  return items.length ? h('ul', { class: 'chart-legend' }, items) : null;
}

/**
 * A chart as a <figure>: the SVG, its legend and its caption (the
 * summary). The SVG appears once the figure is on the page and has a width.
 */
export function chart(spec: ChartSpec): HTMLElement {
  const captionId = uid('chart-caption');
  const canvas = h('div', { class: `chart-frame${spec.compact ? ' compact' : ''}` });
  const figure = h(
    'figure',
    { class: 'chart' },
    canvas,
    legend(spec),
    h('figcaption', { id: captionId, class: 'chart-caption' }, spec.summary),
  );
  let drawn = 0;
  const render = (width: number): void => {
    const rounded = Math.floor(width);
    if (rounded < 40 || rounded === drawn) return;
    drawn = rounded;
    const image = draw(spec, rounded);
    image.setAttribute('aria-label', spec.title);
    image.setAttribute('aria-describedby', captionId);
    canvas.replaceChildren(image);
  };
  new ResizeObserver((entries) => {
    for (const entry of entries) render(entry.contentRect.width);
  }).observe(canvas);
  return figure;
}
