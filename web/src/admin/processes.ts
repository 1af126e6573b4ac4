// #/admin/processes: the stored versions of each process definition (GET
// /api/v1/processes), grouped by process, newest first, the current one
// (new tickets start on it) marked; uploading a definition
// (./process_editor.ts) and moving open tickets between versions
// (./process_migration.ts). Storing a version lists it at once.
import { h, replace, uid } from '../dom';
import { timeElement } from '../format';
import { t } from '../i18n';
import { adminHeader, titledCard } from './admin_frame';
import { processVersions } from './admin_api';
import { editorCard } from './process_editor';
import { migrationCard } from './process_migration';
import type { ProcessVersion } from '../api/types';

export async function processesView(root: HTMLElement): Promise<void> {
  const versions = await processVersions();
  const list = h('div', { class: 'process-versions' }, versionsContent(versions));
  const migration = migrationCard(versions);
  const refresh = async (): Promise<void> => {
    const next = await processVersions();
    replace(list, versionsContent(next));
    migration.update(next);
  };
  replace(
    root,
    adminHeader({ section: 'processes', title: t('processes.title'), lead: t('processes.lead') }),
    titledCard(t('processes.versions'), [list]),
    editorCard(refresh),
    migration.element,
  );
}

/** One table per process, its versions newest first. */
function versionsContent(versions: ProcessVersion[]): HTMLElement[] {
  if (!versions.length) return [h('p', { class: 'muted' }, t('processes.none'))];
  const byId = new Map<string, ProcessVersion[]>();
  for (const version of versions) byId.set(version.id, [...(byId.get(version.id) ?? []), version]);
  return [...byId.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, list]) =>
      versionTable(
        id,
        [...list].sort((a, b) => b.version - a.version),
      ),
    );
}

function versionTable(id: string, list: ProcessVersion[]): HTMLElement {
  const titleId = uid('process');
  return h(
    'section',
    { class: 'process-group', 'aria-labelledby': titleId, dataset: { process: id } },
    h('h3', { id: titleId }, h('code', null, id)),
    h(
      'table',
      { class: 'admin-table' },
      h('caption', { class: 'visually-hidden' }, t('processes.caption', { id })),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, t('processes.col.version')),
          h('th', { scope: 'col' }, t('processes.col.loaded')),
          h('th', { scope: 'col' }, t('processes.col.file')),
          h('th', { scope: 'col' }, t('processes.col.sha')),
        ),
      ),
      h(
        'tbody',
        null,
        list.map((version) =>
          h(
            'tr',
            {
              class: version.current ? 'is-current' : undefined,
              dataset: { version: String(version.version) },
            },
            h(
              'th',
              { scope: 'row' },
              String(version.version),
              version.current
                ? [' ', h('span', { class: 'badge status-open' }, t('processes.current'))]
                : null,
            ),
            h('td', null, timeElement(version.loaded_at)),
            h('td', { class: 'admin-file' }, version.file_name),
            h(
              'td',
              null,
              h('code', { class: 'admin-sha', title: version.sha256 }, version.sha256.slice(0, 12)),
            ),
          ),
        ),
      ),
    ),
  );
}
