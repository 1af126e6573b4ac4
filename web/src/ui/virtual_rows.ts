// Windowed rows of a long table: only the rows near the window's viewport
// are in the DOM; a spacer row above and below them stands for the others,
// with their height, so the page's scrollbar is that of the whole list.
// Heights are measured as rows are drawn and estimated (the mean of those
// measured) for the rest. The table keeps its semantics: it says how many
// rows it has (aria-rowcount, -1 while more may be loaded) and each row its
// place (aria-rowindex).
//
// Focus is never lost to windowing: the row holding focus stays drawn (away
// from the others when scrolled far off), and a row moved or redrawn gets
// focus back.

export interface VirtualRowsSpec<T> {
  table: HTMLTableElement;
  tbody: HTMLTableSectionElement;
  /** The number of columns, for the spacers' colspan. */
  columns: number;
  /** A stable key per item (a ticket's id). */
  key: (item: T) => number;
  /** Draws the row of `item`; called again when the item object changes. */
  render: (item: T, index: number) => HTMLTableRowElement;
  /** Called when the last rows loaded come near the viewport. */
  onNearEnd?: () => void;
  /** Rows above the body (the header row), counted in aria-rowindex. */
  headerRows?: number;
}

interface Drawn<T> {
  row: HTMLTableRowElement;
  item: T;
}

/** Pixels drawn beyond the viewport on either side. */
const kOverscanPx = 700;
/** The most rows ever drawn at once, whatever the viewport. */
const kMaxRows = 160;
/** How close (in rows) the end must be for onNearEnd. */
const kNearEndRows = 15;

export class VirtualRows<T> {
  private items: T[] = [];
  private complete = true;
  private readonly heights = new Map<number, number>();
  private measuredSum = 0;
  private estimate = 56;
  private readonly drawn = new Map<number, Drawn<T>>();
  /** Drawn wherever the window is: the selected row, or the one holding focus. */
  private pinned: number | null = null;
  private frame = 0;
  private tops = new Float64Array(1);
  private readonly onScroll = (): void => this.schedule();

  constructor(private readonly spec: VirtualRowsSpec<T>) {
    window.addEventListener('scroll', this.onScroll, { passive: true });
    window.addEventListener('resize', this.onScroll);
    spec.tbody.addEventListener('focusin', (event) => {
      const key = this.keyOfRow(event.target);
      if (key !== null) this.pinned = key;
    });
  }

  /** Stops following the window (when the page is left). */
  destroy(): void {
    window.removeEventListener('scroll', this.onScroll);
    window.removeEventListener('resize', this.onScroll);
    cancelAnimationFrame(this.frame);
  }

  /**
   * Shows `items`; `complete` is false while more may be loaded. Rows whose
   * item object changed are drawn again.
   */
  setItems(items: T[], complete: boolean): void {
    this.items = items;
    this.complete = complete;
    this.update();
  }

  get length(): number {
    return this.items.length;
  }

  /** Keeps the row of `key` drawn (null: none). */
  pin(key: number | null): void {
    this.pinned = key;
  }

  /** The drawn row of `key`, if it is drawn. */
  rowOf(key: number): HTMLTableRowElement | null {
    return this.drawn.get(key)?.row ?? null;
  }

  /** The index of `key` in the list, or -1. */
  indexOf(key: number): number {
    return this.items.findIndex((item) => this.spec.key(item) === key);
  }

  /** The index of the first row at least partly below the page header, or -1. */
  firstVisibleIndex(): number {
    if (!this.items.length) return -1;
    this.measureTops();
    const offset = headerHeight() - this.spec.tbody.getBoundingClientRect().top;
    return Math.min(this.items.length - 1, this.indexAt(Math.max(0, offset)));
  }

  /** Scrolls the row at `index` into view, draws it and returns it. */
  reveal(index: number): HTMLTableRowElement | null {
    const item = this.items[index];
    if (item === undefined) return null;
    this.measureTops();
    const bodyTop = this.spec.tbody.getBoundingClientRect().top + window.scrollY;
    const top = bodyTop + (this.tops[index] ?? 0);
    const bottom = bodyTop + (this.tops[index + 1] ?? 0);
    const viewTop = window.scrollY + headerHeight();
    const viewBottom = window.scrollY + window.innerHeight;
    if (top < viewTop) window.scrollTo({ top: top - headerHeight() - 8 });
    else if (bottom > viewBottom) window.scrollTo({ top: bottom - window.innerHeight + 8 });
    this.pinned = this.spec.key(item);
    this.update();
    return this.rowOf(this.spec.key(item));
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.update();
    });
  }

  private keyOfRow(target: EventTarget | null): number | null {
    const row = target instanceof Element ? target.closest('tr[data-key]') : null;
    const key = row instanceof HTMLElement ? Number(row.dataset.key) : NaN;
    return Number.isFinite(key) ? key : null;
  }

  private heightOf(item: T): number {
    return this.heights.get(this.spec.key(item)) ?? this.estimate;
  }

  /** tops[i]: the offset of row i from the body's top; tops[n]: the whole height. */
  private measureTops(): void {
    const n = this.items.length;
    const tops = new Float64Array(n + 1);
    for (let i = 0; i < n; i += 1) tops[i + 1] = (tops[i] ?? 0) + this.heightOf(this.items[i] as T);
    this.tops = tops;
  }

  /** The index of the row at `offset` from the body's top. */
  private indexAt(offset: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.tops[mid + 1] ?? 0) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The indexes to draw: the window around the viewport, and the pinned row. */
  private wanted(): number[] {
    const n = this.items.length;
    if (!n) return [];
    const bodyTop = this.spec.tbody.getBoundingClientRect().top;
    const from = Math.max(0, -bodyTop - kOverscanPx);
    const to = Math.max(0, window.innerHeight - bodyTop + kOverscanPx);
    const start = Math.min(this.indexAt(from), n - 1);
    const end = Math.min(n, Math.max(start + 1, this.indexAt(to) + 1), start + kMaxRows);
    const indexes: number[] = [];
    for (let i = start; i < end; i += 1) indexes.push(i);
    const pinnedIndex = this.pinned === null ? -1 : this.indexOf(this.pinned);
    if (pinnedIndex >= 0 && (pinnedIndex < start || pinnedIndex >= end)) {
      indexes.push(pinnedIndex);
      indexes.sort((a, b) => a - b);
    }
    return indexes;
  }

  private update(): void {
    const { tbody, table } = this.spec;
    const focused = tbody.contains(document.activeElement)
      ? (document.activeElement as HTMLElement)
      : null;
    const focusedKey = this.keyOfRow(focused);
    this.measureTops();
    const indexes = this.wanted();
    const keys = new Set(indexes.map((i) => this.spec.key(this.items[i] as T)));
    for (const [key, drawn] of this.drawn) {
      if (!keys.has(key)) {
        drawn.row.remove();
        this.drawn.delete(key);
      }
    }
    for (const spacer of tbody.querySelectorAll(':scope > tr.virtual-spacer')) spacer.remove();
    let cursor: ChildNode | null = tbody.firstChild;
    let done = 0; // rows up to here are drawn or stood for
    for (const index of indexes) {
      if (index > done) tbody.insertBefore(this.spacer(this.gap(done, index)), cursor);
      const row = this.place(index, cursor);
      cursor = row.nextSibling;
      done = index + 1;
    }
    if (this.items.length > done) tbody.append(this.spacer(this.gap(done, this.items.length)));
    table.setAttribute(
      'aria-rowcount',
      this.complete ? String(this.items.length + (this.spec.headerRows ?? 1)) : '-1',
    );
    this.restoreFocus(focused, focusedKey);
    if (this.measure()) this.schedule();
    const last = indexes[indexes.length - 1] ?? -1;
    if (!this.complete && last >= this.items.length - kNearEndRows) this.spec.onNearEnd?.();
  }

  /** Puts the row of `index` before `cursor`, drawing it (again) when needed. */
  private place(index: number, cursor: ChildNode | null): HTMLTableRowElement {
    const item = this.items[index] as T;
    const key = this.spec.key(item);
    let drawn = this.drawn.get(key);
    if (drawn && drawn.item !== item) {
      // Redrawn in its place; when that place was the cursor, it still is.
      const row = this.draw(item, index);
      if (drawn.row === cursor) cursor = row;
      drawn.row.replaceWith(row);
      drawn = { row, item };
      this.drawn.set(key, drawn);
    } else if (!drawn) {
      drawn = { row: this.draw(item, index), item };
      this.drawn.set(key, drawn);
    }
    if (drawn.row !== cursor) this.spec.tbody.insertBefore(drawn.row, cursor);
    drawn.row.setAttribute('aria-rowindex', String(index + 1 + (this.spec.headerRows ?? 1)));
    return drawn.row;
  }

  private draw(item: T, index: number): HTMLTableRowElement {
    const row = this.spec.render(item, index);
    row.dataset.key = String(this.spec.key(item));
    return row;
  }

  private gap(from: number, to: number): number {
    return (this.tops[to] ?? 0) - (this.tops[from] ?? 0);
  }

  private spacer(height: number): HTMLTableRowElement {
    const cell = document.createElement('td');
    cell.colSpan = this.spec.columns;
    // Through the CSSOM, which the Content-Security-Policy allows (a style
    // attribute in markup it would refuse).
    cell.style.height = `${Math.max(0, Math.round(height))}px`;
    const row = document.createElement('tr');
    row.className = 'virtual-spacer';
    row.setAttribute('aria-hidden', 'true');
    row.append(cell);
    return row;
  }

  /** Gives focus back to what held it, or to the same link of its redrawn row. */
  private restoreFocus(focused: HTMLElement | null, key: number | null): void {
    if (!focused || document.activeElement === focused) return;
    if (focused.isConnected) {
      focused.focus({ preventScroll: true });
      return;
    }
    const row = key === null ? null : this.rowOf(key);
    const href = focused.getAttribute('href');
    const again =
      (href ? row?.querySelector<HTMLElement>(`a[href="${CSS.escape(href)}"]`) : null) ??
      row?.querySelector<HTMLElement>('a[href]');
    again?.focus({ preventScroll: true });
  }

  /** Records the heights of the drawn rows; true when the estimate moved. */
  private measure(): boolean {
    let first = true;
    let margin = 0;
    let changed = false;
    for (const [key, { row }] of this.drawn) {
      if (first) {
        margin = parseFloat(getComputedStyle(row).marginBottom) || 0;
        first = false;
      }
      const height = row.getBoundingClientRect().height + margin;
      if (height <= 0) continue;
      const before = this.heights.get(key);
      if (before !== undefined && Math.abs(before - height) < 0.5) continue;
      this.measuredSum += height - (before ?? 0);
      this.heights.set(key, height);
      changed = true;
    }
    if (!changed || !this.heights.size) return false;
    const estimate = this.measuredSum / this.heights.size;
    const moved = Math.abs(estimate - this.estimate) > 1;
    this.estimate = estimate;
    return moved;
  }
}

/** The height of the sticky page header, which covers the top of the viewport. */
function headerHeight(): number {
  return document.getElementById('app-header')?.getBoundingClientRect().height ?? 0;
}
