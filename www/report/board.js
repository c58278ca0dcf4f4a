// The board report's own parts in the dashboard: the executive summary (key figures, headline,
// strengths and risks) above the charts, and its tables and statements (the action plan table,
// the breakdown table, the method and anonymity statement) below them. The plan table is for the
// print view only; on screen the plan panel, with its checklist downloads, shows the plan. The
// core builds the model (Dashboard.board()); this only draws it, with text nodes: every string
// from data stays text.
import { h } from '../dom.js';

let ids = 0;

/** The summary panel and the closing panel; update(board) fills both. `t` words the headings; the board's own words come from the core in the page's language. */
export function boardPanels(t) {
  const n = ++ids;
  const summary = h('section', { class: 'panel wide board summary', 'aria-labelledby': `sp-b${n}`, 'data-kind': 'summary' });
  const closing = h('section', { class: 'panel wide board closing', 'aria-label': t('closingLabel'), 'data-kind': 'closing' });
  return {
    summary, closing,
    update(board) {
      summary.replaceChildren(
        h('h2', { id: `sp-b${n}` }, t('summaryTitle')),
        h('p', { class: 'headline' }, board.summary.headline),
        h('dl', { class: 'figures' }, ...board.summary.figures.map((f) =>
          h('div', { class: 'figure' }, h('dt', {}, f.label), h('dd', { class: 'value' }, f.value), h('dd', { class: 'detail' }, f.detail)))),
        ...board.sections.filter((s) => s.type === 'points').map(points));
      const rest = board.sections.filter((s) => s.type === 'table' || s.type === 'text');
      closing.replaceChildren(...rest.map((s) => (s.type === 'table' ? tableSection(s) : textSection(s))));
      closing.hidden = rest.length === 0;
    },
  };
}

/** Strengths and risks: lists side by side. */
function points(s) {
  return h('div', { class: 'points', 'data-section': s.id },
    ...s.lists.map((l) => h('div', {}, h('h3', {}, l.title), h('ul', {}, ...l.points.map((p) => h('li', {}, p))))));
}

function tableSection(s) {
  return h('div', { class: 'section', 'data-section': s.id }, h('h2', {}, s.title), h('p', {}, s.lead),
    h('div', { class: 'scroll', role: 'region', tabindex: 0, 'aria-label': s.title }, table(s.table)));
}

function textSection(s) {
  return h('div', { class: 'section', 'data-section': s.id }, h('h2', {}, s.title), ...s.paragraphs.map((p) => h('p', {}, p)));
}

/** A real table: caption, column headers, row headers; `lang` is the language of its words, if known. */
export function table({ caption, columns, rows }, lang = null) {
  return h('table', { lang },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...rows.map(([head, ...cells]) =>
      h('tr', {}, h('th', { scope: 'row' }, head), ...cells.map((c) => h('td', {}, c))))));
}
