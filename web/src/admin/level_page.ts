// #/admin/levels/{id}: one support level. What is in force now (targets in
// words, calendar, warning, escalation, version); the form that records a
// new version (./level_form.ts); and the level's open tickets, which keep
// the version they were opened under until "Move open tickets" (confirmed
// first in a dialog) moves them to the current one with POST
// /api/v1/admin/levels/{id}/reapply and says how many moved.
import { h, replace, uid, announce } from '../dom';
import type { Children } from '../dom';
import { currentLanguage, t } from '../i18n';
import { levelTitle } from '../levels';
import { href } from '../router';
import type { Location } from '../router';
import type { CalendarSummary, Level } from '../api/types';
import { ApiError } from '../api';
import { openDialog } from '../ui/dialog';
import { formErrorSlot, isBusy, setBusy } from '../ui/form';
import { adminHeader, titledCard } from './admin_frame';
import { calendars } from './admin_api';
import { groups } from './people_api';
import type { AdminGroup } from './people_api';
import { showResult } from './people_fields';
import { levelForm } from './level_form';
import { adminLevels, reapplyLevel } from './support_api';
import type { AdminLevel } from './support_api';
import { calendarLink, escalationText, targetsText, versionText } from './support_levels';

export async function levelView(root: HTMLElement, location: Location): Promise<void> {
  const id = location.params.id ?? '';
  const [all, zones, teams] = await Promise.all([
    adminLevels(currentLanguage()),
    calendars().catch((): CalendarSummary[] => []),
    groups().catch((): AdminGroup[] => []),
  ]);
  const found = all.find((level) => level.id === id);
  if (!found) {
    replace(
      root,
      adminHeader({ section: 'levels', title: t('levels.one'), deeper: true }),
      h(
        'div',
        { class: 'card empty' },
        h('p', null, t('levels.unknown', { id })),
        h('a', { class: 'button', href: href('/admin/levels') }, t('levels.all')),
      ),
    );
    return;
  }
  let level: AdminLevel = found;
  const lead = h('span');
  const header = adminHeader({ section: 'levels', title: levelTitle(level), lead, deeper: true });
  const heading = header[1]?.querySelector('h1') ?? null;
  const summary = h('dl', { class: 'level-summary' });
  const result = h('div', { class: 'account-result' });
  const reapply = reapplyCard(() => level);
  const show = (): void => {
    if (heading) heading.textContent = levelTitle(level);
    document.title = t('title.page', { title: levelTitle(level) });
    replace(lead, versionText(level));
    replace(summary, summaryItems(level, zones, teams));
    reapply.update();
  };
  const form = levelForm({
    level,
    zones,
    teams,
    onSaved: (saved: Level, titles) => {
      level = { ...saved, titles };
      show();
      const titleId = uid('saved');
      showResult(
        result,
        h(
          'section',
          { class: 'stack', 'aria-labelledby': titleId },
          h('h3', { id: titleId, tabindex: -1 }, t('levels.saved', { version: saved.version })),
          h('p', null, t('levels.savedText', { version: saved.version })),
        ),
        t('levels.saved', { version: saved.version }),
      );
    },
  });
  replace(
    root,
    header,
    h('p', null, h('a', { href: href('/admin/levels') }, t('levels.all'))),
    titledCard(t('levels.inForce'), [summary]),
    titledCard(t('levels.change'), [
      h('p', { class: 'field-hint' }, t('levels.changeLead')),
      form,
      result,
    ]),
    reapply.element,
  );
  show();
}

/** What the level's current version sets, as terms and their values. */
function summaryItems(level: Level, zones: CalendarSummary[], teams: AdminGroup[]): HTMLElement[] {
  const item = (term: string, value: Children): HTMLElement[] => [
    h('dt', null, term),
    h('dd', null, value),
  ];
  return [
    ...item(t('levels.col.targets'), targetsText(level)),
    ...item(t('levels.col.calendar'), calendarLink(level, zones)),
    ...item(t('levels.col.warning'), t('levels.warningAt', { percent: level.warning_percent })),
    ...item(t('levels.col.escalation'), escalationText(level, teams)),
    ...item(t('levels.col.version'), versionText(level)),
  ];
}

/** The level's open tickets and the button that moves them to the current version. */
function reapplyCard(current: () => AdminLevel): { element: HTMLElement; update: () => void } {
  const text = h('p');
  const button = h('button', {
    type: 'button',
    class: 'button reapply-button',
    'aria-haspopup': 'dialog',
  });
  const said = h('p', { class: 'form-status', role: 'status' });
  const update = (): void => {
    const { version } = current();
    text.textContent = t('levels.reapplyLead', { version });
    button.textContent = t('levels.reapply', { version });
  };
  button.addEventListener('click', () => {
    said.textContent = '';
    confirmReapply(current(), (moved) => {
      said.textContent = t('levels.moved', { count: moved, version: current().version });
      announce(said.textContent);
    });
  });
  update();
  return {
    element: titledCard(t('levels.openTickets'), [
      text,
      h('div', { class: 'form-actions' }, button),
      said,
    ]),
    update,
  };
}

/** Asks before moving the open tickets (Cancel focused), then moves them. */
function confirmReapply(level: AdminLevel, onMoved: (tickets: number) => void): void {
  const move = h(
    'button',
    { type: 'button', class: 'button primary' },
    t('levels.reapplyConfirm', { version: level.version }),
  );
  const cancel = h('button', { type: 'button', class: 'button' }, t('common.cancel'));
  const problem = formErrorSlot();
  const dialog = openDialog({
    title: t('levels.reapplyTitle', { version: level.version }),
    body: [
      h('p', null, t('levels.reapplyText', { level: levelTitle(level), version: level.version })),
      problem,
      h('div', { class: 'form-actions' }, move, cancel),
    ],
  });
  cancel.addEventListener('click', dialog.close);
  cancel.focus();
  move.addEventListener('click', async () => {
    if (isBusy(move)) return;
    setBusy(move, true, t('levels.moving'));
    try {
      const moved = await reapplyLevel(level.id);
      dialog.close();
      onMoved(moved);
    } catch (error) {
      setBusy(move, false);
      problem.textContent = error instanceof ApiError ? error.detail : t('error.generic');
      problem.hidden = false;
    }
  });
}
