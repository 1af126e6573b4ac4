// The conversation of a ticket: messages with their attachments, internal
// notes set apart, and the reply form (with the internal-note toggle for
// staff).
import { h, uid, announce } from '../dom.js';
import { api } from '../api.js';
import { roleLabel, fileSize, timeElement } from '../format.js';
import { field, setBusy, valueOf, onSubmit } from '../ui/form.js';
import { filePicker, acceptPastedFiles } from '../ui/files.js';
import { feedbackButton } from './feedback.js';

/**
 * @typedef {{
 *   ticket: import('../api.js').Ticket,
 *   me: import('../api.js').User,
 *   staff: boolean,
 *   people: Map<number, import('../api.js').UserCard>,
 *   onFeedback: () => void,
 * }} ConversationContext
 */

/**
 * @param {import('../api.js').Message[]} messages
 * @param {ConversationContext} ctx
 */
export function messageList(messages, ctx) {
  if (!messages.length) return h('p', { class: 'muted' }, 'No messages yet.');
  return h(
    'ol',
    { class: 'messages' },
    messages.map((m) => h('li', null, messageCard(m, ctx))),
  );
}

/**
 * @param {import('../api.js').Message} m
 * @param {ConversationContext} ctx
 */
function messageCard(m, ctx) {
  const author = ctx.people.get(m.author_id);
  const mine = m.author_id === ctx.me.id;
  const fromStaff = !!author && author.role !== 'customer' && author.role !== '';
  const canRate = !ctx.staff && !mine && !m.internal && fromStaff;
  return h(
    'article',
    {
      class: `message${m.internal ? ' internal' : ''}${fromStaff ? ' from-staff' : ''}${mine ? ' mine' : ''}`,
      id: `message-${m.id}`,
      'aria-label': `${m.internal ? 'Internal note' : 'Message'} from ${author?.name ?? 'unknown'}`,
    },
    h(
      'header',
      { class: 'message-header' },
      h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(author?.name ?? '?')),
      h(
        'span',
        { class: 'author' },
        author?.name ?? `User ${m.author_id}`,
        mine ? h('span', { class: 'muted' }, ' (you)') : null,
      ),
      fromStaff
        ? h('span', { class: 'tag' }, ctx.staff ? roleLabel(author.role) : 'Support')
        : null,
      m.internal ? h('span', { class: 'tag tag-internal' }, 'Internal note') : null,
      timeElement(m.created_at),
    ),
    h('div', { class: 'message-body' }, m.body),
    m.attachments?.length ? attachmentList(m.attachments) : null,
    // What came by mail is shown without its quoted history; staff get the
    // whole message as it arrived.
    ctx.staff && m.channel === 'email'
      ? h(
          'a',
          {
            class: 'raw-mail',
            href: `/api/v1/tickets/${ctx.ticket.id}/messages/${m.id}/raw`,
            download: `ticket-${ctx.ticket.number}-message-${m.id}.eml`,
          },
          'Original e-mail',
        )
      : null,
    canRate
      ? feedbackButton({
          ticketId: ctx.ticket.id,
          messageId: m.id,
          label: 'Rate this answer',
          onSent: ctx.onFeedback,
        })
      : null,
  );
}

/** @param {string} name */
function initials(name) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0].toUpperCase())
    .join('');
}

/** @param {import('../api.js').Attachment[]} attachments */
function attachmentList(attachments) {
  return h(
    'ul',
    { class: 'attachments', 'aria-label': 'Attachments' },
    attachments.map((a) => {
      const image = (a.content_type ?? '').startsWith('image/');
      return h(
        'li',
        null,
        image
          ? h(
              'a',
              { href: a.url, target: '_blank', rel: 'noopener', class: 'thumb' },
              h('img', { src: a.url, alt: a.filename, loading: 'lazy' }),
            )
          : null,
        h('a', { href: a.url, download: a.filename }, a.filename),
        h('span', { class: 'file-size' }, fileSize(a.size)),
      );
    }),
  );
}

/**
 * The reply form. `onPosted` receives the new message.
 * @param {{ticket: () => import('../api.js').Ticket, staff: boolean,
 *   onPosted: (message: import('../api.js').Message) => Promise<void>}} spec
 */
export function replyForm(spec) {
  const bodyId = uid('reply');
  const body = h('textarea', { name: 'body', rows: 5, id: bodyId, required: true });
  const picker = filePicker();
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Send reply');
  const internal = spec.staff
    ? h('input', { type: 'checkbox', name: 'internal', id: uid('internal') })
    : null;
  const form = /** @type {HTMLFormElement} */ (
    h(
      'form',
      { class: 'reply-form stack', novalidate: true, 'aria-label': 'Reply' },
      field({
        label: spec.staff ? 'Reply' : 'Your reply',
        control: body,
        hint: 'Ctrl+Enter sends.',
      }),
      internal
        ? h(
            'div',
            { class: 'checkbox-field' },
            internal,
            h('label', { for: internal.id }, 'Internal note — only staff can see it'),
          )
        : null,
      picker.element,
      h('div', { class: 'form-actions' }, submit),
    )
  );
  acceptPastedFiles(form, picker);

  const syncMode = () => {
    const note = !!internal && /** @type {HTMLInputElement} */ (internal).checked;
    form.classList.toggle('internal', note);
    submit.textContent = note ? 'Add internal note' : 'Send reply';
  };
  internal?.addEventListener('change', syncMode);
  body.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  onSubmit(form, submit, 'Sending…', async () => {
    const note = !!internal && /** @type {HTMLInputElement} */ (internal).checked;
    const message = await api.postMessage(
      spec.ticket().id,
      { body: valueOf(form, 'body'), internal: note },
      picker.files(),
    );
    form.reset();
    picker.reset();
    setBusy(submit, false);
    syncMode();
    announce(note ? 'Internal note added' : 'Reply sent');
    await spec.onPosted(message);
  });
  return form;
}
