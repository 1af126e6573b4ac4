// The shape of a message catalogue. The English catalogue (./en.ts) defines
// the keys; every other language must have exactly those keys, so a text
// missing in one language fails `npm run typecheck`.
import type { en } from './en';

/** English plural forms (Intl.PluralRules('en') gives one or other). */
export interface EnPlural {
  one: string;
  other: string;
}

/** Russian plural forms: 1 обращение, 2 обращения, 5 обращений, 1,5 обращения. */
export interface RuPlural {
  one: string;
  few: string;
  many: string;
  other: string;
}

export type Key = keyof typeof en;

/** Every key of the catalogue: a text, or plural forms of shape `P` where English has them. */
export type Catalogue<P> = { readonly [K in Key]: (typeof en)[K] extends string ? string : P };

/** The `{name}` placeholders of a text. */
type Names<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Names<Rest> : never;

/** The parameters of an entry; plural entries also take `count`. */
export type NamesOf<E> = E extends string
  ? Names<E>
  : E extends { other: string }
    ? Names<E[keyof E]> | 'count'
    : never;

/** The parameters `t(key, …)` takes for `K`, from the English text. */
export type ParamsOf<K extends Key> = NamesOf<(typeof en)[K]>;

/** The keys whose texts take no parameters (labels). */
export type PlainKey = { [K in Key]: [ParamsOf<K>] extends [never] ? K : never }[Key];
