// The dashboard's worker (www/report/engine.js + report/worker.js) reading a File/Blob with `workers` workers:
// milliseconds from the load request to the table ready in the worker (the load's answer) and to the first
// released report (the default view, as JSON text). Main-thread long tasks are recorded meanwhile.
import { longTasks } from './longtasks.js';
import { params, now, pause, done, fail } from './common.js';

try {
  const { Engine } = await import('/www/report/engine.js');
  const engine = new Engine(() => {});
  await engine.start(await (await fetch('/bench/instrument.json')).text(), []);
  const blob = await (await fetch(params.get('data'))).blob(); // as a dropped File: not timed
  await pause(200);
  const workers = params.get('workers');
  const t0 = now();
  const loaded = await engine.request('load', { data: blob, workers: workers ? Number(workers) : undefined });
  const t1 = now();
  const { report } = await engine.request('view', { options: { by: ['department'] } });
  const t2 = now();
  await pause(300); // long-task entries reach the observer a little later
  const tasks = longTasks(t0);
  engine.stop();
  done({ impl: 'engine', workers, table_ms: t1 - t0, report_ms: t2 - t0, rows: loaded.rows, skipped: loaded.summary.rows_skipped,
    report_bytes: report.length, longtask_max_ms: tasks.max, longtasks: tasks.count });
} catch (e) { fail(e); }
