// The dashboard's "Publish report" dialog. Publishing again is where subtraction attacks live: a
// March report of wave 1 and a September report of waves 1–2 give wave 2's small groups by
// difference. So the dialog asks for the publication record file kept from earlier publications
// of these responses (the same JSON Lines file as `secpulse score --publish --record`), lets the
// core decide the new report together with it, and offers the record file with this
// publication's line appended, to keep as privately as the responses.
import { h, uid } from '../dom.js';
import { download } from '../download.js';

const RECORD_FILE = 'publications.jsonl';

/**
 * A `<dialog>` for publishing, worded by the translator `t`. `publish(records)` takes the earlier records' text and resolves to the
 * core's `{ report, record }` (record: this publication's line, or null without a wave column),
 * or throws with the reason the report cannot be published. Call `open()` to show it.
 */
export function publishDialog(t, publish) {
  let records = '';
  const inputId = uid('records');
  const status = h('p', { role: 'status', class: 'status' });
  const problem = h('p', { role: 'alert', class: 'alert', hidden: true });
  const keep = h('button', { type: 'button', part: 'button', hidden: true }, t('publishKeep', { file: RECORD_FILE }));
  const input = h('input', { type: 'file', id: inputId, accept: '.jsonl,.json,application/json,text/plain',
    onchange: async () => {
      const file = input.files[0];
      go.disabled = true;
      records = file ? await file.text() : '';
      go.disabled = false;
      const n = records.split('\n').filter((l) => l.trim()).length;
      status.textContent = file ? t('publishRecordsRead', { file: file.name, n }) : '';
    } });
  const go = h('button', { type: 'button', class: 'primary', part: 'button primary', onclick: async () => {
    problem.hidden = true;
    go.disabled = true;
    try {
      const { report, record } = await publish(records);
      download(report, 'report.json', { type: 'application/json', parent: dialog });
      if (record) {
        const updated = records.replace(/\s*$/, records.trim() ? '\n' : '') + record;
        keep.onclick = () => download(updated, RECORD_FILE, { type: 'application/x-ndjson', parent: dialog });
        keep.hidden = false;
        status.textContent = t('publishSaved');
      } else {
        status.textContent = t('publishSavedOnce');
      }
    } catch (e) {
      problem.textContent = t('publishRefused', { reason: e?.message ?? e });
      problem.hidden = false;
    } finally {
      go.disabled = false;
    }
  } }, t('publishGo'));
  const dialog = h('dialog', { part: 'dialog', lang: t.lang, 'aria-labelledby': `${inputId}-title` },
    h('h2', { id: `${inputId}-title` }, t('publishTitle')),
    h('p', {}, t('publishAggregates')),
    h('p', {}, t('publishAgain')),
    h('p', {}, h('label', { for: inputId }, t('publishRecords')), ' ', input),
    problem, status,
    h('p', { class: 'actions' }, go, ' ', keep, ' ',
      h('button', { type: 'button', part: 'button', onclick: () => dialog.close() }, t('close'))));
  dialog.addEventListener('close', () => {
    records = '';
    input.value = '';
    status.textContent = '';
    problem.hidden = keep.hidden = true;
  });
  return { dialog, open: () => dialog.showModal() };
}
