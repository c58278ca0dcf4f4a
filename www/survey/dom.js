// A tiny element builder that only ever creates text nodes and attributes (never parses HTML),
// so instrument wording and answers cannot become markup.

let counter = 0;
/** A fresh id, unique within the page, for label/aria references. */
export const uid = (prefix = 'sp') => `${prefix}-${++counter}`;

/**
 * h('p', { class: 'x', text: 'hi', onclick: fn }, child, 'text', [more]).
 * Props: `text` sets textContent; `on*` adds listeners; booleans toggle attributes; null/undefined/false skip.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'text') el.textContent = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  return add(el, ...children);
}

/** Appends children (nested arrays flattened; null/undefined/false skipped; strings as text). */
export function add(el, ...children) {
  for (const child of children.flat()) if (child != null && child !== false) el.append(child);
  return el;
}
