// A text an administrator writes in English and in Russian (a category's
// label and hint, a group's name): the pair of fields named `<prefix>_en`
// and `<prefix>_ru`, what was typed in them, and whether it changed.
import { h } from '../dom';
import { ApiError } from '../api';
import { valueOf } from '../ui/form';

export type Texts = { en: string; ru: string };
export type Language = keyof Texts;

/** A one-line field of `prefix` in `lang`, holding `value`. */
export function languageInput(prefix: string, lang: Language, value: string): HTMLInputElement {
  return h('input', {
    type: 'text',
    name: `${prefix}_${lang}`,
    lang,
    value,
    maxlength: 200,
    autocomplete: 'off',
  });
}

/** What was typed in the pair `prefix`, trimmed. */
export function textsOf(form: HTMLFormElement, prefix: string): Texts {
  return {
    en: valueOf(form, `${prefix}_en`).trim(),
    ru: valueOf(form, `${prefix}_ru`).trim(),
  };
}

/**
 * The languages of the pair `prefix` that are filled in, as the API takes
 * them (it refuses an empty text); `missing` under the field `prefix` when
 * neither is.
 */
export function requiredTextsOf(
  form: HTMLFormElement,
  prefix: string,
  missing: string,
): Partial<Texts> {
  const { en, ru } = textsOf(form, prefix);
  if (!en && !ru) throw new ApiError(422, { detail: missing, field: prefix });
  return { ...(en ? { en } : {}), ...(ru ? { ru } : {}) };
}

/** True when `typed` differs from `stored` in either language (a missing one counts as empty). */
export function textsDiffer(typed: Partial<Texts>, stored: Record<string, string>): boolean {
  return (typed.en ?? '') !== (stored.en ?? '') || (typed.ru ?? '') !== (stored.ru ?? '');
}
