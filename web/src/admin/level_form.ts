// Changing a support level: its title in English and Russian, its targets
// as working time ("4h", "90m", "1h30m"; the next response and resolution
// may be left empty), the calendar they are counted on, the share of a
// target at which a warning is raised, and what a breach does (the group
// the ticket moves to, the criticality it is raised to). One PUT
// /api/v1/admin/levels/{id} holds only the members changed and records a
// new version. Each target reads back in words as it is typed; a refusal
// shows under the field the server names, in its words.
import { h } from '../dom';
import { criticalityLabel, kCriticalities } from '../format';
import { t } from '../i18n';
import { targetSeconds, targetTime } from '../levels';
import type { CalendarSummary, Level } from '../api/types';
import { ApiError } from '../api';
import { field, formErrorSlot, onSubmit, setBusy, valueOf } from '../ui/form';
import type { AdminGroup } from './people_api';
import { updateLevel } from './support_api';
import type { AdminLevel, LevelChange } from './support_api';

type TargetField = 'first_response' | 'next_response' | 'resolution';

/** A target's field; its hint reads the typed time back in words. */
function targetField(name: TargetField, value: string, optional: boolean): HTMLElement {
  const input = h('input', {
    type: 'text',
    name,
    value,
    autocomplete: 'off',
    spellcheck: 'false',
    inputmode: 'text',
    maxlength: 20,
    class: 'target-input',
  });
  const reading = h('span', { class: 'target-reading' });
  const read = (): void => {
    const text = input.value.trim();
    const seconds = targetSeconds(text);
    if (!text) reading.textContent = optional ? t('levelForm.noTarget') : '';
    else if (seconds === null) reading.textContent = t('levelForm.unreadable');
    else reading.textContent = t('levelForm.reads', { time: targetTime(text) });
  };
  input.addEventListener('input', read);
  read();
  const labels: Record<TargetField, string> = {
    first_response: t('sla.target.first_response'),
    next_response: t('sla.target.next_response'),
    resolution: t('sla.target.resolution'),
  };
  return field({
    label: labels[name],
    control: input,
    optional,
    hint: h('span', null, t('levelForm.targetHint'), ' ', reading),
  });
}

function calendarSelect(level: Level, zones: CalendarSummary[]): HTMLSelectElement {
  const select = h(
    'select',
    { name: 'calendar' },
    zones.map((zone) =>
      h(
        'option',
        { value: zone.id, selected: zone.id === level.calendar },
        `${zone.title || zone.id} (${zone.id})`,
      ),
    ),
  );
  if (select.value !== level.calendar) {
    select.append(h('option', { value: level.calendar, selected: true }, level.calendar));
  }
  return select;
}

function groupSelect(level: Level, teams: AdminGroup[]): HTMLSelectElement {
  const select = h(
    'select',
    { name: 'escalate_group' },
    h('option', { value: '' }, t('levelForm.groupStays')),
    teams.map((team) =>
      h('option', { value: team.slug, selected: team.slug === level.escalate_group }, team.name),
    ),
  );
  if (select.value !== level.escalate_group) {
    const slug = level.escalate_group;
    select.append(h('option', { value: slug, selected: true }, slug));
  }
  return select;
}

function criticalitySelect(level: Level): HTMLSelectElement {
  return h(
    'select',
    { name: 'escalate_criticality' },
    h('option', { value: '' }, t('levelForm.criticalityStays')),
    kCriticalities.map((c) =>
      h('option', { value: c, selected: c === level.escalate_criticality }, criticalityLabel(c)),
    ),
  );
}

/** The members of the form that differ from `level`. */
function changes(form: HTMLFormElement, level: AdminLevel): LevelChange {
  const patch: LevelChange = {};
  const en = valueOf(form, 'title_en').trim();
  const ru = valueOf(form, 'title_ru').trim();
  if (!en && !ru) throw new ApiError(422, { detail: t('levelForm.titleMissing'), field: 'title' });
  if (en !== level.titles.en || ru !== level.titles.ru) {
    patch.title = { ...(en ? { en } : {}), ...(ru ? { ru } : {}) };
  }
  const text = (name: string): string => valueOf(form, name).trim();
  if (text('first_response') !== level.first_response) {
    patch.first_response = text('first_response');
  }
  if (text('next_response') !== (level.next_response ?? '')) {
    patch.next_response = text('next_response');
  }
  if (text('resolution') !== (level.resolution ?? '')) patch.resolution = text('resolution');
  if (text('calendar') !== level.calendar) patch.calendar = text('calendar');
  const percent = Number(text('warning_percent'));
  if (percent !== level.warning_percent) patch.warning_percent = percent;
  if (text('escalate_group') !== level.escalate_group) {
    patch.escalate_group = text('escalate_group');
  }
  const criticality = text('escalate_criticality');
  if (criticality !== level.escalate_criticality) {
    patch.escalate_criticality = kCriticalities.find((c) => c === criticality) ?? '';
  }
  return patch;
}

export interface LevelFormSpec {
  level: AdminLevel;
  zones: CalendarSummary[];
  teams: AdminGroup[];
  /** The new version as the server answered it. */
  onSaved: (level: Level, titles: AdminLevel['titles']) => void;
}

/** The fields of the form, filled in with `spec.level`. */
function levelFields(spec: LevelFormSpec): HTMLElement[] {
  const { level } = spec;
  const title = (language: 'en' | 'ru', label: string): HTMLElement =>
    field({
      label,
      name: language === 'en' ? 'title' : 'title_ru',
      control: h('input', {
        type: 'text',
        name: `title_${language}`,
        lang: language,
        value: level.titles[language],
        maxlength: 200,
      }),
    });
  return [
    h(
      'div',
      { class: 'level-form-row' },
      title('en', t('levelForm.titleEn')),
      title('ru', t('levelForm.titleRu')),
    ),
    h(
      'div',
      { class: 'level-form-row' },
      targetField('first_response', level.first_response, false),
      targetField('next_response', level.next_response ?? '', true),
      targetField('resolution', level.resolution ?? '', true),
    ),
    field({
      label: t('levelForm.calendar'),
      control: calendarSelect(level, spec.zones),
      hint: t('levelForm.calendarHint'),
    }),
    field({
      label: t('levelForm.warning'),
      hint: t('levelForm.warningHint'),
      control: h('input', {
        type: 'number',
        name: 'warning_percent',
        min: 1,
        max: 99,
        step: 1,
        value: String(level.warning_percent),
        class: 'percent-input',
      }),
    }),
    h(
      'fieldset',
      { class: 'level-escalation' },
      h('legend', null, t('levelForm.escalation')),
      h('p', { class: 'field-hint' }, t('levelForm.escalationHint')),
      field({ label: t('levelForm.group'), control: groupSelect(level, spec.teams) }),
      field({ label: t('levelForm.criticality'), control: criticalitySelect(level) }),
    ),
  ];
}

/** The form that changes `spec.level`; saving records a new version. */
export function levelForm(spec: LevelFormSpec): HTMLFormElement {
  let level = spec.level;
  const status = h('p', { class: 'form-status', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('levelForm.save'));
  const form = h(
    'form',
    { class: 'stack level-form', novalidate: true },
    levelFields(spec),
    formErrorSlot(),
    h('div', { class: 'form-actions' }, submit, status),
  );
  form.addEventListener('input', () => {
    status.textContent = '';
  });
  onSubmit(
    form,
    submit,
    t('common.saving'),
    async () => {
      const patch = changes(form, level);
      if (!Object.keys(patch).length) {
        setBusy(submit, false);
        status.textContent = t('levelForm.unchanged');
        return;
      }
      const saved = await updateLevel(level.id, patch);
      const titles = {
        en: valueOf(form, 'title_en').trim(),
        ru: valueOf(form, 'title_ru').trim(),
      };
      level = { ...saved, titles };
      setBusy(submit, false);
      spec.onSaved(saved, titles);
    },
    [['first_response', t('levelForm.firstMissing')]],
  );
  return form;
}
