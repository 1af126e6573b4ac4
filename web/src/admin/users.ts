// #/admin/users: everyone with an account (GET /api/v1/admin/users), found
// by name or e-mail and filtered by role, status and company, 50 at a time
// with "Load more". The filter lives in the address
// (#/admin/users?q=anna&role=customer&disabled=false&company=1), so the
// companies page links a company's members and a reload keeps the search.
// "Invite a user" opens the invitation form (./user_invite.ts); each name
// opens the user's page (./user_page.ts).
import { h, replace, uid } from '../dom';
import { roleLabel } from '../format';
import { t } from '../i18n';
import { href } from '../router';
import { field, showError, valueOf } from '../ui/form';
import { adminHeader } from './admin_frame';
import { companies, groups, users } from './people_api';
import type { AdminGroup, AdminUser, Company, UserQuery } from './people_api';
import { companySelect, isRole, roleSelect, stateBadge, withAction } from './people_fields';
import { pagedTable } from './paged_table';
import type { Column } from './paged_table';
import { openInvitation } from './user_invite';
import type { Location } from '../router';

interface UserFilter {
  q: string;
  /** A role, or "" for every role. */
  role: string;
  /** "true", "false", or "" for both. */
  disabled: string;
  /** A company id, or "" for any. */
  company: string;
}

function filterFrom(query: URLSearchParams): UserFilter {
  const role = query.get('role') ?? '';
  const disabled = query.get('disabled') ?? '';
  const company = query.get('company') ?? '';
  return {
    q: query.get('q') ?? '',
    role: isRole(role) ? role : '',
    disabled: disabled === 'true' || disabled === 'false' ? disabled : '',
    company: /^[1-9]\d*$/.test(company) ? company : '',
  };
}

function addressOf(filter: UserFilter): string {
  const query = Object.entries(filter).filter(([, value]) => value !== '');
  return href('/admin/users', Object.fromEntries(query));
}

function requestOf(filter: UserFilter): UserQuery {
  return {
    q: filter.q.trim() || undefined,
    role: filter.role || undefined,
    disabled: filter.disabled ? filter.disabled === 'true' : undefined,
    company: filter.company ? Number(filter.company) : undefined,
  };
}

export async function usersView(root: HTMLElement, location: Location): Promise<void> {
  const filter = filterFrom(location.query);
  const [all, teams] = await Promise.all([companies(), groups().catch(() => [])]);
  const form = filterForm(filter, all);
  const list = pagedTable<AdminUser>({
    caption: t('users.caption'),
    columns: userColumns(teams),
    read: (cursor) => users({ ...requestOf(filter), cursor: cursor ?? undefined }),
    empty: t('users.none'),
    count: (shown, more) => t(more ? 'users.shownMore' : 'users.shown', { count: shown }),
    onError: (error) => showError(form, error),
    className: 'people-table',
  });
  const apply = (): void => {
    const read = (name: string): [string, string] => [name, valueOf(form, name)];
    const chosen = new URLSearchParams(['q', 'role', 'disabled', 'company'].map(read));
    Object.assign(filter, filterFrom(chosen));
    history.replaceState(null, '', addressOf(filter));
    void list.load();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement) apply();
  });

  const invite = h(
    'button',
    { type: 'button', class: 'button primary', 'aria-haspopup': 'dialog' },
    t('users.invite'),
  );
  invite.addEventListener('click', () => openInvitation(all, () => void list.load()));
  const header = adminHeader({ section: 'users', title: t('users.title'), lead: t('users.lead') });
  replace(root, withAction(header, invite), h('div', { class: 'card' }, form, list.element));
  await list.load();
}

function filterForm(filter: UserFilter, all: Company[]): HTMLFormElement {
  const q = h('input', {
    type: 'search',
    name: 'q',
    value: filter.q,
    autocomplete: 'off',
    maxlength: 200,
  });
  const status = h(
    'select',
    { name: 'disabled' },
    h('option', { value: '' }, t('users.filter.anyStatus')),
    h(
      'option',
      { value: 'false', selected: filter.disabled === 'false' },
      t('users.filter.enabled'),
    ),
    h(
      'option',
      { value: 'true', selected: filter.disabled === 'true' },
      t('users.filter.disabled'),
    ),
  );
  const company = companySelect('company', all, {
    by: 'id',
    value: filter.company,
    none: t('users.filter.anyCompany'),
  });
  if (filter.company && company.value !== filter.company) {
    // A company the list does not know (deleted, or a typed address): kept as it is.
    company.append(
      h(
        'option',
        { value: filter.company, selected: true },
        t('users.companyN', { id: filter.company }),
      ),
    );
  }
  const titleId = uid('user-filter');
  return h(
    'form',
    { class: 'people-filter', role: 'search', 'aria-labelledby': titleId, novalidate: true },
    h('h2', { id: titleId, class: 'visually-hidden' }, t('users.filter.title')),
    field({ label: t('users.filter.q'), control: q, hint: t('users.filter.qHint') }),
    field({
      label: t('users.filter.role'),
      control: roleSelect('role', filter.role, t('users.filter.anyRole')),
    }),
    field({ label: t('users.filter.status'), control: status }),
    field({ label: t('users.filter.company'), control: company }),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button' }, t('users.filter.search')),
    ),
  );
}

/** The group names of `slugs` in the reader's language (a slug no group has stays as it is). */
function groupNames(slugs: string[], teams: AdminGroup[]): string {
  if (!slugs.length) return '—';
  return slugs.map((slug) => teams.find((g) => g.slug === slug)?.name ?? slug).join(', ');
}

function userColumns(teams: AdminGroup[]): Column<AdminUser>[] {
  return [
    {
      label: t('users.col.name'),
      cell: (u) => h('a', { href: href(`/admin/users/${u.id}`) }, u.name || u.email),
    },
    { label: t('users.col.email'), cell: (u) => h('span', { class: 'people-email' }, u.email) },
    { label: t('users.col.role'), cell: (u) => roleLabel(u.role) },
    { label: t('users.col.company'), cell: (u) => u.company || '—' },
    { label: t('users.col.groups'), cell: (u) => groupNames(u.groups, teams) },
    { label: t('users.col.status'), cell: (u) => stateBadge(u) },
  ];
}
