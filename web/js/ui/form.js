// Form building blocks: a labelled field with its hint and error slot, and
// the mapping of problem+json errors onto fields (or the banner).
import { h, uid } from '../dom.js';
import { ApiError } from '../api.js';
import { showBanner, clearBanner } from './banner.js';

/**
 * A labelled control. The control gets an id, and aria-describedby pointing
 * at the hint and at the error message once there is one.
 * @param {{label: string, control: HTMLElement, hint?: string | Node, optional?: boolean,
 *   name?: string}} spec
 */
export function field(spec) {
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
      spec.optional ? h('span', { class: 'optional' }, ' (optional)') : null,
    ),
    spec.control,
    hint,
    h('p', { class: 'field-error', id: errorId, hidden: true }),
  );
  return wrapper;
}

/** @param {HTMLFormElement} form */
export function clearErrors(form) {
  for (const wrapper of form.querySelectorAll('.field.has-error')) {
    wrapper.classList.remove('has-error');
    const error = /** @type {HTMLElement | null} */ (wrapper.querySelector('.field-error'));
    if (error) {
      error.textContent = '';
      error.hidden = true;
    }
    const control = wrapper.querySelector('input, select, textarea');
    if (control) {
      control.removeAttribute('aria-invalid');
      const described = (control.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .filter((token) => token && token !== error?.id);
      if (described.length) control.setAttribute('aria-describedby', described.join(' '));
      else control.removeAttribute('aria-describedby');
    }
  }
  clearBanner();
}

/**
 * Shows `error` next to the field the server named, or in the banner.
 * @param {HTMLFormElement | null} form
 * @param {unknown} error
 */
export function showError(form, error) {
  const apiError = error instanceof ApiError ? error : null;
  const text = apiError ? apiError.detail : 'Something went wrong. Please try again.';
  if (!apiError) console.error(error);
  const wrapper = form && apiError?.field ? fieldWrapper(form, apiError.field) : null;
  if (!wrapper) {
    showBanner(text);
    return;
  }
  wrapper.classList.add('has-error');
  const message = /** @type {HTMLElement} */ (wrapper.querySelector('.field-error'));
  message.textContent = text;
  message.hidden = false;
  const control = wrapper.querySelector('input, select, textarea');
  if (control) {
    control.setAttribute('aria-invalid', 'true');
    const described = control.getAttribute('aria-describedby');
    control.setAttribute('aria-describedby', described ? `${described} ${message.id}` : message.id);
    /** @type {HTMLElement} */ (control).focus();
  }
}

/** @param {HTMLFormElement} form @param {string} name */
function fieldWrapper(form, name) {
  for (const wrapper of form.querySelectorAll('.field')) {
    if (/** @type {HTMLElement} */ (wrapper).dataset.field === name) return wrapper;
  }
  return null;
}

/**
 * Marks a button as working (label changed, aria-disabled) and back. It
 * stays focusable, so keyboard focus is not thrown to the page body while
 * a request runs; handlers ignore it while isBusy().
 * @param {HTMLButtonElement} button
 * @param {boolean} working
 * @param {string} [workingLabel]
 */
export function setBusy(button, working, workingLabel = 'Working…') {
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

/** True while a setBusy(button, true) request runs. @param {HTMLElement} button */
export function isBusy(button) {
  return button.dataset.busy === 'true';
}

/** Text of a named control. @param {HTMLFormElement} form @param {string} name */
export function valueOf(form, name) {
  const control = form.elements.namedItem(name);
  return control && 'value' in control ? String(control.value) : '';
}

/**
 * Runs `action` when `form` is submitted: one submission at a time, earlier
 * errors cleared, `submit` busy meanwhile. When `action` throws, the button
 * is released and the problem shown next to its field (or as a banner); an
 * action that keeps the form on screen releases the button itself.
 * @param {HTMLFormElement} form
 * @param {HTMLButtonElement} submit
 * @param {string} workingLabel
 * @param {() => Promise<void>} action
 */
export function onSubmit(form, submit, workingLabel, action) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (isBusy(submit)) return;
    clearErrors(form);
    setBusy(submit, true, workingLabel);
    try {
      await action();
    } catch (error) {
      setBusy(submit, false);
      showError(form, error);
    }
  });
}
