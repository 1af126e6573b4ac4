// "Leave feedback" (DOMAIN.md §1: "оставить отзыв"): a customer rates an
// answer or the whole ticket from 1 to 5, with an optional comment.
import { h, replace, uid, announce } from '../dom';
import { api } from '../api';
import { field, valueOf, onSubmit } from '../ui/form';
import { t } from '../i18n';
import type { PlainKey } from '../i18n';
import type { NewFeedback } from '../api/types';

const kRatingWords: PlainKey[] = [
  'feedback.rating1',
  'feedback.rating2',
  'feedback.rating3',
  'feedback.rating4',
  'feedback.rating5',
];

export interface FeedbackSpec {
  ticketId: number;
  /** The answer rated; none rates the whole ticket. */
  messageId?: number;
  label: string;
  onSent: () => void;
}

/** A button that opens the feedback form in place. */
export function feedbackButton(spec: FeedbackSpec): HTMLDivElement {
  const slot = h('div', { class: 'feedback-slot' });
  const button = h(
    'button',
    { type: 'button', class: 'button subtle small', 'aria-expanded': 'false' },
    spec.label,
  );
  button.addEventListener('click', () => {
    button.hidden = true;
    const form = feedbackForm(spec, () => {
      button.hidden = false;
      slot.replaceChildren();
      button.focus();
    });
    replace(slot, form);
    form.querySelector<HTMLInputElement>('input[type=radio]')?.focus();
  });
  return h('div', { class: 'feedback' }, button, slot);
}

function feedbackForm(spec: Omit<FeedbackSpec, 'label'>, close: () => void): HTMLFormElement {
  const name = uid('rating');
  const submit = h('button', { type: 'submit', class: 'button primary small' }, t('feedback.send'));
  const form = h(
    'form',
    // Marked in progress, so a redraw of the ticket (a live event) keeps it.
    { class: 'feedback-form stack', novalidate: true, dataset: { dirty: 'true' } },
    h(
      'fieldset',
      { class: 'field rating', dataset: { field: 'rating' } },
      h(
        'legend',
        null,
        spec.messageId ? t('feedback.questionAnswer') : t('feedback.questionTicket'),
      ),
      h(
        'div',
        { class: 'rating-options' },
        [1, 2, 3, 4, 5].map((value) =>
          h(
            'label',
            { class: 'rating-option' },
            h('input', { type: 'radio', name, value, required: true }),
            h('span', { class: 'rating-value' }, String(value)),
            h('span', { class: 'rating-word' }, t(kRatingWords[value - 1] ?? 'feedback.rating3')),
          ),
        ),
      ),
      h('p', { class: 'field-error', id: `${name}-error`, hidden: true }),
    ),
    field({
      label: t('feedback.comment'),
      control: h('textarea', { name: 'comment', rows: 2, maxlength: 5000 }),
      optional: true,
    }),
    h(
      'div',
      { class: 'form-actions' },
      submit,
      h(
        'button',
        { type: 'button', class: 'button subtle small', onclick: close },
        t('common.cancel'),
      ),
    ),
  );
  onSubmit(form, submit, t('common.sending'), async () => {
    const rating = Number(valueOf(form, name));
    const body: NewFeedback = { rating, comment: valueOf(form, 'comment').trim() };
    if (spec.messageId) body.message_id = spec.messageId;
    await api.feedback(spec.ticketId, body);
    const thanks = h('p', { class: 'feedback-thanks', tabindex: -1 }, t('feedback.thanks'));
    form.replaceWith(thanks);
    thanks.focus();
    announce(t('feedback.sent'));
    spec.onSent();
  });
  return form;
}
