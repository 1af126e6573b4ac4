// Canned replies (staff): the reply templates the server fills in for the
// ticket (GET /api/v1/tickets/{id}/replies: its number, subject, process
// fields and the agent's name, in the customer's language), offered by
// title under a "Canned reply" button above the reply box. They are read
// when the agent first focuses or opens the button, not with the ticket,
// and again only once the ticket has changed. Choosing one puts its text
// into the reply box (after what is there, a blank line between) and moves
// focus there. The list is a disclosure of buttons: Tab or the arrow keys
// go through it, Escape closes it.
import { h, replace, uid, announce } from '../dom';
import { api } from '../api';
import { t } from '../i18n';
import { showError } from '../ui/form';
import type { CannedReply, Ticket } from '../api/types';

/** The picker and a way to close it (the form hides it in internal-note mode). */
export interface CannedReplyPicker {
  element: HTMLElement;
  close: () => void;
}

/** The "Canned reply" button and its list, filling `body` with the reply chosen. */
export function cannedReplies(spec: {
  ticket: () => Ticket;
  body: HTMLTextAreaElement;
}): CannedReplyPicker {
  const read = cachedReplies(spec.ticket);
  const listId = uid('canned');
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'button subtle small canned-toggle',
      'aria-expanded': 'false',
      'aria-controls': listId,
    },
    t('canned.button'),
  );
  const panel = h('div', {
    class: 'canned-panel',
    id: listId,
    role: 'group',
    'aria-label': t('canned.list'),
    hidden: true,
  });
  const root = h('div', { class: 'canned-replies' }, toggle, panel);

  const choose = (reply: CannedReply): void => {
    close();
    insertReply(spec.body, reply.text);
    announce(t('canned.inserted', { title: reply.title }));
  };
  const open = async (): Promise<void> => {
    panel.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    replace(panel, h('p', { class: 'muted' }, t('app.loading')));
    document.addEventListener('click', onOutside, true);
    try {
      const replies = await read();
      if (!panel.hidden) replace(panel, replyList(replies, choose));
    } catch (error) {
      close();
      showError(null, error);
    }
  };
  function close(): void {
    panel.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    document.removeEventListener('click', onOutside, true);
  }
  const onOutside = (event: Event): void => {
    if (!root.contains(event.target as Node)) close();
  };

  // Read ahead when the button gets focus; a failure then shows on opening.
  toggle.addEventListener('focus', () => void read().catch(() => {}));
  toggle.addEventListener('click', () => (panel.hidden ? void open() : close()));
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) {
      event.preventDefault();
      event.stopPropagation();
      close();
      toggle.focus();
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !panel.hidden) {
      if (moveFocus(root, event.key === 'ArrowDown' ? 1 : -1)) event.preventDefault();
    }
  });
  return { element: root, close };
}

/**
 * Reads the ticket's canned replies once per ticket version: the texts carry
 * its fields, so a changed ticket is read again. A failed read is forgotten.
 */
function cachedReplies(ticket: () => Ticket): () => Promise<CannedReply[]> {
  let cached: { id: number; version: number; replies: Promise<CannedReply[]> } | null = null;
  return () => {
    const { id, version } = ticket();
    if (cached?.id === id && cached.version === version) return cached.replies;
    const replies = api.cannedReplies(id);
    const entry = { id, version, replies };
    cached = entry;
    replies.catch(() => {
      if (cached === entry) cached = null;
    });
    return replies;
  };
}

function replyList(replies: CannedReply[], choose: (reply: CannedReply) => void): HTMLElement {
  if (!replies.length) return h('p', { class: 'muted' }, t('canned.none'));
  return h(
    'ul',
    { class: 'canned-list' },
    replies.map((reply) =>
      h(
        'li',
        null,
        h(
          'button',
          { type: 'button', class: 'canned-item', onclick: () => choose(reply) },
          reply.title,
        ),
      ),
    ),
  );
}

/** Moves focus among the picker's buttons by `step`; false when focus is not on one. */
function moveFocus(root: HTMLElement, step: 1 | -1): boolean {
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('button')].filter(
    (button) => button.offsetParent !== null,
  );
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return false;
  buttons[(at + step + buttons.length) % buttons.length]?.focus();
  return true;
}

/**
 * Puts `text` into the reply box: in place of blank content, else after it
 * with a blank line between; the caret after it and focus in the box. The
 * box hears an input event, as if typed (the presence line says "typing").
 */
function insertReply(body: HTMLTextAreaElement, text: string): void {
  const before = body.value.trimEnd();
  body.value = before ? `${before}\n\n${text.trimEnd()}` : text.trimEnd();
  body.dispatchEvent(new Event('input', { bubbles: true }));
  body.focus();
  body.setSelectionRange(body.value.length, body.value.length);
}
