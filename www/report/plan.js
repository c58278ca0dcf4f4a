// The action plan panel: practices ranked against the current view's released numbers, each
// with its first step, what should move by the next wave, and the numbers that triggered it.
// Everything from data is set with textContent (h()), never as HTML.

import { h } from '../dom.js';

const SHOWN = 5;

/** A plan panel; `actions` has checklist(format) (download a Markdown or CSV checklist). */
export function planPanel(actions) {
  const list = h('ol', { class: 'plan' });
  const more = h('p', { class: 'count' });
  const takeaway = h('p', { class: 'takeaway' });
  const root = h('section', { class: 'panel wide', 'aria-labelledby': 'sp-plan', 'data-kind': 'plan' },
    h('h2', { id: 'sp-plan' }, 'What to do about it: the action plan'), takeaway, list, more,
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => actions.checklist('markdown') }, 'Download Markdown checklist'),
      h('button', { type: 'button', onclick: () => actions.checklist('csv') }, 'Download CSV checklist')));
  return { root, update(plan) {
    const shown = plan.actions.slice(0, SHOWN);
    takeaway.textContent = shown.length
      ? `Start with “${shown[0].title}”. Practices are ranked from the priority chart, weak statements and comment themes; each lists the numbers that put it here.`
      : 'Nothing in the numbers shown here triggers a practice yet (too few answers, or no weak spots).';
    list.replaceChildren(...shown.map(item));
    const rest = plan.actions.length - shown.length;
    more.textContent = rest > 0 ? `${rest} more practices are triggered; the checklists list all ${plan.actions.length}.` : '';
  } };
}

function item(a) {
  const now = a.next_wave.favourable_now == null ? '' : ` (${a.next_wave.item} now ${Math.round(a.next_wave.favourable_now)}% favourable)`;
  return h('li', {},
    h('h3', {}, a.title),
    h('p', { class: 'why' }, `${a.area.replace(/_/g, ' ')} · effort ${a.effort} · ${a.points} points`),
    h('p', {}, h('strong', {}, 'This month: '), a.first_step),
    h('p', {}, h('strong', {}, 'By next wave: '), a.next_wave.expect + now),
    h('ul', { class: 'triggers' }, ...a.triggers.map((t) => h('li', {}, t.detail))));
}
