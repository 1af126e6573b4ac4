// Partner status on the licences page: the users and companies with one
// (GET /api/v1/admin/partners), named from the companies and users lists,
// and the form that sets a status (POST /api/v1/admin/partners {user or
// company, level}; "none" ends it). A company's status serves all its
// customers. A refusal (an unknown holder) shows under its field.
import { h, replace } from '../dom';
import type { Children } from '../dom';
import { timeElement } from '../format';
import { t } from '../i18n';
import type { PlainKey } from '../i18n';
import { href } from '../router';
import { field, formErrorSlot, onSubmit, setBusy, valueOf } from '../ui/form';
import { titledCard } from './admin_frame';
import { user } from './people_api';
import type { AdminUser, Company } from './people_api';
import { cell, rowHeader, tableHead } from './paged_table';
import { holderFields, holderWords } from './support_fields';
import { partners, setPartner } from './support_api';
import type { NewPartner, Partner } from './support_api';

type PartnerLevel = NewPartner['level'];

const kLevelKeys: Record<PartnerLevel, PlainKey> = {
  none: 'partners.level.none',
  standard: 'partners.level.standard',
  operative: 'partners.level.operative',
};

/** The users with a partner status, by id; a user the server does not give is left out. */
async function partnerUsers(all: Partner[]): Promise<Map<number, AdminUser>> {
  const ids = [...new Set(all.map((p) => p.user_id).filter((id): id is number => id !== null))];
  const found = await Promise.all(ids.map((id) => user(id).catch(() => null)));
  return new Map(found.filter((u): u is AdminUser => u !== null).map((u) => [u.id, u]));
}

function holderOf(partner: Partner, all: Company[], people: Map<number, AdminUser>): Children {
  if (partner.company_id !== null) {
    const company = all.find((c) => c.id === partner.company_id);
    return [
      company?.name ?? t('users.companyN', { id: String(partner.company_id) }),
      h('span', { class: 'tag holder-kind-tag' }, t('holder.companyTag')),
    ];
  }
  const id = partner.user_id ?? 0;
  const person = people.get(id);
  return [
    h('a', { href: href(`/admin/users/${id}`) }, person?.name || t('common.userN', { id })),
    person ? h('span', { class: 'people-email cell-note' }, person.email) : null,
  ];
}

async function partnerTable(all: Company[]): Promise<HTMLElement> {
  const list = (await partners()).filter((p) => p.level !== 'none');
  if (!list.length) return h('p', { class: 'muted' }, t('partners.none'));
  const people = await partnerUsers(list);
  const cols = [t('partners.col.partner'), t('partners.col.level'), t('partners.col.since')];
  return h(
    'table',
    { class: 'admin-table paged-table', role: 'table' },
    h('caption', { class: 'visually-hidden' }, t('partners.caption')),
    tableHead(cols),
    h(
      'tbody',
      { role: 'rowgroup' },
      list.map((partner) =>
        h(
          'tr',
          { role: 'row' },
          rowHeader(cols[0] ?? '', holderOf(partner, all, people)),
          cell(cols[1] ?? '', t(kLevelKeys[partner.level])),
          cell(cols[2] ?? '', timeElement(partner.updated_at, { style: 'date' })),
        ),
      ),
    ),
  );
}

/** The partners and the form that sets a status. */
export async function partnersCard(all: Company[]): Promise<HTMLElement> {
  const list = h('div', null, await partnerTable(all));
  const holder = holderFields(all);
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('partners.set'));
  const status = h('p', { class: 'form-status', role: 'status' });
  const form = h(
    'form',
    { class: 'stack people-form', novalidate: true },
    holder.element,
    field({
      label: t('partners.level'),
      control: h(
        'select',
        { name: 'level' },
        (Object.keys(kLevelKeys) as PartnerLevel[]).map((level) =>
          h('option', { value: level, selected: level === 'standard' }, t(kLevelKeys[level])),
        ),
      ),
    }),
    formErrorSlot(),
    h('div', { class: 'form-actions' }, submit, status),
  );
  onSubmit(form, submit, t('common.saving'), async () => {
    status.textContent = '';
    const chosen = holder.read();
    const level = valueOf(form, 'level') as PartnerLevel;
    await setPartner({ ...chosen, level });
    setBusy(submit, false);
    const name = holderWords(chosen);
    replace(list, await partnerTable(all));
    status.textContent = t('partners.saved', { name, level: t(kLevelKeys[level]) });
  });
  return titledCard(t('partners.title'), [
    h('p', { class: 'field-hint' }, t('partners.lead')),
    list,
    h('h3', { class: 'partner-set-title' }, t('partners.setTitle')),
    form,
  ]);
}
