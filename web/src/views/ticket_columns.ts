// The columns of the ticket lists: staff see status with the process state,
// criticality, the SLA due time and countdown, group and assignee; customers
// see status in their words, category and the deadline in plain words.
import { h } from '../dom';
import type { Children } from '../dom';
import { href } from '../router';
import { timeElement, ticketNumber } from '../format';
import { categoryLabel, groupName } from '../directory';
import type { Card } from '../directory';
import { t } from '../i18n';
import type { PlainKey } from '../i18n';
import { statusBadge, criticalityBadge } from '../ui/badges';
import { slaCell, customerDeadline } from '../ui/sla';
import type { Sort } from './ticket_filter';
import type { Category, Group, Ticket } from '../api/types';

/** A column: its stable id (for styles), its header, its cell. */
export interface Column {
  id: string;
  label: PlainKey;
  /** The order a click on the header asks the server for. */
  sort?: Sort;
  cell: (ticket: Ticket, names: Names) => Children;
}

export interface Names {
  cats: Category[];
  grps: Group[];
  people: Map<number, Card>;
}

const kNumber: Column = {
  id: 'number',
  label: 'list.col.number',
  sort: 'id',
  cell: (ticket) => ticketNumber(ticket),
};
const kSubject: Column = {
  id: 'subject',
  label: 'list.col.subject',
  cell: (ticket) => h('a', { href: href(`/tickets/${ticket.id}`) }, ticket.subject),
};
const kUpdated: Column = {
  id: 'updated',
  label: 'list.col.updated',
  cell: (ticket) => timeElement(ticket.updated_at, { compact: true }),
};

export const kStaffColumns: Column[] = [
  kNumber,
  kSubject,
  {
    id: 'status',
    label: 'list.col.status',
    cell: (ticket) => [
      statusBadge(ticket.status),
      ticket.state_label ? h('span', { class: 'row-state' }, ticket.state_label) : null,
    ],
  },
  {
    id: 'criticality',
    label: 'list.col.criticality',
    cell: (ticket) => criticalityBadge(ticket.criticality),
  },
  {
    id: 'due',
    label: 'list.col.due',
    sort: 'due',
    cell: (ticket) => slaCell(ticket.sla),
  },
  {
    id: 'group',
    label: 'list.col.group',
    cell: (ticket, names) => groupName(names.grps, ticket.group_id),
  },
  {
    id: 'assignee',
    label: 'list.col.assignee',
    cell: (ticket, names) =>
      ticket.assignee_id
        ? (names.people.get(ticket.assignee_id)?.name ?? '')
        : h('span', { class: 'muted' }, t('list.unassigned')),
  },
  kUpdated,
];

export const kCustomerColumns: Column[] = [
  kNumber,
  kSubject,
  {
    id: 'status',
    label: 'list.col.status',
    cell: (ticket) => statusBadge(ticket.status, { customer: true }),
  },
  {
    id: 'category',
    label: 'list.col.category',
    cell: (ticket, names) => categoryLabel(names.cats, ticket.category),
  },
  {
    id: 'deadline',
    label: 'list.col.deadline',
    cell: (ticket) => customerDeadline(ticket) ?? h('span', { class: 'muted' }, '—'),
  },
  kUpdated,
];
