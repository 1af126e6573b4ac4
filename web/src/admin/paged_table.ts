// A table of a list the server gives a page at a time (users, the audit
// log): a caption, column headers, the first column as row headers, how
// many rows are shown in a polite live region, and "Load more" while there
// is a next cursor, which moves focus to the first new row. The parts carry
// their table roles explicitly, so the rows may become cards on a phone
// (css/admin_people.css) without losing them; each cell names its column in
// data-label for that layout.
import { h, replace } from '../dom';
import type { Children } from '../dom';
import { t } from '../i18n';
import type { Page } from './people_api';

export interface Column<T> {
  label: string;
  cell: (item: T) => Children;
}

export interface PagedTableSpec<T> {
  caption: string;
  /** The first column heads each row. */
  columns: Column<T>[];
  read: (cursor: string | null) => Promise<Page<T>>;
  /** Shown instead of the table when the first page is empty. */
  empty: string;
  /** "12 users shown": `more` when the server has more. */
  count: (shown: number, more: boolean) => string;
  /** A failed read (the filter's problem goes under its field). */
  onError: (error: unknown) => void;
  /** Extra class of the table. */
  className?: string;
}

export interface PagedTable {
  element: HTMLElement;
  /** Reads the first page anew (a changed filter); resolves when it is drawn or failed. */
  load: () => Promise<void>;
}

/**
 * The header cell of a row in the column `label` (named before it on a
 * phone); it takes focus from script, so "Load more" can move there.
 */
export function rowHeader(label: string, ...content: Children[]): HTMLTableCellElement {
  return h(
    'th',
    { scope: 'row', role: 'rowheader', tabindex: -1, dataset: { label } },
    h('div', { class: 'cell-body' }, content),
  );
}

/** A cell in the column `label` (named before it on a phone). */
export function cell(label: string, ...content: Children[]): HTMLTableCellElement {
  return h('td', { role: 'cell', dataset: { label } }, h('div', { class: 'cell-body' }, content));
}

/** The table's head: a row of column headers. */
export function tableHead(labels: string[]): HTMLTableSectionElement {
  return h(
    'thead',
    { role: 'rowgroup' },
    h(
      'tr',
      { role: 'row' },
      labels.map((label) => h('th', { scope: 'col', role: 'columnheader' }, label)),
    ),
  );
}

export function pagedTable<T>(spec: PagedTableSpec<T>): PagedTable {
  const count = h('p', { class: 'list-count muted', 'aria-live': 'polite' });
  const body = h('div', { class: 'paged-body' });
  const footer = h('div', { class: 'list-footer' });
  let shown = 0;
  let cursor: string | null = null;
  let loading = 0;
  let tbody: HTMLTableSectionElement | null = null;

  const row = (item: T): HTMLTableRowElement =>
    h(
      'tr',
      { role: 'row' },
      spec.columns.map((column, i) =>
        (i === 0 ? rowHeader : cell)(column.label, column.cell(item)),
      ),
    );

  const table = (items: T[]): HTMLTableElement => {
    tbody = h('tbody', { role: 'rowgroup' }, items.map(row));
    return h(
      'table',
      { class: `admin-table paged-table ${spec.className ?? ''}`.trim(), role: 'table' },
      h('caption', null, spec.caption),
      tableHead(spec.columns.map((column) => column.label)),
      tbody,
    );
  };

  const drawFooter = (): void => {
    if (!cursor) {
      footer.replaceChildren();
      return;
    }
    const more = h('button', { type: 'button', class: 'button' }, t('list.loadMore'));
    more.addEventListener('click', () => void loadMore(more));
    footer.replaceChildren(more);
  };

  const loadMore = async (button: HTMLButtonElement): Promise<void> => {
    if (button.getAttribute('aria-disabled') === 'true' || !cursor || !tbody) return;
    button.setAttribute('aria-disabled', 'true');
    const mine = loading;
    try {
      const page = await spec.read(cursor);
      if (mine !== loading) return;
      const rows = page.items.map(row);
      tbody.append(...rows);
      shown += rows.length;
      cursor = page.next;
      count.textContent = spec.count(shown, cursor !== null);
      drawFooter();
      const first = rows[0];
      const target = first?.querySelector<HTMLElement>('a, button') ?? first?.querySelector('th');
      target?.focus();
    } catch (error) {
      spec.onError(error);
    } finally {
      button.removeAttribute('aria-disabled');
    }
  };

  const load = async (): Promise<void> => {
    loading += 1;
    const mine = loading;
    body.setAttribute('aria-busy', 'true');
    try {
      const page = await spec.read(null);
      if (mine !== loading) return;
      shown = page.items.length;
      cursor = page.next;
      replace(body, shown ? table(page.items) : h('p', { class: 'muted' }, spec.empty));
      count.textContent = shown ? spec.count(shown, cursor !== null) : '';
      drawFooter();
    } catch (error) {
      if (mine !== loading) return;
      replace(body, h('p', { class: 'muted' }, t('people.listFailed')));
      count.textContent = '';
      footer.replaceChildren();
      spec.onError(error);
    } finally {
      if (mine === loading) body.removeAttribute('aria-busy');
    }
  };

  return { element: h('div', { class: 'paged' }, count, body, footer), load };
}
