// The one theme of both secpulse elements: the --secpulse-* custom properties a page sets, their
// light and dark defaults, and how the dark theme is chosen: the `theme` attribute (light | dark |
// auto), and with `auto` or none, the reader's prefers-color-scheme. Each element's sheet starts
// with TOKENS and uses only the private --_* names.

const LIGHT = {
  bg: '#fff', fg: '#1a1a1a', muted: '#595959', panel: '#fff', subtle: '#f3f4f6', border: '#d9d9d9',
  control: '#6b7280', accent: '#0072b2', 'on-accent': '#fff', selected: '#e3f1fa', danger: '#a33a00', success: '#0f5132',
};
const DARK = {
  bg: '#0f1114', fg: '#f0f0f0', muted: '#b8b8b8', panel: '#16181c', subtle: '#1f2227', border: '#3a3d42',
  control: '#8b9099', accent: '#56b4e9', 'on-accent': '#000', selected: '#12344a', danger: '#ffb37a', success: '#7ee2a8',
};
/** Every colour token with its light and dark default (for the docs and tests). */
export const DEFAULTS = { light: LIGHT, dark: DARK };

const vars = (set) => Object.entries(set).map(([k, v]) => `--_${k}: var(--secpulse-${k}, ${v});`).join(' ');

/** The :host rules that map --secpulse-* (with defaults) to --_* for light, dark and auto. */
export const TOKENS = `
:host { color-scheme: light; ${vars(LIGHT)} --_radius: var(--secpulse-radius, 8px);
  --_font: var(--secpulse-font, system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif); }
:host([theme="dark"]) { color-scheme: dark; ${vars(DARK)} }
@media (prefers-color-scheme: dark) { :host(:not([theme="light"])) { color-scheme: dark; ${vars(DARK)} } }
.probe { color: var(--_fg); background-color: var(--_panel); border-top-color: var(--_muted); border-bottom-color: var(--_border);
  font-family: var(--_font); }
`;

const darkQuery = () => globalThis.matchMedia?.('(prefers-color-scheme: dark)');

/** True when `el` is drawn dark: theme="dark", or not "light" and the reader prefers dark. */
export function isDark(el) {
  const theme = el.getAttribute('theme');
  if (theme === 'dark') return true;
  if (theme === 'light') return false;
  return Boolean(darkQuery()?.matches);
}

/** Calls `fn` whenever the reader's colour-scheme preference changes; returns a function that stops it. */
export function onSchemeChange(fn) {
  const q = darkQuery();
  q?.addEventListener('change', fn);
  return () => q?.removeEventListener('change', fn);
}

/**
 * The chart look of the theme in effect, read from `probe` (an element with class "probe" in the
 * shadow root): resolved colours as rgb() and the font family, for the wasm core's `look` option.
 */
export function chartLook(probe) {
  const s = getComputedStyle(probe);
  return { background: s.backgroundColor, text: s.color, muted: s.borderTopColor, grid: s.borderBottomColor, font: s.fontFamily };
}
