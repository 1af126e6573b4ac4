// Editing a ticket category in a modal dialog: its label and hint in
// English and Russian and the group its new tickets go to, sent as one
// PATCH /api/v1/admin/categories/{slug} of what changed. Adding one: slug,
// texts and group (POST /api/v1/admin/categories). A refusal shows under
// the field the server names (a slug in use or malformed, an unknown
// group), in its words.
import { h } from '../dom';
import { ApiError } from '../api';
import { t } from '../i18n';
import { openDialog } from '../ui/dialog';
import { field, formErrorSlot, onSubmit, setBusy, valueOf } from '../ui/form';
import { titledCard } from './admin_frame';
import type { AdminGroup } from './people_api';
import { addCategory, updateCategory } from './support_api';
import type { AdminCategory, CategoryPatch, NewCategory } from './support_api';

type Texts = { en: string; ru: string };

function groupSelect(teams: AdminGroup[], value: number | null): HTMLSelectElement {
  return h(
    'select',
    { name: 'group' },
    h('option', { value: '' }, t('categories.noGroup')),
    teams.map((team) =>
      h('option', { value: String(team.id), selected: team.id === value }, team.name),
    ),
  );
}

/** Label and hint, each in English and Russian; errors about `label` go under the first. */
function textFields(labels: Partial<Texts>, hints: Partial<Texts>): HTMLElement[] {
  const input = (name: string, lang: string, value: string): HTMLInputElement =>
    h('input', { type: 'text', name, lang, value, maxlength: 200, autocomplete: 'off' });
  const area = (name: string, lang: string, value: string): HTMLTextAreaElement => {
    const box = h('textarea', { name, lang, rows: 2, maxlength: 1000 });
    box.value = value;
    return box;
  };
  return [
    h(
      'div',
      { class: 'level-form-row' },
      field({
        label: t('categories.labelEn'),
        name: 'label',
        control: input('label_en', 'en', labels.en ?? ''),
      }),
      field({ label: t('categories.labelRu'), control: input('label_ru', 'ru', labels.ru ?? '') }),
    ),
    h(
      'div',
      { class: 'level-form-row' },
      field({
        label: t('categories.hintEn'),
        name: 'hint',
        optional: true,
        control: area('hint_en', 'en', hints.en ?? ''),
      }),
      field({
        label: t('categories.hintRu'),
        optional: true,
        control: area('hint_ru', 'ru', hints.ru ?? ''),
      }),
    ),
  ];
}

function textsOf(form: HTMLFormElement, prefix: 'label' | 'hint'): Texts {
  return {
    en: valueOf(form, `${prefix}_en`).trim(),
    ru: valueOf(form, `${prefix}_ru`).trim(),
  };
}

/**
 * The labels typed, only the languages filled in (the server refuses an
 * empty label); a problem under the first when both are empty.
 */
function labelsOf(form: HTMLFormElement): Partial<Texts> {
  const { en, ru } = textsOf(form, 'label');
  if (!en && !ru) {
    throw new ApiError(422, { detail: t('categories.labelMissing'), field: 'label' });
  }
  return { ...(en ? { en } : {}), ...(ru ? { ru } : {}) };
}

const differ = (a: Partial<Texts>, b: Record<string, string>): boolean =>
  (a.en ?? '') !== (b.en ?? '') || (a.ru ?? '') !== (b.ru ?? '');

/** The group chosen: its id, or null for none. */
function groupOf(form: HTMLFormElement): number | null {
  const value = valueOf(form, 'group');
  return value ? Number(value) : null;
}

/** The members of the form that differ from `category`. */
function changes(form: HTMLFormElement, category: AdminCategory): CategoryPatch {
  const patch: CategoryPatch = {};
  const labels = labelsOf(form);
  if (differ(labels, category.labels)) patch.label = labels;
  const hints = textsOf(form, 'hint');
  if (differ(hints, category.hints)) patch.hint = hints;
  const group = groupOf(form);
  if (group !== category.group_id) patch.group = group;
  return patch;
}

/** Opens the editor of `category`; `onSaved` runs with the category as the server answered. */
export function openCategoryEditor(
  category: AdminCategory,
  teams: AdminGroup[],
  onSaved: (category: AdminCategory) => Promise<void>,
): void {
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('categories.save'));
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    h('p', { class: 'field-hint' }, t('categories.slugIs', { slug: category.slug })),
    textFields(category.labels, category.hints),
    field({ label: t('categories.group'), control: groupSelect(teams, category.group_id) }),
    h('p', { class: 'field-hint' }, t('categories.editedHint')),
    formErrorSlot(),
    h('div', { class: 'form-actions' }, submit),
  );
  const dialog = openDialog({
    title: t('categories.editTitle', { name: category.label || category.slug }),
    body: form,
    className: 'dialog-wide',
  });
  onSubmit(form, submit, t('common.saving'), async () => {
    const patch = changes(form, category);
    if (!Object.keys(patch).length) {
      dialog.close();
      return;
    }
    const saved = await updateCategory(category.slug, patch);
    dialog.close();
    await onSaved(saved);
  });
}

/** The form that adds a category; `onAdded` lists it. */
export function addCategoryCard(
  teams: AdminGroup[],
  onAdded: (category: AdminCategory) => Promise<void>,
): HTMLElement {
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('categories.add'));
  const form = h(
    'form',
    { class: 'stack people-form', novalidate: true },
    field({
      label: t('categories.slug'),
      hint: t('categories.slugHint'),
      control: h('input', {
        type: 'text',
        name: 'slug',
        autocomplete: 'off',
        spellcheck: 'false',
        maxlength: 64,
      }),
    }),
    textFields({}, {}),
    field({ label: t('categories.group'), control: groupSelect(teams, null) }),
    formErrorSlot(),
    h('div', { class: 'form-actions' }, submit),
  );
  onSubmit(
    form,
    submit,
    t('common.saving'),
    async () => {
      const hints = textsOf(form, 'hint');
      const category: NewCategory = {
        slug: valueOf(form, 'slug').trim(),
        label: labelsOf(form),
        group: groupOf(form),
      };
      if (hints.en || hints.ru) category.hint = hints;
      const added = await addCategory(category);
      setBusy(submit, false);
      form.reset();
      await onAdded(added);
    },
    [['slug', t('categories.slugMissing')]],
  );
  return titledCard(t('categories.addTitle'), [form]);
}
