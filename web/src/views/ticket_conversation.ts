// The conversation of a ticket: messages with their attachments, internal
// notes set apart, and the reply form (with the internal-note toggle and the
// canned replies for staff).
import { h, uid, announce } from '../dom';
import { api, apiUrl } from '../api';
import { roleLabel, fileSize, timeElement } from '../format';
import { field, setBusy, valueOf, onSubmit } from '../ui/form';
import { filePicker, acceptPastedFiles } from '../ui/files';
import { feedbackButton } from './feedback';
import { cannedReplies } from './ticket_replies';
import { personName } from '../directory';
import { t } from '../i18n';
import type { Card } from '../directory';
import type { Attachment, Message, Ticket, User } from '../api/types';

export interface ConversationContext {
  ticket: Ticket;
  me: User;
  staff: boolean;
  people: Map<number, Card>;
  onFeedback: () => void;
}

export function messageList(messages: Message[], ctx: ConversationContext): HTMLElement {
  if (!messages.length) return h('p', { class: 'muted' }, t('conversation.empty'));
  return h(
    'ol',
    { class: 'messages' },
    messages.map((m) => h('li', null, messageCard(m, ctx))),
  );
}

function messageCard(m: Message, ctx: ConversationContext): HTMLElement {
  const author = ctx.people.get(m.author_id);
  const mine = m.author_id === ctx.me.id;
  const fromStaff = !!author && author.role !== 'customer' && author.role !== '';
  const canRate = !ctx.staff && !mine && !m.internal && fromStaff;
  return h(
    'article',
    {
      class: `message${m.internal ? ' internal' : ''}${fromStaff ? ' from-staff' : ''}${mine ? ' mine' : ''}`,
      id: `message-${m.id}`,
      'aria-label': t(m.internal ? 'conversation.noteFrom' : 'conversation.messageFrom', {
        name: author?.name ?? t('common.unknown'),
      }),
    },
    h(
      'header',
      { class: 'message-header' },
      h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(author?.name ?? '?')),
      h(
        'span',
        { class: 'author' },
        personName(ctx.people, m.author_id),
        mine ? h('span', { class: 'muted' }, ` ${t('conversation.you')}`) : null,
      ),
      fromStaff
        ? h(
            'span',
            { class: 'tag' },
            ctx.staff ? roleLabel(author.role) : t('conversation.support'),
          )
        : null,
      m.internal ? h('span', { class: 'tag tag-internal' }, t('conversation.internalNote')) : null,
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
            href: apiUrl('/api/v1/tickets/{id}/messages/{mid}/raw', {
              id: ctx.ticket.id,
              mid: m.id,
            }),
            download: `ticket-${ctx.ticket.number}-message-${m.id}.eml`,
          },
          t('conversation.originalMail'),
        )
      : null,
    canRate
      ? feedbackButton({
          ticketId: ctx.ticket.id,
          messageId: m.id,
          label: t('conversation.rate'),
          onSent: ctx.onFeedback,
        })
      : null,
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
}

function attachmentList(attachments: Attachment[]): HTMLElement {
  return h(
    'ul',
    { class: 'attachments', 'aria-label': t('files.label') },
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

/** The reply form. `onPosted` receives the new message. */
export function replyForm(spec: {
  ticket: () => Ticket;
  staff: boolean;
  onPosted: (message: Message) => Promise<void>;
}): HTMLFormElement {
  const bodyId = uid('reply');
  const body = h('textarea', { name: 'body', rows: 5, id: bodyId, required: true });
  const picker = filePicker();
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('conversation.send'));
  const internal = spec.staff
    ? h('input', { type: 'checkbox', name: 'internal', id: uid('internal') })
    : null;
  // Canned replies go to customers: offered to staff, and hidden for a note.
  const canned = spec.staff ? cannedReplies({ ticket: spec.ticket, body }) : null;
  const form = h(
    'form',
    { class: 'reply-form stack', novalidate: true, 'aria-label': t('ticket.reply') },
    canned?.element,
    field({
      label: spec.staff ? t('ticket.reply') : t('conversation.yourReply'),
      control: body,
      hint: t('conversation.ctrlEnter'),
    }),
    internal
      ? h(
          'div',
          { class: 'checkbox-field' },
          internal,
          h('label', { for: internal.id }, t('conversation.internalToggle')),
        )
      : null,
    picker.element,
    h('div', { class: 'form-actions' }, submit),
  );
  acceptPastedFiles(form, picker);

  const syncMode = (): void => {
    const note = !!internal && internal.checked;
    form.classList.toggle('internal', note);
    submit.textContent = note ? t('conversation.addNote') : t('conversation.send');
    if (canned) {
      canned.element.hidden = note;
      if (note) canned.close();
    }
  };
  internal?.addEventListener('change', syncMode);
  body.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  onSubmit(
    form,
    submit,
    t('common.sending'),
    async () => {
      const note = !!internal && internal.checked;
      const message = await api.postMessage(
        spec.ticket().id,
        { body: valueOf(form, 'body'), internal: note },
        picker.files(),
      );
      form.reset();
      picker.reset();
      setBusy(submit, false);
      syncMode();
      announce(note ? t('conversation.noteAdded') : t('conversation.replySent'));
      await spec.onPosted(message);
    },
    [['body', t('conversation.bodyMissing')]],
  );
  return form;
}
