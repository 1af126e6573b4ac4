// Support levels in words: a level's targets as the API gives them ("6h",
// "1h30m", "45s") read as durations, the calendar they are counted on, and
// the promise of the special level that a coupon gives a ticket.
import { formatDuration, humanize } from './format';
import { locale, t } from './i18n';
import type { Level } from './api/types';

/** The targets a level may have, in the order people read them. */
export const kTargets = ['first_response', 'next_response', 'resolution'] as const;
export type TargetName = (typeof kTargets)[number];

/** The level every coupon lifts a ticket to (levels.yaml, the API's `special`). */
export const kSpecialLevel = 'special';

/** Calendars whose hours the app can put in words; others are named by their id. */
const kBusinessCalendar = 'ru-business';
const kAroundTheClock = '24x7';

/**
 * Seconds of a target written as the API writes it: "6h", "90m", "1h30m",
 * "45s"; null for anything else.
 */
export function targetSeconds(text: string | null | undefined): number | null {
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec((text ?? '').trim());
  if (!text || !match || match[0] === '') return null;
  const [, h = '0', m = '0', s = '0'] = match;
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
}

/** A target's time in words ("6 h", "1 h 30 min"); the text as given when unreadable. */
export function targetTime(text: string): string {
  const seconds = targetSeconds(text);
  return seconds === null ? text : formatDuration(seconds);
}

/** The targets a level sets, with their text as the API gives it. */
export function levelTargets(level: Level): { name: TargetName; value: string }[] {
  const out: { name: TargetName; value: string }[] = [];
  for (const name of kTargets) {
    const value = level[name];
    if (value) out.push({ name, value });
  }
  return out;
}

/** A level's name: the server's title, in the app's language; its id in words without one. */
export function levelTitle(level: Pick<Level, 'id' | 'title'>): string {
  return level.title || humanize(level.id);
}

/** The name of the level `id` from `all` (GET /levels); its id in words when not there. */
export function levelName(id: string, all: readonly Level[]): string {
  return levelTitle(all.find((level) => level.id === id) ?? { id, title: '' });
}

/** How a calendar counts time, in words: "around the clock, every day of the week". */
export function calendarWords(calendar: string): string {
  if (calendar === kBusinessCalendar) return t('level.calendar.business');
  if (calendar === kAroundTheClock) return t('level.calendar.allDay');
  return t('level.calendar.other', { calendar });
}

/** The same in a few words, for a ticket's details: "around the clock". */
export function calendarShort(calendar: string): string {
  if (calendar === kBusinessCalendar) return t('level.calendarShort.business');
  if (calendar === kAroundTheClock) return t('level.calendarShort.allDay');
  return t('level.calendarShort.other', { calendar });
}

/** "first response within 1 h, resolution within 8 h" for a level's targets. */
export function targetsInWords(level: Level): string {
  const parts = levelTargets(level).map(({ name, value }) =>
    t(`level.within.${name}`, { time: targetTime(value) }),
  );
  return new Intl.ListFormat(locale(), { type: 'conjunction' }).format(parts);
}

/** The sentence that explains what a coupon gives, made from the special level's targets. */
export function specialPromise(level: Level): string {
  return t('coupon.promise', {
    level: levelTitle(level),
    counted: calendarWords(level.calendar),
    targets: targetsInWords(level),
  });
}
