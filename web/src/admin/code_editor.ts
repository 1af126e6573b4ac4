// A labelled monospace text box for a definition, with its line numbers in
// a gutter beside it (for the eye; screen readers get the line in the
// problem list instead). Lines do not wrap, so a number always sits by its
// line; the gutter scrolls with the text. Lines with a problem are marked
// in the gutter, and selectLine() puts the caret on a line, selecting it.
import { h, replace } from '../dom';

export interface CodeEditor {
  /** The `.field` holding the label, the box, its hint and error slot. */
  element: HTMLElement;
  textarea: HTMLTextAreaElement;
  setValue: (text: string) => void;
  /** Marks these (1-based) lines in the gutter; 0 is ignored. */
  markLines: (lines: number[]) => void;
  /** Focuses the box with line `line` (1-based) selected and scrolled into view. */
  selectLine: (line: number) => void;
}

export function codeEditor(spec: { name: string; label: string; hint?: string }): CodeEditor {
  const id = `${spec.name}-editor`;
  const textarea = h('textarea', {
    id,
    name: spec.name,
    class: 'code-text',
    rows: 20,
    wrap: 'off',
    spellcheck: 'false',
    autocomplete: 'off',
    autocapitalize: 'off',
    'aria-describedby': spec.hint ? `${id}-hint` : undefined,
  });
  const gutter = h('div', { class: 'code-gutter', 'aria-hidden': 'true' });
  let marked = new Set<number>();
  let drawnLines = -1;
  let drawnMarks = '';

  const lineCount = (): number => textarea.value.split('\n').length;
  const drawGutter = (): void => {
    const count = lineCount();
    const marks = [...marked].sort((a, b) => a - b).join(',');
    if (count === drawnLines && marks === drawnMarks) return;
    drawnLines = count;
    drawnMarks = marks;
    replace(
      gutter,
      Array.from({ length: count }, (_, i) =>
        h(
          'span',
          { class: marked.has(i + 1) ? 'code-line has-problem' : 'code-line' },
          String(i + 1),
        ),
      ),
    );
    gutter.scrollTop = textarea.scrollTop;
  };
  textarea.addEventListener('input', drawGutter);
  textarea.addEventListener('scroll', () => {
    gutter.scrollTop = textarea.scrollTop;
  });
  drawGutter();

  const selectLine = (line: number): void => {
    const lines = textarea.value.split('\n');
    const index = Math.min(Math.max(line, 1), lines.length) - 1;
    let start = 0;
    for (let i = 0; i < index; i += 1) start += (lines[i] ?? '').length + 1;
    const end = start + (lines[index] ?? '').length;
    textarea.focus();
    textarea.setSelectionRange(start, end);
    const height = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
    textarea.scrollTop = Math.max(0, index * height - textarea.clientHeight / 3);
    gutter.scrollTop = textarea.scrollTop;
  };

  const element = h(
    'div',
    { class: 'field', dataset: { field: spec.name } },
    h('label', { for: id }, spec.label),
    h('div', { class: 'code-editor' }, gutter, textarea),
    spec.hint ? h('p', { class: 'field-hint', id: `${id}-hint` }, spec.hint) : null,
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }),
  );
  return {
    element,
    textarea,
    setValue: (text) => {
      textarea.value = text;
      marked = new Set();
      drawGutter();
      textarea.scrollTop = 0;
    },
    markLines: (lines) => {
      marked = new Set(lines.filter((line) => line > 0));
      drawGutter();
    },
    selectLine,
  };
}
