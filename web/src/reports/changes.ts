// #/reports/changes: the requests for change that reached the RfC board,
// by the board's last decision (approved, rejected, or not decided yet)
// and the state each is in now, named by the server in the reader's
// language (GET /api/v1/reports/changes).
import { h } from '../dom';
import { humanize } from '../format';
import { t } from '../i18n';
import { chartCard, reportView, tableCard } from './report_page';
import type { Drawn } from './report_page';
import { scopeOf } from './report_filter';
import { count, reportTable, shareOf } from './report_table';
import { changesReport, reportCsvUrl } from './reports_api';
import type { ChangesReport } from './reports_api';

type ChangeRow = ChangesReport['items'][number];
type Decision = ChangeRow['decision'];

const kDecisions = ['approved', 'rejected', 'pending'] as const satisfies readonly Decision[];

const decisionLabel = (decision: Decision): string => t(`reports.changes.${decision}`);

function draw(report: ChangesReport): Drawn {
  const title = t('reports.changes.chart');
  const totals = kDecisions.map((decision) => report[decision]);
  const summary = report.tickets
    ? t('reports.changes.summary', {
        count: report.tickets,
        approved: count(report.approved),
        rejected: count(report.rejected),
        pending: count(report.pending),
      })
    : t('reports.changes.none');
  const decided = report.approved + report.rejected;
  return {
    zone: report.time_zone,
    parts: [
      h(
        'p',
        { class: 'report-figure' },
        h('span', { class: 'report-figure-value' }, shareOf(report.approved, decided)),
        ' ',
        t('reports.changes.approvedShare', { approved: count(report.approved), count: decided }),
      ),
      chartCard({
        title,
        summary,
        categories: kDecisions.map(decisionLabel),
        series: [{ label: t('reports.changes.requests'), values: totals }],
        kind: 'grouped',
        format: count,
        integer: true,
      }),
      tableCard(
        reportTable<ChangeRow>({
          caption: t('reports.changes.table'),
          empty: t('reports.changes.none'),
          columns: [
            { label: t('reports.changes.decision'), cell: (row) => decisionLabel(row.decision) },
            { label: t('reports.changes.state'), cell: (row) => row.label || humanize(row.state) },
            {
              label: t('reports.changes.requests'),
              cell: (row) => count(row.tickets),
              numeric: true,
            },
          ],
          rows: report.items,
          totals: ['', count(report.tickets)],
        }),
      ),
    ],
  };
}

export const changesView = reportView<ChangesReport>({
  id: 'changes',
  title: () => t('reports.changes'),
  lead: () => t('reports.changes.lead'),
  read: (filter) => changesReport(scopeOf(filter)),
  csv: (filter) => reportCsvUrl('/api/v1/reports/changes', { ...scopeOf(filter) }),
  draw,
});
