// #/reports: the reports there are, each with a line on what it answers.
import { replace } from '../dom';
import { t } from '../i18n';
import { sectionCards } from '../ui/sections';
import { kReports, reportHeader, reportPath } from './report_page';

export function reportsHomeView(root: HTMLElement): void {
  replace(
    root,
    reportHeader({ current: 'home', title: t('reports.title'), lead: t('reports.lead') }),
    sectionCards(
      kReports
        .filter((report) => report.id !== 'home')
        .map((report) => ({
          path: reportPath(report.id),
          title: t(report.label),
          text: t(report.text),
        })),
    ),
  );
}
