// #/admin/audit: the audit log (GET /api/v1/admin/audit), newest first, 50
// entries at a time with "Load more". Filters: action ("user." matches
// every user action), subject, actor (a select of the administrators) and
// the first and last day (UTC days, typed in the reader's notation); they
// live in the address (#/admin/audit?action=user.&from=2026-12-01). Each
// entry shows its time in the reader's zone, actor, action, subject, detail
// and its changes as "field: old → new" lines. "Download CSV" is a link to
// the same filtered log as CSV (format=csv); the session cookie goes with it.
import { h, replace, uid } from '../dom';
import { timeElement } from '../format';
import { t } from '../i18n';
import { href } from '../router';
import type { Location } from '../router';
import { dateInput } from '../ui/date_input';
import { clearErrors, field, setFieldError, showError, valueOf } from '../ui/form';
import { adminHeader } from './admin_frame';
import { auditCsvUrl, auditPage, usersOf } from './people_api';
import type { AdminUser, AuditEntry, AuditQuery } from './people_api';
import { pagedTable } from './paged_table';
import { withAction } from './people_fields';
import type { Column } from './paged_table';

interface AuditFilter {
  action: string;
  subject: string;
  /** A user id, or "" for anyone. */
  actor: string;
  /** YYYY-MM-DD, or "". */
  from: string;
  to: string;
}

const kFilterKeys = ['action', 'subject', 'actor', 'from', 'to'] as const;

function filterFrom(query: URLSearchParams): AuditFilter {
  const day = (value: string | null): string =>
    value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
  const actor = query.get('actor') ?? '';
  return {
    action: query.get('action') ?? '',
    subject: query.get('subject') ?? '',
    actor: /^[1-9]\d*$/.test(actor) ? actor : '',
    from: day(query.get('from')),
    to: day(query.get('to')),
  };
}

function requestOf(filter: AuditFilter): Omit<AuditQuery, 'format' | 'cursor' | 'limit'> {
  return {
    action: filter.action.trim() || undefined,
    subject: filter.subject.trim() || undefined,
    actor: filter.actor ? Number(filter.actor) : undefined,
    from: filter.from || undefined,
    to: filter.to || undefined,
  };
}

export async function auditView(root: HTMLElement, location: Location): Promise<void> {
  const filter = filterFrom(location.query);
  const admins = await usersOf(['administrator']);
  const csv = h('a', { class: 'button', download: 'audit.csv' }, t('audit.csv'));
  const { form, read } = filterForm(filter, admins);
  const list = pagedTable<AuditEntry>({
    caption: t('audit.caption'),
    columns: auditColumns(),
    read: (cursor) => auditPage({ ...requestOf(filter), cursor: cursor ?? undefined }),
    empty: t('audit.none'),
    count: (shown, more) => t(more ? 'audit.shownMore' : 'audit.shown', { count: shown }),
    onError: (error) => showError(form, error),
    className: 'audit-table',
  });
  const apply = (): void => {
    csv.href = auditCsvUrl(requestOf(filter));
    const query = Object.fromEntries(
      kFilterKeys.flatMap((k) => (filter[k] ? [[k, filter[k]]] : [])),
    );
    history.replaceState(null, '', href('/admin/audit', query));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const next = read();
    if (!next) return;
    Object.assign(filter, next);
    apply();
    void list.load();
  });
  apply();
  const header = adminHeader({ section: 'audit', title: t('audit.title'), lead: t('audit.lead') });
  replace(root, withAction(header, csv), h('div', { class: 'card' }, form, list.element));
  await list.load();
}

/** The filter form and its reader: the filter typed, or null after showing what is wrong. */
function filterForm(
  filter: AuditFilter,
  admins: AdminUser[],
): { form: HTMLFormElement; read: () => AuditFilter | null } {
  const text = (name: string, value: string): HTMLInputElement =>
    h('input', {
      type: 'text',
      name,
      value,
      autocomplete: 'off',
      spellcheck: 'false',
      maxlength: 200,
    });
  const actor = h(
    'select',
    { name: 'actor' },
    h('option', { value: '' }, t('audit.anyone')),
    admins.map((a) =>
      h(
        'option',
        { value: String(a.id), selected: String(a.id) === filter.actor },
        `${a.name} <${a.email}>`,
      ),
    ),
  );
  if (filter.actor && actor.value !== filter.actor) {
    actor.append(
      h('option', { value: filter.actor, selected: true }, t('common.userN', { id: filter.actor })),
    );
  }
  const from = dateInput({ name: 'from', value: filter.from });
  const to = dateInput({ name: 'to', value: filter.to });
  const titleId = uid('audit-filter');
  const form = h(
    'form',
    {
      class: 'people-filter audit-filter',
      role: 'search',
      'aria-labelledby': titleId,
      novalidate: true,
    },
    h('h2', { id: titleId, class: 'visually-hidden' }, t('audit.filter')),
    field({
      label: t('audit.action'),
      control: text('action', filter.action),
      hint: t('audit.actionHint'),
    }),
    field({
      label: t('audit.subject'),
      control: text('subject', filter.subject),
      hint: t('audit.subjectHint'),
    }),
    field({ label: t('audit.actor'), control: actor }),
    field({ label: t('audit.from'), control: from.input, hint: from.hint }),
    field({ label: t('audit.to'), control: to.input, hint: to.hint }),
    h('p', { class: 'field-hint audit-days' }, t('audit.daysHint')),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button' }, t('audit.apply')),
    ),
  );
  const read = (): AuditFilter | null => {
    const days: Record<'from' | 'to', string> = { from: '', to: '' };
    let ok = true;
    for (const [name, input] of [
      ['from', from],
      ['to', to],
    ] as const) {
      const reading = input.read();
      if ('error' in reading) {
        setFieldError(form, name, reading.error, { focus: ok });
        ok = false;
      } else if ('value' in reading) days[name] = reading.value;
    }
    if (!ok) return null;
    return {
      action: valueOf(form, 'action').trim(),
      subject: valueOf(form, 'subject').trim(),
      actor: valueOf(form, 'actor'),
      ...days,
    };
  };
  return { form, read };
}

/** "user:12" links to the user's page; other subjects read as they are. */
function subjectCell(subject: string): Node {
  const user = /^user:(\d+)$/.exec(subject);
  const code = h('code', null, subject);
  return user ? h('a', { href: href(`/admin/users/${user[1]}`) }, code) : code;
}

function value(text: string): Node | string {
  return text === '' ? h('span', { class: 'muted' }, t('audit.empty')) : text;
}

function changesCell(entry: AuditEntry): Node | string {
  if (!entry.changes.length) return '—';
  return h(
    'ul',
    { class: 'audit-changes' },
    entry.changes.map((change) =>
      h(
        'li',
        null,
        h('span', { class: 'audit-field' }, change.field),
        ': ',
        value(change.before),
        ' → ',
        value(change.after),
      ),
    ),
  );
}

function auditColumns(): Column<AuditEntry>[] {
  return [
    { label: t('audit.col.time'), cell: (e) => timeElement(e.at) },
    { label: t('audit.col.actor'), cell: (e) => e.actor || t('audit.commandLine') },
    { label: t('audit.col.action'), cell: (e) => h('code', null, e.action) },
    { label: t('audit.col.subject'), cell: (e) => subjectCell(e.subject) },
    { label: t('audit.col.detail'), cell: (e) => e.detail || '—' },
    { label: t('audit.col.changes'), cell: changesCell },
  ];
}
