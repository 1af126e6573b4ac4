// An attachment picker: choose, drop or paste files (screenshots, logs), see
// them listed with their sizes, remove any before sending.
import { h, replace, uid, announce } from '../dom';
import { fileSize } from '../format';

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
    class: 'file-input',
  });
  const list = h('ul', { class: 'file-list', 'aria-label': 'Files to send' });
  const hint = h(
    'div',
    { class: 'field-hint', id: `${id}-hint` },
    options.hint ??
      'Screenshots, logs or other files. You can also drop files here or paste a screenshot.',
  );
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
    announce(`${added.length} file${added.length === 1 ? '' : 's'} added`);
  };
  const renderList = (): void => {
    replace(
      list,
      chosen.map((file, index) =>
        h(
          'li',
          null,
          h('span', { class: 'file-name' }, file.name || 'pasted image'),
          h('span', { class: 'file-size' }, fileSize(file.size)),
          h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              'aria-label': `Remove ${file.name}`,
              onclick: () => {
                chosen.splice(index, 1);
                changed();
                announce(`${file.name} removed`);
                input.focus();
              },
            },
            'Remove',
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
      options.label ?? 'Attachments',
      h('span', { class: 'optional' }, ' (optional)'),
    ),
    input,
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
