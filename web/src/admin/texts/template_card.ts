// One template on the texts page: its title and id (a reply also names the
// steps that post it), then each language side by side: the text that is
// sent (a long one folded behind "Show the whole text"), whether it was
// changed here, when and by whom (then the file's original beneath it), and
// the buttons "Edit" and "Restore the original". The page redraws the card
// with the server's answer after each change.
import { h } from '../../dom';
import type { Children } from '../../dom';
import type { Card } from '../../directory';
import { personName } from '../../directory';
import { timeElement } from '../../format';
import { t } from '../../i18n';
import { languageName, namedIn, partName, templateName } from './template_names';
import type { Template, TemplateText } from './templates_api';

/** What the buttons of a card do; the page opens the dialogs. */
export interface CardActions {
  edit: (template: Template, text: TemplateText) => void;
  restore: (template: Template, text: TemplateText) => void;
}

/** A text longer than this many lines or characters is folded. */
const kShownLines = 8;
const kShownChars = 700;
/** The lines a folded text shows above its "Show the whole text". */
const kPreviewLines = 4;

/** The lines of `text`, a final line break not counted. */
function linesOf(text: string): string[] {
  return text.replace(/\n$/, '').split('\n');
}

/**
 * The placeholders a template can use, as it writes them (`{{ticket.number}}`);
 * `fields.<field>` stands for any field of the process.
 */
export function placeholderList(names: string[]): HTMLElement {
  if (!names.length) return h('p', { class: 'muted' }, t('templates.noPlaceholders'));
  return h(
    'ul',
    { class: 'template-placeholders' },
    names.map((name) =>
      h(
        'li',
        null,
        h('code', null, `{{${name}}}`),
        name.includes('<') ? h('span', { class: 'muted' }, ` — ${t('templates.anyField')}`) : null,
      ),
    ),
  );
}

/** The text as it is sent, in its language; a long one folded behind a preview. */
function textBlock(text: string, language: string): HTMLElement {
  const full = h('pre', { class: 'template-text', lang: language }, text);
  const lines = linesOf(text);
  if (lines.length <= kShownLines && text.length <= kShownChars) return full;
  const preview = `${lines
    .slice(0, kPreviewLines)
    .join('\n')
    .slice(0, kShownChars / 2)}…`;
  return h(
    'details',
    { class: 'template-long' },
    h(
      'summary',
      null,
      h('span', { class: 'template-text template-preview', 'aria-hidden': 'true' }, preview),
      h('span', { class: 'template-show' }, t('templates.showAll', { count: lines.length })),
    ),
    full,
  );
}

/** "Changed here" with when and by whom, or "From the configuration file". */
function stateLine(text: TemplateText, people: Map<number, Card>): HTMLElement {
  if (!text.edited) return h('p', { class: 'template-state muted' }, t('templates.fromFile'));
  return h(
    'p',
    { class: 'template-state' },
    h('span', { class: 'badge template-edited' }, t('templates.edited')),
    text.updated_at ? [' ', timeElement(text.updated_at)] : null,
    text.updated_by !== null
      ? [' ', t('templates.editedBy', { name: personName(people, text.updated_by) })]
      : null,
  );
}

/** The file's text beneath an edited one, folded. */
function originalBlock(text: TemplateText): Children {
  if (!text.edited) return null;
  return h(
    'details',
    { class: 'template-original' },
    h('summary', null, t('templates.original')),
    text.file_text === null
      ? h('p', { class: 'muted' }, t('templates.noOriginal'))
      : h('pre', { class: 'template-text', lang: text.language }, text.file_text),
  );
}

function languageBlock(
  template: Template,
  text: TemplateText,
  spec: { heading: 'h4' | 'h5'; people: Map<number, Card>; actions: CardActions },
): HTMLElement {
  const what = namedIn(template, text.language);
  const button = (label: string, name: string, action: string, run: () => void) =>
    h(
      'button',
      {
        type: 'button',
        class: 'button small',
        'aria-label': name,
        'aria-haspopup': 'dialog',
        dataset: { action },
        onclick: run,
      },
      label,
    );
  return h(
    'div',
    {
      class: 'template-language',
      role: 'group',
      'aria-label': what,
      dataset: { language: text.language },
    },
    h(spec.heading, null, languageName(text.language)),
    text.text === null
      ? h('p', { class: 'muted' }, t('templates.noText'))
      : textBlock(text.text, text.language),
    stateLine(text, spec.people),
    originalBlock(text),
    h(
      'div',
      { class: 'row-actions' },
      button(t('templates.edit'), t('templates.editTitle', { what }), 'edit', () =>
        spec.actions.edit(template, text),
      ),
      text.edited
        ? button(t('templates.restore'), t('templates.restoreNamed', { what }), 'restore', () =>
            spec.actions.restore(template, text),
          )
        : null,
    ),
  );
}

/** A reply: the steps that post it, "Posted by the step “Off topic” of the process support". */
function usesLine(template: Template): Children {
  if (template.kind !== 'reply') return null;
  if (!template.used_by.length) {
    return h('p', { class: 'template-uses muted' }, t('templates.notPosted'));
  }
  return h(
    'p',
    { class: 'template-uses' },
    t('templates.postedBy'),
    ': ',
    template.used_by
      .map((use) =>
        t('templates.use', { label: use.label, process: use.process_label || use.process }),
      )
      .join('; '),
  );
}

/**
 * The card of `template`: a reply is headed `h3` (its languages `h4`), a
 * mail part `h4` under its event's `h3` (its languages `h5`).
 */
export function templateArticle(
  template: Template,
  spec: { people: Map<number, Card>; actions: CardActions },
): HTMLElement {
  const reply = template.kind === 'reply';
  return h(
    'article',
    {
      class: 'template',
      'aria-label': templateName(template),
      dataset: { template: template.id },
    },
    h(
      'div',
      { class: 'template-head' },
      h(reply ? 'h3' : 'h4', null, reply ? templateName(template) : partName(template.part)),
      h('code', { class: 'admin-id' }, template.id),
    ),
    usesLine(template),
    h(
      'div',
      { class: 'template-languages' },
      template.texts.map((text) =>
        languageBlock(template, text, { ...spec, heading: reply ? 'h4' : 'h5' }),
      ),
    ),
  );
}
