// Ticket lists: "All my tickets" for customers; "Assigned to me" and the
// "Queue" for staff. A status filter kept in the URL and "Load more" paging.
import { h, replace, announce } from '../dom';
import type { Children } from '../dom';
import { api } from '../api';
import { isStaff } from '../session';
import { href } from '../router';
import { timeElement, ticketNumber } from '../format';
import { categories, groups, userCards, categoryLabel, groupName } from '../directory';
import type { Card } from '../directory';
import { statusBadge, criticalityBadge } from '../ui/badges';
import { showError } from '../ui/form';
import { filterBar, filterFromQuery, filterToQuery } from './ticket_filter';
import type { Filter } from './ticket_filter';
import type { Location } from '../router';
import type { Category, Group, Ticket, TicketQuery } from '../api/types';

const kPageSize = 25;

type Scope = NonNullable<TicketQuery['scope']>;

interface ListSpec {
  scope: Scope;
  title: string;
  lead: string;
  /** The route of the list, kept with the filter in the address. */
  path: string;
  defaultStatuses: string[];
}

function specFor(scope: Scope): ListSpec {
  if (scope === 'queue') {
    return {
      scope,
      title: 'Queue',
      lead: 'Every ticket you may work on.',
      path: '/queue',
      defaultStatuses: ['new', 'open'],
    };
  }
  if (isStaff()) {
    return {
      scope,
      title: 'Assigned to me',
      lead: 'Tickets you are responsible for.',
      path: '/tickets',
      defaultStatuses: ['new', 'open', 'pending'],
    };
  }
  return {
    scope,
    title: 'All my tickets',
    lead: 'Your requests to support and where each one stands.',
    path: '/tickets',
    defaultStatuses: [],
  };
}

export function ticketListView(
  scope: Scope,
): (root: HTMLElement, location: Location) => Promise<void> {
  return async (root, location) => {
    const spec = specFor(scope);
    const filter = filterFromQuery(location.query, spec.defaultStatuses);
    const body = h('div', { class: 'list-body' }, h('p', { class: 'muted' }, 'Loading tickets…'));
    replace(
      root,
      h(
        'div',
        { class: 'page-header' },
        h(
          'div',
          null,
          h('h1', { id: 'page-title', tabindex: -1 }, spec.title),
          h('p', { class: 'lead' }, spec.lead),
        ),
        h('a', { class: 'button primary', href: href('/tickets/new') }, 'New ticket'),
      ),
      filterBar(filter, {
        queue: scope === 'queue',
        onChange: () => {
          history.replaceState(null, '', `#${spec.path}?${filterToQuery(filter)}`);
          void load(body, spec, filter);
        },
      }),
      body,
    );
    await load(body, spec, filter);
  };
}

async function load(body: HTMLElement, spec: ListSpec, filter: Filter): Promise<void> {
  const staff = isStaff();
  const { table, tbody } = ticketTable(staff);
  const more = h('button', { type: 'button', class: 'button' }, 'Load more');
  const footer = h('div', { class: 'list-footer' });
  const request = {
    scope: spec.scope,
    status: [...filter.statuses],
    group: filter.group,
    unassigned: filter.unassigned,
    limit: kPageSize,
  };
  try {
    const [page, cats, grps] = await Promise.all([
      api.listTickets(request),
      categories(),
      groups(),
    ]);
    if (!page.items.length) {
      replace(body, emptyState(spec, filter));
      return;
    }
    await appendRows(tbody, page.items, staff, cats, grps);
    replace(body, table, footer);
    let cursor = page.next_cursor;
    const showMore = () => replace(footer, cursor ? more : null);
    more.addEventListener('click', async () => {
      more.disabled = true;
      try {
        const next = await api.listTickets({ ...request, cursor });
        const first = await appendRows(tbody, next.items, staff, cats, grps);
        cursor = next.next_cursor;
        showMore();
        announce(`${next.items.length} more tickets loaded`);
        first?.focus();
      } catch (error) {
        showError(null, error);
      } finally {
        more.disabled = false;
      }
    });
    showMore();
  } catch (error) {
    replace(body, h('p', { class: 'muted' }, 'The tickets could not be loaded.'));
    showError(null, error);
  }
}

/** An empty ticket table and its body, for appendRows. */
function ticketTable(staff: boolean): { table: HTMLTableElement; tbody: HTMLElement } {
  const columns = staff
    ? ['Number', 'Subject', 'Status', 'Criticality', 'Group', 'Assignee', 'Updated']
    : ['Number', 'Subject', 'Status', 'Category', 'Updated'];
  const tbody = h('tbody');
  const table = h(
    'table',
    { class: 'ticket-table' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        columns.map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    tbody,
  );
  return { table, tbody };
}

/** Adds rows; returns the link of the first new row (for focus). */
async function appendRows(
  tbody: HTMLElement,
  tickets: Ticket[],
  staff: boolean,
  cats: Category[],
  grps: Group[],
): Promise<HTMLElement | null> {
  const people = staff
    ? await userCards(tickets.map((t) => t.assignee_id))
    : new Map<number, Card>();
  let first: HTMLElement | null = null;
  for (const t of tickets) {
    const link = h('a', { href: href(`/tickets/${t.id}`) }, t.subject);
    first ??= link;
    const cells: [string, Children][] = staff
      ? [
          ['Number', ticketNumber(t)],
          ['Subject', link],
          ['Status', statusBadge(t.status)],
          ['Criticality', criticalityBadge(t.criticality)],
          ['Group', groupName(grps, t.group_id)],
          [
            'Assignee',
            t.assignee_id
              ? (people.get(t.assignee_id)?.name ?? '')
              : h('span', { class: 'muted' }, 'Unassigned'),
          ],
          ['Updated', timeElement(t.updated_at, { compact: true })],
        ]
      : [
          ['Number', ticketNumber(t)],
          ['Subject', link],
          ['Status', statusBadge(t.status)],
          ['Category', categoryLabel(cats, t.category)],
          ['Updated', timeElement(t.updated_at, { compact: true })],
        ];
    tbody.append(
      h(
        'tr',
        { class: `status-row-${t.status}` },
        cells.map(([label, value]) => h('td', { dataset: { label } }, value)),
      ),
    );
  }
  return first;
}

function emptyState(spec: ListSpec, filter: Filter): HTMLElement {
  if (spec.scope === 'mine' && !isStaff() && filter.statuses.size === 0) {
    return h(
      'div',
      { class: 'empty card' },
      h('p', null, 'You have not asked support anything yet.'),
      h('a', { class: 'button primary', href: href('/tickets/new') }, 'Create your first ticket'),
    );
  }
  return h('div', { class: 'empty card' }, h('p', null, 'No tickets match these filters.'));
}
