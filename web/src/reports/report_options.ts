// Small pieces several report pages use: reading one of the page's own
// choices, the period choice, hours in words, the note on whose working
// hours count, and a link to a ticket a report names.
import { h } from '../dom';
import { formatDuration } from '../format';
import { t } from '../i18n';
import { calendarWords } from '../levels';
import { href } from '../router';
import type { OptionSpec, ReportFilter } from './report_filter';
import { count, share } from './report_table';
import type { Period, ReportTicket } from './reports_api';

export const kPeriods = ['day', 'week', 'month'] as const satisfies readonly Period[];

/** The choice `name` of `filter` when it is one of `values`; the first of them otherwise. */
export function choice<T extends string>(
  filter: ReportFilter,
  name: string,
  values: readonly [T, ...T[]],
): T {
  const value = filter.options[name];
  return values.find((known) => known === value) ?? values[0];
}

/** The "Per" choice: day, week (from Monday) or month. */
export function periodOption(): OptionSpec {
  return {
    name: 'period',
    label: t('reports.periodChoice'),
    choices: kPeriods.map((period) => [period, t(`reports.per.${period}`)]),
  };
}

/**
 * Working hours in words ("3 h 20 min"); a dash when nothing was counted
 * (`counted` is 0), so that "none" never reads as "under a minute".
 */
export function hoursText(hours: number, counted: number): string {
  if (!counted) return '—';
  return formatDuration(Math.round(hours * 3600));
}

/**
 * How the hours of a report count: in the one calendar all rows name, or in
 * each ticket's own calendar when they differ or none is named.
 */
export function hoursNote(calendars: string[]): string {
  const named = [...new Set(calendars.filter(Boolean))];
  const [only] = named;
  if (named.length === 1 && only && calendars.every((calendar) => calendar === only)) {
    return t('reports.hoursIn', { calendar: only, words: calendarWords(only) });
  }
  return t('reports.hoursEach');
}

/** "#1042 Printer on fire", linking to the ticket. */
export function ticketLink(ticket: ReportTicket): HTMLAnchorElement {
  return h('a', { href: href(`/tickets/${ticket.id}`) }, `#${ticket.number} ${ticket.subject}`);
}

/** Met and missed targets of one kind, added up. */
export interface Kept {
  met: number;
  missed: number;
}

/**
 * "First responses within target: 87.5 % (7 of 8). Resolutions within
 * target: …", or that none was judged yet.
 */
export function keptSummary(first: Kept, resolution: Kept): string {
  const part = (kept: Kept, some: 'reports.firstKept' | 'reports.resolutionKept'): string => {
    const all = kept.met + kept.missed;
    if (!all)
      return t(some === 'reports.firstKept' ? 'reports.firstNone' : 'reports.resolutionNone');
    return t(some, { share: share(kept.met / all), met: count(kept.met), all: count(all) });
  };
  return `${part(first, 'reports.firstKept')} ${part(resolution, 'reports.resolutionKept')}`;
}
