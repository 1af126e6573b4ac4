// The parts of the ticket page drawn from the ticket alone: the header with
// the title, badges and the customer's deadline; what the customer
// reported; the details list; and the page for a ticket that is not there.
import { h } from '../dom';
import { href } from '../router';
import { channelLabel, timeElement, ticketNumber } from '../format';
import { calendarShort, levelName, levelTitle } from '../levels';
import { categoryLabel, groupName, personName } from '../directory';
import { t } from '../i18n';
import type { PlainKey } from '../i18n';
import { statusBadge, criticalityBadge } from '../ui/badges';
import { customerDeadline } from '../ui/sla';
import type { Children } from '../dom';
import type { Card } from '../directory';
import type { Category, Group, Level, Ticket } from '../api/types';

const kReported: ['sources_searched' | 'steps' | 'expected' | 'actual', PlainKey][] = [
  ['sources_searched', 'ticket.reported.sources'],
  ['steps', 'ticket.reported.steps'],
  ['expected', 'ticket.reported.expected'],
  ['actual', 'ticket.reported.actual'],
];

export function header(ticket: Ticket, staff: boolean, onRefresh: () => void): HTMLElement[] {
  const deadline = staff ? null : customerDeadline(ticket);
  return [
    h(
      'a',
      { class: 'back-link', href: href(staff ? '/queue' : '/tickets') },
      staff ? t('ticket.backQueue') : t('ticket.backMine'),
    ),
    h(
      'div',
      { class: 'page-header' },
      h(
        'div',
        null,
        h(
          'h1',
          { id: 'page-title', tabindex: -1 },
          h('span', { class: 'ticket-number' }, ticketNumber(ticket)),
          ' ',
          ticket.subject,
        ),
        h(
          'p',
          { class: 'badges' },
          statusBadge(ticket.status, { customer: !staff }),
          staff ? criticalityBadge(ticket.criticality) : null,
        ),
        staff ? null : h('p', { class: 'deadline', dataset: { deadline: '' } }, deadline ?? ''),
      ),
      h(
        'button',
        { type: 'button', class: 'button subtle', onclick: onRefresh, dataset: { refresh: '' } },
        t('ticket.refresh'),
      ),
    ),
  ];
}

export function reported(ticket: Ticket, staff: boolean): HTMLElement | null {
  const filled = kReported.filter(([key]) => (ticket[key] ?? '').trim());
  if (!filled.length) return null;
  return h(
    'section',
    { class: 'card reported', 'aria-labelledby': 'reported-title' },
    h(
      'h2',
      { id: 'reported-title' },
      staff ? t('ticket.reportedStaff') : t('ticket.reportedCustomer'),
    ),
    h(
      'dl',
      null,
      filled.map(([key, label]) => [h('dt', null, t(label)), h('dd', null, ticket[key])]),
    ),
  );
}

/** The names a ticket's details are told with. */
export interface DetailNames {
  cats: Category[];
  grps: Group[];
  lvls: Level[];
  people: Map<number, Card>;
}

export function details(ticket: Ticket, staff: boolean, names: DetailNames): HTMLElement {
  const { cats, grps, lvls, people } = names;
  const name = (id: number | null): string => (id ? personName(people, id) : t('ticket.nobodyYet'));
  // [label, value]; null for a row the viewer does not get.
  const rows: ([PlainKey, Children] | null)[] = [
    ['ticket.status', statusBadge(ticket.status, { customer: !staff })],
    ['ticket.category', categoryLabel(cats, ticket.category)],
    ['ticket.level', levelCell(ticket.level, lvls)],
    staff ? ['ticket.criticality', criticalityBadge(ticket.criticality)] : null,
    ['ticket.group', groupName(grps, ticket.group_id)],
    staff ? ['ticket.tier', `L${ticket.tier}`] : null,
    ['ticket.assignee', name(ticket.assignee_id)],
    ['ticket.requester', name(ticket.initiator_id)],
    ['ticket.channel', channelLabel(ticket.channel)],
    ['ticket.created', timeElement(ticket.created_at)],
    ['ticket.updatedAt', timeElement(ticket.updated_at)],
  ];
  return h(
    'dl',
    { class: 'details' },
    rows
      .filter((row) => row !== null)
      .map(([label, value]) => h('div', null, h('dt', null, t(label)), h('dd', null, value))),
  );
}

/** The level's name, and how its clock counts ("around the clock, every day"). */
function levelCell(id: string, lvls: Level[]): Children {
  const level = lvls.find((l) => l.id === id);
  if (!level) return levelName(id, lvls);
  return [
    h('span', null, levelTitle(level)),
    ' ',
    h('span', { class: 'level-calendar' }, calendarShort(level.calendar)),
  ];
}

export function notFound(): HTMLElement {
  return h(
    'div',
    { class: 'card empty' },
    h('h1', { id: 'page-title', tabindex: -1 }, t('ticket.notFound')),
    h('p', null, t('ticket.notFoundText')),
    h('a', { class: 'button', href: '#/' }, t('ticket.backToList')),
  );
}
