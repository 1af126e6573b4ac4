// Moving open tickets between versions of a process (POST
// /api/v1/processes/{id}/migrations): the process, the version they are on,
// the version they go to, and a state mapping of rows "old state → new
// state" (typed ids; states not listed keep their id). The answer says how
// many open tickets moved; a refusal shows under the field it names.
import { h, replace, uid } from '../dom';
import { titledCard } from './admin_frame';
import { ApiError } from '../api';
import { t } from '../i18n';
import { field, formErrorSlot, onSubmit, setBusy } from '../ui/form';
import { migrateProcess } from './admin_api';
import type { ProcessVersion } from '../api/types';

export interface MigrationCard {
  element: HTMLElement;
  /** Offers the processes and versions of `versions` (after a new one is stored). */
  update: (versions: ProcessVersion[]) => void;
}

/** The fields of the form the server may name in a problem. */
const kFields = new Set(['from', 'to', 'map']);

interface MapRow {
  element: HTMLElement;
  from: HTMLInputElement;
  to: HTMLInputElement;
  fromLabel: HTMLLabelElement;
  toLabel: HTMLLabelElement;
  remove: HTMLButtonElement;
}

export function migrationCard(initial: ProcessVersion[]): MigrationCard {
  let versions = initial;
  const process = h('select', { name: 'process' });
  const from = h('select', { name: 'from' });
  const to = h('select', { name: 'to' });
  const rows: MapRow[] = [];
  const rowList = h('div', { class: 'map-rows' });
  const status = h('p', { class: 'form-status', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('migrate.submit'));
  const mapHint = uid('map-hint');

  const renumber = (): void => {
    rows.forEach((row, i) => {
      const n = String(i + 1);
      row.fromLabel.textContent = t('migrate.oldState', { n });
      row.toLabel.textContent = t('migrate.newState', { n });
      row.remove.setAttribute('aria-label', t('migrate.removeRow', { n }));
    });
  };
  const addRow = (focus: boolean): void => {
    const fromId = uid('map-from');
    const toId = uid('map-to');
    const row: MapRow = {
      from: h('input', { type: 'text', id: fromId, autocomplete: 'off', spellcheck: 'false' }),
      to: h('input', { type: 'text', id: toId, autocomplete: 'off', spellcheck: 'false' }),
      fromLabel: h('label', { for: fromId }),
      toLabel: h('label', { for: toId }),
      remove: h('button', { type: 'button', class: 'button small subtle' }, t('migrate.remove')),
      element: h('div', { class: 'map-row' }),
    };
    row.remove.addEventListener('click', () => {
      rows.splice(rows.indexOf(row), 1);
      row.element.remove();
      renumber();
      addButton.focus();
    });
    replace(
      row.element,
      h('div', null, row.fromLabel, row.from),
      h('span', { class: 'map-arrow', 'aria-hidden': 'true' }, '→'),
      h('div', null, row.toLabel, row.to),
      row.remove,
    );
    rows.push(row);
    rowList.append(row.element);
    renumber();
    if (focus) row.from.focus();
  };
  const addButton = h(
    'button',
    { type: 'button', class: 'button small', onclick: () => addRow(true) },
    t('migrate.addRow'),
  );
  addRow(false);

  const fillVersions = (): void => {
    const mine = versions.filter((v) => v.id === process.value).map((v) => v.version);
    const sorted = [...new Set(mine)].sort((a, b) => b - a);
    const current = versions.find((v) => v.id === process.value && v.current)?.version;
    const target = current ?? sorted[0];
    const options = (): HTMLOptionElement[] =>
      sorted.map((n) => h('option', { value: String(n) }, String(n)));
    replace(from, options());
    replace(to, options());
    to.value = target === undefined ? '' : String(target);
    const older = sorted.find((n) => n !== target);
    from.value = older === undefined ? to.value : String(older);
  };
  process.addEventListener('change', fillVersions);

  const update = (next: ProcessVersion[]): void => {
    versions = next;
    const chosen = process.value;
    const ids = [...new Set(versions.map((v) => v.id))].sort();
    replace(
      process,
      ids.map((id) => h('option', { value: id }, id)),
    );
    if (ids.includes(chosen)) process.value = chosen;
    fillVersions();
  };
  update(initial);

  const form = h(
    'form',
    { class: 'stack migration-form', novalidate: true },
    h(
      'div',
      { class: 'migration-versions' },
      field({ label: t('migrate.process'), control: process }),
      field({ label: t('migrate.from'), control: from }),
      field({ label: t('migrate.to'), control: to }),
    ),
    h(
      'fieldset',
      { class: 'field', dataset: { field: 'map' }, 'aria-describedby': mapHint },
      h('legend', null, t('migrate.map')),
      h('p', { class: 'field-hint', id: mapHint }, t('migrate.mapHint')),
      rowList,
      addButton,
      h('p', { class: 'field-error', id: uid('map-error'), hidden: true }),
    ),
    formErrorSlot(),
    h('div', { class: 'form-actions' }, submit, status),
  );
  form.addEventListener('input', () => {
    status.textContent = '';
  });

  onSubmit(form, submit, t('migrate.working'), async () => {
    status.textContent = '';
    const oldVersion = Number(from.value);
    const newVersion = Number(to.value);
    if (oldVersion === newVersion) {
      throw new ApiError(422, { detail: t('migrate.sameVersion'), field: 'to' });
    }
    const map: Record<string, string> = {};
    for (const [i, row] of rows.entries()) {
      const [old, next] = [row.from.value.trim(), row.to.value.trim()];
      if (!old && !next) continue;
      if (!old || !next) {
        throw new ApiError(422, {
          detail: t('migrate.rowIncomplete', { n: String(i + 1) }),
          field: 'map',
        });
      }
      map[old] = next;
    }
    let moved: number;
    try {
      moved = await migrateProcess(process.value, oldVersion, newVersion, map);
    } catch (error) {
      throw withField(error);
    }
    setBusy(submit, false);
    status.textContent = t('migrate.done', { count: moved });
  });

  const element = titledCard(t('migrate.title'), [
    h('p', { class: 'field-hint' }, t('migrate.lead')),
    form,
  ]);
  return { element, update };
}

/**
 * A problem naming a member the form has no field for keeps that name in
 * its words ("process: …"), since it shows in the form's error slot.
 */
function withField(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.field || kFields.has(error.field)) return error;
  return new ApiError(error.status, {
    title: error.title,
    detail: `${error.field}: ${error.detail}`,
  });
}
