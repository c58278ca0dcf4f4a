// The one download helper: every file the elements offer (chart SVG and PNG, the published report
// JSON, a respondent's own answers) is handed to the browser here, from memory; nothing is uploaded.
import { h } from './dom.js';

/**
 * Offers `data` as a download named `filename`. `data` is a Blob, or text (saved with `type`).
 * `parent` hosts the temporary link (a shadow root keeps it out of the page's DOM).
 */
export function download(data, filename, { type = 'application/octet-stream', parent = document.body } = {}) {
  const blob = data instanceof Blob ? data : new Blob([data], { type });
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: filename, hidden: true });
  parent.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
