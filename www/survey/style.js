// The survey's styles, adopted into its shadow root (a constructed sheet: no inline <style>, CSP-friendly).
// Colours are the shared --secpulse-* theme (../theme.js: light, dark, or the reader's preference);
// their defaults meet WCAG AA on both backgrounds, and control borders the 3:1 non-text minimum.
// Only logical properties (inline/block, start/end), so a dir="rtl" page mirrors the form.
import { TOKENS } from '../theme.js';

const CSS = `${TOKENS}
:host { display: block; container-type: inline-size; color: var(--_fg); background: var(--_bg); font: 1rem/1.5 var(--_font); }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.survey, .thanks { max-width: 48rem; margin: 0 auto; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; border: 0; }
h2 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 1rem; }
h3 { font-size: 1.25rem; line-height: 1.3; margin: 0 0 .5rem; }
p { margin: 0 0 1rem; }
:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
h2:focus, h3:focus { outline-offset: 4px; }
h2:focus:not(:focus-visible), h3:focus:not(:focus-visible), .summary:focus:not(:focus-visible) { outline: none; }
[hidden] { display: none !important; }

.progress { margin: 0 0 1.5rem; }
.progress span { display: block; font-weight: 600; margin-block-end: .25rem; }
progress { display: block; width: 100%; height: .75rem; accent-color: var(--_accent); }
.notice { background: var(--_subtle); border-inline-start: 4px solid var(--_accent); padding: .75rem 1rem; margin: 0 0 1.5rem; }
.notice p:last-child { margin: 0; }
.resumed { font-weight: 600; }
.desc, .help, .count, .rank-status { color: var(--_muted); }
.page { margin: 0 0 1rem; }
.single .page:not(:first-child) { border-block-start: 1px solid var(--_border); padding-block-start: 1.5rem; }

.q { border: 0; padding: 0; margin: 0 0 2rem; min-width: 0; }
legend, .q.text > label, .q.dropdown > label { display: block; font-weight: 600; padding: 0; margin: 0 0 .5rem; }
.req { font-weight: 400; color: var(--_muted); }
.q.invalid { border-inline-start: 4px solid var(--_danger); padding-inline-start: .75rem; }
.err-msg { color: var(--_danger); font-weight: 600; margin: 0 0 .5rem; }

.opts { display: grid; gap: .5rem; }
.opts.likert { grid-template-columns: repeat(var(--n), minmax(0, 1fr)); }
.opts.list { grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr)); }
.opts.numeric { grid-template-columns: repeat(var(--n), minmax(0, 1fr)); gap: .25rem; }
.opt { display: flex; align-items: center; gap: .625rem; min-height: 2.75rem; padding: .5rem .75rem;
  border: 1px solid var(--_control); border-radius: .375rem; background: var(--_panel); cursor: pointer; }
.opts.likert .opt { flex-direction: column; justify-content: flex-start; text-align: center; font-size: .9375rem; }
.opts.numeric .opt { flex-direction: column; justify-content: center; gap: .25rem; padding: .375rem 0; }
.opt:hover { border-color: var(--_accent); }
.opt:has(:checked) { background: var(--_selected); border-color: var(--_accent); box-shadow: inset 0 0 0 1px var(--_accent); }
.opt:has(:focus-visible) { outline: 3px solid var(--_accent); outline-offset: 2px; }
.opt input:focus-visible { outline: none; }
input[type="radio"], input[type="checkbox"] { width: 1.25rem; height: 1.25rem; margin: 0; flex: none; accent-color: var(--_accent); }
.poles { display: flex; justify-content: space-between; gap: 1rem; margin-block-start: .375rem; font-size: .875rem; color: var(--_muted); }
.poles span:last-child { text-align: end; }

textarea, select { display: block; width: 100%; padding: .5rem .75rem; font: inherit; color: var(--_fg); background: var(--_panel);
  border: 1px solid var(--_control); border-radius: .375rem; resize: vertical; }
textarea { min-height: 8rem; }
select { min-height: 2.75rem; }
.invalid textarea, .invalid select { border-color: var(--_danger); }
.count { font-size: .875rem; margin: .25rem 0 0; }

.randomized .help { margin: 0 0 .75rem; max-width: 40rem; }
.rr-done { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; }
.rr-done p { margin: 0; font-weight: 600; }

.rank { list-style: none; margin: 0 0 .75rem; padding: 0; display: grid; gap: .5rem; }
.rank li { display: flex; align-items: center; gap: .5rem; padding: .375rem .5rem; border: 1px solid var(--_control);
  border-radius: .375rem; background: var(--_panel); cursor: grab; }
.rank li.dragging { opacity: .6; }
.rank li.over { box-shadow: 0 -3px 0 var(--_accent); }
.rank .pos { font-weight: 700; min-inline-size: 1.75rem; text-align: end; }
.rank .label { flex: 1 1 8rem; min-width: 0; overflow-wrap: anywhere; }
/* Long button words (German "Nach oben") move the pair of buttons under the label on a phone, at the end of the row. */
.rank li { flex-wrap: wrap; min-inline-size: 0; }
.rank .moves { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: .375rem; margin-inline-start: auto; max-inline-size: 100%; }
.rank .mv { white-space: nowrap; padding-inline: .375rem; font-size: .9375em; }
.rank-actions { display: flex; flex-wrap: wrap; align-items: center; gap: .75rem; }
.rank-actions p { margin: 0; }

.btn, .mv { font: inherit; font-weight: 600; border-radius: .375rem; cursor: pointer; }
.btn { min-height: 2.75rem; padding: .5rem 1.25rem; border: 2px solid var(--_accent); background: var(--_panel); color: var(--_accent); }
.btn.primary { background: var(--_accent); color: var(--_on-accent); }
.btn.small { min-height: 2.75rem; padding: .375rem .875rem; }
.btn.link { border-color: transparent; text-decoration: underline; padding-inline: .5rem; }
.btn[aria-disabled="true"] { cursor: progress; opacity: .75; }
.btn:focus-visible, .mv:focus-visible { outline: 3px solid var(--_fg); outline-offset: 2px; }
.mv { min-width: 2.75rem; min-height: 2.75rem; padding: .25rem .5rem; border: 1px solid var(--_control); background: var(--_panel); color: var(--_fg); }
.mv:disabled { color: var(--_control); border-color: var(--_border); cursor: default; }
.nav { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin-block-start: 1rem; }
.nav .primary { order: 2; }
.nav .back { order: 1; }
.nav .link { order: 3; margin-inline-start: auto; }

.summary { border: 3px solid var(--_danger); border-radius: .375rem; padding: 1rem 1.25rem; margin: 0 0 1.5rem; }
.summary h3 { color: var(--_danger); }
.summary ul { margin: 0; padding-inline-start: 1.25rem; }
.summary li + li { margin-block-start: .5rem; }
.summary a { color: var(--_danger); font-weight: 600; }
.summary .why { display: block; }
.send { margin-block-start: 1rem; }
.failure { border: 3px solid var(--_danger); border-radius: .375rem; padding: 1rem; }
.failure .nav { margin-block-start: .5rem; }
.thanks h2 { color: var(--_success); }

@container (max-width: 36rem) {
  .opts.likert { grid-template-columns: 1fr; }
  .opts.likert .opt { flex-direction: row; text-align: start; }
  .opts.numeric { gap: .125rem; }
  .opts.numeric .opt { padding: .25rem 0; font-size: .875rem; }
  .nav .link { margin-inline-start: 0; }
}
@media (prefers-reduced-motion: no-preference) {
  .opt, .rank li, .btn { transition: background-color .15s, border-color .15s, box-shadow .15s; }
}
@media (forced-colors: active) {
  .opt:has(:checked) { border: 3px solid Highlight; }
  .q.invalid { border-inline-start-color: Mark; }
}
`;

let sheet;
/** The shared CSSStyleSheet (made once). */
export function surveySheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}
