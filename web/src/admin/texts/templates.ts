// #/admin/templates, "Texts": everything the help desk writes to people
// (GET /api/v1/admin/templates). First the replies a step of a business
// process posts to the customer, each titled by the steps that post it;
// then the mails, grouped by event in the order a ticket meets them, each
// with its subject, plain text and HTML. Every language of a template shows
// the text that is sent and whether it was changed here, with "Edit" and
// "Restore the original" (./template_dialog.ts); after either, the
// template's card is drawn again from the server's answer and focus returns
// to its "Edit".
import { announce, h, replace } from '../../dom';
import { userCards } from '../../directory';
import type { Card } from '../../directory';
import { t } from '../../i18n';
import { adminHeader, titledCard } from '../admin_frame';
import { placeholderList, templateArticle } from './template_card';
import type { CardActions } from './template_card';
import { confirmRestore, openTemplateEditor } from './template_dialog';
import { eventName, eventRank, eventText, namedIn, partRank } from './template_names';
import { templates } from './templates_api';
import type { Template, TemplateLanguage } from './templates_api';

/** The administrators who edited a text of `all`, whose names the cards show. */
function editorsOf(all: Template[]): number[] {
  return all.flatMap((template) =>
    template.texts.flatMap((text) => (text.updated_by === null ? [] : [text.updated_by])),
  );
}

/** The placeholders any of `all` can use, each once, in the order the server lists them. */
function placeholdersOf(all: Template[]): string[] {
  return [...new Set(all.flatMap((template) => template.placeholders))];
}

/** The mails by event, the known events in the order of a ticket's life, each part in order. */
function byEvent(mails: Template[]): [string, Template[]][] {
  const events = new Map<string, Template[]>();
  for (const mail of mails) events.set(mail.event, [...(events.get(mail.event) ?? []), mail]);
  return [...events.entries()]
    .sort(([a], [b]) => eventRank(a) - eventRank(b))
    .map(([event, parts]) => [event, parts.sort((a, b) => partRank(a.part) - partRank(b.part))]);
}

/** The lead of a section and the placeholders its templates can use. */
function sectionLead(lead: string, all: Template[]): HTMLElement[] {
  return [
    h('p', { class: 'muted' }, lead),
    h(
      'div',
      { class: 'template-hint' },
      h('p', null, `${t('templates.placeholders')}:`),
      placeholderList(placeholdersOf(all)),
    ),
  ];
}

export async function templatesView(root: HTMLElement): Promise<void> {
  let all = await templates();
  const people = new Map<number, Card>();
  const learnEditors = async (of: Template[]): Promise<void> => {
    for (const [id, card] of await userCards(editorsOf(of))) people.set(id, card);
  };
  await learnEditors(all);

  /** Moves focus to "Edit" of `id` in `language` and says `said`. */
  const focusEdit = (id: string, language: TemplateLanguage, said: string): void => {
    const card = root.querySelector(`article[data-template="${CSS.escape(id)}"]`);
    card
      ?.querySelector<HTMLElement>(`[data-language="${language}"] button[data-action="edit"]`)
      ?.focus();
    announce(said);
  };
  /** Draws the card of `changed` again, as the server answered it. */
  const redraw = async (changed: Template): Promise<void> => {
    all = all.map((template) => (template.id === changed.id ? changed : template));
    await learnEditors([changed]);
    root
      .querySelector(`article[data-template="${CSS.escape(changed.id)}"]`)
      ?.replaceWith(templateArticle(changed, { people, actions }));
  };
  const actions: CardActions = {
    edit: (template, text) =>
      openTemplateEditor(template, text, async (saved) => {
        await redraw(saved);
        focusEdit(
          saved.id,
          text.language,
          t('templates.saved', { what: namedIn(saved, text.language) }),
        );
      }),
    restore: (template, text) =>
      confirmRestore(template, text, async (restored) => {
        if (restored) {
          await redraw(restored);
        } else {
          all = await templates();
          await learnEditors(all);
          draw();
        }
        const said = t('templates.restored', { what: namedIn(template, text.language) });
        focusEdit(template.id, text.language, said);
      }),
  };
  const card = (template: Template): HTMLElement => templateArticle(template, { people, actions });
  const draw = (): void => {
    const replies = all.filter((template) => template.kind === 'reply');
    const mails = all.filter((template) => template.kind === 'mail');
    replace(
      root,
      adminHeader({ section: 'templates', title: t('templates.title'), lead: t('templates.lead') }),
      titledCard(t('templates.replies'), [
        replies.length
          ? [
              sectionLead(t('templates.repliesLead'), replies),
              h('div', { class: 'template-list' }, replies.map(card)),
            ]
          : h('p', { class: 'muted' }, t('templates.noReplies')),
      ]),
      titledCard(t('templates.mails'), [
        mails.length
          ? [
              sectionLead(t('templates.mailsLead'), mails),
              byEvent(mails).map(([event, parts]) =>
                h(
                  'div',
                  { class: 'template-event' },
                  h('h3', null, eventName(event)),
                  eventText(event) ? h('p', { class: 'muted' }, eventText(event)) : null,
                  h('div', { class: 'template-list' }, parts.map(card)),
                ),
              ),
            ]
          : h('p', { class: 'muted' }, t('templates.noMails')),
      ]),
    );
  };
  draw();
}
