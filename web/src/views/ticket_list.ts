// Ticket lists: "My tickets" for customers; "Assigned to me" and the "Queue"
// for staff. Filters and sort order kept in the address, the SLA due time of
// every row. Long lists stay fast: only the rows near the viewport are drawn
// (ui/virtual_rows.ts), and the next page is read as the person scrolls near
// the end of those loaded ("Load more" does the same from the keyboard). The
// list keeps itself current: its first rows are read again when a live event
// touches tickets and every minute (the remaining SLA time is working time
// counted by the server, so it is asked for again rather than ticked down
// here). j and k move a selection through the rows, Enter opens one.
import { h, replace, announce } from '../dom';
import { api } from '../api';
import { isStaff } from '../session';
import { href, navigate } from '../router';
import { categories, groups, userCards } from '../directory';
import type { Card } from '../directory';
import { t } from '../i18n';
import type { PlainKey } from '../i18n';
import { onLiveReset, onTicketEvent } from '../live/stream';
import { debounce, every } from '../live/timing';
import { showError } from '../ui/form';
import { VirtualRows } from '../ui/virtual_rows';
import { learnTickets } from '../process_labels';
import { rememberList } from '../list_context';
import { onShortcuts } from '../shortcuts';
import { filterBar, filterFromQuery, filterToQuery, requestOf } from './ticket_filter';
import { mountDesk } from '../desk/nav';
import { kCustomerColumns, kStaffColumns } from './ticket_columns';
import type { Column, Names } from './ticket_columns';
import type { Filter, Sort } from './ticket_filter';
import type { Location } from '../router';
import type { ListRequest } from '../list_context';
import type { Ticket, TicketQuery } from '../api/types';

/** The rows of the first page, and of each page read after it. */
const kFirstPage = 50;
const kPageSize = 100;
/**
 * The most a refresh reads at once (the API's limit): the first rows of a
 * longer list are read again, those further down keep what they were read
 * with until the list is loaded anew.
 */
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
    const filters = filterBar(filter, {
      queue: scope === 'queue',
      customer: !staff,
      onChange: () => {
        list.filterChanged();
        desk?.changed();
      },
    });
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
      filters,
      list.count,
      list.body,
    );
    // Staff: the queues and saved views beside the list, "Save view" by the heading.
    const request = () => ({ scope, ...requestOf(filter) });
    const desk = staff ? mountDesk(root, { path: spec.path, filter, request }) : null;
    // Keys work while the first page loads; the router's clean-up removes them.
    const keys = onShortcuts({
      next: () => void list.move(1),
      previous: () => void list.move(-1),
      open: () => list.openSelected(),
      search: () => filters.querySelector<HTMLElement>('input, select')?.focus(),
    });
    await list.load();
    const refresh = debounce(700, () => void list.load({ refresh: true }));
    const stops = [
      keys,
      onTicketEvent((event) => {
        if (kListKinds.has(event.kind)) refresh();
      }),
      onLiveReset(refresh),
      every(60_000, refresh),
      refresh.cancel,
      () => desk?.stop(),
    ];
    return () => {
      list.close();
      for (const stop of stops) stop();
    };
  };
}

class TicketList {
  readonly body = h('div', { class: 'list-body' }, h('p', { class: 'muted' }, t('list.loading')));
  /** "25 tickets shown", announced politely when it changes. */
  readonly count = h('p', { class: 'list-count muted', 'aria-live': 'polite' });
  private closed = false;
  private shown: Ticket[] = [];
  private cursor: string | null = null;
  /** Counts loads; an answer to an older one is dropped. */
  private loading = 0;
  /** The next page being read, if one is. */
  private more: Promise<boolean> | null = null;
  /** Set when reading the next page failed: scrolling stops asking, the button still does. */
  private moreFailed = false;
  private names: Names = { cats: [], grps: [], people: new Map() };
  private rows: VirtualRows<Ticket> | null = null;
  private footer = h('div', { class: 'list-footer' });
  /** Tickets that arrived with the last refresh, marked for a moment. */
  private fresh = new Set<number>();
  /** The ticket selected with j and k (or by focusing its row). */
  private selected: number | null = null;

  constructor(
    private readonly spec: ListSpec,
    private readonly filter: Filter,
    private readonly staff: boolean,
  ) {}

  private get columns(): Column[] {
    return this.staff ? kStaffColumns : kCustomerColumns;
  }

  close(): void {
    this.closed = true;
    this.rows?.destroy();
  }

  filterChanged(): void {
    history.replaceState(null, '', `#${this.address()}`);
    void this.load();
  }

  private address(): string {
    return `${this.spec.path}?${filterToQuery(this.filter)}`;
  }

  /**
   * Reads the first page; `refresh` reads the first rows again (as many as
   * are shown, at most kMaxRefresh) and marks the rows that were not there.
   */
  async load(options: { refresh?: boolean } = {}): Promise<void> {
    this.loading += 1;
    const mine = this.loading;
    const refresh = Boolean(options.refresh && this.rows);
    const limit = refresh
      ? Math.min(kMaxRefresh, Math.max(kFirstPage, this.shown.length))
      : kFirstPage;
    try {
      const [page, cats, grps] = await Promise.all([
        api.listTickets({ ...this.request(), limit }),
        categories(),
        groups(),
      ]);
      learnTickets(page.items);
      const people = await this.peopleOf(page.items);
      if (mine !== this.loading || this.closed) return;
      this.names = { cats, grps, people: new Map([...this.names.people, ...people]) };
      const before = new Set(this.shown.map((ticket) => ticket.id));
      if (refresh && this.cursor && this.shown.length > limit) {
        // The rows beyond those read again stay as they were read.
        const read = new Set(page.items.map((ticket) => ticket.id));
        const rest = this.shown.slice(limit).filter((ticket) => !read.has(ticket.id));
        this.shown = page.items.concat(rest);
      } else {
        this.shown = page.items;
        this.cursor = page.next_cursor;
      }
      this.fresh = refresh
        ? new Set(page.items.filter((ticket) => !before.has(ticket.id)).map((x) => x.id))
        : new Set<number>();
      if (!refresh) {
        this.selected = null;
        this.moreFailed = false;
      }
      this.draw(refresh);
      if (this.fresh.size) announce(t('list.newArrived', { count: this.fresh.size }));
    } catch (error) {
      if (mine !== this.loading || this.closed) return;
      if (refresh) return; // keep what is shown; the next round tries again
      this.rows?.destroy();
      this.rows = null;
      replace(this.body, h('p', { class: 'muted' }, t('list.failed')));
      showError(null, error);
    }
  }

  private request(): ListRequest {
    return { scope: this.spec.scope, ...requestOf(this.filter) };
  }

  private async peopleOf(tickets: Ticket[]): Promise<Map<number, Card>> {
    return this.staff ? userCards(tickets.map((x) => x.assignee_id)) : new Map<number, Card>();
  }

  /** Shows `shown`: in the table on screen when `keep`, else in a new one. */
  private draw(keep: boolean): void {
    this.remember();
    this.drawCount();
    if (!this.shown.length) {
      this.rows?.destroy();
      this.rows = null;
      replace(this.body, this.emptyState());
      return;
    }
    if (!keep || !this.rows) {
      this.rows?.destroy();
      // Explicit roles: phones draw the rows as cards (CSS display), which
      // some browsers take as the end of a table's semantics.
      const tbody = h('tbody', { role: 'rowgroup' });
      const table = this.table(tbody);
      replace(this.body, table, this.footer);
      this.rows = new VirtualRows<Ticket>({
        table,
        tbody,
        columns: this.columns.length,
        key: (ticket) => ticket.id,
        render: (ticket) => this.row(ticket),
        onNearEnd: () => {
          if (!this.moreFailed) void this.loadMore();
        },
      });
    }
    this.drawFooter();
    this.rows.setItems(this.shown, !this.cursor);
    if (this.fresh.size) {
      const marked = this.fresh;
      setTimeout(() => {
        if (this.fresh === marked) this.fresh = new Set();
      }, 4000);
    }
  }

  private drawCount(): void {
    this.count.textContent = this.shown.length
      ? t(this.cursor ? 'list.countMore' : 'list.count', { count: this.shown.length })
      : '';
  }

  /** Lets a ticket opened from here show the next and previous ones (j, k). */
  private remember(): void {
    rememberList({
      path: this.address(),
      request: this.request(),
      ids: this.shown.map((ticket) => ticket.id),
      cursor: this.cursor,
    });
  }

  private table(tbody: HTMLElement): HTMLTableElement {
    const table = h(
      'table',
      {
        class: `ticket-table ${this.staff ? 'columns-staff' : 'columns-customer'}`,
        role: 'table',
        'aria-label': t(this.spec.title),
      },
      h(
        'thead',
        { role: 'rowgroup' },
        h(
          'tr',
          { role: 'row', 'aria-rowindex': 1 },
          this.columns.map((column) => this.header(column)),
        ),
      ),
      tbody,
    );
    // j and k continue from a row the person moved to with Tab or the mouse.
    tbody.addEventListener('focusin', (event) => {
      const row = (event.target as Element).closest<HTMLElement>('tr[data-key]');
      if (row) this.markSelected(Number(row.dataset.key));
    });
    return table;
  }

  /** A column header; a sortable one is a button that sorts by it. */
  private header(column: Column): HTMLTableCellElement {
    const label = t(column.label);
    const col = { col: column.id };
    if (!column.sort || !this.staff) {
      return h('th', { scope: 'col', role: 'columnheader', dataset: col }, label);
    }
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
    return h(
      'th',
      {
        scope: 'col',
        role: 'columnheader',
        dataset: col,
        'aria-sort': active ? direction : 'none',
      },
      button,
    );
  }

  /** "Load more" while the server has more: the keyboard's way to what scrolling reads. */
  private drawFooter(): void {
    if (!this.cursor) {
      this.footer.replaceChildren();
      return;
    }
    if (this.footer.querySelector('button')) return;
    const more = h('button', { type: 'button', class: 'button' }, t('list.loadMore'));
    more.addEventListener('click', async () => {
      if (more.getAttribute('aria-disabled') === 'true') return;
      more.setAttribute('aria-disabled', 'true');
      const from = this.shown.length;
      const done = await this.loadMore();
      more.removeAttribute('aria-disabled');
      if (!done || this.shown.length <= from) return;
      announce(t('list.moreLoaded', { count: this.shown.length - from }));
      this.select(from);
    });
    this.footer.replaceChildren(more);
  }

  /** Reads the next page (once at a time); true when it was added. */
  private loadMore(): Promise<boolean> {
    if (!this.cursor || this.closed) return Promise.resolve(false);
    this.more ??= this.readMore().finally(() => {
      this.more = null;
    });
    return this.more;
  }

  private async readMore(): Promise<boolean> {
    const mine = this.loading;
    this.body.setAttribute('aria-busy', 'true');
    try {
      const next = await api.listTickets({
        ...this.request(),
        cursor: this.cursor,
        limit: kPageSize,
      });
      learnTickets(next.items);
      const people = await this.peopleOf(next.items);
      if (mine !== this.loading || this.closed) return false;
      for (const [id, card] of people) this.names.people.set(id, card);
      const known = new Set(this.shown.map((ticket) => ticket.id));
      this.shown = this.shown.concat(next.items.filter((ticket) => !known.has(ticket.id)));
      this.cursor = next.next_cursor;
      this.moreFailed = false;
      this.draw(true);
      return true;
    } catch (error) {
      this.moreFailed = true;
      showError(null, error);
      return false;
    } finally {
      this.body.removeAttribute('aria-busy');
    }
  }

  /** j (1) and k (-1): selects the next or previous row, reading more at the end. */
  async move(step: 1 | -1): Promise<void> {
    const rows = this.rows;
    if (!rows || !this.shown.length) return;
    const at = this.selected === null ? -1 : rows.indexOf(this.selected);
    let index: number;
    if (at < 0) {
      index = Math.max(0, rows.firstVisibleIndex());
    } else {
      index = at + step;
    }
    if (index >= this.shown.length && this.cursor) await this.loadMore();
    if (index < 0 || index >= this.shown.length) return;
    this.select(index);
  }

  /** Selects the row at `index`: scrolled into view, marked, its link focused. */
  private select(index: number): void {
    const ticket = this.shown[index];
    if (!ticket || !this.rows) return;
    this.markSelected(ticket.id);
    const row = this.rows.reveal(index);
    row?.querySelector<HTMLElement>('a[href]')?.focus({ preventScroll: true });
  }

  private markSelected(id: number): void {
    if (this.selected === id) return;
    if (this.selected !== null) this.rows?.rowOf(this.selected)?.classList.remove('row-selected');
    this.selected = id;
    this.rows?.pin(id);
    this.rows?.rowOf(id)?.classList.add('row-selected');
  }

  /** Enter: opens the selected ticket. */
  openSelected(): void {
    if (this.selected !== null) navigate(`/tickets/${this.selected}`);
  }

  private row(ticket: Ticket): HTMLTableRowElement {
    const classes = [`status-row-${ticket.status}`];
    if (this.fresh.has(ticket.id)) classes.push('row-new');
    if (this.selected === ticket.id) classes.push('row-selected');
    // data-label names the column on a phone's card; .cell-body keeps the
    // cell's content together beside it.
    return h(
      'tr',
      { class: classes.join(' '), role: 'row' },
      this.columns.map((column) =>
        h(
          'td',
          { role: 'cell', dataset: { col: column.id, label: t(column.label) } },
          h('span', { class: 'cell-body' }, column.cell(ticket, this.names)),
        ),
      ),
    );
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
