// Styles of <secpulse-report>, adopted into its shadow root (no inline <style>, so a
// strict style-src works). Page owners theme it with the --secpulse-* custom properties (../theme.js).
import { TOKENS } from '../theme.js';

export const sheet = new CSSStyleSheet();
sheet.replaceSync(`
${TOKENS}
:host { display: block; container-type: inline-size; color: var(--_fg); background: var(--_bg); font: 15px/1.45 var(--_font); }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.bar { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; padding: .25rem 0 .75rem; }
.bar label { display: flex; flex-direction: column; font-size: .8rem; color: var(--_muted); gap: .15rem; }
select, button { font: inherit; font-size: .9rem; color: var(--_fg); background: var(--_panel); border: 1px solid var(--_border);
  border-radius: 6px; padding: .35rem .6rem; min-height: 2.25rem; }
button { cursor: pointer; }
select { max-inline-size: 100%; }
.bar label, .filters label { min-inline-size: 0; max-inline-size: 100%; }
button.primary { background: var(--_accent); border-color: var(--_accent); color: var(--_on-accent); }
button:focus-visible, select:focus-visible, .scroll:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
.spacer { flex: 1; }
dialog { color: var(--_fg); background: var(--_panel); border: 1px solid var(--_border); border-radius: var(--_radius);
  max-inline-size: min(36rem, 92vw); padding: 1rem 1.25rem; }
dialog::backdrop { background: rgb(0 0 0 / .45); }
dialog h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
dialog input[type="file"] { max-inline-size: 100%; }
.status { color: var(--_muted); font-size: .9rem; margin: 0 0 .75rem; }
.alert { border: 1px solid var(--_danger); color: var(--_danger); border-radius: var(--_radius); padding: .6rem .8rem; margin: 0 0 .75rem;
  white-space: pre-line; }
.grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 34rem), 1fr)); }
.panel { background: var(--_panel); border: 1px solid var(--_border); border-radius: var(--_radius); padding: .9rem 1rem 1rem; min-width: 0; }
.panel.wide { grid-column: 1 / -1; }
.panel h2 { font-size: 1.05rem; margin: 0 0 .2rem; line-height: 1.3; }
.takeaway { margin: 0 0 .6rem; color: var(--_fg); }
canvas { display: block; width: 100%; }
.actions { display: flex; flex-wrap: wrap; gap: .4rem; margin-top: .6rem; }
.actions button { font-size: .8rem; min-height: 2rem; padding: .25rem .55rem; }
.scroll { overflow-x: auto; margin-top: .6rem; }
table { border-collapse: collapse; font-size: .85rem; width: 100%; }
caption { text-align: start; color: var(--_muted); padding-bottom: .3rem; caption-side: top; }
th, td { border-bottom: 1px solid var(--_border); padding: .25rem .5rem; text-align: end; white-space: nowrap; }
th[scope="row"], thead th:first-child { text-align: start; white-space: normal; min-width: 10rem; }
thead th { font-weight: 600; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; margin: .2rem 0 .5rem; }
.filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--_muted); gap: .15rem; }
.count { color: var(--_muted); font-size: .9rem; margin: .2rem 0 .5rem; }
ul.comments { list-style: none; margin: 0; padding: 0; display: grid; gap: .6rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 26rem), 1fr)); }
ul.comments li { border: 1px solid var(--_border); border-radius: 6px; padding: .55rem .7rem; min-width: 0; }
ul.comments li:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
ul.comments .text { margin: 0 0 .35rem; white-space: pre-line; overflow-wrap: anywhere; }
.labels { display: flex; flex-wrap: wrap; gap: .3rem; margin: 0; }
.chip { font-size: .75rem; border: 1px solid var(--_border); border-radius: 999px; padding: .05rem .5rem; color: var(--_fg); overflow-wrap: anywhere; }
.chip.group { color: var(--_muted); }
.why { font-size: .8rem; color: var(--_muted); margin: .35rem 0 0; overflow-wrap: anywhere; }
ol.plan { margin: 0; padding-left: 1.4rem; display: grid; gap: .8rem; }
ol.plan h3 { font-size: 1rem; margin: 0 0 .1rem; }
ol.plan p { margin: .15rem 0; }
ul.triggers { margin: .3rem 0 0; padding-left: 1.1rem; font-size: .85rem; color: var(--_muted); }
.drop { position: fixed; inset: 0; display: grid; place-items: center; background: color-mix(in srgb, var(--_accent) 18%, transparent);
  border: 4px dashed var(--_accent); font-size: 1.4rem; font-weight: 600; pointer-events: none; z-index: 10; }
.board h2 { font-size: 1.05rem; margin: 0 0 .4rem; line-height: 1.3; }
.board h3 { font-size: .95rem; margin: .6rem 0 .3rem; }
.board p { margin: 0 0 .5rem; }
.headline { font-size: 1.05rem; margin: 0 0 .75rem; }
dl.figures { display: grid; gap: .5rem; margin: 0 0 .5rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr)); }
.figure { border: 1px solid var(--_border); border-radius: 6px; padding: .45rem .7rem .55rem; }
.figure dt { font-size: .8rem; color: var(--_muted); }
.figure dd { margin: 0; }
.figure .value { font-size: 1.6rem; font-weight: 700; line-height: 1.25; }
.figure .detail { font-size: .8rem; }
.points { display: grid; gap: 0 1.5rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr)); }
.points ul { margin: 0; padding-left: 1.2rem; }
.points li { margin-bottom: .2rem; }
.closing .section + .section { margin-top: 1rem; }
/* On screen the action plan is its own panel (with checklist downloads); the print shows the board's plan table instead. */
@media screen { .closing [data-section="plan"] { display: none; } .closing [data-section="plan"] + .section { margin-top: 0; } }
.closing [data-section="plan"] table { table-layout: fixed; font-size: 8.5pt; }
.closing [data-section="plan"] :is(th, td) { text-align: start; white-space: normal; vertical-align: top; }
.closing [data-section="plan"] td { overflow-wrap: anywhere; }
.closing [data-section="plan"] thead th:nth-child(1) { width: 4.5em; }
.closing [data-section="plan"] thead th:nth-child(2) { width: 17%; }
.closing [data-section="plan"] thead th:nth-child(3) { width: 24%; }
.closing [data-section="plan"] thead th:nth-child(4) { width: 19%; }
img.print { display: none; }
@container (max-width: 480px) {
  .bar { gap: .5rem; } .bar label { flex: 1 1 45%; } .panel { padding: .75rem .6rem; } .spacer { display: none; }
}
/* The print view: no controls, every chart as a vector picture, nothing split across pages (A4 and Letter). */
@media print {
  :host, :host([theme="dark"]) {
    --_bg: #fff; --_fg: #000; --_muted: #444; --_panel: #fff; --_border: #bbb; font-size: 10.5pt;
  }
  .bar, .actions, .drop, .browser, .status, button, select { display: none !important; }
  .grid { display: block; }
  .panel { border: none; padding: 0; margin: 0 0 14pt; break-inside: avoid; page-break-inside: avoid; }
  .panel.summary { break-after: page; }
  .closing { break-before: page; break-inside: auto; }
  .closing .section { break-inside: auto; }
  .panel[data-kind="plan"] { display: none !important; }
  .panel:not(.pending) canvas { display: none !important; }
  .panel:not(.pending) img.print { display: block; width: 100%; height: auto; }
  .scroll { overflow: visible; }
  tr, .figure, .points li { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
`);
