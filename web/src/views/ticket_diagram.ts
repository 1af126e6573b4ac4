// The diagram of the ticket's process, inside the page: the SVG the server
// draws (GET /api/v1/tickets/{id}/process.svg, the current state and the
// path so far highlighted), sanitised (ui/safe_svg.ts), in a frame as wide
// as the column with zoom out, zoom in, fit to width and "current state".
// It opens at a readable size, or whole when that fits, with the current
// state in the middle of the frame. The card starts folded: Graphviz lays
// out every new state and path afresh, which costs the server, so the
// diagram is drawn when the person asks ("Show the diagram", or the process
// card's "Show the process diagram"), and stays open on the next tickets of
// the browser tab until they fold it. The steps that may follow are marked
// too: the server gives each state the element id `state:<state>` and each
// edge `transition:<transition>:<from>:<to>` (from "*" for a transition
// allowed from any open state), so the current state is found by its id,
// the edges leaving it (and those from "*") by theirs, and the viewer's own
// steps among them by the transition ids GET /tickets/{id}/transitions
// offers. The SVG is read again only when the state changes, and only while
// the card is in view.
import { h, uid } from '../dom';
import { api, ApiError } from '../api';
import { currentLanguage, formatNumber, locale, t } from '../i18n';
import { safeSvg } from '../ui/safe_svg';
import type { Ticket, Transition } from '../api/types';

/** The diagram card; `update` after each redraw of the ticket. */
export interface DiagramCard {
  element: HTMLElement;
  update: (ticket: Ticket, transitions: Transition[]) => void;
  /** Scrolls the card into view and moves focus to its heading. */
  show: () => void;
  destroy: () => void;
}

/** Graphviz draws in points; the browser's CSS pixel is 3/4 of one. */
const kPixelsPerPoint = 4 / 3;
/** The zoom at which the diagram's labels read well. */
const kReadable = 0.75;
const kMaxZoom = 2;
const kStep = 1.25;
/** The "from" of an edge of a transition allowed from any open state. */
const kAnyState = '*';
/** Set while the person keeps the diagram open (for the browser tab). */
const kOpenKey = 'helpdesk.diagram-open';

function openBefore(): boolean {
  try {
    return sessionStorage.getItem(kOpenKey) === '1';
  } catch {
    return false;
  }
}

function rememberOpen(open: boolean): void {
  try {
    if (open) sessionStorage.setItem(kOpenKey, '1');
    else sessionStorage.removeItem(kOpenKey);
  } catch {
    // Without storage the card just starts folded.
  }
}

interface Drawn {
  svg: SVGSVGElement;
  width: number;
  height: number;
}

export function diagramCard(): DiagramCard {
  const viewport = h('div', {
    class: 'diagram-viewport',
    tabindex: 0,
    role: 'group',
    'aria-label': t('diagram.viewport'),
  });
  const zoomText = h('span', { class: 'diagram-zoom', 'aria-live': 'polite' });
  const tool = (label: string, text: string, run: () => void): HTMLButtonElement =>
    h(
      'button',
      { type: 'button', class: 'button small', 'aria-label': label, title: label, onclick: run },
      text,
    );
  const status = h('p', { class: 'field-hint diagram-status', role: 'status' });
  const heading = h('h2', { id: 'diagram-title', tabindex: -1 }, t('diagram.title'));
  const bodyId = uid('diagram');
  const body = h(
    'div',
    { class: 'diagram-body', id: bodyId, hidden: true },
    h(
      'div',
      { class: 'diagram-tools', role: 'toolbar', 'aria-label': t('diagram.tools') },
      tool(t('diagram.zoomOut'), '−', () => zoomBy(1 / kStep)),
      tool(t('diagram.zoomIn'), '+', () => zoomBy(kStep)),
      tool(t('diagram.fit'), t('diagram.fitShort'), () => fit()),
      tool(t('diagram.current'), t('diagram.currentShort'), () => centreCurrent()),
      zoomText,
    ),
    status,
    viewport,
    legend(),
  );
  const toggle = h(
    'button',
    { type: 'button', class: 'button small', 'aria-expanded': 'false', 'aria-controls': bodyId },
    t('diagram.show'),
  );
  const element = h(
    'section',
    { class: 'card diagram-card', 'aria-labelledby': 'diagram-title', hidden: true },
    h('div', { class: 'diagram-header' }, heading, toggle),
    body,
  );

  let drawn: Drawn | null = null;
  let scale = 1;
  let loadedKey = '';
  let wanted: { ticket: Ticket; transitions: Transition[] } | null = null;
  let near = false;
  let open = false;
  let reading = 0;

  const fitScale = (): number =>
    drawn ? Math.max(0.05, (viewport.clientWidth - 4) / drawn.width) : 1;

  const setScale = (next: number, keepCentre = true): void => {
    if (!drawn) return;
    const min = Math.min(fitScale(), kReadable);
    const bounded = Math.min(kMaxZoom, Math.max(min, next));
    const cx = (viewport.scrollLeft + viewport.clientWidth / 2) / (drawn.width * scale);
    const cy = (viewport.scrollTop + viewport.clientHeight / 2) / (drawn.height * scale);
    scale = bounded;
    drawn.svg.setAttribute('width', String(Math.round(drawn.width * scale)));
    drawn.svg.setAttribute('height', String(Math.round(drawn.height * scale)));
    zoomText.textContent = formatNumber(scale, { style: 'percent', maximumFractionDigits: 0 });
    if (keepCentre) {
      viewport.scrollLeft = cx * drawn.width * scale - viewport.clientWidth / 2;
      viewport.scrollTop = cy * drawn.height * scale - viewport.clientHeight / 2;
    }
  };
  const zoomBy = (factor: number): void => setScale(scale * factor);
  const fit = (): void => setScale(fitScale(), false);

  const centreCurrent = (): void => {
    const node = drawn?.svg.querySelector('.diagram-current');
    if (!node) return;
    const box = node.getBoundingClientRect();
    const frame = viewport.getBoundingClientRect();
    viewport.scrollLeft += box.left + box.width / 2 - (frame.left + viewport.clientWidth / 2);
    viewport.scrollTop += box.top + box.height / 2 - (frame.top + viewport.clientHeight / 2);
  };

  const load = async (ticket: Ticket): Promise<void> => {
    reading += 1;
    const mine = reading;
    status.textContent = drawn ? '' : t('diagram.loading');
    try {
      const text = await api.processDiagram(ticket.id);
      if (mine !== reading) return;
      const svg = safeSvg(text);
      if (!svg) throw new Error('not an SVG document');
      const first = !drawn;
      drawn = prepare(svg);
      viewport.replaceChildren(drawn.svg);
      status.textContent = '';
      if (wanted) mark(drawn.svg, wanted.ticket, wanted.transitions);
      if (first) scale = fitScale() >= kReadable ? fitScale() : kReadable;
      setScale(scale, false);
      centreCurrent();
    } catch (error) {
      if (mine !== reading) return;
      loadedKey = '';
      if (error instanceof ApiError && (error.status === 404 || error.status === 409)) {
        element.hidden = true;
        return;
      }
      status.replaceChildren(
        t('diagram.failed'),
        ' ',
        h(
          'button',
          {
            type: 'button',
            class: 'link-button',
            onclick: () => wanted && void load(wanted.ticket),
          },
          t('diagram.retry'),
        ),
      );
    }
  };

  /** Reads the SVG for a new state while open and in view; else marks the one drawn. */
  const refresh = (): void => {
    if (!wanted || !near || !open) return;
    const { ticket, transitions } = wanted;
    const key = [ticket.id, ticket.state, ticket.process?.version, currentLanguage()].join('|');
    if (key !== loadedKey) {
      loadedKey = key;
      void load(ticket);
    } else if (drawn) {
      mark(drawn.svg, ticket, transitions);
    }
  };

  const setOpen = (value: boolean): void => {
    open = value;
    body.hidden = !value;
    toggle.setAttribute('aria-expanded', String(value));
    toggle.textContent = t(value ? 'diagram.hide' : 'diagram.show');
    rememberOpen(value);
    if (value) {
      near = true; // asked for on screen
      refresh();
    }
  };
  toggle.addEventListener('click', () => setOpen(!open));

  // A state that changes while the card is out of view is read when it comes back.
  const observer = new IntersectionObserver((entries) => {
    const last = entries[entries.length - 1];
    if (!last) return;
    near = last.isIntersecting;
    refresh();
  });
  observer.observe(element);
  if (openBefore()) setOpen(true);

  return {
    element,
    update: (ticket, transitions) => {
      element.hidden = !ticket.state;
      if (!ticket.state) return;
      wanted = { ticket, transitions };
      refresh();
    },
    show: () => {
      if (!open) setOpen(true);
      element.scrollIntoView({ block: 'start' });
      heading.focus({ preventScroll: true });
    },
    destroy: () => {
      observer.disconnect();
      reading += 1;
    },
  };
}

const kStatePrefix = 'state:';
const kEdgePrefix = 'transition:';

/**
 * Reads the states and edges from their element ids (into data-state, and
 * data-transition, data-from and data-to), drops Graphviz's titles (raw ids
 * that would show as tooltips) and takes the size from the viewBox.
 */
function prepare(svg: SVGSVGElement): Drawn {
  const states = new Set([kAnyState]);
  for (const node of svg.querySelectorAll<SVGGElement>('g.node')) {
    if (!node.id.startsWith(kStatePrefix)) continue;
    node.dataset.state = node.id.slice(kStatePrefix.length);
    states.add(node.dataset.state);
  }
  for (const edge of svg.querySelectorAll<SVGGElement>('g.edge')) {
    const parsed = edgeOf(edge.id, states);
    if (!parsed) continue;
    edge.dataset.transition = parsed.transition;
    edge.dataset.from = parsed.from;
    edge.dataset.to = parsed.to;
    // The label's first line; the second names who may fire it.
    edge.dataset.label = edge.querySelector('text')?.textContent?.trim() ?? '';
  }
  for (const title of svg.querySelectorAll('title')) title.remove();
  const box = svg.viewBox.baseVal;
  const width = (box && box.width ? box.width : 800) * kPixelsPerPoint;
  const height = (box && box.height ? box.height : 600) * kPixelsPerPoint;
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('role', 'img');
  svg.setAttribute('focusable', 'false');
  return { svg, width, height };
}

interface EdgeId {
  transition: string;
  from: string;
  to: string;
}

/**
 * The parts of an edge's id, `transition:<transition>:<from>:<to>`; null
 * for any other id. From and to are matched against the states drawn (and
 * "*"), so a colon inside an id cannot shift them.
 */
function edgeOf(id: string, states: ReadonlySet<string>): EdgeId | null {
  if (!id.startsWith(kEdgePrefix)) return null;
  const rest = id.slice(kEdgePrefix.length);
  for (const to of states) {
    if (!rest.endsWith(`:${to}`)) continue;
    const head = rest.slice(0, -(to.length + 1));
    for (const from of states) {
      if (!head.endsWith(`:${from}`)) continue;
      const transition = head.slice(0, -(from.length + 1));
      if (transition) return { transition, from, to };
    }
  }
  return null;
}

/**
 * Marks the current state (its node `state:<id>`), the edges that leave it
 * (and those allowed from any open state) as possible next steps, and among
 * them the viewer's own (the transitions on offer, by id); words it all in
 * the image's text alternative.
 */
function mark(svg: SVGSVGElement, ticket: Ticket, transitions: Transition[]): void {
  const state = ticket.state ?? '';
  for (const el of svg.querySelectorAll('.diagram-current, .diagram-next, .diagram-mine')) {
    el.classList.remove('diagram-current', 'diagram-next', 'diagram-mine');
  }
  const current = svg.querySelector(`g.node[id="${CSS.escape(kStatePrefix + state)}"]`);
  current?.classList.add('diagram-current');
  const offered = new Set(transitions.map((tr) => tr.id));
  const next: string[] = [];
  for (const edge of svg.querySelectorAll<SVGGElement>('g.edge[data-transition]')) {
    const { transition = '', from, to, label = '' } = edge.dataset;
    const leaves = from === state || (from === kAnyState && !ticket.final && to !== state);
    if (!leaves) continue;
    edge.classList.add('diagram-next');
    if (offered.has(transition)) edge.classList.add('diagram-mine');
    if (label && !next.includes(label)) next.push(label);
  }
  const stateName = ticket.state_label || state;
  svg.setAttribute(
    'aria-label',
    next.length
      ? t('diagram.summaryNext', {
          state: stateName,
          steps: new Intl.ListFormat(locale(), { type: 'disjunction' }).format(next),
        })
      : t('diagram.summary', { state: stateName }),
  );
}

/** What the colours and marks of the diagram mean. */
function legend(): HTMLElement {
  const item = (kind: string, text: string): HTMLElement =>
    h(
      'li',
      null,
      h('span', { class: `diagram-key diagram-key-${kind}`, 'aria-hidden': 'true' }),
      text,
    );
  return h(
    'ul',
    { class: 'diagram-legend', 'aria-label': t('diagram.legend') },
    item('current', t('diagram.legendCurrent')),
    item('visited', t('diagram.legendVisited')),
    item('next', t('diagram.legendNext')),
    item('mine', t('diagram.legendMine')),
  );
}
