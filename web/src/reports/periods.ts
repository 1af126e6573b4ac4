// Days and periods of the reports. Days are calendar dates (YYYY-MM-DD)
// in the viewer's time zone; the reports group them into days, weeks named
// by their Monday, or months (YYYY-MM), and list only the periods that have
// tickets, so the charts fill in the empty ones themselves.
import { locale, t, timeZone } from '../i18n';
import type { Period } from './reports_api';

const kDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isDay(text: string | null | undefined): text is string {
  const match = kDay.exec(text ?? '');
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** Today in `zone`: the viewer's time zone unless another is named. */
export function today(zone: string = timeZone()): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date());
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The day `n` days after `day` (before it for a negative `n`). */
export function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** The Monday of the week `day` falls in. */
function monday(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 is Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * Every period of kind `period` that days `from` to `to` (both included)
 * touch, in order, named as the reports name them.
 */
export function periodsBetween(from: string, to: string, period: Period): string[] {
  const out: string[] = [];
  if (!isDay(from) || !isDay(to) || from > to) return out;
  if (period === 'month') {
    for (let month = from.slice(0, 7); month <= to.slice(0, 7);) {
      out.push(month);
      const [y = 0, m = 1] = month.split('-').map(Number);
      month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    }
    return out;
  }
  const step = period === 'week' ? 7 : 1;
  for (let day = period === 'week' ? monday(from) : from; day <= to; day = addDays(day, step)) {
    out.push(day);
  }
  return out;
}

/** The last day of period `name` of kind `period` (a day, a week's Sunday, a month's last). */
export function periodEnd(name: string, period: Period): string {
  if (period === 'day') return name;
  if (period === 'week') return addDays(name, 6);
  const [y = 0, m = 1] = name.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function format(day: string, options: Intl.DateTimeFormatOptions): string {
  const date = new Date(`${day.length === 7 ? `${day}-01` : day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale(), { ...options, timeZone: 'UTC' }).format(date);
}

/** A period in a few words, for a chart's axis: "7 Dec", "week of 30 Nov", "Dec 2026". */
export function periodShort(name: string, period: Period): string {
  if (period === 'month') return format(name, { month: 'short', year: 'numeric' });
  const day = format(name, { day: 'numeric', month: 'short' });
  return period === 'week' ? t('reports.weekOf', { day }) : day;
}

/** A period in full, for tables: "7 Dec 2026", "week of 30 Nov 2026", "December 2026". */
export function periodLong(name: string, period: Period): string {
  if (period === 'month') return format(name, { month: 'long', year: 'numeric' });
  const day = format(name, { day: 'numeric', month: 'short', year: 'numeric' });
  return period === 'week' ? t('reports.weekOf', { day }) : day;
}

/** A day in full: "7 Dec 2026". */
export function dayWords(day: string): string {
  return format(day, { day: 'numeric', month: 'short', year: 'numeric' });
}
