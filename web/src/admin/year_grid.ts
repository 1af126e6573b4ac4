// A calendar's year as twelve month grids (Monday to Sunday columns), each a
// table with a caption. Working days, weekends, holidays, weekend days that
// are worked (transferred) and shortened pre-holiday days differ by colour
// and by a sign or pattern, never by colour alone; the legend says which is
// which, and each day's cell is read as "1 January 2027, holiday" (with
// its working hours on a working day).
import { h } from '../dom';
import { locale, t } from '../i18n';
import type { PlainKey } from '../i18n';
import type { CalendarYear } from '../api/types';

export type YearDay = CalendarYear['days'][number];

/** The signs that mark a day beside its colour (hidden from screen readers: the words say it). */
const kMarks = { holiday: '★', transferred: '⇄', short: '▾' } as const;

const kUtc = 'UTC';

function format(options: Intl.DateTimeFormatOptions, date: Date): string {
  return new Intl.DateTimeFormat(locale(), { ...options, timeZone: kUtc }).format(date);
}

/** "January", "Январь": a month's name as a caption. */
function monthName(year: number, month: number): string {
  const name = format({ month: 'long' }, new Date(Date.UTC(year, month, 1)));
  return name.charAt(0).toLocaleUpperCase(locale()) + name.slice(1);
}

/** Monday to Sunday, short and in full. */
function weekdays(): { short: string; long: string }[] {
  // 1 January 2024 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const date = new Date(Date.UTC(2024, 0, 1 + i));
    return { short: format({ weekday: 'short' }, date), long: format({ weekday: 'long' }, date) };
  });
}

/** "1 January 2027" for "2027-01-01". */
export function longDate(ymd: string): string {
  const date = new Date(`${ymd}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return ymd;
  return format({ day: 'numeric', month: 'long', year: 'numeric' }, date);
}

/** What a day is, in words: "holiday", "working day moved from a weekend, 9 hours". */
export function dayWords(day: Omit<YearDay, 'date'>): string {
  const parts: string[] = [];
  if (day.kind === 'holiday') parts.push(t('calendar.kind.holiday'));
  else if (day.kind === 'weekend') parts.push(t('calendar.kind.weekend'));
  else parts.push(t(day.transferred ? 'calendar.kind.transferred' : 'calendar.kind.working'));
  if (day.short) parts.push(t('calendar.kind.short'));
  if (day.kind === 'working') parts.push(t('calendar.hours', { count: day.hours }));
  return parts.join(', ');
}

/** The classes of a day's cell (and of its legend swatch). */
function dayClasses(day: Omit<YearDay, 'date'>): string {
  const classes = ['day', `day-${day.kind}`];
  if (day.transferred) classes.push('day-transferred');
  if (day.short) classes.push('day-short');
  return classes.join(' ');
}

/** The signs of a day, for the eye only. */
function marks(day: Omit<YearDay, 'date'>): string {
  let text = '';
  if (day.kind === 'holiday') text += kMarks.holiday;
  if (day.transferred) text += kMarks.transferred;
  if (day.short) text += kMarks.short;
  return text;
}

function dayCell(day: YearDay | undefined, ymd: string, number: number): HTMLTableCellElement {
  if (!day) return h('td', { class: 'day day-unknown' }, String(number));
  const sign = marks(day);
  return h(
    'td',
    { class: dayClasses(day), dataset: { date: ymd } },
    h('span', { class: 'day-number', 'aria-hidden': 'true' }, String(number)),
    sign ? h('span', { class: 'day-mark', 'aria-hidden': 'true' }, sign) : null,
    h('span', { class: 'visually-hidden' }, `${longDate(ymd)}, ${dayWords(day)}`),
  );
}

function monthTable(
  year: number,
  month: number,
  byDate: Map<string, YearDay>,
  names: { short: string; long: string }[],
): HTMLTableElement {
  const first = new Date(Date.UTC(year, month, 1));
  const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const offset = (first.getUTCDay() + 6) % 7; // Monday first
  const rows: HTMLTableRowElement[] = [];
  let cells: HTMLTableCellElement[] = Array.from({ length: offset }, () =>
    h('td', { class: 'day-empty' }),
  );
  for (let d = 1; d <= length; d += 1) {
    const ymd = `${year}-${String(month + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    cells.push(dayCell(byDate.get(ymd), ymd, d));
    if (cells.length === 7) {
      rows.push(h('tr', null, cells));
      cells = [];
    }
  }
  if (cells.length) {
    while (cells.length < 7) cells.push(h('td', { class: 'day-empty' }));
    rows.push(h('tr', null, cells));
  }
  return h(
    'table',
    { class: 'month' },
    h('caption', null, monthName(year, month)),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        names.map((name) =>
          h(
            'th',
            { scope: 'col' },
            h('span', { 'aria-hidden': 'true' }, name.short),
            h('span', { class: 'visually-hidden' }, name.long),
          ),
        ),
      ),
    ),
    h('tbody', null, rows),
  );
}

/** The twelve months of `year`, drawn from `days`. */
export function yearGrid(year: number, days: YearDay[]): HTMLElement {
  const byDate = new Map(days.map((day) => [day.date, day]));
  const names = weekdays();
  return h(
    'div',
    { class: 'year-grid' },
    Array.from({ length: 12 }, (_, month) => monthTable(year, month, byDate, names)),
  );
}

const kLegend: { label: PlainKey; day: Omit<YearDay, 'date'> }[] = [
  {
    label: 'calendar.legend.working',
    day: { kind: 'working', transferred: false, short: false, hours: 0 },
  },
  {
    label: 'calendar.legend.weekend',
    day: { kind: 'weekend', transferred: false, short: false, hours: 0 },
  },
  {
    label: 'calendar.legend.holiday',
    day: { kind: 'holiday', transferred: false, short: false, hours: 0 },
  },
  {
    label: 'calendar.legend.transferred',
    day: { kind: 'working', transferred: true, short: false, hours: 0 },
  },
  {
    label: 'calendar.legend.short',
    day: { kind: 'working', transferred: false, short: true, hours: 0 },
  },
];

/** A small square coloured and signed like the day's cell, for the eye only. */
export function daySwatch(day: Omit<YearDay, 'date'>): HTMLElement {
  return h('span', { class: `${dayClasses(day)} day-swatch`, 'aria-hidden': 'true' }, marks(day));
}

/** What each colour and sign of the grid means. */
export function calendarLegend(): HTMLElement {
  return h(
    'ul',
    { class: 'calendar-legend', 'aria-label': t('calendar.legend') },
    kLegend.map(({ label, day }) => h('li', null, daySwatch(day), t(label))),
  );
}
