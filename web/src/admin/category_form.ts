// Editing a ticket category in a modal dialog: its label and hint in
// English and Russian and the group its new tickets go to, sent as one
// PATCH /api/v1/admin/categories/{slug} of what changed. Adding one: slug,
// texts and group (POST /api/v1/admin/categories). A refusal shows under
// the field the server names (a slug in use or malformed, an unknown
// group), in its words.
import { h } from '../dom';
import { t } from '../i18n';
import { field, valueOf } from '../ui/form';
import { addForm, openEditDialog, slugField } from './add_and_edit';
import { titledCard } from './admin_frame';
import { languageInput, requiredTextsOf, textsDiffer, textsOf } from './language_texts';
import type { Language, Texts } from './language_texts';
import type { AdminGroup } from './people_api';
import { addCategory, updateCategory } from './support_api';
import type { AdminCategory, CategoryPatch, NewCategory } from './support_api';

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
  const area = (lang: Language, value: string): HTMLTextAreaElement => {
    const box = h('textarea', { name: `hint_${lang}`, lang, rows: 2, maxlength: 1000 });
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
        control: languageInput('label', 'en', labels.en ?? ''),
      }),
      field({
        label: t('categories.labelRu'),
        control: languageInput('label', 'ru', labels.ru ?? ''),
      }),
    ),
    h(
      'div',
      { class: 'level-form-row' },
      field({
        label: t('categories.hintEn'),
        name: 'hint',
        optional: true,
        control: area('en', hints.en ?? ''),
      }),
      field({
        label: t('categories.hintRu'),
        optional: true,
        control: area('ru', hints.ru ?? ''),
      }),
    ),
  ];
}

/** The labels typed, only the languages filled in; a problem under the first when both are empty. */
function labelsOf(form: HTMLFormElement): Partial<Texts> {
  return requiredTextsOf(form, 'label', t('categories.labelMissing'));
}

/** The group chosen: its id, or null for none. */
function groupOf(form: HTMLFormElement): number | null {
  const value = valueOf(form, 'group');
  return value ? Number(value) : null;
}

/** The members of the form that differ from `category`. */
function changes(form: HTMLFormElement, category: AdminCategory): CategoryPatch {
  const patch: CategoryPatch = {};
  const labels = labelsOf(form);
  if (textsDiffer(labels, category.labels)) patch.label = labels;
  const hints = textsOf(form, 'hint');
  if (textsDiffer(hints, category.hints)) patch.hint = hints;
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
  openEditDialog({
    title: t('categories.editTitle', { name: category.label || category.slug }),
    submitLabel: t('categories.save'),
    fields: [
      h('p', { class: 'field-hint' }, t('categories.slugIs', { slug: category.slug })),
      textFields(category.labels, category.hints),
      field({ label: t('categories.group'), control: groupSelect(teams, category.group_id) }),
      h('p', { class: 'field-hint' }, t('categories.editedHint')),
    ],
    changes: (form) => changes(form, category),
    save: (patch) => updateCategory(category.slug, patch),
    onSaved,
  });
}

/** The form that adds a category; `onAdded` lists it. */
export function addCategoryCard(
  teams: AdminGroup[],
  onAdded: (category: AdminCategory) => Promise<void>,
): HTMLElement {
  const form = addForm({
    submitLabel: t('categories.add'),
    fields: [
      slugField(t('categories.slug'), t('categories.slugHint')),
      textFields({}, {}),
      field({ label: t('categories.group'), control: groupSelect(teams, null) }),
    ],
    required: [['slug', t('categories.slugMissing')]],
    add: (form) => {
      const hints = textsOf(form, 'hint');
      const category: NewCategory = {
        slug: valueOf(form, 'slug').trim(),
        label: labelsOf(form),
        group: groupOf(form),
      };
      if (hints.en || hints.ru) category.hint = hints;
      return addCategory(category);
    },
    onAdded,
  });
  return titledCard(t('categories.addTitle'), [form]);
}
