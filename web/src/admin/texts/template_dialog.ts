// The dialogs of the texts page. "Edit" opens one language of a template: a
// text box (one line for a mail's subject), the placeholders the template
// can use and what a customer's mail must keep; "Save the text" sends it
// with PUT, unless nothing changed, and a refusal shows under the box in
// the server's words. "Restore the original" asks first (Cancel focused),
// showing the file's text, and sends DELETE.
import { h } from '../../dom';
import { ApiError } from '../../api';
import { t } from '../../i18n';
import type { PlainKey } from '../../i18n';
import { openDialog } from '../../ui/dialog';
import { field, formErrorSlot, isBusy, setBusy, valueOf } from '../../ui/form';
import { openEditDialog } from '../add_and_edit';
import { placeholderList } from './template_card';
import { namedIn } from './template_names';
import { restoreTemplateText, saveTemplateText } from './templates_api';
import type { Template, TemplateLanguage, TemplateText } from './templates_api';

/**
 * The line a customer's answer is cut at (core::kReplyAboveMarker, "##- …
 * -##", inside a paragraph in HTML) and the tag that threads it.
 */
const kMarker = /##-[^\n]*?-##/;
const kTicketTag = '[#{{number}}]';

const kLabels: Record<'subject' | 'text', Record<TemplateLanguage, PlainKey>> = {
  subject: { en: 'templates.subjectLabel.en', ru: 'templates.subjectLabel.ru' },
  text: { en: 'templates.textLabel.en', ru: 'templates.textLabel.ru' },
};

/** The box of the text: one line for a subject, else as many rows as the text has (4 to 18). */
function textControl(template: Template, text: TemplateText): HTMLElement {
  const value = text.text ?? '';
  if (template.part === 'subject') {
    return h('input', {
      type: 'text',
      name: 'text',
      lang: text.language,
      value,
      autocomplete: 'off',
    });
  }
  const rows = Math.min(18, Math.max(4, value.split('\n').length + 1));
  const box = h('textarea', {
    name: 'text',
    class: 'template-editor',
    lang: text.language,
    rows,
    maxlength: 65536,
    value,
  });
  box.setSelectionRange(0, 0); // focused, it shows the text from its first line
  return box;
}

/** What the file's text holds that threads a customer's answer, which the server insists on. */
function keepNotes(text: TemplateText): HTMLElement[] {
  const original = text.file_text ?? '';
  const notes: HTMLElement[] = [];
  const marker = kMarker.exec(original)?.[0];
  if (marker) notes.push(h('p', null, t('templates.keepLine', { line: marker })));
  if (original.includes(kTicketTag)) {
    notes.push(h('p', null, t('templates.keepTag', { tag: kTicketTag })));
  }
  return notes;
}

/** The hint under the box: what a subject is, what to keep, and the placeholders. */
function hintOf(template: Template, text: TemplateText): HTMLElement {
  return h(
    'div',
    { class: 'template-hint' },
    template.part === 'subject' ? h('p', null, t('templates.subjectHint')) : null,
    keepNotes(text),
    h('p', null, `${t('templates.placeholders')}:`),
    placeholderList(template.placeholders),
  );
}

/**
 * Opens the editor of `template` in the language of `text`; `onSaved`
 * runs with the template as the server answered, once the dialog is closed.
 */
export function openTemplateEditor(
  template: Template,
  text: TemplateText,
  onSaved: (saved: Template) => Promise<void>,
): void {
  const kind = template.part === 'subject' ? 'subject' : 'text';
  openEditDialog({
    title: t('templates.editTitle', { what: namedIn(template, text.language) }),
    submitLabel: t('templates.save'),
    fields: [
      field({
        label: t(kLabels[kind][text.language]),
        name: 'text',
        control: textControl(template, text),
        hint: hintOf(template, text),
      }),
    ],
    changes: (form): { text?: string } => {
      const typed = valueOf(form, 'text');
      return typed === (text.text ?? '') ? {} : { text: typed };
    },
    save: (patch) => saveTemplateText(template.id, text.language, patch.text ?? ''),
    onSaved,
  });
}

/**
 * Asks whether to forget the edit of `text` (Cancel focused), showing the
 * file's text, and forgets it. `onRestored` gets the template as the server
 * answered, or null when there was no edit any more (restored meanwhile).
 */
export function confirmRestore(
  template: Template,
  text: TemplateText,
  onRestored: (restored: Template | null) => Promise<void>,
): void {
  const what = namedIn(template, text.language);
  const restore = h(
    'button',
    { type: 'button', class: 'button primary' },
    t('templates.restoreConfirm'),
  );
  const cancel = h('button', { type: 'button', class: 'button' }, t('common.cancel'));
  const problem = formErrorSlot();
  const dialog = openDialog({
    title: t('templates.restoreTitle', { what }),
    className: 'dialog-wide',
    body: [
      text.file_text === null
        ? h('p', null, t('templates.restoreNoFile'))
        : [
            h('p', null, t('templates.restoreText')),
            h('pre', { class: 'template-text', lang: text.language }, text.file_text),
          ],
      problem,
      h('div', { class: 'form-actions' }, restore, cancel),
    ],
  });
  cancel.addEventListener('click', dialog.close);
  cancel.focus();
  restore.addEventListener('click', async () => {
    if (isBusy(restore)) return;
    setBusy(restore, true, t('templates.restoring'));
    let restored: Template | null = null;
    try {
      restored = await restoreTemplateText(template.id, text.language);
    } catch (error) {
      // Restored meanwhile (another tab): as good as done.
      if (!(error instanceof ApiError && error.status === 404)) {
        setBusy(restore, false);
        problem.textContent = error instanceof ApiError ? error.detail : t('error.generic');
        problem.hidden = false;
        return;
      }
    }
    dialog.close();
    await onRestored(restored);
  });
}
