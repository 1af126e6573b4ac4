// #/reports/workload: each agent's share of the work over the tickets
// opened in the period (GET /api/v1/reports/workload): assigned to them
// now and still open, first responses they gave and their median time in
// working hours, and the public replies they wrote.
import { h } from '../dom';
import { t } from '../i18n';
import { chartCard, reportView, tableCard } from './report_page';
import type { Drawn } from './report_page';
import { scopeOf } from './report_filter';
import { count, reportTable } from './report_table';
import { hoursText } from './report_options';
import { reportCsvUrl, workloadReport } from './reports_api';
import type { WorkloadReport } from './reports_api';

type AgentRow = WorkloadReport['items'][number];

const agentName = (row: AgentRow): string => row.agent.name || row.agent.email;

function summary(rows: AgentRow[]): string {
  if (!rows.length) return t('reports.workload.none');
  const sum = (pick: (row: AgentRow) => number): number =>
    rows.reduce((a, row) => a + pick(row), 0);
  const busiest = [...rows].sort((a, b) => b.open - a.open)[0];
  return [
    t('reports.workload.summary', {
      count: rows.length,
      assigned: count(sum((row) => row.assigned)),
      open: count(sum((row) => row.open)),
      replies: count(sum((row) => row.replies)),
    }),
    busiest && busiest.open
      ? t('reports.workload.busiest', { name: agentName(busiest), open: count(busiest.open) })
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function draw(report: WorkloadReport): Drawn {
  const rows = report.items;
  const title = t('reports.workload.chart');
  const sum = (pick: (row: AgentRow) => number): string =>
    count(rows.reduce((a, row) => a + pick(row), 0));
  return {
    zone: report.time_zone,
    notes: [t('reports.hoursEach')],
    parts: [
      chartCard({
        title,
        summary: summary(rows),
        categories: rows.map(agentName),
        series: [
          { label: t('reports.workload.assigned'), values: rows.map((row) => row.assigned) },
          { label: t('reports.workload.open'), values: rows.map((row) => row.open) },
          {
            label: t('reports.workload.firstResponses'),
            values: rows.map((row) => row.first_responses),
          },
          { label: t('reports.workload.replies'), values: rows.map((row) => row.replies) },
        ],
        kind: 'grouped',
        format: count,
        integer: true,
      }),
      tableCard(
        reportTable<AgentRow>({
          caption: title,
          empty: t('reports.workload.none'),
          columns: [
            {
              label: t('reports.workload.agent'),
              cell: (row) => [agentName(row), h('span', { class: 'report-sub' }, row.agent.email)],
            },
            {
              label: t('reports.workload.assigned'),
              cell: (row) => count(row.assigned),
              numeric: true,
            },
            { label: t('reports.workload.open'), cell: (row) => count(row.open), numeric: true },
            {
              label: t('reports.workload.firstResponses'),
              cell: (row) => count(row.first_responses),
              numeric: true,
            },
            {
              label: t('reports.workload.median'),
              cell: (row) => hoursText(row.median_first_response_hours, row.first_responses),
              numeric: true,
            },
            {
              label: t('reports.workload.replies'),
              cell: (row) => count(row.replies),
              numeric: true,
            },
          ],
          rows,
          totals: [
            sum((row) => row.assigned),
            sum((row) => row.open),
            sum((row) => row.first_responses),
            '',
            sum((row) => row.replies),
          ],
        }),
      ),
    ],
  };
}

export const workloadView = reportView<WorkloadReport>({
  id: 'workload',
  title: () => t('reports.workload'),
  lead: () => t('reports.workload.lead'),
  read: (filter) => workloadReport(scopeOf(filter)),
  csv: (filter) => reportCsvUrl('/api/v1/reports/workload', { ...scopeOf(filter) }),
  draw,
});
