// Date and date-time entry in the user's own notation (18.12.2026 in
// Russian, 12/18/2026 or 18/12/2026 in English), whatever language the
// browser itself runs in. The field shows the expected pattern and, as one
// types, the date in words; it yields what the API takes: YYYY-MM-DD for a
// date, a UTC instant for a date and time entered in the user's time zone.
import { h } from '../dom';
import { locale, t, timeZone } from '../i18n';
import { formatCalendarDate, formatDate } from '../format';

type Part = 'day' | 'month' | 'year';

/** The order of day, month and year in the locale, and the mark between them. */
function notation(): { order: Part[]; separator: string } {
  const parts = new Intl.DateTimeFormat(locale(), {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  }).formatToParts(new Date(Date.UTC(2001, 10, 22)));
  const order = parts
    .map((p) => p.type)
    .filter((type): type is Part => type === 'day' || type === 'month' || type === 'year');
  const separator = parts.find((p) => p.type === 'literal')?.value.trim() || '.';
  return { order: order.length === 3 ? order : ['day', 'month', 'year'], separator };
}

/** "ДД.ММ.ГГГГ", "MM/DD/YYYY": the pattern shown as the placeholder. */
export function datePattern(withTime: boolean): string {
  const { order, separator } = notation();
  const words: Record<Part, string> = {
    day: t('date.dd'),
    month: t('date.mm'),
    year: t('date.yyyy'),
  };
  const date = order.map((p) => words[p]).join(separator);
  return withTime ? `${date} ${t('date.hhmm')}` : date;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Writes y-m-d (and h:m) in the locale's notation. */
function write(y: number, m: number, d: number, time?: [number, number]): string {
  const { order, separator } = notation();
  const values: Record<Part, string> = { day: pad(d), month: pad(m), year: String(y) };
  const date = order.map((p) => values[p]).join(separator);
  return time ? `${date} ${pad(time[0])}:${pad(time[1])}` : date;
}

/** The wall-clock fields of `instant` in `zone`. */
function wallClock(instant: Date, zone: string): number[] {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return [get('year'), get('month'), get('day'), get('hour'), get('minute'), get('second')];
}

/** The instant when the clocks of `zone` show y-m-d h:m (the first, around DST changes). */
export function zonedToUtc(
  y: number,
  m: number,
  d: number,
  hh: number,
  mm: number,
  zone: string,
): Date {
  const wanted = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wanted;
  for (let i = 0; i < 3; i += 1) {
    const [wy = 0, wm = 1, wd = 1, wh = 0, wmin = 0, ws = 0] = wallClock(new Date(guess), zone);
    const shown = Date.UTC(wy, wm - 1, wd, wh, wmin, ws);
    if (shown === wanted) break;
    guess += wanted - shown;
  }
  return new Date(guess);
}

/** A value from the API as the field shows it; "" for none or one it cannot read. */
function display(value: string, withTime: boolean): string {
  if (!value) return '';
  if (!withTime) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return match ? write(Number(match[1]), Number(match[2]), Number(match[3])) : value;
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  const [y = 0, m = 1, d = 1, hh = 0, mm = 0] = wallClock(instant, timeZone());
  return write(y, m, d, [hh, mm]);
}

export type DateReading = { value: string } | { error: string } | { empty: true };

/** Reads what was typed: the API's value, an error text, or empty. */
function read(text: string, withTime: boolean): DateReading {
  const trimmed = text.trim();
  if (!trimmed) return { empty: true };
  const bad = {
    error: t(withTime ? 'date.badDateTime' : 'date.badDate', { pattern: datePattern(withTime) }),
  };
  let y: number;
  let m: number;
  let d: number;
  let rest: string;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(.*)$/.exec(trimmed);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    rest = iso[4] ?? '';
  } else {
    const match = /^(\d{1,4})\D+(\d{1,2})\D+(\d{1,4})(.*)$/.exec(trimmed);
    if (!match) return bad;
    const { order } = notation();
    const values: Record<Part, number> = { day: 0, month: 0, year: 0 };
    order.forEach((part, i) => {
      values[part] = Number(match[i + 1]);
    });
    ({ day: d, month: m, year: y } = values);
    rest = match[4] ?? '';
  }
  if (y < 100) y += 2000;
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    return bad;
  }
  if (!withTime) return rest.trim() ? bad : { value: `${y}-${pad(m)}-${pad(d)}` };
  const time = /^[\sT,]*(\d{1,2})[:.](\d{2})\s*([ap]\.?m\.?)?\s*$/i.exec(rest);
  if (!time) return bad;
  let hh = Number(time[1]);
  const mm = Number(time[2]);
  const meridiem = (time[3] ?? '').toLowerCase();
  if (meridiem && (hh < 1 || hh > 12)) return bad;
  if (meridiem.startsWith('p') && hh < 12) hh += 12;
  if (meridiem.startsWith('a') && hh === 12) hh = 0;
  if (hh > 23 || mm > 59) return bad;
  return { value: zonedToUtc(y, m, d, hh, mm, timeZone()).toISOString().replace('.000Z', 'Z') };
}

export interface DateField {
  input: HTMLInputElement;
  /** The pattern and, once something is typed, the date in words. */
  hint: HTMLElement;
  read: () => DateReading;
}

/** A text field for a date (or a date and time) in the user's notation. */
export function dateInput(spec: { name: string; value?: string; withTime?: boolean }): DateField {
  const withTime = spec.withTime ?? false;
  const pattern = datePattern(withTime);
  const input = h('input', {
    type: 'text',
    name: spec.name,
    inputmode: withTime ? 'text' : 'numeric',
    autocomplete: 'off',
    placeholder: pattern,
    value: display(spec.value ?? '', withTime),
  });
  const words = h('span', { class: 'date-words' });
  const hint = h('span', null, t('date.format', { pattern }), ' ', words);
  const update = (): void => {
    const reading = read(input.value, withTime);
    if (!('value' in reading)) words.textContent = '';
    else if (withTime) words.textContent = `— ${formatDate(reading.value, 'medium')}`;
    else words.textContent = `— ${formatCalendarDate(reading.value)}`;
  };
  input.addEventListener('input', update);
  update();
  return { input, hint, read: () => read(input.value, withTime) };
}
