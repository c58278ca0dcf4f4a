// The one element builder of every secpulse element. It only ever creates elements, attributes,
// listeners and text nodes: it never parses HTML, so instrument wording, answers, comments and
// group names cannot become markup. (The lint gate bans innerHTML and friends in www/ as well.)

let counter = 0;
/** A fresh id, unique within the page, for label/aria references. */
export const uid = (prefix = 'sp') => `${prefix}-${++counter}`;

/**
 * h('p', { class: 'x', text: 'hi', onclick: fn }, child, 'text', [more]).
 * Props: `text` sets textContent; `on*` adds a listener (must be a function); `true` sets an empty
 * attribute; null/undefined/false skip; anything else is set as an attribute (stringified).
 * Children: nodes, or anything else as a text node; nested arrays flattened; null/undefined/false skipped.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'text') el.textContent = String(value);
    else if (key.startsWith('on')) {
      if (typeof value !== 'function') throw new TypeError(`h(): ${key} must be a function`);
      el.addEventListener(key.slice(2), value);
    } else el.setAttribute(key, value === true ? '' : String(value));
  }
  return add(el, ...children);
}

/** Appends children to `el` (nested arrays flattened; null/undefined/false skipped; non-nodes as text nodes). */
export function add(el, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}
