// A transition's form, in a modal dialog: the fields it asks for, filled in
// with the ticket's current process values where it has them, and an
// optional comment. Choices show their labels, people are chosen by name,
// a text field named `category` is a select of the help desk's categories
// (their titles shown, the slug sent), dates are typed in the user's
// notation. Required fields are checked here, with the app's own messages
// next to each field.
import { h } from '../dom';
import { t } from '../i18n';
import { humanize } from '../format';
import { openDialog } from '../ui/dialog';
import { dateInput } from '../ui/date_input';
import { userPicker } from '../ui/user_picker';
import {
  clearErrors,
  clearFieldError,
  field,
  formErrorSlot,
  isBusy,
  setBusy,
  setFieldError,
  showError,
} from '../ui/form';
import type { Category, Ticket, Transition, TransitionField, TransitionFields } from '../api/types';
import type { Fire } from './ticket';

type Value = string | number | boolean;
type Reading = { value: Value } | { error: string } | { empty: true };

interface FieldInput {
  field: TransitionField;
  wrapper: HTMLElement;
  read: () => Reading;
}

export function transitionDialog(spec: {
  transition: Transition;
  ticket: Ticket;
  fire: Fire;
  staff: boolean;
  /** The categories, for a field named `category`. */
  cats: Category[];
}): void {
  const tr = spec.transition;
  const inputs = tr.fields.map((f) => fieldInput(f, prefill(f, spec.ticket), spec.cats));
  const comment = h('textarea', { name: 'comment', rows: 3 });
  const submit = h('button', { type: 'submit', class: 'button primary' }, tr.label);
  const cancel = h('button', { type: 'button', class: 'button subtle' }, t('common.cancel'));
  const form = h(
    'form',
    { class: 'transition-form stack', novalidate: true, dataset: { transition: tr.id } },
    formErrorSlot(),
    inputs.map((input) => input.wrapper),
    field({
      label: spec.staff ? t('transition.noteStaff') : t('transition.noteCustomer'),
      control: comment,
      hint: spec.staff ? t('transition.noteStaffHint') : t('transition.noteCustomerHint'),
      optional: true,
    }),
    h('div', { class: 'form-actions' }, submit, cancel),
  );
  const dialog = openDialog({ title: tr.label, body: form });
  cancel.addEventListener('click', dialog.close);
  // A field's error goes once it is being corrected.
  const corrected = (event: Event): void => {
    const wrapper = (event.target as HTMLElement).closest<HTMLElement>('.field.has-error');
    if (wrapper) clearFieldError(wrapper);
  };
  form.addEventListener('input', corrected);
  form.addEventListener('change', corrected);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (isBusy(submit)) return;
    clearErrors(form);
    const values: TransitionFields = {};
    let firstBad: string | null = null;
    for (const input of inputs) {
      const reading = input.read();
      const name = `fields.${input.field.name}`;
      if ('error' in reading) {
        setFieldError(form, name, reading.error);
        firstBad ??= name;
      } else if ('empty' in reading) {
        if (input.field.required) {
          setFieldError(form, name, requiredText(input.field));
          firstBad ??= name;
        }
      } else {
        values[input.field.name] = reading.value;
      }
    }
    if (firstBad) {
      const wrapper = [...form.querySelectorAll<HTMLElement>('.field')].find(
        (el) => el.dataset.field === firstBad,
      );
      wrapper?.querySelector<HTMLElement>('input, select, textarea')?.focus();
      return;
    }
    setBusy(submit, true);
    try {
      await spec.fire(tr.id, values, comment.value);
      dialog.close(); // done, or the page reloaded and says why
    } catch (error) {
      setBusy(submit, false);
      showError(form, error);
    }
  });
}

function requiredText(f: TransitionField): string {
  if (f.type === 'user') return t('transition.choosePerson');
  if (f.type === 'enum' || f.type === 'boolean' || f.name === kCategoryField) {
    return t('transition.chooseValue');
  }
  return t('transition.required');
}

/**
 * The value the form starts with: the ticket's process field of that name,
 * else the ticket's own criticality or category for fields so named.
 */
function prefill(f: TransitionField, ticket: Ticket): string {
  const stored = ticket.fields?.[f.name];
  if (stored !== undefined && stored !== '') return stored;
  const own =
    f.name === 'criticality' ? ticket.criticality : f.name === 'category' ? ticket.category : '';
  if (!own) return '';
  if (f.type === 'enum' && !(f.options ?? []).includes(own)) return '';
  return f.type === 'enum' || f.type === 'string' ? own : '';
}

/** A text field of this name holds a category's slug. */
const kCategoryField = 'category';

function fieldInput(f: TransitionField, value: string, cats: Category[]): FieldInput {
  const name = `fields.${f.name}`;
  const wrap = (control: HTMLElement, hint?: string | Node): HTMLElement =>
    field({ label: f.label || humanize(f.name), name, control, hint, optional: !f.required });
  const text = (el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): Reading =>
    el.value.trim() ? { value: el.value.trim() } : { empty: true };

  if (f.name === kCategoryField && f.type === 'string' && cats.length) {
    const known = cats.some((c) => c.slug === value);
    const select = h(
      'select',
      { name: f.name },
      h('option', { value: '' }, t('transition.choose')),
      cats.map((c) => h('option', { value: c.slug, selected: c.slug === value }, c.label)),
      // A value no category has any more stays as it was, named as stored.
      value && !known ? h('option', { value, selected: true }, value) : null,
    );
    return { field: f, wrapper: wrap(select), read: () => text(select) };
  }

  switch (f.type) {
    case 'enum': {
      const labels = f.option_labels ?? [];
      const select = h(
        'select',
        { name: f.name },
        h('option', { value: '' }, t('transition.choose')),
        (f.options ?? []).map((option, i) =>
          h('option', { value: option, selected: option === value }, labels[i] || humanize(option)),
        ),
      );
      return { field: f, wrapper: wrap(select), read: () => text(select) };
    }
    case 'boolean': {
      const select = h(
        'select',
        { name: f.name },
        h('option', { value: '' }, t('transition.choose')),
        h('option', { value: 'true', selected: value === 'true' }, t('common.yes')),
        h('option', { value: 'false', selected: value === 'false' }, t('common.no')),
      );
      return { field: f, wrapper: wrap(select), read: () => text(select) };
    }
    case 'text': {
      const area = h('textarea', { name: f.name, rows: 3, value });
      return { field: f, wrapper: wrap(area), read: () => text(area) };
    }
    case 'integer':
    case 'number': {
      const input = h('input', {
        type: 'text',
        name: f.name,
        inputmode: f.type === 'integer' ? 'numeric' : 'decimal',
        autocomplete: 'off',
        value: value ? value.replace('.', t('number.decimalMark')) : '',
      });
      const read = (): Reading => {
        const raw = input.value.trim().replace(/\s/g, '').replace(',', '.');
        if (!raw) return { empty: true };
        const pattern = f.type === 'integer' ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/;
        if (!pattern.test(raw)) {
          return {
            error: t(f.type === 'integer' ? 'transition.badInteger' : 'transition.badNumber'),
          };
        }
        return { value: Number(raw) };
      };
      return { field: f, wrapper: wrap(input), read };
    }
    case 'date':
    case 'datetime': {
      const date = dateInput({ name: f.name, value, withTime: f.type === 'datetime' });
      return { field: f, wrapper: wrap(date.input, date.hint), read: date.read };
    }
    case 'user': {
      const picker = userPicker({ name: f.name, roles: f.options ?? [], value });
      const wrapper = wrap(picker.input, t('transition.personHint'));
      picker.input.after(picker.listbox);
      const read = (): Reading => {
        const id = picker.value();
        if (id !== null) return { value: String(id) };
        return picker.input.value.trim()
          ? { error: t('transition.choosePerson') }
          : { empty: true };
      };
      return { field: f, wrapper, read };
    }
    default: {
      const input = h('input', { type: 'text', name: f.name, autocomplete: 'off', value });
      return { field: f, wrapper: wrap(input), read: () => text(input) };
    }
  }
}
