// How values read on screen: dates and times in the user's language and time
// zone, working-time durations, and the labels of statuses, criticalities,
// roles, support levels and channels.
import { formatNumber, locale, t, timeZone } from './i18n';
import type { PlainKey } from './i18n';
import type { Criticality, Role, Status } from './api/types';

type DateStyle = 'medium' | 'short' | 'time' | 'deadline' | 'date' | 'full-date' | 'day';

const kDateStyles: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  medium: { dateStyle: 'medium', timeStyle: 'short' },
  short: { dateStyle: 'short', timeStyle: 'short' },
  time: { timeStyle: 'short' },
  /** "Mon 7 Dec, 12:11": short enough for a table, with the weekday. */
  deadline: {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  },
  date: { dateStyle: 'medium' },
  'full-date': { dateStyle: 'full' },
  /** A day's key, to tell whether two instants fall on one day in the zone. */
  day: { year: 'numeric', month: '2-digit', day: '2-digit' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: DateStyle, zone = timeZone()): Intl.DateTimeFormat {
  const key = `${locale()}|${zone}|${style}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale(), { ...kDateStyles[style], timeZone: zone });
    formatters.set(key, format);
  }
  return format;
}

/** `value` (an ISO 8601 instant or a Date) in the user's language and zone; "" when invalid. */
export function formatDate(value: string | Date, style: DateStyle = 'medium'): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return typeof value === 'string' ? value : '';
  return formatter(style).format(date);
}

/** A calendar date (YYYY-MM-DD, no time or zone) in words: "Tuesday, 8 December 2026". */
export function formatCalendarDate(ymd: string, style: 'date' | 'full-date' = 'full-date'): string {
  const date = new Date(`${ymd}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? ymd : formatter(style, 'UTC').format(date);
}

/** True when `a` and `b` fall on the same day in the user's zone. */
export function sameDay(a: Date, b: Date): boolean {
  return formatter('day').format(a) === formatter('day').format(b);
}

/**
 * A <time> element: date and time in the user's zone, the UTC instant in its
 * title. `compact` shows only the time for today and a short date otherwise.
 */
export function timeElement(
  iso: string,
  options: { compact?: boolean; style?: DateStyle } = {},
): HTMLTimeElement {
  const el = document.createElement('time');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    el.textContent = iso;
    return el;
  }
  el.dateTime = date.toISOString();
  el.title = `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  const today = sameDay(date, new Date());
  const style =
    options.compact && today ? 'time' : (options.style ?? (options.compact ? 'short' : 'medium'));
  el.textContent = formatDate(date, style);
  return el;
}

/**
 * A span of working time as hours and minutes ("3 h 20 min", "3 ч 20 мин");
 * the sign is ignored. Working hours are not turned into days, whose length
 * depends on the calendar.
 */
export function formatDuration(seconds: number): string {
  const total = Math.floor(Math.abs(seconds) / 60);
  if (total < 1) return t('duration.underMinute');
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (!hours) return t('duration.minutes', { m: minutes });
  if (!minutes) return t('duration.hours', { h: hours });
  return t('duration.hoursMinutes', { h: hours, m: minutes });
}

// Typed by the document's enums, so a status, criticality or role added
// there fails to compile until it has a label here.
const kStatusKeys: Record<Status, PlainKey> = {
  new: 'status.new',
  open: 'status.open',
  pending: 'status.pending',
  resolved: 'status.resolved',
  closed: 'status.closed',
};

const kCriticalityKeys: Record<Criticality, PlainKey> = {
  low: 'criticality.low',
  normal: 'criticality.normal',
  high: 'criticality.high',
  critical: 'criticality.critical',
};

const kRoleKeys: Record<Role, PlainKey> = {
  customer: 'role.customer',
  l1_operator: 'role.l1_operator',
  incident_manager: 'role.incident_manager',
  tester: 'role.tester',
  it_operator: 'role.it_operator',
  developer: 'role.developer',
  rfc_board: 'role.rfc_board',
  integrator: 'role.integrator',
  administrator: 'role.administrator',
};

/** Every status, in the order filters and pickers list them. */
export const kStatuses = Object.keys(kStatusKeys) as Status[];
/** Every criticality, lowest first. */
export const kCriticalities = Object.keys(kCriticalityKeys) as Criticality[];

export function isStatus(id: string): id is Status {
  return Object.hasOwn(kStatusKeys, id);
}

export function isCriticality(id: string): id is Criticality {
  return Object.hasOwn(kCriticalityKeys, id);
}

const kChannelKeys: Record<string, PlainKey> = {
  web: 'channel.web',
  email: 'channel.email',
  phone: 'channel.phone',
  api: 'channel.api',
  chat: 'channel.chat',
};

/** "some_id" as words: "Some id". For ids the server learnt after this build. */
export function humanize(id: string): string {
  return id.replace(/[_-]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** The label of `id` in `table`; an unknown id reads as its words. */
function labelFrom(table: Readonly<Record<string, PlainKey>>, id: string): string {
  if (!id) return '—';
  const key = table[id];
  return key ? t(key) : humanize(id);
}

/**
 * A status as the viewer reads it; `customer` words "pending" as waiting for
 * their reply.
 */
export function statusLabel(id: string, options: { customer?: boolean } = {}): string {
  if (id === 'pending' && options.customer) return t('status.pendingForYou');
  return labelFrom(kStatusKeys, id);
}
export const criticalityLabel = (id: string): string => labelFrom(kCriticalityKeys, id);
export const roleLabel = (id: string): string => labelFrom(kRoleKeys, id);
export const channelLabel = (id: string): string => labelFrom(kChannelKeys, id);

/** "1.4 MB" style size, in the language's units and decimal mark. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return t('size.bytes', { n: bytes });
  const units = ['size.kb', 'size.mb', 'size.gb'] as const;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = value < 10 ? 1 : 0;
  return t(units[unit] ?? 'size.gb', {
    n: formatNumber(value, { maximumFractionDigits: digits, minimumFractionDigits: digits }),
  });
}

/** "#1042" */
export function ticketNumber(ticket: { number: number }): string {
  return `#${ticket.number}`;
}
