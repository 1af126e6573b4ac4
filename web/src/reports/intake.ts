// #/reports/intake: tickets opened per day, week or month
// (GET /api/v1/reports/intake), stacked by channel, category, support level
// or L1 class, or in one bar. The keys read as the server labels them in
// the viewer's language (channels in the app's own words). The chart fills
// in the periods without tickets, which the report leaves out; the table
// lists the periods that have some, one column per key, with the totals.
import { channelLabel } from '../format';
import { t } from '../i18n';
import { periodLong, periodShort, periodsBetween, dayWords } from './periods';
import { chartCard, reportView, tableCard } from './report_page';
import type { Drawn } from './report_page';
import { scopeOf } from './report_filter';
import type { OptionSpec, ReportFilter } from './report_filter';
import { count, reportTable } from './report_table';
import { intakeReport, reportCsvUrl } from './reports_api';
import type { IntakeBy, IntakeReport, Period } from './reports_api';
import { choice, kPeriods, periodOption } from './report_options';

const kBy = [
  'none',
  'channel',
  'category',
  'level',
  'l1_class',
] as const satisfies readonly IntakeBy[];

function options(): OptionSpec[] {
  return [
    periodOption(),
    {
      name: 'by',
      label: t('reports.intake.by'),
      choices: kBy.map((by) => [by, t(`reports.intake.by.${by}`)]),
    },
  ];
}

/**
 * A key of the report as words: the server's label of a category, level or
 * L1 class (the key itself when it has none), a channel in the app's words.
 */
function keyLabel(key: string, label: string, by: IntakeBy): string {
  if (by === 'none') return t('reports.intake.tickets');
  if (!key) return t(by === 'l1_class' ? 'reports.intake.unclassified' : 'reports.intake.noKey');
  if (by === 'channel') return channelLabel(key);
  return label || key;
}

/**
 * The keys by their totals, largest first, with their labels, and the count
 * of each period and key.
 */
function tally(report: IntakeReport): {
  keys: string[];
  labels: Map<string, string>;
  cells: Map<string, number>;
} {
  const totals = new Map<string, number>();
  const labels = new Map<string, string>();
  const cells = new Map<string, number>();
  for (const item of report.items) {
    totals.set(item.key, (totals.get(item.key) ?? 0) + item.tickets);
    labels.set(item.key, item.label);
    cells.set(`${item.period}\n${item.key}`, item.tickets);
  }
  const keys = [...totals].sort((a, b) => b[1] - a[1]).map(([key]) => key);
  return { keys, labels, cells };
}

function summary(
  report: IntakeReport,
  filter: ReportFilter,
  labels: string[],
  totals: number[],
): string {
  const period = choice(filter, 'period', kPeriods);
  const total = totals.reduce((a, b) => a + b, 0);
  const words = [
    t('reports.intake.summary', {
      count: total,
      from: dayWords(filter.from),
      to: dayWords(filter.to),
    }),
  ];
  if (labels.length > 1) {
    words.push(`${labels.map((label, i) => `${label}: ${count(totals[i] ?? 0)}`).join(', ')}.`);
  }
  const perPeriod = new Map<string, number>();
  for (const item of report.items) {
    perPeriod.set(item.period, (perPeriod.get(item.period) ?? 0) + item.tickets);
  }
  const peak = [...perPeriod].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (peak) {
    words.push(t('reports.intake.peak', { count: peak[1], period: periodLong(peak[0], period) }));
  }
  return words.join(' ');
}

function draw(report: IntakeReport, filter: ReportFilter): Drawn {
  const period: Period = choice(filter, 'period', kPeriods);
  const by: IntakeBy = choice(filter, 'by', kBy);
  const tallied = tally(report);
  const { keys, cells } = tallied;
  const labels = keys.map((key) => keyLabel(key, tallied.labels.get(key) ?? '', by));
  const all = periodsBetween(filter.from, filter.to, period);
  const value = (name: string, key: string): number => cells.get(`${name}\n${key}`) ?? 0;
  const totals = keys.map((key) => all.reduce((sum, name) => sum + value(name, key), 0));
  const title = t(`reports.intake.chart.${period}`);
  const listed = [...new Set(report.items.map((item) => item.period))].sort();
  const several = keys.length > 1;
  const table = reportTable<string>({
    caption: title,
    empty: t('reports.intake.none'),
    columns: [
      { label: t('reports.period'), cell: (name) => periodLong(name, period), nowrap: true },
      ...keys.map((key, i) => ({
        label: labels[i] ?? key,
        cell: (name: string) => count(value(name, key)),
        numeric: true,
      })),
      ...(several
        ? [
            {
              label: t('reports.total'),
              cell: (name: string) => count(keys.reduce((sum, key) => sum + value(name, key), 0)),
              numeric: true,
            },
          ]
        : []),
    ],
    rows: listed,
    totals: [...totals.map(count), ...(several ? [count(totals.reduce((a, b) => a + b, 0))] : [])],
  });
  return {
    zone: report.time_zone,
    parts: [
      chartCard({
        title,
        summary: summary(report, filter, labels, totals),
        categories: all.map((name) => periodShort(name, period)),
        series: keys.map((key, i) => ({
          label: labels[i] ?? key,
          values: all.map((name) => value(name, key)),
        })),
        kind: 'stacked',
        format: count,
        integer: true,
      }),
      tableCard(table),
    ],
  };
}

export const intakeView = reportView<IntakeReport>({
  id: 'intake',
  title: () => t('reports.intake'),
  lead: () => t('reports.intake.lead'),
  options,
  read: (filter) =>
    intakeReport(scopeOf(filter), choice(filter, 'period', kPeriods), choice(filter, 'by', kBy)),
  csv: (filter) =>
    reportCsvUrl('/api/v1/reports/intake', {
      ...scopeOf(filter),
      period: choice(filter, 'period', kPeriods),
      by: choice(filter, 'by', kBy),
    }),
  draw,
});
