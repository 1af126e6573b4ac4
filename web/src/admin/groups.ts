// #/admin/groups: the staff groups (GET /api/v1/admin/groups) with their
// tier, name in the reader's language and members, named from the staff
// list (GET /api/v1/admin/users?role=<every staff role>, up to 500). "Edit"
// opens a dialog for the names, tier and members (./group_form.ts); below,
// a form adds a group. A group's notifications go to its members, and each
// member's "My groups" queue lists its tickets: the lead says so.
import { h, replace, uid, announce } from '../dom';
import { t } from '../i18n';
import { adminHeader, titledCard } from './admin_frame';
import { groups, usersOf } from './people_api';
import type { AdminGroup, AdminUser } from './people_api';
import { kStaffRoles, personName } from './people_fields';
import { addGroupCard, openGroupEditor } from './group_form';
import { cell, rowHeader, tableHead } from './paged_table';

export async function groupsView(root: HTMLElement): Promise<void> {
  const [teams, staff] = await Promise.all([groups(), usersOf(kStaffRoles)]);
  const people = new Map(staff.map((person) => [person.id, person]));
  const list = h('div');
  const draw = (all: AdminGroup[], focus?: number): void => {
    replace(
      list,
      all.length ? groupTable(all, people, onEdit) : h('p', { class: 'muted' }, t('groups.none')),
    );
    if (focus !== undefined) list.querySelector<HTMLElement>(`[data-group="${focus}"]`)?.focus();
  };
  const refresh = async (focus: number): Promise<void> => draw(await groups(), focus);
  const onEdit = (group: AdminGroup): void =>
    openGroupEditor(group, staff, async (saved) => {
      await refresh(saved.id);
      announce(t('groups.saved', { name: saved.name }));
    });
  draw(teams);
  replace(
    root,
    adminHeader({ section: 'groups', title: t('groups.title'), lead: t('groups.lead') }),
    titledCard(t('groups.title'), [list], { hiddenTitle: true }),
    addGroupCard(async (added) => {
      await refresh(added.id);
      announce(t('groups.added', { name: added.name }));
    }),
  );
}

function groupTable(
  all: AdminGroup[],
  people: Map<number, AdminUser>,
  onEdit: (group: AdminGroup) => void,
): HTMLTableElement {
  const cols = [
    t('groups.col.name'),
    t('groups.col.tier'),
    t('groups.col.members'),
    t('groups.col.actions'),
  ] as const;
  return h(
    'table',
    { class: 'admin-table paged-table group-table', role: 'table' },
    h('caption', { class: 'visually-hidden' }, t('groups.caption')),
    tableHead([...cols]),
    h(
      'tbody',
      { role: 'rowgroup' },
      all.map((group) => {
        const nameId = uid('group');
        const members = group.members.map((id) => personName(id, people));
        const edit = h(
          'button',
          {
            type: 'button',
            class: 'button small',
            'aria-haspopup': 'dialog',
            'aria-describedby': nameId,
            dataset: { group: String(group.id) },
            onclick: () => onEdit(group),
          },
          t('groups.edit'),
        );
        return h(
          'tr',
          { role: 'row', dataset: { slug: group.slug } },
          rowHeader(
            cols[0],
            h('span', { id: nameId }, group.name),
            h('code', { class: 'admin-id' }, group.slug),
          ),
          cell(cols[1], `L${group.tier}`),
          cell(
            cols[2],
            members.length
              ? h(
                  'ul',
                  { class: 'member-list' },
                  members.map((name) => h('li', null, name)),
                )
              : h('span', { class: 'muted' }, t('groups.noMembers')),
          ),
          cell(cols[3], edit),
        );
      }),
    ),
  );
}
