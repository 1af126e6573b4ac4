// The SLA card of the ticket page (staff): what is due and when, the working
// time left, the level and why; and, on demand, the timeline of
// GET /tickets/{id}/sla that explains the due time: which stretches counted
// and which did not (nights, weekends, holidays, waiting for the customer).
import { h, replace } from '../dom';
import { api } from '../api';
import { t } from '../i18n';
import type { PlainKey } from '../i18n';
import { formatDate, formatDuration, sameDay, timeElement } from '../format';
import { levelName } from '../levels';
import { slaCountdown, slaTargetLabel } from '../ui/sla';
import type { Level, SlaSegment, Ticket, TicketSla } from '../api/types';

/** The timeline shown, per ticket id, so a redraw keeps an open one open. */
const openTimelines = new Set<number>();

/** Fills `region` with the SLA card's content for `ticket`; `lvls` name its level. */
export function slaPanel(region: HTMLElement, ticket: Ticket, lvls: readonly Level[]): void {
  const sla = ticket.sla;
  if (!sla) {
    replace(region, h('p', { class: 'field-hint' }, t('sla.noClock')));
    return;
  }
  const chip = slaCountdown(sla);
  const timeline = h('div', { class: 'sla-timeline' });
  const details = h(
    'details',
    { class: 'sla-why', open: openTimelines.has(ticket.id) },
    h('summary', null, t('sla.why')),
    timeline,
  );
  const load = (): void => {
    replace(timeline, h('p', { class: 'muted' }, t('app.loading')));
    api
      .ticketSla(ticket.id)
      .then((clock) => replace(timeline, explain(clock)))
      .catch(() => replace(timeline, h('p', { class: 'muted' }, t('sla.timelineFailed'))));
  };
  details.addEventListener('toggle', () => {
    if (details.open) {
      openTimelines.add(ticket.id);
      load();
    } else {
      openTimelines.delete(ticket.id);
    }
  });
  if (details.open) load();
  replace(
    region,
    h(
      'dl',
      { class: 'details sla-details' },
      sla.due
        ? [
            row('sla.target', slaTargetLabel(sla.target)),
            row('sla.due', timeElement(sla.due, { style: 'deadline' })),
            row('sla.remaining', chip ?? '—'),
          ]
        : row('sla.state', t('sla.metAll')),
      row('ticket.level', levelName(ticket.level, lvls)),
      ticket.level_reason ? row('sla.why.level', ticket.level_reason) : null,
    ),
    sla.due ? details : null,
  );
}

function row(label: PlainKey, value: string | Node): HTMLElement {
  return h('div', null, h('dt', null, t(label)), h('dd', null, value));
}

const kSegmentKeys: Record<SlaSegment['kind'], PlainKey> = {
  running: 'sla.segment.running',
  paused: 'sla.segment.paused',
  outside_hours: 'sla.segment.outside_hours',
  weekend: 'sla.segment.weekend',
  holiday: 'sla.segment.holiday',
};

/** A stretch of the timeline as shown: counted, paused, or not counted (merged). */
interface Stretch {
  from: Date;
  to: Date;
  kinds: SlaSegment['kind'][];
}

const kMostRows = 12;

/** The explanation: target, start, the stretches up to the due instant, what is left. */
function explain(clock: TicketSla): HTMLElement {
  const due = clock.sla.due ? new Date(clock.sla.due) : null;
  const stretches = merge(clock.timeline, due);
  const targetText = targetOf(clock);
  let counted = 0;
  const rows = stretches.map((s) => {
    const seconds = (s.to.getTime() - s.from.getTime()) / 1000;
    const running = s.kinds.length === 1 && s.kinds[0] === 'running';
    if (running) counted += seconds;
    return h(
      'li',
      { class: `sla-stretch ${running ? 'counted' : 'not-counted'}` },
      h('span', { class: 'sla-range' }, range(s.from, s.to)),
      h(
        'span',
        { class: 'sla-kind' },
        s.kinds.map((kind) => t(kSegmentKeys[kind])).join(', '),
        running ? ` · ${t('sla.countedSoFar', { time: formatDuration(counted) })}` : '',
      ),
    );
  });
  const shown =
    rows.length > kMostRows
      ? [
          ...rows.slice(0, 3),
          h('li', { class: 'muted' }, t('sla.moreStretches', { count: rows.length - 9 })),
          ...rows.slice(-6),
        ]
      : rows;
  const now = Date.now();
  const tail =
    due && due.getTime() > now
      ? t('sla.tailFuture', {
          time: formatDuration(clock.sla.remaining_seconds),
          due: formatDate(due, 'deadline'),
        })
      : due
        ? t('sla.tailPast', { due: formatDate(due, 'deadline') })
        : '';
  return h(
    'div',
    { class: 'stack' },
    h(
      'p',
      null,
      t('sla.started', { when: formatDate(clock.started_at, 'medium') }),
      targetText ? ` ${targetText}` : '',
    ),
    h('ol', { class: 'sla-stretches' }, shown),
    tail ? h('p', null, tail) : null,
  );
}

/** "Target: 2 h of working time on the ru-business calendar." */
function targetOf(clock: TicketSla): string {
  const level = clock.level_version;
  const target = clock.sla.target ?? 'first_response';
  const amount = target === 'first_response' ? level.first_response : level[target];
  const seconds = parseDuration(amount ?? '');
  if (!seconds) return '';
  return t('sla.targetText', {
    target: slaTargetLabel(target),
    time: formatDuration(seconds),
    calendar: clock.calendar,
  });
}

/** "2h", "90m", "1h30m", "3600s" in seconds; 0 when unreadable. */
function parseDuration(text: string): number {
  let total = 0;
  for (const match of text.matchAll(/(\d+)\s*([dhms])/g)) {
    const n = Number(match[1]);
    total += n * ({ d: 86400, h: 3600, m: 60, s: 1 }[match[2] as 'd' | 'h' | 'm' | 's'] ?? 0);
  }
  return total;
}

/**
 * The segments up to `due` (all when none), with neighbouring stretches that
 * do not count (evening, weekend, night) merged into one.
 */
function merge(timeline: SlaSegment[], due: Date | null): Stretch[] {
  const out: Stretch[] = [];
  for (const segment of timeline) {
    const from = new Date(segment.from);
    let to = new Date(segment.to);
    if (due && from >= due) break;
    if (due && to > due) to = due;
    const last = out[out.length - 1];
    const idle = segment.kind !== 'running' && segment.kind !== 'paused';
    const lastIdle = last?.kinds.every((k) => k !== 'running' && k !== 'paused');
    if (last && idle && lastIdle) {
      last.to = to;
      if (!last.kinds.includes(segment.kind)) last.kinds.push(segment.kind);
    } else {
      out.push({ from, to, kinds: [segment.kind] });
    }
  }
  return out;
}

/** "Fri 27 Nov, 10:11 – 19:00" or "Fri 27 Nov, 19:00 – Mon 30 Nov, 10:00". */
function range(from: Date, to: Date): string {
  const end = sameDay(from, to) ? formatDate(to, 'time') : formatDate(to, 'deadline');
  return `${formatDate(from, 'deadline')} – ${end}`;
}
