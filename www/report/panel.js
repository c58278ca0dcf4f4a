// One chart panel: title, takeaway, canvas, data-table toggle and download buttons.
// Everything from data is set with textContent or attributes, never as HTML.

import { h } from '../dom.js';

let ids = 0;

/** A panel for chart `kind`; `actions` has svg(kind), png(kind) callbacks. */
export function panel(kind, actions) {
  const n = ++ids;
  const title = h('h2', { id: `sp-t${n}` });
  const takeaway = h('p', { class: 'takeaway' });
  // Charts are drawn left to right in any page direction (the canvas's text alignment follows dir).
  const canvas = h('canvas', { role: 'img', 'data-chart': kind, dir: 'ltr', part: 'chart' });
  const tableBox = h('div', { class: 'scroll', id: `sp-d${n}`, role: 'region', tabindex: 0, 'aria-label': 'Data table', hidden: true });
  const toggle = h('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': `sp-d${n}`, onclick: () => {
    const open = tableBox.hidden;
    tableBox.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? 'Hide data table' : 'Show data table';
  } }, 'Show data table');
  const root = h('section', { class: `panel${['balance', 'likert', 'heatmap'].includes(kind) ? ' wide' : ''}`, part: 'panel', 'aria-labelledby': `sp-t${n}`, 'data-kind': kind },
    title, takeaway, canvas,
    h('div', { class: 'actions' }, toggle,
      h('button', { type: 'button', onclick: () => actions.svg(kind) }, 'Download SVG'),
      h('button', { type: 'button', onclick: () => actions.png(kind) }, 'Download PNG')),
    tableBox);
  return { root, canvas, setText(text) {
    title.textContent = text.title;
    takeaway.textContent = text.takeaway;
    canvas.setAttribute('aria-label', `${text.title}. ${text.takeaway} The data table below has the numbers.`);
    tableBox.setAttribute('aria-label', `Data table: ${text.title}`);
    tableBox.replaceChildren(table(text.table));
  } };
}

/** A real table: caption, column headers, row headers. */
function table({ caption, columns, rows }) {
  return h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...rows.map(([head, ...cells]) =>
      h('tr', {}, h('th', { scope: 'row' }, head), ...cells.map((c) => h('td', {}, c))))));
}
