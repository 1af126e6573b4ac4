// Revoking a licence or a coupon: a modal dialog that says what revoking
// does and asks for the reason, which the server requires and records in
// the audit log. Nothing is sent until "Revoke" is pressed; the server's
// refusal (already revoked, a coupon used meanwhile: 409) shows inside the
// dialog, in its words.
import { h } from '../dom';
import { t } from '../i18n';
import { openDialog } from '../ui/dialog';
import { field, formErrorSlot, onSubmit, valueOf } from '../ui/form';

export interface RevokeSpec<T> {
  /** The dialog's title: "Revoke licence 12?" */
  title: string;
  /** What revoking does, in a sentence or two. */
  text: string;
  /** Sends the revocation with the reason typed. */
  revoke: (reason: string) => Promise<T>;
  /** The revoked item as the server answered; the dialog is closed by then. */
  onRevoked: (item: T) => void;
}

export function openRevokeDialog<T>(spec: RevokeSpec<T>): void {
  const submit = h('button', { type: 'submit', class: 'button danger' }, t('revoke.submit'));
  const cancel = h('button', { type: 'button', class: 'button' }, t('common.cancel'));
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    h('p', null, spec.text),
    field({
      label: t('revoke.reason'),
      hint: t('revoke.reasonHint'),
      control: h('textarea', { name: 'reason', rows: 3, maxlength: 500 }),
    }),
    formErrorSlot(),
    h('div', { class: 'form-actions' }, submit, cancel),
  );
  const dialog = openDialog({ title: spec.title, body: form });
  cancel.addEventListener('click', dialog.close);
  onSubmit(
    form,
    submit,
    t('revoke.working'),
    async () => {
      const revoked = await spec.revoke(valueOf(form, 'reason').trim());
      dialog.close();
      spec.onRevoked(revoked);
    },
    [['reason', t('revoke.reasonMissing')]],
  );
}
