// #/admin/levels: the support levels (GET /api/v1/admin/levels) as they are
// now, each with its targets in words, the calendar they are counted on,
// when the warning comes, what a breach does, and its version: a change
// records a new version, which new tickets get while open tickets keep the
// one they were opened under (docs/sla.md). Each level opens its page
// (./level_page.ts), where it is changed. The words for a level's parts are
// shared with that page.
import { h, replace } from '../dom';
import type { Children } from '../dom';
import { criticalityLabel, timeElement } from '../format';
import { currentLanguage, t } from '../i18n';
import { calendarShort, levelTitle, targetsInWords } from '../levels';
import { href } from '../router';
import type { CalendarSummary, Level } from '../api/types';
import { adminHeader, titledCard } from './admin_frame';
import { calendars } from './admin_api';
import { groups } from './people_api';
import type { AdminGroup } from './people_api';
import { cell, rowHeader, tableHead } from './paged_table';
import { adminLevels } from './support_api';

/** The address of level `id`'s page. */
export function levelHref(id: string): string {
  return href(`/admin/levels/${encodeURIComponent(id)}`);
}

/** `words` with a capital first letter, to stand alone in a cell. */
function sentence(words: string): string {
  return words.charAt(0).toLocaleUpperCase() + words.slice(1);
}

/** "First response within 6 h"; "No targets" for a level without any. */
export function targetsText(level: Level): string {
  const words = targetsInWords(level);
  return words ? sentence(words) : t('levels.noTargets');
}

/** The calendar in a few words, linked to its year view, with its title when the app has none. */
export function calendarLink(level: Level, all: CalendarSummary[]): HTMLElement {
  const calendar = all.find((c) => c.id === level.calendar);
  return h(
    'a',
    { href: href(`/admin/calendars/${encodeURIComponent(level.calendar)}`) },
    calendarShort(level.calendar),
    calendar?.title ? h('span', { class: 'calendar-title' }, calendar.title) : null,
  );
}

/** What a breach does: "Moves to “Support (L1)”; criticality raised to High", or nothing. */
export function escalationText(level: Level, teams: AdminGroup[]): string {
  const parts: string[] = [];
  if (level.escalate_group) {
    const group = teams.find((g) => g.slug === level.escalate_group)?.name;
    parts.push(t('levels.escalateTo', { group: group ?? level.escalate_group }));
  }
  if (level.escalate_criticality) {
    parts.push(t('levels.raiseTo', { criticality: criticalityLabel(level.escalate_criticality) }));
  }
  return parts.length ? sentence(parts.join('; ')) : t('levels.noEscalation');
}

/** "Version 3, by an administrator, 7 Dec 2026": the version and where it came from. */
export function versionText(level: Level): Children[] {
  const source = level.source === 'admin' ? t('levels.byAdmin') : t('levels.fromFile');
  return [
    t('levels.version', { version: level.version }),
    ', ',
    source,
    ', ',
    timeElement(level.created_at, { style: 'date' }),
  ];
}

export async function levelsView(root: HTMLElement): Promise<void> {
  const [all, zones, teams] = await Promise.all([
    adminLevels(currentLanguage()),
    calendars().catch((): CalendarSummary[] => []),
    groups().catch((): AdminGroup[] => []),
  ]);
  const cols = [
    t('levels.col.level'),
    t('levels.col.targets'),
    t('levels.col.calendar'),
    t('levels.col.warning'),
    t('levels.col.escalation'),
    t('levels.col.version'),
  ] as const;
  const table = h(
    'table',
    { class: 'admin-table paged-table level-table', role: 'table' },
    h('caption', { class: 'visually-hidden' }, t('levels.caption')),
    tableHead([...cols]),
    h(
      'tbody',
      { role: 'rowgroup' },
      all.map((level) =>
        h(
          'tr',
          { role: 'row', dataset: { level: level.id } },
          rowHeader(
            cols[0],
            h('a', { href: levelHref(level.id) }, levelTitle(level)),
            h('code', { class: 'admin-id' }, level.id),
          ),
          cell(cols[1], targetsText(level)),
          cell(cols[2], calendarLink(level, zones)),
          cell(cols[3], t('levels.warningAt', { percent: level.warning_percent })),
          cell(cols[4], escalationText(level, teams)),
          cell(cols[5], versionText(level)),
        ),
      ),
    ),
  );
  replace(
    root,
    adminHeader({ section: 'levels', title: t('levels.title'), lead: t('levels.lead') }),
    titledCard(
      t('levels.title'),
      [all.length ? table : h('p', { class: 'muted' }, t('levels.none'))],
      { hiddenTitle: true },
    ),
  );
}
