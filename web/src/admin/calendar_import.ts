// Importing a year of holidays into a calendar: a production-calendar JSON
// (format ru-production-calendar/1) or an iCalendar file is first sent as a
// dry run (PUT /api/v1/admin/calendars/{id}?dry_run=true), which answers
// the days it would change; the page shows them (a summary per year and a
// table of the notable days) and "Apply" sends the same bytes for real.
// What the server refuses shows under the file input in its own words.
import { h, replace, uid, announce } from '../dom';
import { ApiError } from '../api';
import type { EncodedBody } from '../api';
import type { Children } from '../dom';
import { formatCalendarDate } from '../format';
import { t } from '../i18n';
import { clearErrors, isBusy, onSubmit, setBusy, showError } from '../ui/form';
import { importHolidays } from './admin_api';
import { dayWords, daySwatch } from './year_grid';
import type { CalendarChange, CalendarDay, CalendarImport } from '../api/types';

/** The file's text, sent as JSON, or as iCalendar for an .ics file. */
async function encodeFile(file: File): Promise<EncodedBody> {
  const ics = /\.ics$/i.test(file.name) || file.type === 'text/calendar';
  return { body: await file.text(), contentType: ics ? 'text/calendar' : 'application/json' };
}

/**
 * A refusal of the upload (bad format, a year out of range, too large) is
 * about the file, whatever member the server names: it shows under the
 * file input. Others (no right, no server) go where showError puts them.
 */
function aboutTheFile(error: unknown): unknown {
  if (!(error instanceof ApiError) || ![400, 413, 415, 422].includes(error.status)) return error;
  return new ApiError(error.status, { title: error.title, detail: error.detail, field: 'file' });
}

/**
 * The import form of calendar `calendarId`; `onApplied` runs once an
 * upload is stored (and redraws the page).
 */
export function importCard(
  calendarId: string,
  onApplied: (result: CalendarImport) => Promise<void>,
): HTMLElement {
  const id = uid('holidays');
  const input = h('input', {
    type: 'file',
    id,
    name: 'file',
    accept: '.json,.ics,application/json,text/calendar',
    // The browser's own button speaks the browser's language: a label in
    // the app's language stands in for it.
    class: 'visually-hidden',
    'aria-describedby': `${id}-hint ${id}-chosen`,
  });
  const chosen = h('p', { class: 'field-hint', id: `${id}-chosen` }, t('import.noFile'));
  const preview = h('div', { class: 'import-preview' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('import.preview'));
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    h(
      'div',
      { class: 'field file-picker', dataset: { field: 'file' } },
      h('label', { for: id }, t('import.file')),
      input,
      h(
        'label',
        { for: id, class: 'button small file-choose', 'aria-hidden': 'true' },
        t('import.choose'),
      ),
      h('p', { class: 'field-hint', id: `${id}-hint` }, t('import.hint')),
      chosen,
      h('p', { class: 'field-error', id: `${id}-error`, hidden: true }),
    ),
    h('div', { class: 'form-actions' }, submit),
  );

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    chosen.textContent = file ? t('import.chosen', { name: file.name }) : t('import.noFile');
    clearErrors(form);
    replace(preview);
  });

  onSubmit(form, submit, t('import.previewing'), async () => {
    replace(preview);
    const file = input.files?.[0];
    if (!file) throw new ApiError(422, { detail: t('import.fileMissing'), field: 'file' });
    const encoded = await encodeFile(file);
    let result: CalendarImport;
    try {
      result = await importHolidays(calendarId, encoded, true);
    } catch (error) {
      throw aboutTheFile(error);
    }
    setBusy(submit, false);
    const apply = h('button', { type: 'button', class: 'button primary' }, t('import.apply'));
    apply.addEventListener('click', async () => {
      if (isBusy(apply)) return;
      clearErrors(form);
      setBusy(apply, true, t('import.applying'));
      try {
        await onApplied(await importHolidays(calendarId, encoded, false));
      } catch (error) {
        setBusy(apply, false);
        showError(form, aboutTheFile(error));
      }
    });
    replace(preview, previewContent(result, apply));
    preview.querySelector<HTMLElement>('h3')?.focus();
    announce(t('import.previewTitle'));
  });

  return h(
    'section',
    { class: 'card', 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, t('import.title')),
    h('p', { class: 'field-hint' }, t('import.lead')),
    form,
    preview,
  );
}

/** A change worth a row: any day of a covered year, and the new year's special days. */
function notable(change: CalendarChange): boolean {
  const after = change.after;
  return change.before !== null || after.kind === 'holiday' || after.transferred || after.short;
}

function previewContent(result: CalendarImport, apply: HTMLButtonElement): Children {
  const rows = result.changes.filter(notable);
  const ordinary = result.changes.length - rows.length;
  const titleId = uid('preview-title');
  return [
    h('h3', { id: titleId, tabindex: -1 }, t('import.previewTitle')),
    h(
      'ul',
      { class: 'import-summary', 'aria-labelledby': titleId },
      summaries(result).map((line) => h('li', null, line)),
    ),
    rows.length ? changesTable(rows) : null,
    ordinary ? h('p', { class: 'field-hint' }, t('import.ordinary', { count: ordinary })) : null,
    h('div', { class: 'form-actions' }, apply),
  ];
}

/** One line per year of the upload: what it adds, changes or leaves. */
function summaries(result: CalendarImport): string[] {
  const byYear = new Map<number, CalendarChange[]>();
  for (const change of result.changes) {
    const year = Number(change.date.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), change]);
  }
  const years = [...new Set([...result.source_years, ...byYear.keys()])].sort((a, b) => a - b);
  if (!years.length) return [t('import.nothing')];
  return years.map((year) => {
    const changes = byYear.get(year) ?? [];
    const text = String(year);
    if (!changes.length) return t('import.keepsYear', { year: text });
    if (changes.some((change) => change.before !== null)) {
      return t('import.changesYear', { count: changes.length, year: text });
    }
    const after = changes.map((change) => change.after);
    const count = (kind: CalendarDay['kind']): number =>
      after.filter((d) => d.kind === kind).length;
    return t('import.addsYear', {
      year: text,
      days: t('calendar.workingDays', { count: count('working') }),
      hours: t('calendar.workingHours', { count: after.reduce((sum, d) => sum + d.hours, 0) }),
      holidays: t('import.holidays', { count: count('holiday') }),
    });
  });
}

function dayCell(day: CalendarDay | null): HTMLTableCellElement {
  if (!day) return h('td', { class: 'muted' }, t('import.notCovered'));
  return h('td', null, h('span', { class: 'day-words' }, daySwatch(day), dayWords(day)));
}

function changesTable(rows: CalendarChange[]): HTMLTableElement {
  return h(
    'table',
    { class: 'admin-table import-changes' },
    h('caption', null, t('import.caption')),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, t('import.col.date')),
        h('th', { scope: 'col' }, t('import.col.before')),
        h('th', { scope: 'col' }, t('import.col.after')),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map((change) =>
        h(
          'tr',
          { dataset: { date: change.date } },
          h('th', { scope: 'row' }, formatCalendarDate(change.date, 'full-date')),
          dayCell(change.before),
          dayCell(change.after),
        ),
      ),
    ),
  );
}
