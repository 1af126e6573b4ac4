// How the page names a template and its parts in words: a reply by the steps
// that post it (else its id as words), a mail by its event and part, and each
// language of the app; the mails' events in the order a ticket meets them.
import { humanize } from '../../format';
import { t } from '../../i18n';
import type { PlainKey } from '../../i18n';
import type { Template, TemplateLanguage } from './templates_api';

/** The events of config/defaults/templates/mail/README.md, in the order a ticket meets them. */
const kEvents: Record<string, { name: PlainKey; text: PlainKey }> = {
  ticket_created: {
    name: 'templates.event.ticket_created',
    text: 'templates.eventText.ticket_created',
  },
  ticket_created_new_account: {
    name: 'templates.event.ticket_created_new_account',
    text: 'templates.eventText.ticket_created_new_account',
  },
  reply: { name: 'templates.event.reply', text: 'templates.eventText.reply' },
  info_requested: {
    name: 'templates.event.info_requested',
    text: 'templates.eventText.info_requested',
  },
  resolved: { name: 'templates.event.resolved', text: 'templates.eventText.resolved' },
  closed: { name: 'templates.event.closed', text: 'templates.eventText.closed' },
  mail_too_large: {
    name: 'templates.event.mail_too_large',
    text: 'templates.eventText.mail_too_large',
  },
  account_invited: {
    name: 'templates.event.account_invited',
    text: 'templates.eventText.account_invited',
  },
  password_reset: {
    name: 'templates.event.password_reset',
    text: 'templates.eventText.password_reset',
  },
  staff_notification: {
    name: 'templates.event.staff_notification',
    text: 'templates.eventText.staff_notification',
  },
};

const kEventOrder = Object.keys(kEvents);

const kParts: Record<Template['part'], PlainKey> = {
  subject: 'templates.part.subject',
  txt: 'templates.part.txt',
  html: 'templates.part.html',
};

const kLanguages: Record<TemplateLanguage, { name: PlainKey; in: PlainKey }> = {
  en: { name: 'templates.language.en', in: 'templates.inLanguage.en' },
  ru: { name: 'templates.language.ru', in: 'templates.inLanguage.ru' },
};

/** "Reply from support"; an event this build does not know reads as its id in words. */
export function eventName(event: string): string {
  const known = kEvents[event];
  return known ? t(known.name) : humanize(event);
}

/** To whom and when the mails of `event` go; "" for an event this build does not know. */
export function eventText(event: string): string {
  const known = kEvents[event];
  return known ? t(known.text) : '';
}

/** Where `event` comes in the list: the known events first, in the order of a ticket's life. */
export function eventRank(event: string): number {
  const rank = kEventOrder.indexOf(event);
  return rank < 0 ? kEventOrder.length : rank;
}

/** "Subject", "Plain text", "HTML". */
export function partName(part: Template['part']): string {
  return t(kParts[part]);
}

/** Where `part` comes among a mail's parts: subject, plain text, HTML. */
export function partRank(part: Template['part']): number {
  return Object.keys(kParts).indexOf(part);
}

/** "English", "Russian". */
export function languageName(language: TemplateLanguage): string {
  return t(kLanguages[language].name);
}

/**
 * A reply by the labels of the steps that post it ("Off topic"), each once,
 * else by its id in words; a mail part by its event and part ("Reply from
 * support: Subject").
 */
export function templateName(template: Template): string {
  if (template.kind === 'mail') {
    return t('templates.partOf', {
      event: eventName(template.event),
      part: partName(template.part),
    });
  }
  const labels = [...new Set(template.used_by.map((use) => use.label).filter(Boolean))];
  return labels.length ? labels.join(' / ') : humanize(template.id);
}

/** "“Off topic” in Russian": one language of a template, for buttons, dialogs and announcements. */
export function namedIn(template: Template, language: TemplateLanguage): string {
  return t('templates.named', {
    name: templateName(template),
    inLanguage: t(kLanguages[language].in),
  });
}
