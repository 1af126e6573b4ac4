// #/reports/compliance: the share of first responses and resolutions on
// time per day, week or month (GET /api/v1/reports/compliance) as two
// lines, with a point where a target was due; the table of met and missed per
// period; and beneath, the missed targets themselves
// (GET /api/v1/reports/breaches), newest first, 50 at a time with "Load
// more", each linking to its ticket, with a CSV of their own.
import { h } from '../dom';
import { formatDuration, timeElement } from '../format';
import { t } from '../i18n';
import { levels } from '../directory';
import { levelName } from '../levels';
import { pagedTable } from '../admin/paged_table';
import type { Column } from '../admin/paged_table';
import { showBanner } from '../ui/banner';
import { ApiError } from '../api';
import type { LevelTerms } from '../api/types';
import { periodLong, periodShort, periodsBetween } from './periods';
import { chartCard, reportView, tableCard } from './report_page';
import type { Drawn } from './report_page';
import { scopeOf } from './report_filter';
import type { OptionSpec, ReportFilter } from './report_filter';
import { count, reportTable, share, shareOf } from './report_table';
import type { ReportColumn } from './report_table';
import { choice, keptSummary, kPeriods, periodOption, ticketLink } from './report_options';
import { titledCard } from '../admin/admin_frame';
import { breachPage, complianceReport, reportCsvUrl } from './reports_api';
import type { Breach, BreachTarget, ComplianceReport, ComplianceRow } from './reports_api';

const kTargets = ['any', 'first_response', 'resolution'] as const satisfies readonly BreachTarget[];

interface Compliance {
  report: ComplianceReport;
  levels: LevelTerms[];
}

function options(): OptionSpec[] {
  return [
    periodOption(),
    {
      name: 'target',
      label: t('reports.breaches.target'),
      choices: kTargets.map((target) => [target, t(`reports.breaches.target.${target}`)]),
    },
  ];
}

type Kept = ComplianceRow['first_response'];

/** The share on time, or null when nothing was due. */
const onTime = (kept: Kept | undefined): number | null =>
  kept && kept.met + kept.missed > 0 ? kept.within_target : null;

function totalOf(rows: ComplianceRow[], pick: (row: ComplianceRow) => Kept): Kept {
  const met = rows.reduce((sum, row) => sum + pick(row).met, 0);
  const missed = rows.reduce((sum, row) => sum + pick(row).missed, 0);
  return { met, missed, within_target: met + missed ? met / (met + missed) : 0 };
}

/** What the chart shows, in words: the share on time of each target over the whole range. */
export function complianceSummary(rows: ComplianceRow[]): string {
  if (!rows.length) return t('reports.compliance.none');
  return keptSummary(
    totalOf(rows, (row) => row.first_response),
    totalOf(rows, (row) => row.resolution),
  );
}

/** Met, missed and the share on time of one target, under its name. */
function keptColumns(
  group: string,
  pick: (row: ComplianceRow) => Kept,
): ReportColumn<ComplianceRow>[] {
  return [
    { group, label: t('reports.met'), cell: (row) => count(pick(row).met), numeric: true },
    { group, label: t('reports.missed'), cell: (row) => count(pick(row).missed), numeric: true },
    {
      group,
      label: t('reports.withinTarget'),
      cell: (row) => {
        const value = onTime(pick(row));
        return value === null ? '—' : share(value);
      },
      numeric: true,
    },
  ];
}

function complianceTable(
  rows: ComplianceRow[],
  filter: ReportFilter,
  caption: string,
): HTMLElement {
  const period = choice(filter, 'period', kPeriods);
  const first = totalOf(rows, (row) => row.first_response);
  const resolved = totalOf(rows, (row) => row.resolution);
  const totals = (kept: Kept): string[] => [
    count(kept.met),
    count(kept.missed),
    shareOf(kept.met, kept.met + kept.missed),
  ];
  return reportTable<ComplianceRow>({
    caption,
    empty: t('reports.compliance.none'),
    columns: [
      { label: t('reports.period'), cell: (row) => periodLong(row.period, period), nowrap: true },
      { label: t('reports.sla.tickets'), cell: (row) => count(row.tickets), numeric: true },
      ...keptColumns(t('reports.sla.firstResponse'), (row) => row.first_response),
      ...keptColumns(t('reports.sla.resolution'), (row) => row.resolution),
    ],
    rows,
    totals: [
      count(rows.reduce((sum, row) => sum + row.tickets, 0)),
      ...totals(first),
      ...totals(resolved),
    ],
  });
}

function breachColumns(all: LevelTerms[]): Column<Breach>[] {
  return [
    { label: t('reports.breaches.ticket'), cell: (b) => ticketLink(b.ticket) },
    {
      label: t('reports.breaches.targetCol'),
      cell: (b) => t(`reports.breaches.target.${b.target}`),
    },
    { label: t('reports.breaches.level'), cell: (b) => levelName(b.level, all) },
    { label: t('reports.breaches.due'), cell: (b) => timeElement(b.due) },
    {
      label: t('reports.breaches.done'),
      cell: (b) => (b.done_at ? timeElement(b.done_at) : t('reports.breaches.notYet')),
    },
    {
      label: t('reports.breaches.late'),
      cell: (b) => formatDuration(Math.round(b.late_hours * 3600)),
    },
  ];
}

/** The card of the missed targets: a CSV link and the paged table. */
function breachesCard(
  filter: ReportFilter,
  all: LevelTerms[],
): { card: HTMLElement; load: () => Promise<void> } {
  const target = choice(filter, 'target', kTargets);
  const scope = scopeOf(filter);
  const list = pagedTable<Breach>({
    caption: t('reports.breaches.caption'),
    columns: breachColumns(all),
    read: (cursor) => breachPage(scope, target, cursor),
    empty: t('reports.breaches.none'),
    count: (shown, more) =>
      t(more ? 'reports.breaches.shownMore' : 'reports.breaches.shown', { count: shown }),
    onError: (error) => showBanner(error instanceof ApiError ? error.detail : t('error.generic')),
    className: 'breach-table',
  });
  const csv = h(
    'a',
    {
      class: 'button small',
      download: 'breaches.csv',
      href: reportCsvUrl('/api/v1/reports/breaches', { ...scope, target }),
    },
    t('reports.breaches.csv'),
  );
  const card = titledCard(t('reports.breaches.title'), [
    h(
      'div',
      { class: 'report-card-action' },
      h('p', { class: 'muted' }, t('reports.breaches.lead')),
      csv,
    ),
    list.element,
  ]);
  return { card, load: list.load };
}

function draw(data: Compliance, filter: ReportFilter): Drawn {
  const period = choice(filter, 'period', kPeriods);
  const rows = data.report.items;
  const byPeriod = new Map(rows.map((row) => [row.period, row]));
  const all = periodsBetween(filter.from, filter.to, period);
  const title = t(`reports.compliance.chart.${period}`);
  const breaches = breachesCard(filter, data.levels);
  return {
    zone: data.report.time_zone,
    parts: [
      chartCard({
        title,
        summary: complianceSummary(rows),
        categories: all.map((name) => periodShort(name, period)),
        series: [
          {
            label: t('reports.sla.firstResponse'),
            values: all.map((name) => onTime(byPeriod.get(name)?.first_response)),
          },
          {
            label: t('reports.sla.resolution'),
            values: all.map((name) => onTime(byPeriod.get(name)?.resolution)),
          },
        ],
        kind: 'line',
        format: share,
        max: 1,
      }),
      tableCard(complianceTable(rows, filter, title)),
      breaches.card,
    ],
    after: breaches.load,
  };
}

export const complianceView = reportView<Compliance>({
  id: 'compliance',
  title: () => t('reports.compliance'),
  lead: () => t('reports.compliance.lead'),
  options,
  read: async (filter) => {
    const [report, levelList] = await Promise.all([
      complianceReport(scopeOf(filter), choice(filter, 'period', kPeriods)),
      levels(),
    ]);
    return { report, levels: levelList };
  },
  csv: (filter) =>
    reportCsvUrl('/api/v1/reports/compliance', {
      ...scopeOf(filter),
      period: choice(filter, 'period', kPeriods),
    }),
  draw,
});
