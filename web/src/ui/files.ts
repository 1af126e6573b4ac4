// An attachment picker: choose, drop or paste files (screenshots, logs), see
// them listed with their sizes, remove any before sending.
import { h, replace, uid, announce } from '../dom';
import { fileSize } from '../format';
import { t } from '../i18n';

export interface FilePicker {
  element: HTMLElement;
  /** The chosen files, in the order chosen. */
  files: () => File[];
  reset: () => void;
  add: (files: Iterable<File>) => void;
  onChange: (fn: () => void) => void;
}

export function filePicker(options: { label?: string; hint?: string } = {}): FilePicker {
  let chosen: File[] = [];
  const listeners: (() => void)[] = [];
  const id = uid('files');
  const input = h('input', {
    type: 'file',
    id,
    name: 'attachments',
    multiple: true,
    // The browser's own button speaks the browser's language, so it is
    // hidden and a label in the app's language stands in for it.
    class: 'file-input visually-hidden',
  });
  const list = h('ul', { class: 'file-list', 'aria-label': t('files.listLabel') });
  const hint = h('div', { class: 'field-hint', id: `${id}-hint` }, options.hint ?? t('files.hint'));
  input.setAttribute('aria-describedby', hint.id);

  const changed = (): void => {
    renderList();
    for (const fn of listeners) fn();
  };
  const add = (files: Iterable<File>): void => {
    const added = [...files];
    if (!added.length) return;
    chosen = chosen.concat(added);
    changed();
    announce(t('files.added', { count: added.length }));
  };
  const renderList = (): void => {
    replace(
      list,
      chosen.map((file, index) =>
        h(
          'li',
          null,
          h('span', { class: 'file-name' }, file.name || t('files.pasted')),
          h('span', { class: 'file-size' }, fileSize(file.size)),
          h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              'aria-label': t('files.removeNamed', { name: file.name }),
              onclick: () => {
                chosen.splice(index, 1);
                changed();
                announce(t('files.removed', { name: file.name }));
                input.focus();
              },
            },
            t('files.remove'),
          ),
        ),
      ),
    );
    list.hidden = chosen.length === 0;
  };

  input.addEventListener('change', () => {
    if (input.files) add(input.files);
    input.value = '';
  });
  const element = h(
    'div',
    { class: 'field file-picker', dataset: { field: 'attachments' } },
    h(
      'label',
      { for: id },
      options.label ?? t('files.label'),
      h('span', { class: 'optional' }, t('common.optional')),
    ),
    input,
    h(
      'label',
      { for: id, class: 'button small file-choose', 'aria-hidden': 'true' },
      t('files.choose'),
    ),
    hint,
    list,
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }),
  );
  element.addEventListener('dragover', (event) => {
    event.preventDefault();
    element.classList.add('dragging');
  });
  element.addEventListener('dragleave', () => element.classList.remove('dragging'));
  element.addEventListener('drop', (event) => {
    event.preventDefault();
    element.classList.remove('dragging');
    if (event.dataTransfer) add(event.dataTransfer.files);
  });
  renderList();

  return {
    element,
    files: () => chosen.slice(),
    add,
    reset: () => {
      chosen = [];
      renderList();
    },
    onChange: (fn) => listeners.push(fn),
  };
}

/** Lets a form accept pasted screenshots into `picker`. */
export function acceptPastedFiles(form: HTMLElement, picker: Pick<FilePicker, 'add'>): void {
  form.addEventListener('paste', (event) => {
    const files = [...(event.clipboardData?.files ?? [])];
    if (files.length) {
      event.preventDefault();
      picker.add(files);
    }
  });
}
