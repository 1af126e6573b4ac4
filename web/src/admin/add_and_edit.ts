// The two shapes of the administration's forms: a form that adds one thing
// (it empties itself once the server took it), and a dialog that edits one
// and sends only what changed. Both show a refusal under the field the
// server names, in its words, or above the button.
import { h } from '../dom';
import type { Children } from '../dom';
import { t } from '../i18n';
import { openDialog } from '../ui/dialog';
import { field, formErrorSlot, onSubmit, setBusy } from '../ui/form';

/**
 * A form of `fields` with `submitLabel`. Once the `required` fields
 * ([name, problem]) are filled in, `add` sends it; then the form empties
 * and `onAdded` runs with what `add` answered.
 */
export function addForm<T>(spec: {
  submitLabel: string;
  fields: Children[];
  required?: [name: string, message: string][];
  add: (form: HTMLFormElement) => Promise<T>;
  onAdded: (added: T) => Promise<void>;
}): HTMLFormElement {
  const submit = h('button', { type: 'submit', class: 'button primary' }, spec.submitLabel);
  const form = h(
    'form',
    { class: 'stack people-form', novalidate: true },
    spec.fields,
    formErrorSlot(),
    h('div', { class: 'form-actions' }, submit),
  );
  onSubmit(
    form,
    submit,
    t('common.saving'),
    async () => {
      const added = await spec.add(form);
      setBusy(submit, false);
      form.reset();
      await spec.onAdded(added);
    },
    spec.required,
  );
  return form;
}

/**
 * Opens a wide dialog `title` with a form of `fields`. On "Save" `changes`
 * reads what differs (an empty patch closes it unsent), `save` sends it,
 * and `onSaved` runs with the server's answer once the dialog is closed.
 */
export function openEditDialog<P extends object, T>(spec: {
  title: string;
  submitLabel: string;
  fields: Children[];
  changes: (form: HTMLFormElement) => P;
  save: (patch: P) => Promise<T>;
  onSaved: (saved: T) => Promise<void>;
}): void {
  const submit = h('button', { type: 'submit', class: 'button primary' }, spec.submitLabel);
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    spec.fields,
    formErrorSlot(),
    h('div', { class: 'form-actions' }, submit),
  );
  const dialog = openDialog({ title: spec.title, body: form, className: 'dialog-wide' });
  onSubmit(form, submit, t('common.saving'), async () => {
    const patch = spec.changes(form);
    if (!Object.keys(patch).length) {
      dialog.close();
      return;
    }
    const saved = await spec.save(patch);
    dialog.close();
    await spec.onSaved(saved);
  });
}

/** The field of a new thing's slug, the name it keeps in addresses. */
export function slugField(label: string, hint: string): HTMLElement {
  return field({
    label,
    hint,
    control: h('input', {
      type: 'text',
      name: 'slug',
      autocomplete: 'off',
      spellcheck: 'false',
      maxlength: 64,
    }),
  });
}
