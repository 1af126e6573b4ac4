// What the administration pages share: the section navigation above each
// page's heading, the page for people who may not see them, the warning
// about calendars that run out of data, and the landing page (#/admin),
// which links the sections and repeats that warning.
import { h, replace, uid } from '../dom';
import type { Children } from '../dom';
import { currentUser } from '../session';
import { roleLabel } from '../format';
import { t } from '../i18n';
import type { PlainKey } from '../i18n';
import { href } from '../router';
import { pageHeading, sectionCards, sectionNav } from '../ui/sections';
import { calendars } from './admin_api';
import type { CalendarSummary } from '../api/types';

export type AdminSection =
  | 'home'
  | 'calendars'
  | 'levels'
  | 'processes'
  | 'categories'
  | 'templates'
  | 'users'
  | 'companies'
  | 'groups'
  | 'licences'
  | 'coupons'
  | 'audit';

const kSections: { id: AdminSection; path: string; label: PlainKey }[] = [
  { id: 'home', path: '/admin', label: 'admin.overview' },
  { id: 'calendars', path: '/admin/calendars', label: 'admin.calendars' },
  { id: 'levels', path: '/admin/levels', label: 'admin.levels' },
  { id: 'processes', path: '/admin/processes', label: 'admin.processes' },
  { id: 'categories', path: '/admin/categories', label: 'admin.categories' },
  { id: 'templates', path: '/admin/templates', label: 'admin.templates' },
  { id: 'users', path: '/admin/users', label: 'admin.users' },
  { id: 'companies', path: '/admin/companies', label: 'admin.companies' },
  { id: 'groups', path: '/admin/groups', label: 'admin.groups' },
  { id: 'licences', path: '/admin/licences', label: 'admin.licences' },
  { id: 'coupons', path: '/admin/coupons', label: 'admin.coupons' },
  { id: 'audit', path: '/admin/audit', label: 'admin.audit' },
];

/**
 * A card named by its heading (`hiddenTitle`: for screen readers only, when
 * the page's own heading says the same).
 */
export function titledCard(
  title: string,
  children: Children[],
  options: { hiddenTitle?: boolean } = {},
): HTMLElement {
  const titleId = uid('card');
  return h(
    'section',
    { class: 'card', 'aria-labelledby': titleId },
    h('h2', { id: titleId, class: options.hiddenTitle ? 'visually-hidden' : undefined }, title),
    ...children,
  );
}

/** True when the signed-in person may use the administration pages. */
export function isAdministrator(): boolean {
  return currentUser()?.role === 'administrator';
}

/**
 * The section navigation and the page's heading (`#page-title`) with its
 * lead. `deeper`: the page lies inside the section (one calendar), so its
 * link is marked as the current section rather than the current page.
 */
export function adminHeader(spec: {
  section: AdminSection;
  title: string;
  lead?: Children;
  deeper?: boolean;
}): HTMLElement[] {
  const nav = sectionNav(
    t('admin.sections'),
    kSections.map((section) => ({
      path: section.path,
      label: t(section.label),
      current: section.id === spec.section ? (spec.deeper ? 'true' : 'page') : undefined,
    })),
  );
  const header = pageHeading(spec);
  return [nav, header];
}

/** The page for anyone but an administrator: what it is and why they may not see it. */
export function forbiddenView(root: HTMLElement): void {
  const user = currentUser();
  replace(
    root,
    h(
      'div',
      { class: 'card empty' },
      h('h1', { id: 'page-title', tabindex: -1 }, t('forbidden.title')),
      h(
        'p',
        null,
        t('forbidden.text', { name: user?.name ?? '', role: roleLabel(user?.role ?? '') }),
      ),
      h('a', { class: 'button', href: '#/' }, t('forbidden.home')),
    ),
  );
}

/** The current year in `zone` (the calendar's), or in UTC for a zone the browser does not know. */
function yearIn(zone: string): number {
  try {
    const text = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: zone }).format(
      new Date(),
    );
    return Number(text);
  } catch {
    return new Date().getUTCFullYear();
  }
}

/**
 * The coming year when `calendar` is in use and has no data for it (no run
 * of covered years holds it); null otherwise.
 */
export function missingComingYear(calendar: CalendarSummary): number | null {
  if (!calendar.in_use) return null;
  const coming = yearIn(calendar.time_zone) + 1;
  const held = (calendar.covered ?? []).some(
    ([first, last]) =>
      first !== undefined && last !== undefined && first <= coming && coming <= last,
  );
  return held ? null : coming;
}

/** A warning for each calendar in use that lacks the coming year; null when none does. */
export function coverageWarning(all: CalendarSummary[]): HTMLElement | null {
  const lacking = all
    .map((calendar) => ({ calendar, year: missingComingYear(calendar) }))
    .filter((entry): entry is { calendar: CalendarSummary; year: number } => entry.year !== null);
  if (!lacking.length) return null;
  return h(
    'section',
    { class: 'admin-warning', 'aria-labelledby': 'coverage-warning' },
    h(
      'h2',
      { id: 'coverage-warning' },
      h('span', { class: 'admin-warning-sign', 'aria-hidden': 'true' }, '⚠'),
      t('calendars.warningTitle'),
    ),
    h(
      'ul',
      null,
      lacking.map(({ calendar, year }) =>
        h(
          'li',
          null,
          t('calendars.missingYear', { title: calendar.title, year: String(year) }),
          ' ',
          h(
            'a',
            {
              href: href(`/admin/calendars/${encodeURIComponent(calendar.id)}`, {
                year: String(year),
              }),
            },
            t('calendars.importYear', { year: String(year) }),
          ),
        ),
      ),
    ),
  );
}

/** #/admin: the sections, and the calendars' warning when one runs out of data. */
export async function adminHomeView(root: HTMLElement): Promise<void> {
  let warning: Children = null;
  try {
    warning = coverageWarning(await calendars());
  } catch {
    warning = h('p', { class: 'admin-warning' }, t('admin.calendarsFailed'));
  }
  const card = (path: string, title: PlainKey, text: PlainKey) => ({
    path,
    title: t(title),
    text: t(text),
  });
  replace(
    root,
    adminHeader({ section: 'home', title: t('admin.title'), lead: t('admin.lead') }),
    warning,
    sectionCards([
      card('/admin/calendars', 'admin.calendars', 'admin.calendarsText'),
      card('/admin/levels', 'admin.levels', 'admin.levelsText'),
      card('/admin/processes', 'admin.processes', 'admin.processesText'),
      card('/admin/categories', 'admin.categories', 'admin.categoriesText'),
      card('/admin/templates', 'admin.templates', 'admin.templatesText'),
      card('/admin/users', 'admin.users', 'admin.usersText'),
      card('/admin/companies', 'admin.companies', 'admin.companiesText'),
      card('/admin/groups', 'admin.groups', 'admin.groupsText'),
      card('/admin/licences', 'admin.licences', 'admin.licencesText'),
      card('/admin/coupons', 'admin.coupons', 'admin.couponsText'),
      card('/admin/audit', 'admin.audit', 'admin.auditText'),
    ]),
  );
}
