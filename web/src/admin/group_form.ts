// Editing a staff group in a modal dialog: its English and Russian names,
// its tier and its members (a checkbox list of active staff, with a box that
// narrows it by name), sent as one PATCH /api/v1/admin/groups/{id} of what
// changed. Adding a group: slug, names and tier (POST
// /api/v1/admin/groups). A refusal shows under the field the server names
// (a slug in use, a tier out of range, a member who is not active staff).
import { h, uid } from '../dom';
import { t } from '../i18n';
import { field, valueOf } from '../ui/form';
import { addForm, openEditDialog, slugField } from './add_and_edit';
import { titledCard } from './admin_frame';
import { languageInput, requiredTextsOf, textsDiffer } from './language_texts';
import type { Texts } from './language_texts';
import { addGroup, updateGroup } from './people_api';
import type { AdminGroup, AdminUser, GroupPatch, NewGroup } from './people_api';
import { personName } from './people_fields';

function tierSelect(value: number): HTMLSelectElement {
  return h(
    'select',
    { name: 'tier' },
    [1, 2, 3].map((n) => h('option', { value: String(n), selected: n === value }, `L${n}`)),
  );
}

/** The name fields: English and Russian, at least one filled in. */
function nameFields(names: Record<string, string>): HTMLElement[] {
  return [
    field({
      label: t('groups.nameEn'),
      name: 'name',
      control: languageInput('name', 'en', names.en ?? ''),
    }),
    field({ label: t('groups.nameRu'), control: languageInput('name', 'ru', names.ru ?? '') }),
  ];
}

/** The names typed, as the API takes them; a problem under the first when both are empty. */
function namesOf(form: HTMLFormElement): Partial<Texts> {
  return requiredTextsOf(form, 'name', t('groups.nameMissing'));
}

/**
 * The members' checkboxes: active staff by name, and members who are not
 * (disabled since), checked as they are.
 */
function memberPicker(group: AdminGroup, staff: AdminUser[]): HTMLElement {
  const people = new Map(staff.map((person) => [person.id, person]));
  const ids = staff
    .filter((person) => !person.disabled)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((person) => person.id);
  for (const id of group.members) if (!ids.includes(id)) ids.push(id);
  const items = ids.map((id) => {
    const boxId = uid('member');
    const label = personName(id, people);
    return h(
      'li',
      { class: 'checkbox-field', dataset: { words: label.toLowerCase() } },
      h('input', {
        type: 'checkbox',
        name: 'members',
        value: String(id),
        id: boxId,
        checked: group.members.includes(id),
      }),
      h('label', { for: boxId }, label),
    );
  });
  const listId = uid('members');
  const find = h('input', { type: 'search', 'aria-controls': listId, autocomplete: 'off' });
  find.addEventListener('input', () => {
    const words = find.value.trim().toLowerCase();
    for (const item of items) item.hidden = Boolean(words) && !item.dataset.words?.includes(words);
  });
  const findId = uid('find');
  find.id = findId;
  const hintId = uid('members-hint');
  return h(
    'div',
    { class: 'member-picker' },
    // Outside the fieldset, so that a problem with the members marks and focuses a box, not it.
    h('div', { class: 'member-find' }, h('label', { for: findId }, t('groups.findPerson')), find),
    h(
      'fieldset',
      { class: 'field', dataset: { field: 'members' }, 'aria-describedby': hintId },
      h('legend', null, t('groups.members')),
      h('p', { class: 'field-hint', id: hintId }, t('groups.membersHint')),
      h('ul', { class: 'member-choices', id: listId }, items),
      h('p', { class: 'field-error', id: uid('members-error'), hidden: true }),
    ),
  );
}

function checkedMembers(form: HTMLFormElement): number[] {
  return [...form.querySelectorAll<HTMLInputElement>('input[name="members"]:checked')].map((box) =>
    Number(box.value),
  );
}

/** The members of `patch` that differ from `group`. */
function changes(form: HTMLFormElement, group: AdminGroup): GroupPatch {
  const patch: GroupPatch = {};
  const names = namesOf(form);
  if (textsDiffer(names, group.names)) patch.name = names;
  const tier = Number(valueOf(form, 'tier'));
  if (tier !== group.tier) patch.tier = tier;
  const members = checkedMembers(form);
  const before = new Set(group.members);
  if (members.length !== before.size || members.some((id) => !before.has(id))) {
    patch.members = members;
  }
  return patch;
}

/** Opens the editor of `group`; `onSaved` runs with the group as the server answered. */
export function openGroupEditor(
  group: AdminGroup,
  staff: AdminUser[],
  onSaved: (group: AdminGroup) => Promise<void>,
): void {
  openEditDialog({
    title: t('groups.editTitle', { name: group.name }),
    submitLabel: t('groups.save'),
    fields: [
      h('p', { class: 'field-hint' }, t('groups.slug', { slug: group.slug })),
      nameFields(group.names),
      field({ label: t('groups.tier'), control: tierSelect(group.tier) }),
      memberPicker(group, staff),
    ],
    changes: (form) => changes(form, group),
    save: (patch) => updateGroup(group.id, patch),
    onSaved,
  });
}

/** The form that adds a group; `onAdded` lists it. */
export function addGroupCard(onAdded: (group: AdminGroup) => Promise<void>): HTMLElement {
  const form = addForm({
    submitLabel: t('groups.add'),
    fields: [
      slugField(t('groups.slugLabel'), t('groups.slugHint')),
      nameFields({}),
      field({ label: t('groups.tier'), control: tierSelect(1) }),
    ],
    required: [['slug', t('groups.slugMissing')]],
    add: (form) => {
      const group: NewGroup = {
        slug: valueOf(form, 'slug').trim(),
        name: namesOf(form),
        tier: Number(valueOf(form, 'tier')),
      };
      return addGroup(group);
    },
    onAdded,
  });
  return titledCard(t('groups.addTitle'), [form]);
}
