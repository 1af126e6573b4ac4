// #/reports/l1-hints: the classes the help desk proposed to L1 in the
// period, by what proposed them (the obscenity check) and the class
// proposed, named by the server in the reader's language: how many were
// proposed, how many an operator has classified since, how many of those
// into the class proposed, and that share (GET /api/v1/reports/l1-hints).
// A proposal is never applied by itself; the share says how often it was
// right.
import { h } from '../dom';
import { humanize } from '../format';
import { t } from '../i18n';
import { chartCard, reportView, tableCard } from './report_page';
import type { Drawn } from './report_page';
import { scopeOf } from './report_filter';
import { count, reportTable, share, shareOf } from './report_table';
import { l1HintsReport, reportCsvUrl } from './reports_api';
import type { L1HintsReport } from './reports_api';

type HintRow = L1HintsReport['items'][number];

const className = (row: HintRow): string => row.label || humanize(row.proposed_class);
const sourceName = (row: HintRow): string => t(`reports.l1Hints.source.${row.source}`);

function summary(report: L1HintsReport): string {
  if (!report.proposed) return t('reports.l1Hints.none');
  return t('reports.l1Hints.summary', {
    count: report.proposed,
    decided: count(report.decided),
    accepted: count(report.accepted),
  });
}

function draw(report: L1HintsReport): Drawn {
  const rows = report.items;
  const title = t('reports.l1Hints.chart');
  return {
    zone: report.time_zone,
    parts: [
      h(
        'p',
        { class: 'report-figure' },
        h('span', { class: 'report-figure-value' }, shareOf(report.accepted, report.decided)),
        ' ',
        t('reports.l1Hints.acceptedOf', {
          accepted: count(report.accepted),
          count: report.decided,
        }),
      ),
      chartCard({
        title,
        summary: summary(report),
        categories: rows.map(className),
        series: [
          { label: t('reports.l1Hints.proposed'), values: rows.map((row) => row.proposed) },
          { label: t('reports.l1Hints.decided'), values: rows.map((row) => row.decided) },
          { label: t('reports.l1Hints.accepted'), values: rows.map((row) => row.accepted) },
        ],
        kind: 'grouped',
        format: count,
        integer: true,
      }),
      tableCard(
        reportTable<HintRow>({
          caption: t('reports.l1Hints.table'),
          empty: t('reports.l1Hints.none'),
          columns: [
            { label: t('reports.l1Hints.class'), cell: className },
            { label: t('reports.l1Hints.source'), cell: sourceName },
            {
              label: t('reports.l1Hints.proposed'),
              cell: (row) => count(row.proposed),
              numeric: true,
            },
            {
              label: t('reports.l1Hints.decided'),
              cell: (row) => count(row.decided),
              numeric: true,
            },
            {
              label: t('reports.l1Hints.accepted'),
              cell: (row) => count(row.accepted),
              numeric: true,
            },
            {
              label: t('reports.l1Hints.acceptedShare'),
              // The server answers 0 while none is decided: a dash, not 0 %.
              cell: (row) => (row.decided ? share(row.accepted_share) : '—'),
              numeric: true,
            },
          ],
          rows,
          totals: [
            '',
            count(report.proposed),
            count(report.decided),
            count(report.accepted),
            shareOf(report.accepted, report.decided),
          ],
        }),
      ),
    ],
  };
}

export const l1HintsView = reportView<L1HintsReport>({
  id: 'l1-hints',
  title: () => t('reports.l1Hints'),
  lead: () => t('reports.l1Hints.lead'),
  read: (filter) => l1HintsReport(scopeOf(filter)),
  csv: (filter) => reportCsvUrl('/api/v1/reports/l1-hints', { ...scopeOf(filter) }),
  draw,
});
