// #/admin/calendars/{id}?year=2027: one year of a calendar as GET
// /api/v1/admin/calendars/{id}/years/{year} counts it, twelve month grids
// with a legend and the year's working days and hours, links to the year
// before and after, and the import form. A year without data says so
// first: deadlines that reach into it cannot be computed until it is
// imported. After an import the year is read again and drawn anew.
import { h, replace, announce } from '../dom';
import { ApiError } from '../api';
import { t, timeZone } from '../i18n';
import { href } from '../router';
import type { Location } from '../router';
import { adminHeader } from './admin_frame';
import { calendarYear } from './admin_api';
import { importCard } from './calendar_import';
import { calendarLegend, yearGrid } from './year_grid';
import { coveredYears } from './calendars';
import type { CalendarImport, CalendarYear } from '../api/types';

const kFirstYear = 1970;
const kLastYear = 2199;

/** The year of the address, else the current one in the user's time zone. */
function chosenYear(query: URLSearchParams): number {
  const asked = Number(query.get('year'));
  if (Number.isInteger(asked) && asked >= kFirstYear && asked <= kLastYear) return asked;
  return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: timeZone() }).format());
}

export async function calendarYearView(root: HTMLElement, location: Location): Promise<void> {
  const id = location.params.id ?? '';
  const year = chosenYear(location.query);

  /** Reads the year and draws the page; `done` is said above the year once drawn. */
  const draw = async (done?: string): Promise<void> => {
    let data: CalendarYear;
    try {
      data = await calendarYear(id, year);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        replace(root, adminHeader({ section: 'calendars', deeper: true, title: id }));
        root.append(h('div', { class: 'card' }, h('p', null, t('calendar.unknown', { id }))));
        return;
      }
      throw error;
    }
    const onApplied = async (result: CalendarImport): Promise<void> => {
      const text = t('import.applied', {
        source: result.source,
        years: coveredYears(result.years),
      });
      await draw(text);
      announce(text);
      root.querySelector<HTMLElement>('#year-title')?.focus();
    };
    replace(
      root,
      adminHeader({
        section: 'calendars',
        deeper: true,
        title: data.title || id,
        lead: t('calendar.lead', { id, zone: data.time_zone }),
      }),
      yearCard(data, done),
      importCard(id, onApplied),
    );
  };
  await draw();
}

function yearLink(id: string, year: number, rel: 'prev' | 'next'): HTMLAnchorElement {
  const text = String(year);
  return h(
    'a',
    {
      class: 'button small',
      href: href(`/admin/calendars/${encodeURIComponent(id)}`, { year: text }),
      rel,
      'aria-label': t(rel === 'prev' ? 'calendar.previous' : 'calendar.next', { year: text }),
    },
    rel === 'prev' ? `← ${text}` : `${text} →`,
  );
}

function yearCard(data: CalendarYear, done?: string): HTMLElement {
  const year = String(data.year);
  const body = data.covered
    ? [
        h(
          'p',
          { class: 'year-summary' },
          t('calendar.summary', {
            days: t('calendar.workingDays', { count: data.working_days }),
            hours: t('calendar.workingHours', { count: data.working_hours }),
          }),
        ),
        calendarLegend(),
        yearGrid(data.year, data.days),
      ]
    : h('p', { class: 'admin-warning' }, t('calendar.notCovered', { year }));
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'year-title' },
    h(
      'div',
      { class: 'year-nav' },
      yearLink(data.calendar, data.year - 1, 'prev'),
      h('h2', { id: 'year-title', tabindex: -1 }, t('calendar.yearTitle', { year })),
      yearLink(data.calendar, data.year + 1, 'next'),
    ),
    done ? h('p', { class: 'form-status', role: 'status' }, done) : null,
    body,
  );
}
