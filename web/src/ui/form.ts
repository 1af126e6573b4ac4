// Form building blocks: a labelled field with its hint and error slot, and
// the mapping of problem+json errors onto fields (or the banner).
import { h, uid } from '../dom';
import { ApiError } from '../api';
import { showBanner, clearBanner } from './banner';
import { t } from '../i18n';

export interface FieldSpec {
  label: string;
  control: HTMLElement;
  hint?: string | Node;
  optional?: boolean;
  /** The name server errors use for it; the control's name by default. */
  name?: string;
}

/**
 * A labelled control. The control gets an id, and aria-describedby pointing
 * at the hint and at the error message once there is one.
 */
export function field(spec: FieldSpec): HTMLDivElement {
  const id = spec.control.id || uid('f');
  spec.control.id = id;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hint = spec.hint ? h('div', { class: 'field-hint', id: hintId }, spec.hint) : null;
  if (hint) spec.control.setAttribute('aria-describedby', hintId);
  const wrapper = h(
    'div',
    { class: 'field', dataset: { field: spec.name ?? spec.control.getAttribute('name') ?? '' } },
    h(
      'label',
      { for: id },
      spec.label,
      spec.optional ? h('span', { class: 'optional' }, t('common.optional')) : null,
    ),
    spec.control,
    hint,
    h('p', { class: 'field-error', id: errorId, hidden: true }),
  );
  return wrapper;
}

const kControls = 'input, select, textarea';

/**
 * A slot for errors that belong to no field, inside a form that the banner
 * would not reach (a modal dialog covers the page). showError uses it.
 */
export function formErrorSlot(): HTMLElement {
  return h('p', { class: 'form-error', role: 'alert', hidden: true });
}

export function clearErrors(form: HTMLFormElement): void {
  const slot = form.querySelector<HTMLElement>('.form-error');
  if (slot) {
    slot.textContent = '';
    slot.hidden = true;
  }
  for (const wrapper of form.querySelectorAll<HTMLElement>('.field.has-error')) {
    clearFieldError(wrapper);
  }
  clearBanner();
}

/** Removes the error shown under the field `wrapper` (a `.field`). */
export function clearFieldError(wrapper: HTMLElement): void {
  wrapper.classList.remove('has-error');
  const error = wrapper.querySelector<HTMLElement>('.field-error');
  if (error) {
    error.textContent = '';
    error.hidden = true;
  }
  const control = wrapper.querySelector(kControls);
  if (control) {
    control.removeAttribute('aria-invalid');
    const described = (control.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter((token) => token && token !== error?.id);
    if (described.length) control.setAttribute('aria-describedby', described.join(' '));
    else control.removeAttribute('aria-describedby');
  }
}

/**
 * Shows `error` next to the field the server named, else in the form's
 * error slot (formErrorSlot), else in the banner.
 */
export function showError(form: HTMLFormElement | null, error: unknown): void {
  const apiError = error instanceof ApiError ? error : null;
  const text = apiError ? apiError.detail : t('error.generic');
  if (!apiError) console.error(error);
  if (form && apiError?.field && setFieldError(form, apiError.field, text, { focus: true })) {
    return;
  }
  const slot = form?.querySelector<HTMLElement>('.form-error');
  if (slot) {
    slot.textContent = text;
    slot.hidden = false;
    return;
  }
  showBanner(text);
}

/**
 * Shows `text` under the field named `name` (its wrapper's data-field);
 * false when the form has no such field.
 */
export function setFieldError(
  form: HTMLFormElement,
  name: string,
  text: string,
  options: { focus?: boolean } = {},
): boolean {
  const wrapper = fieldWrapper(form, name);
  const message = wrapper?.querySelector<HTMLElement>('.field-error');
  if (!wrapper || !message) return false;
  wrapper.classList.add('has-error');
  message.textContent = text;
  message.hidden = false;
  const control = wrapper.querySelector<HTMLElement>(kControls);
  if (control) {
    control.setAttribute('aria-invalid', 'true');
    const described = control.getAttribute('aria-describedby');
    if (!(described ?? '').split(' ').includes(message.id)) {
      control.setAttribute(
        'aria-describedby',
        described ? `${described} ${message.id}` : message.id,
      );
    }
    if (options.focus) control.focus();
  }
  return true;
}

function fieldWrapper(form: HTMLFormElement, name: string): HTMLElement | null {
  for (const wrapper of form.querySelectorAll<HTMLElement>('.field')) {
    if (wrapper.dataset.field === name) return wrapper;
  }
  return null;
}

/**
 * Marks a button as working (label changed, aria-disabled) and back. It
 * stays focusable, so keyboard focus is not thrown to the page body while
 * a request runs; handlers ignore it while isBusy().
 */
export function setBusy(
  button: HTMLButtonElement,
  working: boolean,
  workingLabel = t('common.working'),
): void {
  if (working) {
    button.dataset.label = button.textContent ?? '';
    button.textContent = workingLabel;
    button.dataset.busy = 'true';
    button.setAttribute('aria-disabled', 'true');
  } else {
    button.textContent = button.dataset.label ?? button.textContent;
    delete button.dataset.busy;
    button.removeAttribute('aria-disabled');
  }
}

/** True while a setBusy(button, true) request runs. */
export function isBusy(button: HTMLElement): boolean {
  return button.dataset.busy === 'true';
}

/** Text of a named control. */
export function valueOf(form: HTMLFormElement, name: string): string {
  const control = form.elements.namedItem(name);
  return control && 'value' in control ? String(control.value) : '';
}

/**
 * Shows `message` under each of the `required` fields left empty and focuses
 * the first; true when none is empty.
 */
function filledIn(form: HTMLFormElement, required: [string, string][]): boolean {
  let first: string | null = null;
  for (const [name, message] of required) {
    if (valueOf(form, name).trim()) continue;
    setFieldError(form, name, message);
    first ??= name;
  }
  if (first) {
    const control = form.elements.namedItem(first);
    if (control instanceof HTMLElement) control.focus();
  }
  return first === null;
}

/**
 * Runs `action` when `form` is submitted: one submission at a time, earlier
 * errors cleared, `submit` busy meanwhile. When `action` throws, the button
 * is released and the problem shown next to its field (or as a banner); an
 * action that keeps the form on screen releases the button itself. The
 * `required` fields are checked first, with the app's own messages.
 */
export function onSubmit(
  form: HTMLFormElement,
  submit: HTMLButtonElement,
  workingLabel: string,
  action: () => Promise<void>,
  required: [name: string, message: string][] = [],
): void {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (isBusy(submit)) return;
    clearErrors(form);
    if (!filledIn(form, required)) return;
    setBusy(submit, true, workingLabel);
    try {
      await action();
    } catch (error) {
      setBusy(submit, false);
      showError(form, error);
    }
  });
}
