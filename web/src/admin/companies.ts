// #/admin/companies: the customers' companies (GET /api/v1/admin/companies)
// with whether their members see each other's tickets, a link to the
// members (#/admin/users?company=ID) and to the company's licences and
// coupons (?q=<name>), renaming in place and sharing turned
// on or off with one PATCH each, and adding a company. A refusal (a name in
// use) shows under the field, in the server's words.
import { h, replace, uid, announce } from '../dom';
import { timeElement } from '../format';
import { t } from '../i18n';
import { href } from '../router';
import {
  clearErrors,
  field,
  formErrorSlot,
  onSubmit,
  setBusy,
  showError,
  valueOf,
} from '../ui/form';
import { addForm } from './add_and_edit';
import { adminHeader, titledCard } from './admin_frame';
import { addCompany, companies, updateCompany } from './people_api';
import type { Company } from './people_api';
import { cell, rowHeader, tableHead } from './paged_table';
import { supportLinks } from './support_fields';

export async function companiesView(root: HTMLElement): Promise<void> {
  const list = h('div');
  const draw = (all: Company[]): void => {
    replace(list, all.length ? companyTable(all) : h('p', { class: 'muted' }, t('companies.none')));
  };
  draw(await companies());
  replace(
    root,
    adminHeader({ section: 'companies', title: t('companies.title'), lead: t('companies.lead') }),
    titledCard(t('companies.title'), [list], { hiddenTitle: true }),
    addCard(async (added) => {
      draw(await companies());
      list.querySelector<HTMLElement>(`tr[data-company="${added.id}"] th`)?.focus();
    }),
  );
}

function companyTable(all: Company[]): HTMLTableElement {
  return h(
    'table',
    { class: 'admin-table paged-table company-table', role: 'table' },
    h('caption', { class: 'visually-hidden' }, t('companies.caption')),
    tableHead([
      t('companies.col.name'),
      t('companies.col.share'),
      t('companies.col.members'),
      t('support.column'),
      t('companies.col.created'),
    ]),
    h('tbody', { role: 'rowgroup' }, all.map(companyRow)),
  );
}

/** A company's row; renaming it or turning sharing on or off changes the row in place. */
function companyRow(company: Company): HTMLTableRowElement {
  const nameId = uid('company');
  const name = h('span', { id: nameId }, company.name);
  const members = h('a', { href: href('/admin/users', { company: String(company.id) }) });
  const support = h('div');
  let current = company;
  const changed = (next: Company): void => {
    current = next;
    name.textContent = next.name;
    members.textContent = t('companies.members', { name: next.name });
    replace(support, supportLinks(next.name, next.name));
  };
  changed(company);
  return h(
    'tr',
    { role: 'row', dataset: { company: String(company.id) } },
    rowHeader(
      t('companies.col.name'),
      name,
      renameControl(() => current, nameId, changed),
    ),
    cell(
      t('companies.col.share'),
      shareControl(() => current, nameId, changed),
    ),
    cell(t('companies.col.members'), members),
    cell(t('support.column'), support),
    cell(t('companies.col.created'), timeElement(company.created_at, { style: 'date' })),
  );
}

/** "Rename": a small form in place of the button until saved or cancelled. */
function renameControl(
  current: () => Company,
  nameId: string,
  onRenamed: (company: Company) => void,
): HTMLElement {
  const slot = h('div', { class: 'company-rename' });
  const button = h(
    'button',
    { type: 'button', class: 'button small subtle', 'aria-describedby': nameId },
    t('companies.rename'),
  );
  const close = (): void => {
    replace(slot, button);
    button.focus();
  };
  button.addEventListener('click', () => {
    const input = h('input', { type: 'text', name: 'name', value: current().name, maxlength: 200 });
    const save = h(
      'button',
      { type: 'submit', class: 'button small primary' },
      t('companies.save'),
    );
    const cancel = h(
      'button',
      { type: 'button', class: 'button small', onclick: close },
      t('common.cancel'),
    );
    const form = h(
      'form',
      { class: 'stack', novalidate: true },
      field({ label: t('companies.newName', { name: current().name }), control: input }),
      formErrorSlot(),
      h('div', { class: 'form-actions' }, save, cancel),
    );
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') close();
    });
    onSubmit(
      form,
      save,
      t('common.saving'),
      async () => {
        const next = valueOf(form, 'name').trim();
        if (next !== current().name) onRenamed(await updateCompany(current().id, { name: next }));
        setBusy(save, false);
        close();
        announce(t('companies.renamed', { name: next }));
      },
      [['name', t('companies.nameMissing')]],
    );
    replace(slot, form);
    input.focus();
    input.select();
  });
  slot.append(button);
  return slot;
}

/** "Share tickets": a checkbox saved as soon as it changes. */
function shareControl(
  current: () => Company,
  nameId: string,
  onChanged: (company: Company) => void,
): HTMLElement {
  const box = h('input', {
    type: 'checkbox',
    name: 'share_tickets',
    checked: current().share_tickets,
    'aria-describedby': nameId,
  });
  const form = h(
    'form',
    { novalidate: true },
    h(
      'div',
      { class: 'field', dataset: { field: 'share_tickets' } },
      h('label', { class: 'checkbox-field' }, box, h('span', null, t('companies.share'))),
      h('p', { class: 'field-error', id: uid('share-error'), hidden: true }),
    ),
    formErrorSlot(),
  );
  box.addEventListener('change', async () => {
    clearErrors(form);
    const share = box.checked;
    box.disabled = true;
    try {
      onChanged(await updateCompany(current().id, { share_tickets: share }));
      announce(t(share ? 'companies.sharing' : 'companies.notSharing', { name: current().name }));
    } catch (error) {
      box.checked = !share;
      showError(form, error);
    } finally {
      box.disabled = false;
      box.focus();
    }
  });
  return form;
}

/** The form that adds a company; `onAdded` lists it. */
function addCard(onAdded: (company: Company) => Promise<void>): HTMLElement {
  const shareId = uid('share');
  const share = h('input', { type: 'checkbox', name: 'share_tickets', id: shareId });
  const form = addForm({
    submitLabel: t('companies.add'),
    fields: [
      field({
        label: t('companies.name'),
        control: h('input', { type: 'text', name: 'name', autocomplete: 'off', maxlength: 200 }),
      }),
      h(
        'div',
        { class: 'checkbox-field' },
        share,
        h('label', { for: shareId }, t('companies.shareHint')),
      ),
    ],
    required: [['name', t('companies.nameMissing')]],
    add: (form) => addCompany(valueOf(form, 'name').trim(), share.checked),
    onAdded: async (added) => {
      announce(t('companies.added', { name: added.name }));
      await onAdded(added);
    },
  });
  return titledCard(t('companies.addTitle'), [form]);
}
