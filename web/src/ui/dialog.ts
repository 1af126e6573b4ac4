// A modal <dialog>: focus moves in and is kept there by the browser, Escape
// or the close button closes it, and focus returns to what opened it. The
// close button is named "Close dialog", so it never reads like an action of
// the form inside (a transition named "Close", say).
import { h, uid } from '../dom';
import { t } from '../i18n';
import type { Children } from '../dom';

export interface Dialog {
  element: HTMLDialogElement;
  close: () => void;
}

/** Opens a modal dialog titled `title` around `body`; removed from the page when closed. */
export function openDialog(spec: {
  title: string;
  body: Children;
  onClose?: () => void;
  /** Extra classes of the <dialog> (e.g. "dialog-wide"). */
  className?: string;
}): Dialog {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const titleId = uid('dialog-title');
  const closeButton = h(
    'button',
    {
      type: 'button',
      class: 'dialog-close',
      'aria-label': t('common.closeDialog'),
      title: t('common.closeDialog'),
    },
    '×',
  );
  const element = h(
    'dialog',
    { class: `dialog${spec.className ? ` ${spec.className}` : ''}`, 'aria-labelledby': titleId },
    h('div', { class: 'dialog-header' }, h('h2', { id: titleId }, spec.title), closeButton),
    h('div', { class: 'dialog-body' }, spec.body),
  );
  const close = (): void => {
    if (element.open) element.close();
  };
  closeButton.addEventListener('click', close);
  element.addEventListener('close', () => {
    element.remove();
    spec.onClose?.();
    if (opener?.isConnected) opener.focus();
  });
  document.body.append(element);
  element.showModal();
  // The first field rather than the close button; the body itself when it has none.
  const first = element.querySelector<HTMLElement>(
    '.dialog-body input, .dialog-body select, .dialog-body textarea',
  );
  if (first) first.focus();
  else element.querySelector<HTMLElement>('.dialog-body[tabindex]')?.focus();
  return { element, close };
}
