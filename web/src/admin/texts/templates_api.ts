// The texts the help desk sends, in the API: every reply and mail template
// with its text in each language (GET /api/v1/admin/templates), an edit of
// one language (PUT …/{id}/{language}) and forgetting it, so that the
// configuration file's text is sent again (DELETE on the same address).
// Administrators only: the server answers 403 to anyone else, and the page
// never asks for another role.
import { api } from '../../api';
import { asSent } from '../../api/types';
import type { PathParams, Sent } from '../../api/types';
import type { components } from '../../api/schema';

type Path = '/api/v1/admin/templates/{id}/{language}';

/** A reply template (`off_topic`) or a part of a mail (`mail.reply.subject`). */
export type Template = Sent<components['schemas']['Template']>;
/** One language of a template: what is sent, the file's text, whether edited, when and by whom. */
export type TemplateText = Template['texts'][number];
export type TemplateLanguage = PathParams<Path>['language'];
/** A transition of a current process that posts a reply template. */
export type TemplateUse = Template['used_by'][number];

/** Every template: the replies first, then the mails, each kind by id. */
export async function templates(): Promise<Template[]> {
  return asSent((await api.send('get', '/api/v1/admin/templates')).data.items);
}

/**
 * Stores `text` as the text of template `id` in `language`, sent from the
 * next reply or mail on, and answers the template. A text the template
 * cannot send (an unknown placeholder, a `{{` left open, blank, a subject of
 * two lines, a customer mail without its reply marker or ticket tag) is a
 * 422 naming `text`, in words.
 */
export async function saveTemplateText(
  id: string,
  language: TemplateLanguage,
  text: string,
): Promise<Template> {
  const path: Path = '/api/v1/admin/templates/{id}/{language}';
  const json = { text };
  return asSent((await api.send('put', path, { params: { id, language }, json })).data);
}

/** Forgets the edit of `id` in `language` and answers the template; 404 when it was not edited. */
export async function restoreTemplateText(
  id: string,
  language: TemplateLanguage,
): Promise<Template> {
  const path: Path = '/api/v1/admin/templates/{id}/{language}';
  return asSent((await api.send('delete', path, { params: { id, language } })).data);
}
