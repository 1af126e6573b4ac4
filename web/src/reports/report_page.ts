// What the report pages share: the section navigation above each page's
// heading, and the page itself around one report: the heading with
// "Download CSV", the filter (kept in the address), a line that says which
// days in which time zone (and in whose working hours) the numbers count,
// then the report's chart and table. A page describes its report with a
// ReportPage: how to read it, its CSV address and how to draw it.
import { announce, h, replace } from '../dom';
import type { Children } from '../dom';
import { t } from '../i18n';
import type { PlainKey } from '../i18n';
import { href } from '../router';
import type { Location, View } from '../router';
import { clearErrors, showError } from '../ui/form';
import { pageHeading, sectionNav } from '../ui/sections';
import { chart } from './chart';
import type { ChartSpec } from './chart';
import { dayWords } from './periods';
import { filterForm, filterFrom, loadChoices, addressOf } from './report_filter';
import type { OptionSpec, ReportFilter } from './report_filter';

export type ReportId =
  | 'home'
  | 'sla'
  | 'intake'
  | 'backlog'
  | 'compliance'
  | 'tiers'
  | 'changes'
  | 'satisfaction'
  | 'workload'
  | 'l1-hints';

/** The reports in the order the navigation and the index list them. */
export const kReports: { id: ReportId; label: PlainKey; text: PlainKey }[] = [
  { id: 'home', label: 'reports.overview', text: 'reports.lead' },
  { id: 'sla', label: 'reports.sla', text: 'reports.slaText' },
  { id: 'compliance', label: 'reports.compliance', text: 'reports.complianceText' },
  { id: 'intake', label: 'reports.intake', text: 'reports.intakeText' },
  { id: 'backlog', label: 'reports.backlog', text: 'reports.backlogText' },
  { id: 'tiers', label: 'reports.tiers', text: 'reports.tiersText' },
  { id: 'changes', label: 'reports.changes', text: 'reports.changesText' },
  { id: 'satisfaction', label: 'reports.satisfaction', text: 'reports.satisfactionText' },
  { id: 'workload', label: 'reports.workload', text: 'reports.workloadText' },
  { id: 'l1-hints', label: 'reports.l1Hints', text: 'reports.l1HintsText' },
];

/** The address of a report's page. */
export function reportPath(id: ReportId): string {
  return id === 'home' ? '/reports' : `/reports/${id}`;
}

/** The section navigation and the page's heading (`#page-title`) with its lead and action. */
export function reportHeader(spec: {
  current: ReportId;
  title: string;
  lead: string;
  action?: Children;
}): HTMLElement[] {
  const nav = sectionNav(
    t('reports.sections'),
    kReports.map((report) => ({
      path: reportPath(report.id),
      label: t(report.label),
      current: report.id === spec.current ? 'page' : undefined,
    })),
  );
  const header = pageHeading(spec);
  return [nav, header];
}

/** What a page shows of its report once read. */
export interface Drawn {
  /** The time zone the server read the days in (the answer's `time_zone`). */
  zone: string;
  /** Further words on how the numbers count (whose working hours). */
  notes?: Children[];
  /** The chart and table cards, and whatever else the report shows. */
  parts: Children[];
  /** Runs once the parts are on the page (a list that reads its own pages). */
  after?: () => Promise<void>;
}

export interface ReportPage<D> {
  id: Exclude<ReportId, 'home'>;
  title: () => string;
  lead: () => string;
  /** The page's own choices besides the days and filters (grouping, period). */
  options?: () => OptionSpec[];
  read: (filter: ReportFilter) => Promise<D>;
  /** The address of the same report as CSV. */
  csv: (filter: ReportFilter) => string;
  draw: (data: D, filter: ReportFilter) => Drawn;
}

/** A card holding a chart under its title. */
export function chartCard(spec: ChartSpec): HTMLElement {
  return h('div', { class: 'card' }, h('h2', null, spec.title), chart(spec));
}

/** A card holding a table (its caption names it) and what goes with it. */
export function tableCard(...content: Children[]): HTMLElement {
  return h('div', { class: 'card' }, content);
}

/** "From 8 Nov 2026 to 7 Dec 2026, both days included, in the Europe/Moscow time zone." */
function scopeLine(filter: ReportFilter, drawn: Drawn): HTMLElement {
  return h(
    'p',
    { class: 'report-scope' },
    t('reports.scope', { from: dayWords(filter.from), to: dayWords(filter.to), zone: drawn.zone }),
    (drawn.notes ?? []).map((note) => [' ', note]),
  );
}

/** The view of one report page. */
export function reportView<D>(page: ReportPage<D>): View {
  return async (root: HTMLElement, location: Location): Promise<void> => {
    const options = page.options?.() ?? [];
    const filter = filterFrom(location.query, options);
    const choices = await loadChoices();
    const csv = h('a', { class: 'button', download: `${page.id}.csv` }, t('reports.csv'));
    const { form, read } = filterForm(filter, choices, options);
    const results = h('div', { class: 'report-results' });
    let loads = 0;
    const load = async (): Promise<boolean> => {
      loads += 1;
      const mine = loads;
      results.setAttribute('aria-busy', 'true');
      try {
        const data = await page.read(filter);
        if (mine !== loads) return false;
        const drawn = page.draw(data, filter);
        replace(results, scopeLine(filter, drawn), drawn.parts);
        await drawn.after?.();
        return true;
      } catch (error) {
        if (mine !== loads) return false;
        replace(results, h('p', { class: 'muted' }, t('reports.failed')));
        showError(form, error);
        return false;
      } finally {
        if (mine === loads) results.removeAttribute('aria-busy');
      }
    };
    const apply = (): void => {
      csv.href = page.csv(filter);
      history.replaceState(null, '', href(reportPath(page.id), addressOf(filter)));
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearErrors(form);
      const next = read();
      if (!next) return;
      Object.assign(filter, next);
      apply();
      void load().then((shown) => {
        if (shown) announce(t('reports.updated'));
      });
    });
    apply();
    replace(
      root,
      reportHeader({ current: page.id, title: page.title(), lead: page.lead(), action: csv }),
      h('div', { class: 'card' }, form),
      results,
    );
    await load();
  };
}
