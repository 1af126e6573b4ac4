// Uploading a process definition: a monospace text box with line numbers
// (filled by pasting or from a file), "Check" (POST /api/v1/processes/check),
// which lists the problems by line and column, each a button that selects
// its line in the box, or, for a valid text, its id, version, size and
// diagram; then "Activate as version N" (POST /api/v1/processes) stores it.
// The diagram's SVG is parsed as SVG and sanitised before it is imported
// (../ui/safe_svg.ts). Editing the text after a check withdraws the
// activation until it is checked again.
import { h, replace, uid, announce } from '../dom';
import { titledCard } from './admin_frame';
import { ApiError } from '../api';
import { t } from '../i18n';
import { isBusy, onSubmit, setBusy } from '../ui/form';
import { safeSvg } from '../ui/safe_svg';
import { checkProcess, loadProcess } from './admin_api';
import { codeEditor } from './code_editor';
import type { ProcessCheck, SourceProblem } from '../api/types';

/** The upload card; `onActivated` runs after a version is stored (to list it). */
export function editorCard(onActivated: () => Promise<void>): HTMLElement {
  const fileId = uid('definition-file');
  const fileInput = h('input', {
    type: 'file',
    id: fileId,
    accept: '.yaml,.yml,application/yaml,text/yaml,text/plain',
    class: 'visually-hidden',
    'aria-describedby': `${fileId}-hint`,
  });
  const editor = codeEditor({
    name: 'source',
    label: t('processes.source'),
    hint: t('processes.sourceHint'),
  });
  const result = h('div', { class: 'check-result' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('processes.check'));
  /** The name of the file the text came from, named in the server's messages. */
  let fileName = '';
  /** The text of the last check that found it valid. */
  let checked: string | null = null;
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    h(
      'div',
      { class: 'field file-picker', dataset: { field: 'file' } },
      h('label', { for: fileId }, t('processes.openFile')),
      fileInput,
      h(
        'label',
        { for: fileId, class: 'button small file-choose', 'aria-hidden': 'true' },
        t('processes.chooseFile'),
      ),
      h('p', { class: 'field-hint', id: `${fileId}-hint` }, t('processes.fileHint')),
    ),
    editor.element,
    h('div', { class: 'form-actions' }, submit),
  );

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    fileName = file.name;
    editor.setValue(await file.text());
    fileInput.value = '';
    withdraw();
    announce(t('processes.fileLoaded', { name: file.name }));
  });
  /** A text other than the one checked may not be activated. */
  const withdraw = (): void => {
    if (checked === null || editor.textarea.value === checked) return;
    checked = null;
    for (const el of result.querySelectorAll('.activation')) {
      replace(el, h('p', { class: 'field-hint' }, t('processes.stale')));
    }
  };
  editor.textarea.addEventListener('input', withdraw);

  onSubmit(
    form,
    submit,
    t('processes.checking'),
    async () => {
      const source = editor.textarea.value;
      const verdict = await checkProcess(source, fileName);
      setBusy(submit, false);
      editor.markLines(verdict.problems.map((problem) => problem.line));
      checked = verdict.valid ? source : null;
      /** Stores the text checked; answers what happened, in words. */
      const activate = async (): Promise<string> => {
        const { loaded, created } = await loadProcess(source, fileName);
        await onActivated();
        const params = { id: loaded.id, version: String(loaded.version) };
        if (!created) return t('processes.sameStored', params);
        return t(loaded.current ? 'processes.activated' : 'processes.activatedOnly', params);
      };
      replace(
        result,
        verdict.valid ? validContent(verdict, activate) : problemsContent(verdict, editor),
      );
      result.querySelector<HTMLElement>('h3')?.focus();
    },
    [['source', t('processes.sourceMissing')]],
  );

  return titledCard(t('processes.upload'), [
    h('p', { class: 'field-hint' }, t('processes.uploadLead')),
    form,
    result,
  ]);
}

/** "Line 12, column 5" of a problem; the whole text has line 0. */
function place(problem: SourceProblem): string {
  const line = String(problem.line);
  if (!problem.line) return t('processes.whole');
  if (!problem.column) return t('processes.atLine', { line });
  return t('processes.at', { line, column: String(problem.column) });
}

function problemsContent(
  verdict: ProcessCheck,
  editor: { selectLine: (line: number) => void },
): HTMLElement[] {
  const titleId = uid('problems-title');
  return [
    h(
      'h3',
      { id: titleId, tabindex: -1 },
      t('processes.problems', { count: verdict.problems.length }),
    ),
    h(
      'ol',
      { class: 'problem-list', 'aria-labelledby': titleId },
      verdict.problems.map((problem) =>
        h(
          'li',
          null,
          problem.line
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'link-button problem-place',
                  onclick: () => editor.selectLine(problem.line),
                },
                place(problem),
              )
            : h('span', { class: 'problem-place' }, place(problem)),
          h('span', { class: 'problem-message' }, problem.message),
        ),
      ),
    ),
  ];
}

function validContent(verdict: ProcessCheck, activate: () => Promise<string>): HTMLElement[] {
  const id = verdict.id ?? '';
  const version = String(verdict.version ?? '');
  const button = h(
    'button',
    { type: 'button', class: 'button primary' },
    t('processes.activate', { version }),
  );
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const status = h('p', { class: 'form-status', role: 'status' });
  button.addEventListener('click', async () => {
    if (isBusy(button)) return;
    error.hidden = true;
    setBusy(button, true, t('processes.activating'));
    try {
      const done = await activate();
      button.remove();
      status.textContent = done; // a live region: read out
    } catch (problem) {
      setBusy(button, false);
      error.textContent = problem instanceof ApiError ? problem.detail : t('error.generic');
      error.hidden = false;
    }
  });
  return [
    h('h3', { tabindex: -1 }, t('processes.validTitle')),
    h(
      'p',
      null,
      t('processes.valid', {
        id,
        version,
        states: t('processes.states', { count: verdict.states ?? 0 }),
        transitions: t('processes.transitions', { count: verdict.transitions ?? 0 }),
      }),
    ),
    verdict.stored_as != null
      ? h(
          'p',
          { class: 'field-hint' },
          t('processes.storedAs', { version: String(verdict.stored_as) }),
        )
      : null,
    diagram(verdict, id, version),
    h('div', { class: 'activation form-actions' }, button, status),
    error,
  ].filter((el): el is HTMLElement => el !== null);
}

/** The diagram in a scrollable frame, or why there is none. */
function diagram(verdict: ProcessCheck, id: string, version: string): HTMLElement {
  const svg = verdict.svg ? safeSvg(verdict.svg) : null;
  if (!svg) return h('p', { class: 'field-hint' }, t('processes.noDiagram'));
  for (const title of svg.querySelectorAll('title')) title.remove(); // raw ids as tooltips
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('processes.diagram', { id, version }));
  svg.setAttribute('focusable', 'false');
  return h(
    'figure',
    { class: 'process-preview' },
    h('figcaption', null, t('processes.preview')),
    h(
      'div',
      {
        class: 'process-preview-frame',
        tabindex: 0,
        role: 'group',
        'aria-label': t('processes.previewFrame'),
      },
      svg,
    ),
  );
}
