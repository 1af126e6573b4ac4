// #/reports/sla: first response and resolution per support level, agent
// or tier (GET /api/v1/reports/sla): how many, average, median, 90th
// percentile and longest time in working hours, met and missed, and the
// share within target, which the chart compares row by row. The note says
// in whose working hours the times count (`calendar` of the rows).
import { t } from '../i18n';
import type { Children } from '../dom';
import { chartCard, reportView, tableCard } from './report_page';
import type { Drawn } from './report_page';
import { scopeOf } from './report_filter';
import type { OptionSpec, ReportFilter } from './report_filter';
import { count, reportTable, share } from './report_table';
import type { ReportColumn } from './report_table';
import { choice, hoursNote, hoursText, keptSummary } from './report_options';
import type { Kept } from './report_options';
import { reportCsvUrl, slaReport } from './reports_api';
import type { DurationSummary, SlaBy, SlaReport, SlaRow } from './reports_api';

const kBy = ['level', 'agent', 'tier'] as const satisfies readonly SlaBy[];

function options(): OptionSpec[] {
  return [
    {
      name: 'by',
      label: t('reports.sla.by'),
      choices: kBy.map((by) => [by, t(`reports.sla.by.${by}`)]),
    },
  ];
}

/** A row's name: the server's label; tickets nobody answered when by agent. */
function rowLabel(row: SlaRow, by: SlaBy): string {
  if (row.label) return row.label;
  if (by === 'agent' && !row.key) return t('reports.sla.unanswered');
  return row.key || '—';
}

/** The share within target, or null when no target was met or missed. */
function within(summary: DurationSummary): number | null {
  return summary.met + summary.missed > 0 ? summary.within_target : null;
}

function sum(rows: SlaRow[], pick: (row: SlaRow) => DurationSummary): Kept {
  return {
    met: rows.reduce((total, row) => total + pick(row).met, 0),
    missed: rows.reduce((total, row) => total + pick(row).missed, 0),
  };
}

function summaryText(rows: SlaRow[]): string {
  if (!rows.length) return t('reports.sla.none');
  return keptSummary(
    sum(rows, (row) => row.first_response),
    sum(rows, (row) => row.resolution),
  );
}

/** The columns of one target's table: how many, the times, met, missed, within target. */
function targetColumns(
  by: SlaBy,
  pick: (row: SlaRow) => DurationSummary,
  counted: string,
  calendars: boolean,
): ReportColumn<SlaRow>[] {
  const hours = (value: (s: DurationSummary) => number) => (row: SlaRow) =>
    hoursText(value(pick(row)), pick(row).count);
  const columns: ReportColumn<SlaRow>[] = [
    { label: t(`reports.sla.by.${by}`), cell: (row) => rowLabel(row, by) },
    { label: t('reports.sla.tickets'), cell: (row) => count(row.tickets), numeric: true },
    { label: counted, cell: (row) => count(pick(row).count), numeric: true },
    { label: t('reports.sla.avg'), cell: hours((s) => s.avg_hours), numeric: true },
    { label: t('reports.sla.median'), cell: hours((s) => s.median_hours), numeric: true },
    { label: t('reports.sla.p90'), cell: hours((s) => s.p90_hours), numeric: true },
    { label: t('reports.sla.max'), cell: hours((s) => s.max_hours), numeric: true },
    { label: t('reports.met'), cell: (row) => count(pick(row).met), numeric: true },
    { label: t('reports.missed'), cell: (row) => count(pick(row).missed), numeric: true },
    {
      label: t('reports.withinTarget'),
      cell: (row) => {
        const value = within(pick(row));
        return value === null ? '—' : share(value);
      },
      numeric: true,
    },
  ];
  if (calendars) {
    columns.push({ label: t('reports.sla.calendar'), cell: (row) => row.calendar || '—' });
  }
  return columns;
}

function draw(report: SlaReport, filter: ReportFilter): Drawn {
  const by = choice(filter, 'by', kBy);
  const rows = report.items;
  const labels = rows.map((row) => rowLabel(row, by));
  const note = hoursNote(rows.map((row) => row.calendar));
  const mixed = new Set(rows.map((row) => row.calendar)).size > 1;
  const title = t(`reports.sla.chart.${by}`);
  const targets: { caption: string; pick: (row: SlaRow) => DurationSummary; counted: string }[] = [
    {
      caption: t('reports.sla.firstResponse'),
      pick: (row) => row.first_response,
      counted: t('reports.sla.answered'),
    },
    {
      caption: t('reports.sla.resolution'),
      pick: (row) => row.resolution,
      counted: t('reports.sla.resolved'),
    },
  ];
  const tables: Children[] = targets.map(({ caption, pick, counted }) =>
    tableCard(
      reportTable<SlaRow>({
        caption,
        empty: t('reports.sla.none'),
        columns: targetColumns(by, pick, counted, mixed),
        rows,
      }),
    ),
  );
  return {
    zone: report.time_zone,
    notes: rows.length ? [note] : [],
    parts: [
      chartCard({
        title,
        summary: summaryText(rows),
        categories: labels,
        series: [
          {
            label: t('reports.sla.firstResponse'),
            values: rows.map((row) => within(row.first_response)),
          },
          { label: t('reports.sla.resolution'), values: rows.map((row) => within(row.resolution)) },
        ],
        kind: 'grouped',
        format: share,
        max: 1,
      }),
      tables,
    ],
  };
}

export const slaView = reportView<SlaReport>({
  id: 'sla',
  title: () => t('reports.sla'),
  lead: () => t('reports.sla.lead'),
  options,
  read: (filter) => slaReport(scopeOf(filter), choice(filter, 'by', kBy)),
  csv: (filter) =>
    reportCsvUrl('/api/v1/reports/sla', { ...scopeOf(filter), by: choice(filter, 'by', kBy) }),
  draw,
});
