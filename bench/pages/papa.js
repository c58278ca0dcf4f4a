/* global Papa -- papaparse.min.js is a classic <script> of papa.html */
// PapaParse on a CSV string already in memory: arrays mode, or typed objects (header + dynamicTyping).
import { params, now, fetchText, pause, done, fail } from './common.js';
try {
  const text = await fetchText(params.get('data'));
  await pause();
  const typed = params.get('mode') === 'objects';
  const t0 = now();
  const out = Papa.parse(text, typed ? { header: true, dynamicTyping: true, skipEmptyLines: true } : { skipEmptyLines: true });
  const t1 = now();
  const rows = out.data.length - (typed ? 0 : 1);
  done({ parse_ms: t1 - t0, rows, errors: out.errors.length });
} catch (e) { fail(e); }
