// #/dashboard: a staff member's day at a glance, first in the staff
// navigation. Five cards: my open tickets (the `mine` queue), breaching
// soon, unassigned in my groups (when the server lists that queue), the
// tickets opened today (the intake report from today to tomorrow) and SLA
// compliance over the last 7 days (the compliance report per day: a small
// chart and the share on time). Each links to the queue or report behind
// it. The numbers are read again 2 s after a burst of ticket events and
// every minute, and change in place.
import { h, replace, uid } from '../dom';
import { t } from '../i18n';
import type { PlainKey } from '../i18n';
import { href } from '../router';
import { onLiveReset, onTicketEvent } from '../live/stream';
import { debounce, every } from '../live/timing';
import { readQueues } from '../desk/queues';
import { chart } from '../reports/chart';
import { complianceSummary } from '../reports/compliance';
import { addDays, periodShort, periodsBetween, today } from '../reports/periods';
import { count, share, shareOf } from '../reports/report_table';
import { complianceReport, intakeReport } from '../reports/reports_api';
import type { ComplianceReport, IntakeReport } from '../reports/reports_api';
import type { Queue } from '../api/types';

/** The queues the dashboard counts, in the order of their cards. */
const kQueueCards: { queue: string; title: PlainKey; link: PlainKey }[] = [
  { queue: 'mine', title: 'dashboard.mine', link: 'dashboard.mineLink' },
  { queue: 'breaching_soon', title: 'dashboard.breaching', link: 'dashboard.breachingLink' },
  {
    queue: 'my_group_unassigned',
    title: 'dashboard.groupUnassigned',
    link: 'dashboard.groupUnassignedLink',
  },
];

/** How many days the compliance card covers, today included. */
const kComplianceDays = 7;

interface Card {
  element: HTMLElement;
  value: HTMLElement;
  body: HTMLElement;
}

function card(title: string, link: { text: string; to: string }, wide = false): Card {
  const titleId = uid('dash');
  const value = h('p', { class: 'dash-value' }, '…');
  const body = h('div', { class: 'dash-body' });
  const element = h(
    'section',
    { class: `card dash-card${wide ? ' wide' : ''}`, 'aria-labelledby': titleId },
    h('h2', { id: titleId }, title),
    value,
    body,
    h('a', { class: 'dash-link', href: link.to }, link.text),
  );
  return { element, value, body };
}

const queueHref = (id: string): string => href('/queue', { queue: id, sort: 'due' });

/** Fills the queue cards from `list`; a queue the server does not list hides its card. */
function showQueues(cards: Map<string, Card>, list: Queue[]): void {
  for (const [id, entry] of cards) {
    const queue = list.find((q) => q.id === id);
    entry.element.hidden = !queue;
    if (!queue) continue;
    entry.value.textContent = count(queue.count);
    entry.element.classList.toggle('has-items', id === 'breaching_soon' && queue.count > 0);
  }
}

function showIntake(entry: Card, report: IntakeReport): void {
  const total = report.items.reduce((sum, item) => sum + item.tickets, 0);
  entry.value.textContent = count(total);
  replace(
    entry.body,
    h('p', { class: 'muted' }, t('dashboard.intakeText', { count: total, zone: report.time_zone })),
  );
}

function showCompliance(entry: Card, report: ComplianceReport, from: string, to: string): void {
  let met = 0;
  let due = 0;
  const byDay = new Map(report.items.map((row) => [row.period, row]));
  const days = periodsBetween(from, to, 'day');
  const values = days.map((day) => {
    const row = byDay.get(day);
    if (!row) return null;
    const dayMet = row.first_response.met + row.resolution.met;
    const dayDue = dayMet + row.first_response.missed + row.resolution.missed;
    met += dayMet;
    due += dayDue;
    return dayDue ? dayMet / dayDue : null;
  });
  entry.value.textContent = shareOf(met, due);
  replace(
    entry.body,
    chart({
      title: t('dashboard.complianceChart'),
      summary: `${t('dashboard.complianceShare', { share: shareOf(met, due), met: count(met), due: count(due) })} ${complianceSummary(report.items)}`,
      categories: days.map((day) => periodShort(day, 'day')),
      series: [{ label: t('dashboard.onTime'), values }],
      kind: 'grouped',
      format: share,
      max: 1,
      compact: true,
    }),
  );
}

export async function dashboardView(root: HTMLElement): Promise<() => void> {
  const day = today();
  const weekFrom = addDays(day, 1 - kComplianceDays);
  const queueCards = new Map(
    kQueueCards.map((spec) => [
      spec.queue,
      card(t(spec.title), { text: t(spec.link), to: queueHref(spec.queue) }),
    ]),
  );
  const intake = card(t('dashboard.intake'), {
    text: t('dashboard.intakeLink'),
    to: href('/reports/intake', { from: day, to: day }),
  });
  const compliance = card(
    t('dashboard.compliance'),
    {
      text: t('dashboard.complianceLink'),
      to: href('/reports/compliance', { from: weekFrom, to: day }),
    },
    true,
  );
  const status = h('p', { class: 'muted dash-status', role: 'status' });
  replace(
    root,
    h(
      'div',
      { class: 'page-header' },
      h(
        'div',
        null,
        h('h1', { id: 'page-title', tabindex: -1 }, t('dashboard.title')),
        h('p', { class: 'lead' }, t('dashboard.lead')),
      ),
    ),
    status,
    h(
      'div',
      { class: 'dash-cards' },
      [...queueCards.values()].map((entry) => entry.element),
      intake.element,
      compliance.element,
    ),
  );

  /** Reads one card's figures; a failure leaves a dash there (not a stale number). */
  const fill = <T>(read: Promise<T>, show: (value: T) => void, cards: Card[]): Promise<void> =>
    read.then(show).catch((error: unknown) => {
      for (const entry of cards) {
        if (entry.value.textContent === '…') entry.value.textContent = '—';
      }
      throw error;
    });
  const load = async (fresh: boolean): Promise<void> => {
    const tomorrow = addDays(day, 1);
    const results = await Promise.allSettled([
      fill(readQueues({ fresh }), (list) => showQueues(queueCards, list), [...queueCards.values()]),
      fill(
        intakeReport({ from: day, to: tomorrow }, 'day', 'none'),
        (report) => showIntake(intake, report),
        [intake],
      ),
      fill(
        complianceReport({ from: weekFrom, to: tomorrow }, 'day'),
        (report) => showCompliance(compliance, report, weekFrom, day),
        [compliance],
      ),
    ]);
    const failed = results.some((result) => result.status === 'rejected');
    status.textContent = failed ? t('dashboard.failed') : '';
  };
  await load(false);

  const refresh = debounce(2000, () => void load(true));
  const stops = [
    onTicketEvent(refresh),
    onLiveReset(refresh),
    every(60_000, () => void load(true)),
  ];
  return () => {
    refresh.cancel();
    for (const stop of stops) stop();
  };
}
