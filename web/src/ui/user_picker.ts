// Choosing a person by name for a process's `user` field: a combobox that
// asks GET /api/v1/users for the staff of the field's roles whose name or
// e-mail contains what was typed. The field's value is the chosen person's
// id; nobody ever types an id.
import { h, uid } from '../dom';
import { api } from '../api';
import { t } from '../i18n';
import { roleLabel } from '../format';
import { userCard } from '../directory';
import { debounce } from '../live/timing';
import type { UserOption } from '../api/types';

export interface UserPicker {
  input: HTMLInputElement;
  /** The list of matches; goes right after the input. */
  listbox: HTMLElement;
  /** The chosen person's id, or null. */
  value: () => number | null;
}

export function userPicker(spec: { name: string; roles: string[]; value?: string }): UserPicker {
  const listId = uid('people');
  const input = h('input', {
    type: 'text',
    name: spec.name,
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    placeholder: t('picker.placeholder'),
  });
  const listbox = h('ul', { class: 'picker-list', id: listId, role: 'listbox', hidden: true });
  let chosen: { id: number; name: string } | null = null;
  let options: UserOption[] = [];
  let active = -1;
  let asked = 0;

  const open = (show: boolean): void => {
    listbox.hidden = !show;
    input.setAttribute('aria-expanded', String(show));
    if (!show) input.removeAttribute('aria-activedescendant');
  };
  const draw = (): void => {
    listbox.replaceChildren();
    if (!options.length) {
      listbox.append(h('li', { class: 'picker-empty', role: 'presentation' }, t('picker.none')));
    }
    options.forEach((person, index) => {
      const option = h(
        'li',
        {
          id: `${listId}-${index}`,
          role: 'option',
          class: 'picker-option',
          'aria-selected': String(index === active),
        },
        h('span', null, person.name),
        h('span', { class: 'picker-role' }, roleLabel(person.role)),
      );
      // Keep focus in the input, which a click on the option would take.
      option.addEventListener('mousedown', (event) => event.preventDefault());
      option.addEventListener('click', () => choose(person));
      listbox.append(option);
    });
    if (active >= 0) input.setAttribute('aria-activedescendant', `${listId}-${active}`);
    else input.removeAttribute('aria-activedescendant');
    open(true);
  };
  const search = async (): Promise<void> => {
    asked += 1;
    const mine = asked;
    try {
      const found = await api.users(spec.roles, chosen ? '' : input.value);
      if (mine !== asked || document.activeElement !== input) return;
      options = found;
      active = -1;
      draw();
    } catch {
      if (mine === asked) open(false);
    }
  };
  const searchSoon = debounce(250, () => void search());
  const choose = (person: UserOption): void => {
    chosen = { id: person.id, name: person.name };
    input.value = person.name;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    open(false);
  };

  input.addEventListener('focus', () => void search());
  input.addEventListener('input', () => {
    if (chosen && input.value !== chosen.name) chosen = null;
    searchSoon();
  });
  input.addEventListener('blur', () => {
    searchSoon.cancel();
    open(false);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (listbox.hidden) {
        void search();
        return;
      }
      if (!options.length) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      active = (active + step + options.length) % options.length;
      draw();
    } else if (event.key === 'Enter' && !listbox.hidden && active >= 0) {
      event.preventDefault(); // choose, do not submit the form
      const person = options[active];
      if (person) choose(person);
    } else if (event.key === 'Escape' && !listbox.hidden) {
      event.preventDefault();
      event.stopPropagation(); // close the list, not the dialog
      open(false);
    }
  });

  const initial = Number(spec.value);
  if (spec.value && Number.isSafeInteger(initial) && initial > 0) {
    chosen = { id: initial, name: '' };
    void userCard(initial).then((card) => {
      if (chosen?.id !== initial) return;
      chosen.name = card.name;
      if (!input.value) input.value = card.name;
    });
  }
  return { input, listbox, value: () => chosen?.id ?? null };
}
