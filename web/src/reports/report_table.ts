// The table beneath a report's chart, holding the same numbers: a caption,
// column headers (columns of one group under a header that spans them), the
// first column as row headers, numbers aligned right and an optional totals
// row. Built like the administration's paged tables (explicit table roles,
// each cell naming its column in data-label), so on a phone each row
// becomes a card (css/admin_people.css). A table wider than the page
// scrolls sideways inside its own frame, which takes focus so that the
// keyboard can scroll it too.
import { h, uid } from '../dom';
import type { Children } from '../dom';
import { formatNumber, t } from '../i18n';
import { cell, rowHeader } from '../admin/paged_table';

export interface ReportColumn<T> {
  label: string;
  cell: (row: T) => Children;
  /** Aligned right, on one line. */
  numeric?: boolean;
  /** On one line (a date). */
  nowrap?: boolean;
  /** Neighbouring columns of one group ("First response") share a header above theirs. */
  group?: string;
}

export interface ReportTableSpec<T> {
  caption: string;
  columns: ReportColumn<T>[];
  rows: T[];
  /** Shown instead of the table when there are no rows. */
  empty: string;
  /** The totals row's cells after its "Total" heading, one per further column. */
  totals?: Children[];
}

/** What a cell says its column is on a phone: "First response: met". */
const fullLabel = <T>(column: ReportColumn<T>): string =>
  column.group ? `${column.group}: ${column.label}` : column.label;

function classOf<T>(column: ReportColumn<T> | undefined): string | undefined {
  if (column?.numeric) return 'num';
  return column?.nowrap ? 'nowrap' : undefined;
}

function row<T>(columns: ReportColumn<T>[], cells: Children[]): HTMLTableRowElement {
  return h(
    'tr',
    { role: 'row' },
    cells.map((content, i) => {
      const column = columns[i];
      const label = column ? fullLabel(column) : '';
      const el = i === 0 ? rowHeader(label, content) : cell(label, content);
      const name = classOf(column);
      if (name) el.classList.add(name);
      return el;
    }),
  );
}

/** The column headers; with groups, a first row of group headers spanning their columns. */
function head<T>(columns: ReportColumn<T>[]): HTMLTableSectionElement {
  const header = (column: ReportColumn<T>, attrs: Record<string, unknown> = {}) =>
    h('th', { scope: 'col', role: 'columnheader', class: classOf(column), ...attrs }, column.label);
  if (!columns.some((column) => column.group)) {
    return h(
      'thead',
      { role: 'rowgroup' },
      h(
        'tr',
        { role: 'row' },
        columns.map((c) => header(c)),
      ),
    );
  }
  const top: HTMLTableCellElement[] = [];
  const bottom: HTMLTableCellElement[] = [];
  columns.forEach((column, i) => {
    if (!column.group) {
      top.push(header(column, { rowspan: 2 }));
      return;
    }
    const last = top[top.length - 1];
    if (i > 0 && columns[i - 1]?.group === column.group && last) {
      last.colSpan += 1;
    } else {
      top.push(
        h(
          'th',
          { scope: 'colgroup', role: 'columnheader', class: 'group', colspan: 1 },
          column.group,
        ),
      );
    }
    bottom.push(header(column));
  });
  return h(
    'thead',
    { role: 'rowgroup' },
    h('tr', { role: 'row' }, top),
    h('tr', { role: 'row' }, bottom),
  );
}

export function reportTable<T>(spec: ReportTableSpec<T>): HTMLElement {
  if (!spec.rows.length) return h('p', { class: 'muted report-empty' }, spec.empty);
  const captionId = uid('report-caption');
  const table = h(
    'table',
    { class: 'admin-table paged-table report-table', role: 'table' },
    h('caption', { id: captionId }, spec.caption),
    head(spec.columns),
    h(
      'tbody',
      { role: 'rowgroup' },
      spec.rows.map((item) =>
        row(
          spec.columns,
          spec.columns.map((column) => column.cell(item)),
        ),
      ),
    ),
    spec.totals
      ? h('tfoot', { role: 'rowgroup' }, row(spec.columns, [t('reports.total'), ...spec.totals]))
      : null,
  );
  return h(
    'div',
    { class: 'report-table-frame', role: 'region', 'aria-labelledby': captionId, tabindex: 0 },
    table,
  );
}

/** A count as the language writes it. */
export const count = (value: number): string => formatNumber(value);

/** A share (0..1) in per cent: "83.3 %". */
export function share(value: number): string {
  return formatNumber(value, { style: 'percent', maximumFractionDigits: 1 });
}

/** A share of `part` in `whole`, or a dash when there is nothing to share. */
export function shareOf(part: number, whole: number): string {
  return whole > 0 ? share(part / whole) : '—';
}
