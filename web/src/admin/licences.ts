// #/admin/licences: the licences (GET /api/v1/admin/licences), newest
// first, found by the holder's e-mail, name or company, or the edition
// (`q`), and by state (active, expired, revoked); the search is kept in the
// address (#/admin/licences?q=anna%40acme.example&state=active), so a
// user's page and the companies page link their licences. Each row can be
// renewed (./licence_forms.ts) or revoked with a reason (./revoke_dialog.ts);
// below, a licence is added and partner status set (./partners.ts).
import { h, replace, announce } from '../dom';
import { formatCalendarDate } from '../format';
import { t } from '../i18n';
import type { PlainKey } from '../i18n';
import type { Location } from '../router';
import { showError } from '../ui/form';
import { adminHeader, titledCard } from './admin_frame';
import { companies } from './people_api';
import { pagedTable } from './paged_table';
import type { Column, PagedTable } from './paged_table';
import { addLicenceCard, kSupportKeys, licenceName, openRenewDialog } from './licence_forms';
import { partnersCard } from './partners';
import { openRevokeDialog } from './revoke_dialog';
import { licences, revokeLicence } from './support_api';
import type { Licence, LicenceState } from './support_api';
import { holderCell, revokedNote, searchForm, searchFrom, stateBadge } from './support_fields';
import type { SearchFilter } from './support_fields';

const kStateKeys: Record<Exclude<LicenceState, 'all'>, PlainKey> = {
  active: 'licences.state.active',
  expired: 'licences.state.expired',
  revoked: 'licences.state.revoked',
};
const kStates = Object.keys(kStateKeys);

export async function licencesView(root: HTMLElement, location: Location): Promise<void> {
  const filter = searchFrom(location.query, kStates);
  const all = await companies();
  const onError = (error: unknown): void => showError(form, error);
  const list: PagedTable = pagedTable<Licence>({
    caption: t('licences.caption'),
    columns: licenceColumns({
      renew: (licence) => openRenewDialog(licence, () => list.load()),
      revoke: (licence) => revoke(licence, list),
    }),
    read: async () => ({ items: await licences(requestOf(filter)), next: null }),
    empty: t('licences.none'),
    count: (shown) => t('licences.shown', { count: shown }),
    onError,
    className: 'support-table',
  });
  const form = searchForm({
    filter,
    title: t('licences.search'),
    qLabel: t('licences.q'),
    qHint: t('licences.qHint'),
    path: '/admin/licences',
    allStates: t('licences.state.all'),
    states: kStates.map((value) => ({
      value,
      label: t(kStateKeys[value as keyof typeof kStateKeys]),
    })),
    onApply: () => void list.load(),
  });
  replace(
    root,
    adminHeader({ section: 'licences', title: t('licences.title'), lead: t('licences.lead') }),
    titledCard(t('licences.title'), [form, list.element], { hiddenTitle: true }),
    addLicenceCard(all, () => list.load()),
    await partnersCard(all),
  );
  await list.load();
}

function requestOf(filter: SearchFilter): { q?: string; state?: LicenceState } {
  return {
    q: filter.q || undefined,
    state: (filter.state || undefined) as LicenceState | undefined,
  };
}

/** Asks for the reason and revokes; the list is read again and the row gets focus. */
function revoke(licence: Licence, list: PagedTable): void {
  const name = licenceName(licence);
  openRevokeDialog({
    title: t('licences.revokeTitle', { licence: name, holder: licence.holder.name }),
    text: t('licences.revokeText'),
    revoke: (reason) => revokeLicence(licence.id, reason),
    onRevoked: async () => {
      announce(t('licences.revoked', { licence: name, holder: licence.holder.name }));
      await list.load();
      const actions = list.element.querySelector(`[data-licence="${licence.id}"]`);
      actions?.closest('tr')?.querySelector<HTMLElement>('th')?.focus();
    },
  });
}

function licenceColumns(actions: {
  renew: (licence: Licence) => void;
  revoke: (licence: Licence) => void;
}): Column<Licence>[] {
  return [
    { label: t('licences.col.holder'), cell: (l) => holderCell(l.holder) },
    {
      label: t('licences.col.licence'),
      cell: (l) => [
        l.edition,
        l.limited ? h('span', { class: 'tag' }, t('licences.limited')) : null,
        h('span', { class: 'cell-note' }, t(kSupportKeys[l.support])),
      ],
    },
    {
      label: t('licences.col.valid'),
      cell: (l) =>
        l.expires
          ? t('licences.period', {
              from: formatCalendarDate(l.activated, 'date'),
              to: formatCalendarDate(l.expires, 'date'),
            })
          : t('licences.from', { from: formatCalendarDate(l.activated, 'date') }),
    },
    {
      label: t('licences.col.state'),
      cell: (l) => [stateBadge(l.state, kStateKeys), revokedNote(l)],
    },
    { label: t('licences.col.actions'), cell: (l) => rowActions(l, actions) },
  ];
}

function rowActions(
  licence: Licence,
  actions: {
    renew: (licence: Licence) => void;
    revoke: (licence: Licence) => void;
  },
): HTMLElement {
  const box = h('div', { class: 'row-actions', dataset: { licence: String(licence.id) } });
  if (licence.state === 'revoked') {
    box.append(h('span', { class: 'muted' }, '—'));
    return box;
  }
  const label = `${licenceName(licence)}, ${licence.holder.name}`;
  box.append(
    h(
      'button',
      {
        type: 'button',
        class: 'button small',
        'aria-haspopup': 'dialog',
        'aria-label': t('licences.renewOf', { licence: label }),
        onclick: () => actions.renew(licence),
      },
      t('licences.renew'),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'button small',
        'aria-haspopup': 'dialog',
        'aria-label': t('licences.revokeOf', { licence: label }),
        onclick: () => actions.revoke(licence),
      },
      t('licences.revoke'),
    ),
  );
  return box;
}
