// The action plan panel: practices ranked against the current view's released numbers, each
// with its first step, what should move by the next wave, and the numbers that triggered it.
// Everything from data is set with textContent (h()), never as HTML.

import { h } from '../dom.js';

const SHOWN = 5;

/**
 * A plan panel; `actions` has checklist(format) (download a Markdown or CSV checklist); `t` words it.
 * The practices themselves (titles, steps, triggers) come from the core's library in the page's language.
 */
export function planPanel(actions, t) {
  const list = h('ol', { class: 'plan' });
  const more = h('p', { class: 'count' });
  const takeaway = h('p', { class: 'takeaway' });
  const root = h('section', { class: 'panel wide', 'aria-labelledby': 'sp-plan', 'data-kind': 'plan' },
    h('h2', { id: 'sp-plan' }, t('planTitle')), takeaway, list, more,
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => actions.checklist('markdown') }, t('checklistMarkdown')),
      h('button', { type: 'button', onclick: () => actions.checklist('csv') }, t('checklistCsv'))));
  return { root, update(plan) {
    const shown = plan.actions.slice(0, SHOWN);
    takeaway.textContent = shown.length ? t('planStart', { title: shown[0].title }) : t('planNone');
    list.replaceChildren(...shown.map((a) => item(a, t)));
    const rest = plan.actions.length - shown.length;
    more.textContent = rest > 0 ? t('planMore', { n: rest, total: plan.actions.length }) : '';
  } };
}

function item(a, t) {
  const share = a.next_wave.favourable_now == null ? '' : t.number(a.next_wave.favourable_now / 100, { style: 'percent', maximumFractionDigits: 0 });
  const now = share ? ` ${t('planNow', { item: a.next_wave.item, share })}` : '';
  return h('li', {},
    h('h3', {}, a.title),
    h('p', { class: 'why' }, t('planMeta', { area: a.area_name, effort: t(`effort_${a.effort}`), points: a.points })),
    h('p', {}, h('strong', {}, t('thisMonth')), ' ', h('span', {}, a.first_step)),
    h('p', {}, h('strong', {}, t('byNextWave')), ' ', h('span', {}, a.next_wave.expect), now),
    h('ul', { class: 'triggers' }, ...a.triggers.map((trigger) => h('li', {}, trigger.detail))));
}
