// #/reports/satisfaction: the customers' ratings given in the period
// (GET /api/v1/reports/satisfaction): how many, their average, how many of
// each from 1 to 5 (the chart and its table), and the latest low ones (1
// or 2) with their comments, each linking to its ticket.
import { h } from '../dom';
import { timeElement } from '../format';
import { formatNumber, t } from '../i18n';
import { chartCard, reportView, tableCard } from './report_page';
import type { Drawn } from './report_page';
import { scopeOf } from './report_filter';
import { count, reportTable, shareOf } from './report_table';
import { ticketLink } from './report_options';
import { reportCsvUrl, satisfactionReport } from './reports_api';
import type { SatisfactionReport } from './reports_api';

type Rating = SatisfactionReport['distribution'][number];
type LowRating = SatisfactionReport['low'][number];

const average = (value: number): string =>
  formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 2 });

function draw(report: SatisfactionReport): Drawn {
  const title = t('reports.satisfaction.chart');
  const ratings = [...report.distribution].sort((a, b) => a.rating - b.rating);
  const summary = report.ratings
    ? [
        t('reports.satisfaction.summary', {
          count: report.ratings,
          average: average(report.average),
        }),
        t('reports.satisfaction.byRating', {
          list: ratings
            .map((r) => t('reports.satisfaction.nOf', { rating: r.rating, count: r.count }))
            .join(', '),
        }),
      ].join(' ')
    : t('reports.satisfaction.none');
  const lowTitle = t('reports.satisfaction.low');
  return {
    zone: report.time_zone,
    parts: [
      h(
        'p',
        { class: 'report-figure' },
        h('span', { class: 'report-figure-value' }, report.ratings ? average(report.average) : '—'),
        ' ',
        t('reports.satisfaction.average', { count: report.ratings }),
      ),
      chartCard({
        title,
        summary,
        categories: ratings.map((r) => String(r.rating)),
        series: [{ label: t('reports.satisfaction.ratings'), values: ratings.map((r) => r.count) }],
        kind: 'grouped',
        format: count,
        integer: true,
      }),
      tableCard(
        reportTable<Rating>({
          caption: title,
          empty: t('reports.satisfaction.none'),
          columns: [
            { label: t('reports.satisfaction.rating'), cell: (r) => String(r.rating) },
            {
              label: t('reports.satisfaction.ratings'),
              cell: (r) => count(r.count),
              numeric: true,
            },
            {
              label: t('reports.satisfaction.share'),
              cell: (r) => shareOf(r.count, report.ratings),
              numeric: true,
            },
          ],
          rows: report.ratings ? ratings : [],
          totals: [count(report.ratings), ''],
        }),
      ),
      tableCard(
        reportTable<LowRating>({
          caption: lowTitle,
          empty: t('reports.satisfaction.noLow'),
          columns: [
            { label: t('reports.breaches.ticket'), cell: (r) => ticketLink(r.ticket) },
            {
              label: t('reports.satisfaction.rating'),
              cell: (r) => String(r.rating),
              numeric: true,
            },
            { label: t('reports.satisfaction.comment'), cell: (r) => r.comment || '—' },
            { label: t('reports.satisfaction.at'), cell: (r) => timeElement(r.at) },
          ],
          rows: report.low,
        }),
      ),
    ],
  };
}

export const satisfactionView = reportView<SatisfactionReport>({
  id: 'satisfaction',
  title: () => t('reports.satisfaction'),
  lead: () => t('reports.satisfaction.lead'),
  read: (filter) => satisfactionReport(scopeOf(filter)),
  csv: (filter) => reportCsvUrl('/api/v1/reports/satisfaction', { ...scopeOf(filter) }),
  draw,
});
