// The survey's styles, adopted into its shadow root (a constructed sheet: no inline <style>, CSP-friendly).
// Colours meet WCAG AA on white: text #1f2328 (16:1), muted #4b5563 (7.6:1), accent #0b57d0 (6.6:1),
// error #b3261e (6.5:1); borders of controls #6b7280 (4.8:1) meet the 3:1 non-text minimum.
const CSS = `
:host { display: block; container-type: inline-size; color: #1f2328; background: #fff;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.survey, .thanks { max-width: 48rem; margin: 0 auto; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; border: 0; }
h2 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 1rem; }
h3 { font-size: 1.25rem; line-height: 1.3; margin: 0 0 .5rem; }
p { margin: 0 0 1rem; }
:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
h2:focus, h3:focus { outline-offset: 4px; }
h2:focus:not(:focus-visible), h3:focus:not(:focus-visible), .summary:focus:not(:focus-visible) { outline: none; }
[hidden] { display: none !important; }

.progress { margin: 0 0 1.5rem; }
.progress span { display: block; font-weight: 600; margin-bottom: .25rem; }
progress { display: block; width: 100%; height: .75rem; accent-color: #0b57d0; }
.notice { background: #f3f4f6; border-left: 4px solid #0b57d0; padding: .75rem 1rem; margin: 0 0 1.5rem; }
.notice p:last-child { margin: 0; }
.resumed { font-weight: 600; }
.desc, .help, .count, .rank-status { color: #4b5563; }
.page { margin: 0 0 1rem; }
.single .page:not(:first-child) { border-top: 1px solid #d1d5db; padding-top: 1.5rem; }

.q { border: 0; padding: 0; margin: 0 0 2rem; min-width: 0; }
legend, .q.text > label { display: block; font-weight: 600; padding: 0; margin: 0 0 .5rem; }
.req { font-weight: 400; color: #4b5563; }
.q.invalid { border-left: 4px solid #b3261e; padding-left: .75rem; }
.err-msg { color: #b3261e; font-weight: 600; margin: 0 0 .5rem; }

.opts { display: grid; gap: .5rem; }
.opts.likert { grid-template-columns: repeat(var(--n), minmax(0, 1fr)); }
.opts.list { grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr)); }
.opts.numeric { grid-template-columns: repeat(var(--n), minmax(0, 1fr)); gap: .25rem; }
.opt { display: flex; align-items: center; gap: .625rem; min-height: 2.75rem; padding: .5rem .75rem;
  border: 1px solid #6b7280; border-radius: .375rem; background: #fff; cursor: pointer; }
.opts.likert .opt { flex-direction: column; justify-content: flex-start; text-align: center; font-size: .9375rem; }
.opts.numeric .opt { flex-direction: column; justify-content: center; gap: .25rem; padding: .375rem 0; }
.opt:hover { border-color: #0b57d0; }
.opt:has(:checked) { background: #e8f0fe; border-color: #0b57d0; box-shadow: inset 0 0 0 1px #0b57d0; }
.opt:has(:focus-visible) { outline: 3px solid #0b57d0; outline-offset: 2px; }
.opt input:focus-visible { outline: none; }
input[type="radio"] { width: 1.25rem; height: 1.25rem; margin: 0; flex: none; accent-color: #0b57d0; }
.poles { display: flex; justify-content: space-between; gap: 1rem; margin-top: .375rem; font-size: .875rem; color: #4b5563; }
.poles span:last-child { text-align: right; }

textarea { display: block; width: 100%; min-height: 8rem; padding: .5rem .75rem; font: inherit; color: inherit;
  border: 1px solid #6b7280; border-radius: .375rem; resize: vertical; }
.invalid textarea { border-color: #b3261e; }
.count { font-size: .875rem; margin: .25rem 0 0; }

.randomized .help { margin: 0 0 .75rem; max-width: 40rem; }
.rr-done { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; }
.rr-done p { margin: 0; font-weight: 600; }

.rank { list-style: none; margin: 0 0 .75rem; padding: 0; display: grid; gap: .5rem; }
.rank li { display: flex; align-items: center; gap: .5rem; padding: .375rem .5rem; border: 1px solid #6b7280;
  border-radius: .375rem; background: #fff; cursor: grab; }
.rank li.dragging { opacity: .6; }
.rank li.over { box-shadow: 0 -3px 0 #0b57d0; }
.rank .pos { font-weight: 700; min-width: 1.75rem; text-align: right; }
.rank .label { flex: 1; min-width: 0; overflow-wrap: anywhere; }
.rank-actions { display: flex; flex-wrap: wrap; align-items: center; gap: .75rem; }
.rank-actions p { margin: 0; }

.btn, .mv { font: inherit; font-weight: 600; border-radius: .375rem; cursor: pointer; }
.btn { min-height: 2.75rem; padding: .5rem 1.25rem; border: 2px solid #0b57d0; background: #fff; color: #0b57d0; }
.btn.primary { background: #0b57d0; color: #fff; }
.btn.small { min-height: 2.75rem; padding: .375rem .875rem; }
.btn.link { border-color: transparent; text-decoration: underline; padding-inline: .5rem; }
.btn[aria-disabled="true"] { cursor: progress; opacity: .75; }
.btn:focus-visible, .mv:focus-visible { outline: 3px solid #1f2328; outline-offset: 2px; }
.mv { min-width: 2.75rem; min-height: 2.75rem; padding: .25rem .5rem; border: 1px solid #6b7280; background: #fff; color: #1f2328; }
.mv:disabled { color: #6b7280; border-color: #d1d5db; cursor: default; }
.nav { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin-top: 1rem; }
.nav .primary { order: 2; }
.nav .back { order: 1; }
.nav .link { order: 3; margin-left: auto; }

.summary { border: 3px solid #b3261e; border-radius: .375rem; padding: 1rem 1.25rem; margin: 0 0 1.5rem; }
.summary h3 { color: #b3261e; }
.summary ul { margin: 0; padding-left: 1.25rem; }
.summary li + li { margin-top: .5rem; }
.summary a { color: #b3261e; font-weight: 600; }
.summary .why { display: block; }
.send { margin-top: 1rem; }
.failure { border: 3px solid #b3261e; border-radius: .375rem; padding: 1rem; }
.failure .nav { margin-top: .5rem; }
.thanks h2 { color: #0f5132; }

@container (max-width: 36rem) {
  .opts.likert { grid-template-columns: 1fr; }
  .opts.likert .opt { flex-direction: row; text-align: left; }
  .opts.numeric { gap: .125rem; }
  .opts.numeric .opt { padding: .25rem 0; font-size: .875rem; }
  .nav .link { margin-left: 0; }
}
@media (prefers-reduced-motion: no-preference) {
  .opt, .rank li, .btn { transition: background-color .15s, border-color .15s, box-shadow .15s; }
}
@media (forced-colors: active) {
  .opt:has(:checked) { border: 3px solid Highlight; }
  .q.invalid { border-left-color: Mark; }
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
