// #/admin/coupons: the special-request coupons (GET /api/v1/admin/coupons),
// newest first, found by the holder's e-mail, name or company, or the code
// (`q`), and by state (unused, used, expired, revoked), the search kept in
// the address (#/admin/coupons?q=acme&state=unused). Each shows its holder,
// how and when it was issued, its expiry, and once used the ticket it made
// a special request (a link to #/tickets/{id}). An unused coupon can be
// revoked with a reason (./revoke_dialog.ts); below, one is issued by hand
// to a customer or a company (POST /api/v1/admin/coupons) and its code
// shown to pass on.
import { h, replace, uid, announce } from '../dom';
import { formatDate, timeElement } from '../format';
import { t } from '../i18n';
import type { PlainKey } from '../i18n';
import { href } from '../router';
import type { Location } from '../router';
import { formErrorSlot, onSubmit, setBusy, showError } from '../ui/form';
import { adminHeader, titledCard } from './admin_frame';
import { companies } from './people_api';
import type { Company } from './people_api';
import { pagedTable } from './paged_table';
import type { Column, PagedTable } from './paged_table';
import { copyBox, showResult } from './people_fields';
import { openRevokeDialog } from './revoke_dialog';
import { coupons, issueCoupon, revokeCoupon } from './support_api';
import type { Coupon, CouponState } from './support_api';
import {
  holderCell,
  holderFields,
  holderWords,
  revokedNote,
  searchForm,
  searchFrom,
  stateBadge,
} from './support_fields';

const kStateKeys: Record<Exclude<CouponState, 'all'>, PlainKey> = {
  unused: 'couponAdmin.state.unused',
  used: 'couponAdmin.state.used',
  expired: 'couponAdmin.state.expired',
  revoked: 'couponAdmin.state.revoked',
};
const kStates = Object.keys(kStateKeys) as (keyof typeof kStateKeys)[];

const kOriginKeys: Record<Coupon['origin'], PlainKey> = {
  activation: 'couponAdmin.origin.activation',
  renewal: 'couponAdmin.origin.renewal',
  admin: 'couponAdmin.origin.admin',
};

export async function couponsView(root: HTMLElement, location: Location): Promise<void> {
  const filter = searchFrom(location.query, kStates);
  const all = await companies();
  const list: PagedTable = pagedTable<Coupon>({
    caption: t('couponAdmin.caption'),
    columns: couponColumns((coupon) => revoke(coupon, list)),
    read: async () => ({
      items: await coupons({
        q: filter.q || undefined,
        state: (filter.state || undefined) as CouponState | undefined,
      }),
      next: null,
    }),
    empty: t('couponAdmin.none'),
    count: (shown) => t('couponAdmin.shown', { count: shown }),
    onError: (error) => showError(form, error),
    className: 'support-table',
  });
  const form = searchForm({
    filter,
    title: t('couponAdmin.search'),
    qLabel: t('couponAdmin.q'),
    qHint: t('couponAdmin.qHint'),
    path: '/admin/coupons',
    allStates: t('couponAdmin.state.all'),
    states: kStates.map((value) => ({ value, label: t(kStateKeys[value]) })),
    onApply: () => void list.load(),
  });
  replace(
    root,
    adminHeader({ section: 'coupons', title: t('couponAdmin.title'), lead: t('couponAdmin.lead') }),
    titledCard(t('couponAdmin.title'), [form, list.element], { hiddenTitle: true }),
    issueCard(all, () => list.load()),
  );
  await list.load();
}

/** Asks for the reason and revokes; the list is read again and the row gets focus. */
function revoke(coupon: Coupon, list: PagedTable): void {
  openRevokeDialog({
    title: t('couponAdmin.revokeTitle', { code: coupon.code }),
    text: t('couponAdmin.revokeText', { holder: coupon.holder.name }),
    revoke: (reason) => revokeCoupon(coupon.code, reason),
    onRevoked: async () => {
      announce(t('couponAdmin.revoked', { code: coupon.code }));
      await list.load();
      const actions = list.element.querySelector(`[data-coupon="${coupon.code}"]`);
      actions?.closest('tr')?.querySelector<HTMLElement>('th')?.focus();
    },
  });
}

/** "Used on 7 Dec 2026 for ticket 15" (linked), or the revocation, under the state's badge. */
function stateCell(coupon: Coupon): Node[] {
  const out: Node[] = [stateBadge(coupon.state, kStateKeys)];
  if (coupon.used_at) {
    out.push(
      h(
        'span',
        { class: 'revoked-note' },
        t('couponAdmin.usedOn', { date: formatDate(coupon.used_at, 'date') }),
        ' ',
        coupon.ticket_id
          ? h(
              'a',
              { href: href(`/tickets/${coupon.ticket_id}`) },
              t('couponAdmin.ticket', { id: coupon.ticket_id }),
            )
          : null,
      ),
    );
  }
  const note = revokedNote(coupon);
  if (note) out.push(note);
  return out;
}

function couponColumns(onRevoke: (coupon: Coupon) => void): Column<Coupon>[] {
  return [
    {
      label: t('couponAdmin.col.code'),
      cell: (c) => h('code', { class: 'coupon-code' }, c.code),
    },
    { label: t('couponAdmin.col.holder'), cell: (c) => holderCell(c.holder) },
    {
      label: t('couponAdmin.col.issued'),
      cell: (c) => [
        timeElement(c.issued_at, { style: 'date' }),
        h('span', { class: 'cell-note' }, t(kOriginKeys[c.origin])),
      ],
    },
    {
      label: t('couponAdmin.col.expires'),
      cell: (c) => timeElement(c.expires_at, { style: 'date' }),
    },
    { label: t('couponAdmin.col.state'), cell: stateCell },
    {
      label: t('couponAdmin.col.actions'),
      cell: (c) => {
        const box = h('div', { class: 'row-actions', dataset: { coupon: c.code } });
        if (c.state !== 'unused') box.append(h('span', { class: 'muted' }, '—'));
        else {
          box.append(
            h(
              'button',
              {
                type: 'button',
                class: 'button small',
                'aria-haspopup': 'dialog',
                'aria-label': t('couponAdmin.revokeOf', { code: c.code }),
                onclick: () => onRevoke(c),
              },
              t('couponAdmin.revoke'),
            ),
          );
        }
        return box;
      },
    },
  ];
}

/** The form that issues a coupon by hand; `onIssued` lists it anew. */
function issueCard(all: Company[], onIssued: () => Promise<void>): HTMLElement {
  const holder = holderFields(all);
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('couponAdmin.issue'));
  const result = h('div', { class: 'account-result' });
  const form = h(
    'form',
    { class: 'stack people-form', novalidate: true },
    holder.element,
    formErrorSlot(),
    h('div', { class: 'form-actions' }, submit),
  );
  onSubmit(form, submit, t('common.working'), async () => {
    result.replaceChildren();
    const chosen = holder.read();
    const coupon = await issueCoupon(chosen);
    setBusy(submit, false);
    form.reset();
    holder.reset();
    await onIssued();
    const words = t('couponAdmin.issued', { holder: holderWords(chosen) });
    const titleId = uid('coupon');
    showResult(
      result,
      h(
        'section',
        { class: 'stack', 'aria-labelledby': titleId },
        h('h3', { id: titleId, tabindex: -1 }, words),
        copyBox(t('licences.couponCode'), coupon.code),
        h(
          'p',
          { class: 'field-hint' },
          t('licences.couponText', { date: formatDate(coupon.expires_at, 'date') }),
        ),
      ),
      words,
    );
  });
  return titledCard(t('couponAdmin.issueTitle'), [
    h('p', { class: 'field-hint' }, t('couponAdmin.issueLead')),
    form,
    result,
  ]);
}
