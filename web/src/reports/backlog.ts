// #/reports/backlog: the tickets new, open or waiting for the customer at
// the end of each day (GET /api/v1/reports/backlog), by status, tier or
// group, as stacked bars per day, week or month (a week or month shows its
// last counted day) and the table beneath. The server counts a day once it
// has ended in the installation's time zone, and today as the tickets are
// now. Days before the first it counted (`history_from`) and days to come
// have no count: the chart shades them and the table leaves them out, so
// that none reads as zero.
import { statusLabel } from '../format';
import { t } from '../i18n';
import { dayWords, periodEnd, periodLong, periodShort, periodsBetween, today } from './periods';
import { chartCard, reportView, tableCard } from './report_page';
import type { Drawn } from './report_page';
import { scopeOf } from './report_filter';
import type { OptionSpec, ReportFilter } from './report_filter';
import { count, reportTable } from './report_table';
import type { ReportColumn } from './report_table';
import { choice, kPeriods, periodOption } from './report_options';
import { backlogReport, reportCsvUrl } from './reports_api';
import type { BacklogBy, BacklogReport, Period } from './reports_api';

const kBy = ['status', 'tier', 'group'] as const satisfies readonly BacklogBy[];

/** The statuses the backlog counts, in the order a ticket meets them. */
const kStatuses = ['new', 'open', 'pending'];

/** A period of the range and the day it was counted at; null when it has no count. */
interface Slot {
  name: string;
  day: string | null;
}

function options(): OptionSpec[] {
  return [
    periodOption(),
    {
      name: 'by',
      label: t('reports.backlog.by'),
      choices: kBy.map((by) => [by, t(`reports.backlog.by.${by}`)]),
    },
  ];
}

/** A key as words: the app's own for statuses, the server's label for tiers and groups. */
function keyLabel(key: string, label: string, by: BacklogBy): string {
  if (by === 'status') return statusLabel(key);
  if (by === 'tier') return label || t('reports.tiers.tier', { tier: key });
  if (!key) return t('reports.backlog.noGroup');
  return label || t('common.groupN', { id: key });
}

/**
 * The keys in the order of their series: every status as a ticket meets
 * them (so each keeps its colour), tiers upwards, groups largest first.
 */
function keysOf(report: BacklogReport, by: BacklogBy): string[] {
  const totals = new Map<string, number>();
  for (const item of report.items) {
    totals.set(item.key, (totals.get(item.key) ?? 0) + item.tickets);
  }
  const keys = [...totals.keys()];
  if (by === 'status') return [...kStatuses, ...keys.filter((key) => !kStatuses.includes(key))];
  if (by === 'tier') return keys.sort((a, b) => Number(a) - Number(b));
  return keys.sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || a.localeCompare(b));
}

/**
 * The day each period of the range was counted at: the one the answer
 * names, else the period's last day within the range and up to today when
 * that day has been counted (from `history_from` on; today always is).
 */
function slotsOf(report: BacklogReport, filter: ReportFilter, period: Period, now: string): Slot[] {
  const first = report.history_from ?? now;
  const named = new Map(report.items.map((item) => [item.period, item.day]));
  return periodsBetween(filter.from, filter.to, period).map((name) => {
    const last = [periodEnd(name, period), filter.to, now].sort()[0] ?? name;
    const day = named.get(name) ?? last;
    return { name, day: day >= name && day >= first && day <= now ? day : null };
  });
}

/**
 * When counting began, for the line under the filter: not yet (no
 * `history_from`), or on a day after the first of the range.
 */
function historyNote(report: BacklogReport, filter: ReportFilter): string | null {
  if (!report.history_from) return t('reports.backlog.notYet', { zone: report.time_zone });
  if (filter.from < report.history_from) {
    return t('reports.backlog.since', { day: dayWords(report.history_from) });
  }
  return null;
}

/** The same in short for the chart's caption, when some of its periods have no count. */
function historyShort(report: BacklogReport, filter: ReportFilter, slots: Slot[]): string | null {
  if (!slots.some((slot) => !slot.day)) return null;
  if (!report.history_from) return t('reports.backlog.onlyToday');
  if (filter.from < report.history_from) {
    return t('reports.backlog.before', { day: dayWords(report.history_from) });
  }
  return null;
}

/** What the page shows, tallied: the keys and their words, the periods and each count. */
interface Tally {
  keys: string[];
  labels: string[];
  slots: Slot[];
  value: (name: string, key: string) => number;
  total: (name: string) => number;
}

function tally(report: BacklogReport, filter: ReportFilter, now: string): Tally {
  const by: BacklogBy = choice(filter, 'by', kBy);
  const cells = new Map<string, number>();
  const named = new Map<string, string>();
  for (const item of report.items) {
    cells.set(`${item.period}\n${item.key}`, item.tickets);
    named.set(item.key, item.label);
  }
  const keys = keysOf(report, by);
  const value = (name: string, key: string): number => cells.get(`${name}\n${key}`) ?? 0;
  return {
    keys,
    labels: keys.map((key) => keyLabel(key, named.get(key) ?? '', by)),
    slots: slotsOf(report, filter, choice(filter, 'period', kPeriods), now),
    value,
    total: (name) => keys.reduce((sum, key) => sum + value(name, key), 0),
  };
}

/** The chart's caption: the last counted day's backlog by key, the largest, and what has no count. */
function summary(tallied: Tally, now: string, uncounted: string | null): string {
  const { keys, labels, value, total } = tallied;
  const counted = tallied.slots.filter((slot): slot is { name: string; day: string } => !!slot.day);
  const last = counted[counted.length - 1];
  if (!last) return [t('reports.backlog.none'), uncounted].filter(Boolean).join(' ');
  const words = [
    t(last.day === now ? 'reports.backlog.summaryNow' : 'reports.backlog.summary', {
      count: total(last.name),
      day: dayWords(last.day),
    }),
  ];
  if (keys.length > 1) {
    const each = labels.map((label, i) => `${label}: ${count(value(last.name, keys[i] ?? ''))}`);
    words.push(`${each.join(', ')}.`);
  }
  const most = [...counted].sort((a, b) => total(b.name) - total(a.name))[0];
  if (most && total(most.name) > total(last.name)) {
    words.push(t('reports.backlog.most', { count: total(most.name), day: dayWords(most.day) }));
  }
  if (uncounted) words.push(uncounted);
  return words.join(' ');
}

/**
 * The counted periods, one row each with the day counted (for weeks and
 * months), a column per key and their total. A backlog is a count at a
 * moment, so its days add up to nothing: there is no totals row.
 */
function backlogTable(tallied: Tally, period: Period, caption: string): HTMLElement {
  const { keys, labels, value, total } = tallied;
  const columns: ReportColumn<Slot>[] = [
    { label: t('reports.period'), cell: (slot) => periodLong(slot.name, period), nowrap: true },
  ];
  if (period !== 'day') {
    columns.push({
      label: t('reports.backlog.day'),
      cell: (slot) => dayWords(slot.day ?? ''),
      nowrap: true,
    });
  }
  keys.forEach((key, i) => {
    columns.push({
      label: labels[i] ?? key,
      cell: (slot) => count(value(slot.name, key)),
      numeric: true,
    });
  });
  if (keys.length > 1) {
    columns.push({
      label: t('reports.total'),
      cell: (slot) => count(total(slot.name)),
      numeric: true,
    });
  }
  return reportTable<Slot>({
    caption,
    empty: t('reports.backlog.none'),
    columns,
    rows: tallied.slots.filter((slot) => slot.day),
  });
}

function draw(report: BacklogReport, filter: ReportFilter): Drawn {
  const period: Period = choice(filter, 'period', kPeriods);
  const now = today(report.time_zone);
  const tallied = tally(report, filter, now);
  const title = t(`reports.backlog.chart.${period}`);
  const note = historyNote(report, filter);
  return {
    zone: report.time_zone,
    notes: [t('reports.backlog.counted', { zone: report.time_zone }), ...(note ? [note] : [])],
    parts: [
      chartCard({
        title,
        summary: summary(tallied, now, historyShort(report, filter, tallied.slots)),
        categories: tallied.slots.map((slot) => periodShort(slot.name, period)),
        series: tallied.keys.map((key, i) => ({
          label: tallied.labels[i] ?? key,
          values: tallied.slots.map((slot) => (slot.day ? tallied.value(slot.name, key) : null)),
        })),
        kind: 'stacked',
        format: count,
        integer: true,
        missing: t('reports.backlog.noCount'),
      }),
      tableCard(backlogTable(tallied, period, title)),
    ],
  };
}

export const backlogView = reportView<BacklogReport>({
  id: 'backlog',
  title: () => t('reports.backlog'),
  lead: () => t('reports.backlog.lead'),
  options,
  read: (filter) =>
    backlogReport(scopeOf(filter), choice(filter, 'period', kPeriods), choice(filter, 'by', kBy)),
  csv: (filter) =>
    reportCsvUrl('/api/v1/reports/backlog', {
      ...scopeOf(filter),
      period: choice(filter, 'period', kPeriods),
      by: choice(filter, 'by', kBy),
    }),
  draw,
});
