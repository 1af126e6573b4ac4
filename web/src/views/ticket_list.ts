// Ticket lists: "My tickets" for customers; "Assigned to me" and the "Queue"
// for staff. Filters and sort order kept in the address, "Load more" paging,
// the SLA due time of every row. The list keeps itself current: it is read
// again when a live event touches tickets and every minute (the remaining
// SLA time is working time counted by the server, so it is asked for again
// rather than ticked down here).
import { h, replace, announce } from '../dom';
import { api } from '../api';
import { isStaff } from '../session';
import { href } from '../router';
import { categories, groups, userCards } from '../directory';
import type { Card } from '../directory';
import { t } from '../i18n';
import type { PlainKey } from '../i18n';
import { onLiveReset, onTicketEvent } from '../live/stream';
import { debounce, every } from '../live/timing';
import { showError } from '../ui/form';
import { learnTickets } from '../process_labels';
import { filterBar, filterFromQuery, filterToQuery } from './ticket_filter';
import { kCustomerColumns, kStaffColumns } from './ticket_columns';
import type { Column, Names } from './ticket_columns';
import type { Filter, Sort } from './ticket_filter';
import type { Location } from '../router';
import type { Ticket, TicketQuery } from '../api/types';

const kPageSize = 25;
/** The most a refresh reads at once (the API's limit). */
const kMaxRefresh = 200;

type Scope = NonNullable<TicketQuery['scope']>;

interface ListSpec {
  scope: Scope;
  title: PlainKey;
  lead: PlainKey;
  /** The route of the list, kept with the filter in the address. */
  path: string;
  defaultStatuses: string[];
  defaultSort: Sort;
}

function specFor(scope: Scope): ListSpec {
  if (scope === 'queue') {
    return {
      scope,
      title: 'list.queue',
      lead: 'list.queueLead',
      path: '/queue',
      defaultStatuses: ['new', 'open'],
      defaultSort: 'due',
    };
  }
  if (isStaff()) {
    return {
      scope,
      title: 'list.assigned',
      lead: 'list.assignedLead',
      path: '/tickets',
      defaultStatuses: ['new', 'open', 'pending'],
      defaultSort: 'due',
    };
  }
  return {
    scope,
    title: 'list.mine',
    lead: 'list.mineLead',
    path: '/tickets',
    defaultStatuses: [],
    defaultSort: 'id',
  };
}

/** Live events after which a list may show something else. */
const kListKinds = new Set([
  'created',
  'status_changed',
  'assigned',
  'group_changed',
  'field_changed',
  'transition_fired',
  'sla_warning',
  'sla_breached',
  'replied',
  'process_migrated',
]);

export function ticketListView(
  scope: Scope,
): (root: HTMLElement, location: Location) => Promise<() => void> {
  return async (root, location) => {
    const spec = specFor(scope);
    const staff = isStaff();
    const filter = filterFromQuery(location.query, {
      statuses: spec.defaultStatuses,
      sort: spec.defaultSort,
    });
    const list = new TicketList(spec, filter, staff);
    replace(
      root,
      h(
        'div',
        { class: 'page-header' },
        h(
          'div',
          null,
          h('h1', { id: 'page-title', tabindex: -1 }, t(spec.title)),
          h('p', { class: 'lead' }, t(spec.lead)),
        ),
        h('a', { class: 'button primary', href: href('/tickets/new') }, t('list.newTicket')),
      ),
      filterBar(filter, {
        queue: scope === 'queue',
        customer: !staff,
        onChange: () => list.filterChanged(),
      }),
      list.count,
      list.body,
    );
    await list.load();
    const refresh = debounce(700, () => void list.load({ refresh: true }));
    const stops = [
      onTicketEvent((event) => {
        if (kListKinds.has(event.kind)) refresh();
      }),
      onLiveReset(refresh),
      every(60_000, refresh),
      refresh.cancel,
    ];
    return () => {
      list.closed = true;
      for (const stop of stops) stop();
    };
  };
}

class TicketList {
  readonly body = h('div', { class: 'list-body' }, h('p', { class: 'muted' }, t('list.loading')));
  /** "25 tickets shown", announced politely when it changes. */
  readonly count = h('p', { class: 'list-count muted', 'aria-live': 'polite' });
  closed = false;
  private shown: Ticket[] = [];
  private cursor: string | null = null;
  private loading = 0;

  constructor(
    private readonly spec: ListSpec,
    private readonly filter: Filter,
    private readonly staff: boolean,
  ) {}

  private get columns(): Column[] {
    return this.staff ? kStaffColumns : kCustomerColumns;
  }

  filterChanged(): void {
    history.replaceState(null, '', `#${this.spec.path}?${filterToQuery(this.filter)}`);
    void this.load();
  }

  /**
   * Reads the first page; `refresh` reads as many as are shown and marks
   * the rows that were not there before.
   */
  async load(options: { refresh?: boolean } = {}): Promise<void> {
    this.loading += 1;
    const mine = this.loading;
    const limit = options.refresh
      ? Math.min(kMaxRefresh, Math.max(kPageSize, this.shown.length))
      : kPageSize;
    try {
      const [page, cats, grps] = await Promise.all([
        api.listTickets({ ...this.request(), limit }),
        categories(),
        groups(),
      ]);
      learnTickets(page.items);
      const people = await this.peopleOf(page.items);
      if (mine !== this.loading || this.closed) return;
      const before = new Set(this.shown.map((ticket) => ticket.id));
      this.shown = page.items;
      this.cursor = page.next_cursor;
      const fresh = options.refresh
        ? new Set(page.items.filter((ticket) => !before.has(ticket.id)).map((x) => x.id))
        : new Set<number>();
      this.draw({ cats, grps, people }, fresh);
      if (fresh.size) announce(t('list.newArrived', { count: fresh.size }));
    } catch (error) {
      if (mine !== this.loading || this.closed) return;
      if (options.refresh) return; // keep what is shown; the next round tries again
      replace(this.body, h('p', { class: 'muted' }, t('list.failed')));
      showError(null, error);
    }
  }

  private request(): Parameters<typeof api.listTickets>[0] {
    return {
      scope: this.spec.scope,
      status: [...this.filter.statuses],
      group: this.filter.group,
      tier: this.filter.tier,
      unassigned: this.filter.unassigned,
      sort: this.filter.sort,
    };
  }

  private async peopleOf(tickets: Ticket[]): Promise<Map<number, Card>> {
    return this.staff ? userCards(tickets.map((x) => x.assignee_id)) : new Map<number, Card>();
  }

  private draw(names: Names, fresh: Set<number>): void {
    const focused = document.activeElement;
    const focusedHref =
      focused instanceof HTMLAnchorElement && this.body.contains(focused) ? focused.hash : null;
    this.count.textContent = this.shown.length
      ? t(this.cursor ? 'list.countMore' : 'list.count', { count: this.shown.length })
      : '';
    if (!this.shown.length) {
      replace(this.body, this.emptyState());
      return;
    }
    const tbody = h('tbody');
    this.appendRows(tbody, this.shown, names, fresh);
    replace(this.body, this.table(tbody), this.footer(tbody, names));
    if (focusedHref) {
      this.body.querySelector<HTMLElement>(`a[href="${CSS.escape(focusedHref)}"]`)?.focus();
    }
  }

  private table(tbody: HTMLElement): HTMLTableElement {
    return h(
      'table',
      { class: 'ticket-table' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          this.columns.map((column) => this.header(column)),
        ),
      ),
      tbody,
    );
  }

  /** A column header; a sortable one is a button that sorts by it. */
  private header(column: Column): HTMLTableCellElement {
    const label = t(column.label);
    if (!column.sort || !this.staff) return h('th', { scope: 'col' }, label);
    const active = this.filter.sort === column.sort;
    // The queue lists by number oldest first, "mine" newest first.
    const direction =
      column.sort === 'due' || this.spec.scope === 'queue' ? 'ascending' : 'descending';
    const button = h(
      'button',
      {
        type: 'button',
        class: `sort-button${active ? ' active' : ''}`,
        title: t(column.sort === 'due' ? 'list.sortDue' : 'list.sortNumber'),
      },
      label,
      h(
        'span',
        { class: 'sort-mark', 'aria-hidden': 'true' },
        active ? (direction === 'ascending' ? '▲' : '▼') : '↕',
      ),
    );
    button.addEventListener('click', () => {
      if (active || !column.sort) return;
      this.filter.sort = column.sort;
      this.filterChanged();
    });
    return h('th', { scope: 'col', 'aria-sort': active ? direction : 'none' }, button);
  }

  private footer(tbody: HTMLElement, names: Names): HTMLElement {
    const footer = h('div', { class: 'list-footer' });
    if (!this.cursor) return footer;
    const more = h('button', { type: 'button', class: 'button' }, t('list.loadMore'));
    more.addEventListener('click', async () => {
      more.disabled = true;
      try {
        const next = await api.listTickets({
          ...this.request(),
          cursor: this.cursor,
          limit: kPageSize,
        });
        for (const [id, card] of await this.peopleOf(next.items)) names.people.set(id, card);
        const known = new Set(this.shown.map((ticket) => ticket.id));
        const added = next.items.filter((ticket) => !known.has(ticket.id));
        this.shown = this.shown.concat(added);
        this.cursor = next.next_cursor;
        const first = this.appendRows(tbody, added, names, new Set());
        this.count.textContent = t(this.cursor ? 'list.countMore' : 'list.count', {
          count: this.shown.length,
        });
        if (!this.cursor) footer.replaceChildren();
        announce(t('list.moreLoaded', { count: added.length }));
        first?.focus();
      } catch (error) {
        showError(null, error);
      } finally {
        more.disabled = false;
      }
    });
    footer.append(more);
    return footer;
  }

  /** Adds rows; returns the link of the first new row (for focus). */
  private appendRows(
    tbody: HTMLElement,
    tickets: Ticket[],
    names: Names,
    fresh: Set<number>,
  ): HTMLElement | null {
    let first: HTMLElement | null = null;
    for (const ticket of tickets) {
      const row = h(
        'tr',
        {
          class: `status-row-${ticket.status}${fresh.has(ticket.id) ? ' row-new' : ''}`,
          dataset: { ticket: String(ticket.id) },
        },
        this.columns.map((column) =>
          h(
            'td',
            { dataset: { col: column.id, label: t(column.label) } },
            column.cell(ticket, names),
          ),
        ),
      );
      first ??= row.querySelector('a');
      tbody.append(row);
    }
    return first;
  }

  private emptyState(): HTMLElement {
    if (this.spec.scope === 'mine' && !this.staff && this.filter.statuses.size === 0) {
      return h(
        'div',
        { class: 'empty card' },
        h('p', null, t('list.emptyMine')),
        h('a', { class: 'button primary', href: href('/tickets/new') }, t('list.createFirst')),
      );
    }
    return h('div', { class: 'empty card' }, h('p', null, t('list.emptyFiltered')));
  }
}
