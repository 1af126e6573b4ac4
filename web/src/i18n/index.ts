// The language and time zone the app speaks in, and t(), which looks texts
// up in the catalogues. The language is the user's profile language when
// set, else the browser's (ru or en), else Russian; the time zone is the
// profile's, else the browser's. Changing either notifies the listeners
// (main.ts redraws the page), so no reload is needed.
import { en } from './en';
import { ru } from './ru';
import type { Catalogue, EnPlural, Key, ParamsOf, RuPlural } from './types';

export type Language = 'ru' | 'en';
export type { Key, PlainKey } from './types';

const kCatalogues: Record<Language, Catalogue<EnPlural | RuPlural>> = { en, ru };

let language: Language = browserLanguage();
let zone = browserTimeZone();
const listeners = new Set<() => void>();
let pluralRules: Intl.PluralRules | null = null;

/** The first of the browser's languages the app speaks; Russian when none. */
export function browserLanguage(): Language {
  const tags = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of tags) {
    const base = (tag ?? '').toLowerCase().split('-')[0];
    if (base === 'ru' || base === 'en') return base;
  }
  return 'ru';
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** True when the browser knows `name` as an IANA time zone. */
export function isTimeZone(name: string): boolean {
  if (!name) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function currentLanguage(): Language {
  return language;
}

export function timeZone(): string {
  return zone;
}

/**
 * The BCP 47 locale for Intl: ru-RU, or the browser's own English (en-US,
 * en-GB…) for English, en-GB when the browser names none.
 */
export function locale(): string {
  if (language === 'ru') return 'ru-RU';
  const tags = navigator.languages?.length ? navigator.languages : [navigator.language];
  return tags.find((tag) => /^en-/i.test(tag ?? '')) ?? 'en-GB';
}

/**
 * Applies a user's stored preferences ("" or absent: the browser's). Sets
 * <html lang> and notifies the listeners when something changed.
 */
export function setPreferences(prefs: { language?: string; timeZone?: string }): void {
  const nextLanguage: Language =
    prefs.language === 'ru' || prefs.language === 'en' ? prefs.language : browserLanguage();
  const nextZone =
    prefs.timeZone && isTimeZone(prefs.timeZone) ? prefs.timeZone : browserTimeZone();
  const changed = nextLanguage !== language || nextZone !== zone;
  language = nextLanguage;
  zone = nextZone;
  pluralRules = null;
  document.documentElement.lang = language;
  if (changed) for (const listener of listeners) listener();
}

export function onPreferencesChange(listener: () => void): void {
  listeners.add(listener);
}

type Args<K extends Key> = [ParamsOf<K>] extends [never]
  ? []
  : [params: Record<ParamsOf<K>, string | number>];

/**
 * The text of `key` in the current language with its `{name}` placeholders
 * filled in. Plural entries choose their form by `count` with
 * Intl.PluralRules (Russian: one, few, many, other).
 */
export function t<K extends Key>(key: K, ...args: Args<K>): string {
  const params = (args[0] ?? {}) as Record<string, string | number>;
  const entry = kCatalogues[language][key] as string | Record<string, string>;
  let text: string;
  if (typeof entry === 'string') {
    text = entry;
  } else {
    pluralRules ??= new Intl.PluralRules(locale());
    const count = Number(params.count ?? 0);
    text = entry[pluralRules.select(count)] ?? entry.other ?? '';
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

let numbers: { locale: string; format: Intl.NumberFormat } | null = null;

/** A number as the current language writes it (1 234,5 in Russian). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  if (options) return new Intl.NumberFormat(locale(), options).format(value);
  if (numbers?.locale !== locale()) {
    numbers = { locale: locale(), format: new Intl.NumberFormat(locale()) };
  }
  return numbers.format.format(value);
}
