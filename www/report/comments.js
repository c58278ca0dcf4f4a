// The comment browser: the report's shuffled, redacted comment samples, filtered by
// theme, tone and stance, a page at a time. Comment text, group names and why-words
// are user data: they go in with textContent (text nodes) only, never as HTML.
import { h } from '../dom.js';

const PAGE = 20;
let ids = 0;

/** What was removed from the comment texts, exactly: names only with a list (`t` from messages.js). */
export function redactionNote(q, published, names, t) {
  if (published) return t('redactedPublished', { n: q?.redacted?.names ?? 0 });
  return names > 0 ? t('redactedListed', { n: names }) : t('redactedNoList');
}

/**
 * A comment browser panel; `labels` are the display names from the core (commentLabels(lang), in
 * the element's language); `t` words the panel.
 */
export function commentBrowser(labels, t) {
  const n = ++ids;
  const name = (kind, id) => labels[kind]?.[id] ?? id;
  const select = (label, kind, all) => {
    const el = h('select', { onchange: () => { shown = PAGE; render(); } },
      h('option', { value: '' }, all),
      ...Object.keys(labels[kind]).map((id) => h('option', { value: id }, name(kind, id))));
    return { el, label: h('label', {}, label, el) };
  };
  const theme = select(t('theme'), 'themes', t('allThemes'));
  const tone = select(t('tone'), 'sentiment', t('anyTone'));
  const stance = select(t('stance'), 'stance', t('anyStance'));
  const title = h('h2', { id: `sp-cb${n}` }, t('commentsTitle'));
  const note = h('p', { class: 'takeaway' });
  const count = h('p', { class: 'count', role: 'status' });
  const list = h('ul', { class: 'comments', 'aria-labelledby': `sp-cb${n}` });
  const more = h('button', { type: 'button', onclick: () => { shown += PAGE; render(true); } }, t('showMore'));
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
    return parts.length ? h('p', { class: 'why' }, t('why', { reasons: parts.join('; ') })) : null;
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
      count.textContent = t('fewComments', { k });
    } else if (!samples.length) {
      count.textContent = t('noComments');
    } else {
      const of = samples.length < question.n ? t('sampleOf', { n: samples.length, total: question.n }) : t('allComments', { n: question.n });
      count.textContent = t('showing', { n: Math.min(shown, hits.length), total: hits.length, of });
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
      title.textContent = q?.text ? t('commentsTitleOn', { text: q.text }) : t('commentsTitle');
      const k = q?.min_comments ?? 10;
      note.textContent = t('commentsNote', { k, redaction: redactionNote(q, published, names, t) });
      render();
    },
  };
}
