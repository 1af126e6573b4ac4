// What a report covers: its days (the first and the last, both included,
// in the viewer's time zone; the last 30 days up to today by default), the
// level, category, group and company filters, and the page's own choices
// (grouping, period, target). The filter lives in the address
// (#/reports/intake?from=2026-11-08&to=2026-12-07&by=channel); the API gets
// the day after the last as `to`, which it excludes.
import { h, uid } from '../dom';
import { t } from '../i18n';
import { categories, groups, levels } from '../directory';
import { levelTitle } from '../levels';
import { dateInput } from '../ui/date_input';
import { field, setFieldError, valueOf } from '../ui/form';
import { isAdministrator } from '../admin/admin_frame';
import { companies } from '../admin/people_api';
import type { Company } from '../admin/people_api';
import type { Category, Group, LevelTerms } from '../api/types';
import { addDays, isDay, today } from './periods';
import type { ReportScope } from './reports_api';

/** A choice of the page's own (`by`, `period`): its values and labels, the first the default. */
export interface OptionSpec {
  name: string;
  label: string;
  choices: [value: string, label: string][];
}

export interface ReportFilter {
  /** The first day, YYYY-MM-DD. */
  from: string;
  /** The last day, included. */
  to: string;
  /** Level ids, comma-separated; "" for every level. */
  level: string;
  category: string;
  /** A group id, or "". */
  group: string;
  /** A company id, or "". */
  company: string;
  /** The page's own choices by name. */
  options: Record<string, string>;
}

/** What the filter's selects offer. `companies` is null for those who may not list them. */
export interface Choices {
  levels: LevelTerms[];
  categories: Category[];
  groups: Group[];
  companies: Company[] | null;
}

/** How many days a report covers unless the address says otherwise. */
export const kDefaultDays = 30;

const kId = /^[1-9]\d*$/;

/** The filter in `query`; what is missing or malformed takes its default. */
export function filterFrom(query: URLSearchParams, options: readonly OptionSpec[]): ReportFilter {
  const last = isDay(query.get('to')) ? (query.get('to') as string) : today();
  const first = query.get('from');
  const from = isDay(first) && first <= last ? first : addDays(last, 1 - kDefaultDays);
  const id = (name: string): string => {
    const value = query.get(name) ?? '';
    return kId.test(value) ? value : '';
  };
  const chosen: Record<string, string> = {};
  for (const option of options) {
    const value = query.get(option.name) ?? '';
    const known = option.choices.some(([choice]) => choice === value);
    chosen[option.name] = known ? value : (option.choices[0]?.[0] ?? '');
  }
  return {
    from,
    to: last,
    level: (query.get('level') ?? '').trim(),
    category: (query.get('category') ?? '').trim(),
    group: id('group'),
    company: id('company'),
    options: chosen,
  };
}

/** The days and filters as the API takes them. */
export function scopeOf(filter: ReportFilter): ReportScope {
  return {
    from: filter.from,
    to: addDays(filter.to, 1),
    level: filter.level || undefined,
    category: filter.category || undefined,
    group: filter.group ? Number(filter.group) : undefined,
    company: filter.company ? Number(filter.company) : undefined,
  };
}

/** The filter as the address keeps it. */
export function addressOf(filter: ReportFilter): Record<string, string> {
  const { options, ...scope } = filter;
  const all: Record<string, string> = { ...scope, ...options };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== ''));
}

/** The selects' choices. Companies are listed for administrators only, and only when they load. */
export async function loadChoices(): Promise<Choices> {
  const listed = isAdministrator() ? companies().catch(() => null) : Promise.resolve(null);
  const [levelList, categoryList, groupList, companyList] = await Promise.all([
    levels(),
    categories(),
    groups(),
    listed,
  ]);
  return { levels: levelList, categories: categoryList, groups: groupList, companies: companyList };
}

/** A select of `choices` after an "every …" option; a value it lacks is kept as `unknown` names it. */
function select(
  name: string,
  value: string,
  every: string,
  choices: [string, string][],
  unknown: (value: string) => string,
): HTMLSelectElement {
  const known = choices.some(([id]) => id === value);
  return h(
    'select',
    { name },
    every ? h('option', { value: '' }, every) : null,
    choices.map(([id, label]) => h('option', { value: id, selected: id === value }, label)),
    value && !known ? h('option', { value, selected: true }, unknown(value)) : null,
  );
}

/** Level ids as their titles: "VIP, Standard". */
function levelNames(value: string, all: LevelTerms[]): string {
  return value
    .split(',')
    .map((id) => levelTitle(all.find((level) => level.id === id) ?? { id, title: '' }))
    .join(', ');
}

/** The filter form and its reader: the filter typed, or null after showing what is wrong. */
export function filterForm(
  filter: ReportFilter,
  choices: Choices,
  options: readonly OptionSpec[],
): { form: HTMLFormElement; read: () => ReportFilter | null } {
  const from = dateInput({ name: 'from', value: filter.from });
  const to = dateInput({ name: 'to', value: filter.to });
  const titleId = uid('report-filter');
  const controls = [
    field({ label: t('reports.from'), control: from.input, hint: from.hint }),
    field({ label: t('reports.to'), control: to.input, hint: to.hint }),
    ...options.map((option) =>
      field({
        label: option.label,
        control: select(
          option.name,
          filter.options[option.name] ?? '',
          '',
          option.choices,
          (v) => v,
        ),
      }),
    ),
    field({
      label: t('reports.level'),
      control: select(
        'level',
        filter.level,
        t('reports.everyLevel'),
        choices.levels.map((level) => [level.id, levelTitle(level)]),
        (value) => levelNames(value, choices.levels),
      ),
    }),
    field({
      label: t('reports.category'),
      control: select(
        'category',
        filter.category,
        t('reports.everyCategory'),
        choices.categories.map((category) => [category.slug, category.label]),
        (value) => value,
      ),
    }),
    field({
      label: t('reports.group'),
      control: select(
        'group',
        filter.group,
        t('reports.everyGroup'),
        choices.groups.map((group) => [String(group.id), group.name]),
        (value) => t('common.groupN', { id: value }),
      ),
    }),
    choices.companies
      ? field({
          label: t('reports.company'),
          control: select(
            'company',
            filter.company,
            t('reports.everyCompany'),
            choices.companies.map((company) => [String(company.id), company.name]),
            (value) => t('reports.companyN', { id: value }),
          ),
        })
      : null,
  ];
  const form = h(
    'form',
    { class: 'report-filter', role: 'search', 'aria-labelledby': titleId, novalidate: true },
    h('h2', { id: titleId, class: 'visually-hidden' }, t('reports.filter')),
    controls,
    h('p', { class: 'field-hint report-days' }, t('reports.daysHint')),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button primary' }, t('reports.apply')),
    ),
  );
  const read = (): ReportFilter | null => {
    const days = { from: '', to: '' };
    let ok = true;
    for (const [name, input] of [
      ['from', from],
      ['to', to],
    ] as const) {
      const reading = input.read();
      const problem =
        'error' in reading ? reading.error : 'empty' in reading ? t(`reports.${name}Missing`) : '';
      if (problem) {
        setFieldError(form, name, problem, { focus: ok });
        ok = false;
      } else if ('value' in reading) days[name] = reading.value;
    }
    if (ok && days.from > days.to) {
      setFieldError(form, 'to', t('reports.toBeforeFrom'), { focus: true });
      ok = false;
    }
    if (!ok) return null;
    const chosen: Record<string, string> = {};
    for (const option of options) chosen[option.name] = valueOf(form, option.name);
    return {
      ...days,
      level: valueOf(form, 'level'),
      category: valueOf(form, 'category'),
      group: valueOf(form, 'group'),
      company: choices.companies ? valueOf(form, 'company') : filter.company,
      options: chosen,
    };
  };
  return { form, read };
}
