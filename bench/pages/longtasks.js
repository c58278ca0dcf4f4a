// Long tasks (PerformanceObserver 'longtask', > 50 ms) of the page's main thread, for the harness pages.
const tasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push({ start: e.startTime, ms: e.duration }); })
  .observe({ type: 'longtask', buffered: true });

/** Max and total duration (ms) and count of the long tasks that ended after `from` (a performance.now(); the task that took it counts). */
export function longTasks(from = 0) {
  const mine = tasks.filter((t) => t.start + t.ms > from);
  return { max: mine.reduce((m, t) => Math.max(m, t.ms), 0), total: mine.reduce((s, t) => s + t.ms, 0), count: mine.length };
}
