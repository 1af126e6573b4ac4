// #/admin/calendars: the SLA calendars in force (GET /api/v1/admin/calendars)
// with their time zone, the years they cover and whether a support level
// counts its deadlines in them; a warning above when one in use has no
// data for the coming year. Each calendar opens its year view.
import { h, replace } from '../dom';
import { t } from '../i18n';
import { href } from '../router';
import { adminHeader, coverageWarning, missingComingYear } from './admin_frame';
import { calendars } from './admin_api';
import type { CalendarSummary } from '../api/types';

/**
 * "2023–2027", or with gaps "2023–2027, 2031" (the runs of covered years
 * when given), or "every year" for a calendar without holiday data.
 */
export function coveredYears(years: number[], runs?: number[][]): string {
  const [first, last] = years;
  if (first === undefined || last === undefined) return t('calendars.noYears');
  const spans = runs && runs.length ? runs : [years];
  return spans
    .map(([from, to]) =>
      from === to ? String(from) : t('calendars.years', { first: String(from), last: String(to) }),
    )
    .join(', ');
}

export async function calendarsView(root: HTMLElement): Promise<void> {
  const all = await calendars();
  replace(
    root,
    adminHeader({ section: 'calendars', title: t('calendars.title'), lead: t('calendars.lead') }),
    coverageWarning(all),
    h(
      'div',
      { class: 'card' },
      all.length ? calendarTable(all) : h('p', { class: 'muted' }, t('calendars.none')),
    ),
  );
}

function calendarTable(all: CalendarSummary[]): HTMLTableElement {
  return h(
    'table',
    { class: 'admin-table' },
    h('caption', { class: 'visually-hidden' }, t('calendars.caption')),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, t('calendars.col.calendar')),
        h('th', { scope: 'col' }, t('calendars.col.zone')),
        h('th', { scope: 'col' }, t('calendars.col.years')),
        h('th', { scope: 'col' }, t('calendars.col.inUse')),
      ),
    ),
    h(
      'tbody',
      null,
      all.map((calendar) => {
        const missing = missingComingYear(calendar);
        return h(
          'tr',
          null,
          h(
            'th',
            { scope: 'row' },
            h(
              'a',
              { href: href(`/admin/calendars/${encodeURIComponent(calendar.id)}`) },
              calendar.title || calendar.id,
            ),
            h('code', { class: 'admin-id' }, calendar.id),
          ),
          h('td', null, calendar.time_zone),
          h(
            'td',
            null,
            coveredYears(calendar.years, calendar.covered),
            missing === null
              ? null
              : h(
                  'span',
                  { class: 'admin-missing' },
                  t('calendars.noDataFor', { year: String(missing) }),
                ),
          ),
          h('td', null, calendar.in_use ? t('common.yes') : t('common.no')),
        );
      }),
    ),
  );
}
