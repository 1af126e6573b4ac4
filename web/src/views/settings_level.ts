// A customer's support level and coupons, on their settings page: the
// level their next ticket gets (GET /api/v1/me's `level`: its id, title and
// why it applies, from their licences and partner status), whom it serves,
// each target it sets (first response, next response, resolution, as GET
// /api/v1/levels gives them) with its time and how that time is counted (in
// working hours of the level's calendar, or around the clock), its
// entitlement table (what support does at that level: yes, no or limited,
// and the limit), and the special-request coupons of GET /api/v1/me/coupons
// with what they give. The server words titles, reasons, whom a level serves
// and the entitlements in the app's language.
import { h, replace } from '../dom';
import type { Children } from '../dom';
import { api } from '../api';
import { formatDate, ticketNumber } from '../format';
import { t } from '../i18n';
import { href } from '../router';
import { levels } from '../directory';
import {
  calendarWords,
  kSpecialLevel,
  levelTargets,
  levelTitle,
  specialPromise,
  targetTime,
} from '../levels';
import { slaTargetLabel } from '../ui/sla';
import { usable } from './new_ticket_coupon';
import type { Coupon, Entitlement, Level, LevelTerms, MeInfo } from '../api/types';

/** The level of GET /me: the customer's next ticket gets it; null when none applies. */
type MyLevel = MeInfo['level'];

/** The two cards of `mine` (the level /me names); their content arrives after the page is drawn. */
export function supportCards(mine: MyLevel): HTMLElement[] {
  const level = h('div', { class: 'level-body' }, h('p', { class: 'muted' }, t('app.loading')));
  const coupons = h('div', { class: 'coupon-body' }, h('p', { class: 'muted' }, t('app.loading')));
  void fill(mine, level, coupons);
  return [
    card('level-title', t('level.title'), level),
    card('coupons-title', t('coupons.title'), coupons),
  ];
}

function card(id: string, title: string, body: HTMLElement): HTMLElement {
  return h(
    'section',
    { class: 'card support-card', 'aria-labelledby': id },
    h('h2', { id }, title),
    body,
  );
}

async function fill(
  myLevel: MyLevel,
  levelSlot: HTMLElement,
  couponSlot: HTMLElement,
): Promise<void> {
  const [all, mine] = await Promise.all([
    levels().catch((): LevelTerms[] => []),
    api.myCoupons().catch((): Coupon[] | null => null),
  ]);
  replace(levelSlot, levelContent(myLevel, all));
  const special = all.find((l) => l.id === kSpecialLevel);
  const numbers = await ticketNumbers(mine ?? []);
  replace(couponSlot, couponContent(mine, special, numbers));
}

/**
 * The level's name and why it applies; when GET /levels has the level, whom
 * it serves, its targets and its entitlements.
 */
function levelContent(mine: MyLevel, all: LevelTerms[]): Children {
  if (!mine) return h('p', null, t('level.none'));
  const level = all.find((l) => l.id === mine.id);
  const reason = mine.reason ? [' — ', h('span', { class: 'level-reason' }, mine.reason)] : null;
  return [
    h('p', { class: 'level-name' }, h('strong', null, levelTitle(mine)), reason),
    level?.who ? h('p', { class: 'level-who' }, t('level.who', { who: level.who })) : null,
    h('p', { class: 'field-hint' }, t('level.next')),
    level ? targetsTable(level) : null,
    level?.entitlements.length ? entitlementsTable(level) : null,
  ];
}

/** A table with a caption, column headings, and rows whose first cell heads the row. */
function headedTable(spec: {
  className: string;
  caption: string;
  columns: string[];
  rows: { data?: Record<string, string>; head: Children; cells: Children[] }[];
}): HTMLTableElement {
  return h(
    'table',
    { class: spec.className },
    h('caption', null, spec.caption),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        spec.columns.map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      null,
      spec.rows.map((row) =>
        h(
          'tr',
          row.data ? { dataset: row.data } : null,
          h('th', { scope: 'row' }, row.head),
          row.cells.map((cell) => h('td', null, cell)),
        ),
      ),
    ),
  );
}

/** Each target of the level: its time and how the time is counted. */
function targetsTable(level: Level): HTMLTableElement {
  return headedTable({
    className: 'entitlements',
    caption: t('level.targetsCaption', { level: levelTitle(level) }),
    columns: [t('level.col.target'), t('level.col.time'), t('level.col.counted')],
    rows: levelTargets(level).map(({ name, value }) => ({
      head: slaTargetLabel(name),
      cells: [targetTime(value), calendarWords(level.calendar)],
    })),
  });
}

/** What support does at the level: one row per entitlement, its grant in words and its limit. */
function entitlementsTable(level: LevelTerms): HTMLTableElement {
  return headedTable({
    className: 'entitlements grants',
    caption: t('level.entitlementsCaption', { level: levelTitle(level) }),
    columns: [t('level.col.service'), t('level.col.grant'), t('level.col.note')],
    rows: level.entitlements.map((entitlement) => ({
      data: { entitlement: entitlement.key },
      head: entitlement.name,
      cells: [
        grantMark(entitlement.grant),
        entitlement.grant === 'limited' ? entitlement.note : '',
      ],
    })),
  });
}

/** The signs that go with each grant's word (the word alone carries the meaning). */
const kGrantSigns: Record<Entitlement['grant'], string> = { yes: '✓', no: '✕', limited: '◐' };

/** "✓ Yes", "✕ No", "◐ Limited": a sign for the eye, coloured, and the word for everyone. */
function grantMark(grant: Entitlement['grant']): HTMLElement {
  return h(
    'span',
    { class: `grant grant-${grant}` },
    h('span', { class: 'grant-sign', 'aria-hidden': 'true' }, kGrantSigns[grant]),
    h('span', null, t(`level.grant.${grant}`)),
  );
}

/** The numbers of the tickets the coupons were used for, by ticket id. */
async function ticketNumbers(coupons: Coupon[]): Promise<Map<number, string>> {
  const ids = [...new Set(coupons.map((c) => c.ticket_id).filter((id): id is number => !!id))];
  const found = await Promise.all(
    ids.map((id) =>
      api.ticket(id).then(
        ({ ticket }): [number, string] => [id, ticketNumber(ticket)],
        () => null,
      ),
    ),
  );
  return new Map(found.filter((entry): entry is [number, string] => entry !== null));
}

function couponContent(
  mine: Coupon[] | null,
  special: Level | undefined,
  numbers: Map<number, string>,
): Children {
  const promise = special ? h('p', null, specialPromise(special)) : null;
  if (mine === null) return h('p', { class: 'muted' }, t('coupons.failed'));
  if (!mine.length) return [promise, h('p', { class: 'muted' }, t('coupons.none'))];
  const rows = [...mine].sort((a, b) => Number(usable(b)) - Number(usable(a)));
  const table = h(
    'table',
    { class: 'entitlements coupons' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, t('coupons.col.code')),
        h('th', { scope: 'col' }, t('coupons.col.validUntil')),
        h('th', { scope: 'col' }, t('coupons.col.state')),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map((coupon) =>
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, h('code', null, coupon.code)),
          h('td', null, formatDate(coupon.expires_at, 'date')),
          h('td', null, couponState(coupon, numbers)),
        ),
      ),
    ),
  );
  const hint = mine.some((coupon) => usable(coupon))
    ? h(
        'p',
        { class: 'field-hint' },
        t('coupons.howTo'),
        ' ',
        h('a', { href: href('/tickets/new') }, t('coupons.newTicket')),
      )
    : null;
  return [promise, table, hint];
}

function couponState(coupon: Coupon, numbers: Map<number, string>): Children {
  if (coupon.used_at) {
    const when = formatDate(coupon.used_at, 'date');
    if (!coupon.ticket_id) return t('coupons.usedOn', { date: when });
    const number = numbers.get(coupon.ticket_id);
    return [
      t('coupons.usedFor', { date: when }),
      ' ',
      h(
        'a',
        { href: href(`/tickets/${coupon.ticket_id}`) },
        number ? t('coupons.ticket', { number }) : t('coupons.aTicket'),
      ),
    ];
  }
  if (!usable(coupon)) return t('coupons.expired');
  return t('coupons.unused');
}
