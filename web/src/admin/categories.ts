// #/admin/categories: the ticket categories (GET /api/v1/admin/categories)
// and how they route: each one's label and hint in the reader's language
// (customers see them on the new-ticket form), the group its new tickets go
// to (named from GET /api/v1/admin/groups), and whether it was changed
// here, which keeps directory.yaml from overwriting it at start-up. "Edit"
// opens a dialog (./category_form.ts); below, a form adds a category.
import { h, replace, uid, announce } from '../dom';
import { t } from '../i18n';
import { adminHeader, titledCard } from './admin_frame';
import { groups } from './people_api';
import type { AdminGroup } from './people_api';
import { cell, rowHeader, tableHead } from './paged_table';
import { addCategoryCard, openCategoryEditor } from './category_form';
import { adminCategories } from './support_api';
import type { AdminCategory } from './support_api';

export async function categoriesView(root: HTMLElement): Promise<void> {
  const [all, teams] = await Promise.all([adminCategories(), groups()]);
  const list = h('div');
  const draw = (items: AdminCategory[], focus?: string): void => {
    replace(
      list,
      items.length
        ? categoryTable(items, teams, onEdit)
        : h('p', { class: 'muted' }, t('categories.none')),
    );
    if (focus === undefined) return;
    const row = list.querySelector(`tr[data-slug="${CSS.escape(focus)}"]`);
    row?.querySelector<HTMLElement>('button')?.focus();
  };
  const refresh = async (focus: string): Promise<void> => draw(await adminCategories(), focus);
  const onEdit = (category: AdminCategory): void =>
    openCategoryEditor(category, teams, async (saved) => {
      await refresh(saved.slug);
      announce(t('categories.saved', { name: saved.label || saved.slug }));
    });
  draw(all);
  replace(
    root,
    adminHeader({
      section: 'categories',
      title: t('categories.title'),
      lead: t('categories.lead'),
    }),
    titledCard(t('categories.title'), [list], { hiddenTitle: true }),
    addCategoryCard(teams, async (added) => {
      await refresh(added.slug);
      announce(t('categories.added', { name: added.label || added.slug }));
    }),
  );
}

/** The group's name; "No group" when the category routes nowhere. */
function groupText(id: number | null, teams: AdminGroup[]): string {
  if (id === null) return t('categories.noGroup');
  const team = teams.find((g) => g.id === id);
  return team ? team.name : t('common.groupN', { id });
}

function categoryTable(
  all: AdminCategory[],
  teams: AdminGroup[],
  onEdit: (category: AdminCategory) => void,
): HTMLTableElement {
  const cols = [
    t('categories.col.category'),
    t('categories.col.hint'),
    t('categories.col.group'),
    t('categories.col.source'),
    t('categories.col.actions'),
  ] as const;
  return h(
    'table',
    { class: 'admin-table paged-table category-table', role: 'table' },
    h('caption', { class: 'visually-hidden' }, t('categories.caption')),
    tableHead([...cols]),
    h(
      'tbody',
      { role: 'rowgroup' },
      all.map((category) => {
        const nameId = uid('category');
        return h(
          'tr',
          { role: 'row', dataset: { slug: category.slug } },
          rowHeader(
            cols[0],
            h('span', { id: nameId }, category.label || category.slug),
            h('code', { class: 'admin-id' }, category.slug),
          ),
          cell(cols[1], category.hint || h('span', { class: 'muted' }, '—')),
          cell(cols[2], groupText(category.group_id, teams)),
          cell(
            cols[3],
            category.edited
              ? h('span', { class: 'badge category-edited' }, t('categories.edited'))
              : h('code', null, t('categories.fromFile')),
          ),
          cell(
            cols[4],
            h(
              'button',
              {
                type: 'button',
                class: 'button small',
                'aria-haspopup': 'dialog',
                'aria-describedby': nameId,
                onclick: () => onEdit(category),
              },
              t('categories.edit'),
            ),
          ),
        );
      }),
    ),
  );
}
