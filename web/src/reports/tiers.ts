// #/reports/tiers: how many tickets left L1 for a higher tier (the
// escalation rate) and, per tier, how many are there now, how many of
// those are open, how many were solved there and that tier's share of all
// solved (GET /api/v1/reports/tiers).
import { h } from '../dom';
import { t } from '../i18n';
import { chartCard, reportView, tableCard } from './report_page';
import type { Drawn } from './report_page';
import { scopeOf } from './report_filter';
import { count, reportTable, share } from './report_table';
import { reportCsvUrl, tiersReport } from './reports_api';
import type { TiersReport } from './reports_api';

type TierRow = TiersReport['items'][number];

const tierName = (tier: number): string => t('reports.tiers.tier', { tier });

function summary(report: TiersReport): string {
  if (!report.tickets) return t('reports.tiers.none');
  const solved = report.items
    .map((row) => `${tierName(row.tier)}: ${count(row.solved)}`)
    .join(', ');
  return [
    t('reports.tiers.summary', {
      count: report.tickets,
      escalated: count(report.escalated),
      rate: share(report.escalation_rate),
    }),
    report.items.length ? t('reports.tiers.solvedBy', { list: solved }) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function draw(report: TiersReport): Drawn {
  const rows = report.items;
  const title = t('reports.tiers.chart');
  const escalation = h(
    'p',
    { class: 'report-figure' },
    h('span', { class: 'report-figure-value' }, share(report.escalation_rate)),
    ' ',
    t('reports.tiers.rate', { escalated: count(report.escalated), count: report.tickets }),
  );
  return {
    zone: report.time_zone,
    parts: [
      escalation,
      chartCard({
        title,
        summary: summary(report),
        categories: rows.map((row) => tierName(row.tier)),
        series: [
          { label: t('reports.tiers.now'), values: rows.map((row) => row.tickets) },
          { label: t('reports.tiers.open'), values: rows.map((row) => row.open) },
          { label: t('reports.tiers.solved'), values: rows.map((row) => row.solved) },
        ],
        kind: 'grouped',
        format: count,
        integer: true,
      }),
      tableCard(
        reportTable<TierRow>({
          caption: title,
          empty: t('reports.tiers.none'),
          columns: [
            { label: t('reports.tiers.tierCol'), cell: (row) => tierName(row.tier) },
            { label: t('reports.tiers.now'), cell: (row) => count(row.tickets), numeric: true },
            { label: t('reports.tiers.open'), cell: (row) => count(row.open), numeric: true },
            { label: t('reports.tiers.solved'), cell: (row) => count(row.solved), numeric: true },
            {
              label: t('reports.tiers.share'),
              cell: (row) => share(row.solved_share),
              numeric: true,
            },
          ],
          rows,
          totals: [
            count(rows.reduce((sum, row) => sum + row.tickets, 0)),
            count(rows.reduce((sum, row) => sum + row.open, 0)),
            count(rows.reduce((sum, row) => sum + row.solved, 0)),
            '',
          ],
        }),
      ),
    ],
  };
}

export const tiersView = reportView<TiersReport>({
  id: 'tiers',
  title: () => t('reports.tiers'),
  lead: () => t('reports.tiers.lead'),
  read: (filter) => tiersReport(scopeOf(filter)),
  csv: (filter) => reportCsvUrl('/api/v1/reports/tiers', { ...scopeOf(filter) }),
  draw,
});
