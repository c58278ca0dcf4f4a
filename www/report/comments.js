// The comment browser: the report's shuffled, redacted comment samples, filtered by
// theme, tone and stance, a page at a time. Comment text, group names and why-words
// are user data: they go in with textContent (text nodes) only, never as HTML.
import { h } from '../dom.js';

const PAGE = 20;
let ids = 0;

const plural = (n, word) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** What was removed from the comment texts, exactly: names only with a list. */
export function redactionNote(q, published, names) {
  if (published) {
    const removed = q?.redacted?.names ?? 0;
    return 'E-mail addresses, phone numbers, personal links and ids were removed when the report was published; '
      + `names were removed only if the publisher supplied a list of names (${plural(removed, 'name')} removed from these comments).`;
  }
  return names > 0
    ? `E-mail addresses, phone numbers, personal links and ids are removed; names are removed only when your organisation supplied a list (${plural(names, 'name')}): names on it are removed, other names are not.`
    : 'E-mail addresses, phone numbers, personal links and ids are removed; names are NOT removed: your organisation supplied no list of names.';
}

/** A comment browser panel; `labels` are the display names from the core (commentLabels()). */
export function commentBrowser(labels) {
  const n = ++ids;
  const name = (kind, id) => labels[kind]?.[id] ?? id;
  const select = (label, kind, all) => {
    const el = h('select', { onchange: () => { shown = PAGE; render(); } },
      h('option', { value: '' }, all),
      ...Object.keys(labels[kind]).map((id) => h('option', { value: id }, name(kind, id))));
    return { el, label: h('label', {}, label, el) };
  };
  const theme = select('Theme', 'themes', 'All themes');
  const tone = select('Tone', 'sentiment', 'Any tone');
  const stance = select('Stance', 'stance', 'Any stance');
  const title = h('h2', { id: `sp-cb${n}` }, 'Read the comments');
  const note = h('p', { class: 'takeaway' });
  const count = h('p', { class: 'count', role: 'status' });
  const list = h('ul', { class: 'comments', 'aria-labelledby': `sp-cb${n}` });
  const more = h('button', { type: 'button', onclick: () => { shown += PAGE; render(true); } }, 'Show more');
  const root = h('section', { class: 'panel wide browser', 'aria-labelledby': `sp-cb${n}`, 'data-kind': 'browser' },
    title, note, h('div', { class: 'filters' }, theme.label, tone.label, stance.label), count, list, h('div', { class: 'actions' }, more));
  let question = null, shown = PAGE;

  function matches(s) {
    return (!theme.el.value || s.themes.includes(theme.el.value))
      && (!tone.el.value || s.sentiment === tone.el.value)
      && (!stance.el.value || s.stance === stance.el.value);
  }

  function why(s) {
    const parts = Object.entries(s.why ?? {}).map(([decision, words]) => {
      const [kind, id] = decision.split(':');
      const what = kind === 'theme' ? name('themes', id) : name(kind, id);
      return `${what}: ${words.map((w) => `“${w}”`).join(', ')}`;
    });
    return parts.length ? h('p', { class: 'why' }, `Why: ${parts.join('; ')}`) : null;
  }

  function item(s) {
    const chips = [name('sentiment', s.sentiment), ...(s.stance === 'none' ? [] : [name('stance', s.stance)]), ...s.themes.map((t) => name('themes', t))];
    const groups = Object.entries(s.groups ?? {}).map(([column, value]) => `${column.replace(/_/g, ' ')}: ${value}`);
    return h('li', {},
      h('p', { class: 'text' }, s.text),
      h('p', { class: 'labels' }, ...chips.map((c) => h('span', { class: 'chip' }, c)),
        ...groups.map((g) => h('span', { class: 'chip group' }, g))),
      why(s));
  }

  function render(keepFocus = false) {
    const samples = question?.samples ?? [];
    const hits = samples.filter(matches);
    const start = keepFocus ? list.children.length : 0;
    if (!keepFocus) list.replaceChildren();
    list.append(...hits.slice(start, shown).map(item));
    more.hidden = hits.length <= shown;
    const k = question?.min_comments ?? 10;
    if (!question || question.n == null) {
      count.textContent = `Fewer than ${k} comments on this question, so none are shown.`;
    } else if (!samples.length) {
      count.textContent = 'This report carries no comments to read.';
    } else {
      const of = samples.length < question.n ? `a random sample of ${samples.length.toLocaleString('en')} of ${question.n.toLocaleString('en')} comments`
        : `all ${question.n.toLocaleString('en')} comments`;
      count.textContent = `Showing ${Math.min(shown, hits.length).toLocaleString('en')} of ${hits.length.toLocaleString('en')} matching comments (${of}).`;
    }
    if (keepFocus && list.children[start]) {
      list.children[start].setAttribute('tabindex', '-1');
      list.children[start].focus();
    }
  }

  return {
    root,
    /**
     * Shows the comments of `q` (a CommentReport of the report, or null). `redaction` says
     * what the note can promise: `names` listed names in use, or a `published` report.
     */
    update(q, { published = false, names = 0 } = {}) {
      const changed = q?.id !== question?.id || q?.samples?.length !== question?.samples?.length;
      question = q;
      if (changed) shown = PAGE;
      title.textContent = q?.text ? `Read the comments — “${q.text}”` : 'Read the comments';
      const k = q?.min_comments ?? 10;
      note.textContent = `Comments are shown in random order, and only when at least ${k} comments are behind them. `
        + `${redactionNote(q, published, names)} A writer's group is named only for groups of at least ${k} comments. `
        + 'Labels are computed automatically; “Why” lists the words that decided them.';
      render();
    },
  };
}
