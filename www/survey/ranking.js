// Ranking: an ordered list the respondent rearranges with Up/Down buttons (keyboard, touch, screen
// readers) or by dragging. Moves are announced. The answer counts once the order is touched or kept.
import { add, h } from '../dom.js';
import { errorLine, labelOf, questionLabel } from './field.js';

/** The ranking widget (see widgets.js for the widget contract). */
export function rankingField(q, ctx) {
  const { t } = ctx;
  let order = [...q.options];
  let ranked = false;
  const root = h('fieldset', { class: 'q ranking', 'data-q': q.id });
  const error = errorLine(root, root);
  const list = h('ol', { class: 'rank' });
  const status = h('p', { class: 'rank-status' });
  const keep = h('button', { type: 'button', class: 'btn small', text: t('rankKeep'), onclick: () => commit(true) });
  const reset = h('button', { type: 'button', class: 'btn small', text: t('rankReset'), onclick: () => commit(false) });
  add(root, h('legend', {}, questionLabel(q, t)), h('p', { class: 'help', text: t('rankHint') }), error.line,
    list, h('div', { class: 'rank-actions' }, status, keep, reset));

  const buttonOf = (index, dir) => list.children[index]?.querySelector(`button[data-dir="${dir}"]`);

  function render() {
    list.replaceChildren(...order.map(item));
    status.textContent = ranked ? t('rankDone') : t('rankNotYet');
    keep.hidden = ranked;
    reset.hidden = !ranked;
  }

  function item(label, index) {
    const arrow = (dir, glyph) => h('button', {
      type: 'button', class: 'mv', 'data-dir': dir, disabled: (dir === 'up' ? index === 0 : index === order.length - 1),
      'aria-label': t(dir === 'up' ? 'rankUpName' : 'rankDownName', { item: labelOf(q, label) }),
      onclick: () => move(index, dir === 'up' ? index - 1 : index + 1, dir),
    }, h('span', { 'aria-hidden': 'true', text: glyph }), ` ${t(dir === 'up' ? 'rankUp' : 'rankDown')}`);
    const li = h('li', { draggable: 'true' }, h('span', { class: 'pos', 'aria-hidden': 'true', text: `${index + 1}.` }),
      h('span', { class: 'label', text: labelOf(q, label) }),
      h('span', { class: 'moves' }, arrow('up', '↑'), arrow('down', '↓')));
    li.addEventListener('dragstart', (e) => {
      e.dataTransfer.setData('text/plain', String(index));
      e.dataTransfer.effectAllowed = 'move';
      li.classList.add('dragging');
    });
    li.addEventListener('dragend', () => li.classList.remove('dragging'));
    li.addEventListener('dragover', (e) => { e.preventDefault(); li.classList.add('over'); });
    li.addEventListener('dragleave', () => li.classList.remove('over'));
    li.addEventListener('drop', (e) => {
      e.preventDefault();
      const from = Number(e.dataTransfer.getData('text/plain'));
      if (Number.isInteger(from) && from >= 0 && from < order.length && from !== index) move(from, index);
      else li.classList.remove('over');
    });
    return li;
  }

  function move(from, to, dir) {
    const [label] = order.splice(from, 1);
    order.splice(to, 0, label);
    ranked = true;
    render();
    ctx.onChange(q.id, [...order]);
    // Keep keyboard focus on the moved item: same button, or the other one at the ends of the list.
    if (dir) (buttonOf(to, dir)?.disabled ? buttonOf(to, dir === 'up' ? 'down' : 'up') : buttonOf(to, dir))?.focus();
    ctx.announce(t('rankMoved', { item: labelOf(q, label), pos: to + 1, total: order.length }));
  }

  function commit(keepOrder) {
    ranked = keepOrder;
    if (!keepOrder) order = [...q.options];
    render();
    ctx.onChange(q.id, keepOrder ? [...order] : undefined);
    (keepOrder ? reset : keep).focus();
    ctx.announce(keepOrder ? t('rankDone') : t('rankResetDone'));
  }

  render();
  return {
    root,
    setError: error.setError,
    set(value) { ranked = Array.isArray(value); order = ranked ? [...value] : [...q.options]; render(); },
    focus() { (ranked ? buttonOf(0, 'down') : keep).focus(); },
  };
}
