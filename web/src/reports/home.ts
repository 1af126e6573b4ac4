// #/reports: the reports there are, each with a line on what it answers.
import { h, replace } from '../dom';
import { t } from '../i18n';
import { href } from '../router';
import { kReports, reportHeader, reportPath } from './report_page';

export function reportsHomeView(root: HTMLElement): void {
  replace(
    root,
    reportHeader({ current: 'home', title: t('reports.title'), lead: t('reports.lead') }),
    h(
      'ul',
      { class: 'report-sections' },
      kReports
        .filter((report) => report.id !== 'home')
        .map((report) =>
          h(
            'li',
            { class: 'card report-section' },
            h('h2', null, h('a', { href: href(reportPath(report.id)) }, t(report.label))),
            h('p', null, t(report.text)),
          ),
        ),
    ),
  );
}
