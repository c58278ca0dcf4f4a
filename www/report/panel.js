// One chart panel: title, takeaway, canvas, data-table toggle and download buttons.
// Everything from data is set with textContent or attributes, never as HTML.

import { h } from '../dom.js';
import { table } from './board.js';

let ids = 0;

/**
 * A panel for chart `kind`; `actions` has svg(kind), png(kind) callbacks; `t` words the controls.
 * The chart's own words come from the core, in the language the element gave it (Dashboard.setLanguage).
 */
export function panel(kind, actions, t) {
  const n = ++ids;
  const title = h('h2', { id: `sp-t${n}` });
  const takeaway = h('p', { class: 'takeaway' });
  // Charts are drawn left to right in any page direction (the canvas's text alignment follows dir).
  const canvas = h('canvas', { role: 'img', 'data-chart': kind, dir: 'ltr', part: 'chart' });
  // The print view's picture: the same chart as SVG (vector), shown instead of the canvas in print once it has
  // loaded. Until then the panel's class is `pending` and the canvas prints: a panel without a picture yet, a
  // picture not loaded when printing starts, or one that fails (a page whose CSP allows no data: images).
  const picture = h('img', { class: 'print', alt: '', 'data-chart': kind, onload: () => root.classList.remove('pending') });
  const tableBox = h('div', { class: 'scroll', id: `sp-d${n}`, role: 'region', tabindex: 0, 'aria-label': t('dataTable'), hidden: true });
  const toggle = h('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': `sp-d${n}`, onclick: () => {
    const open = tableBox.hidden;
    tableBox.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = t(open ? 'hideTable' : 'showTable');
  } }, t('showTable'));
  const root = h('section', { class: `panel pending${['balance', 'priority', 'likert', 'heatmap'].includes(kind) ? ' wide' : ''}`, part: 'panel', 'aria-labelledby': `sp-t${n}`, 'data-kind': kind },
    title, takeaway, canvas, picture,
    h('div', { class: 'actions' }, toggle,
      h('button', { type: 'button', onclick: () => actions.svg(kind) }, t('downloadSvg')),
      h('button', { type: 'button', onclick: () => actions.png(kind) }, t('downloadPng'))),
    tableBox);
  return { root, canvas, setPicture(svg) {
    root.classList.add('pending');
    picture.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    queueMicrotask(() => { if (picture.complete && picture.naturalWidth > 0) root.classList.remove('pending'); });
  }, setText(text) {
    title.textContent = text.title;
    takeaway.textContent = text.takeaway;
    canvas.setAttribute('aria-label', t('chartLabel', { title: text.title, takeaway: text.takeaway }));
    picture.alt = `${text.title}. ${text.takeaway}`;
    tableBox.setAttribute('aria-label', t('dataTableOf', { title: text.title }));
    tableBox.replaceChildren(table(text.table));
  } };
}
