// Getting the answers out: POST with retry (the file download that involves no server is ../download.js).

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
/** Statuses worth retrying; other 4xx answers will not change on a second try. */
const retryable = (status) => status >= 500 || status === 408 || status === 429;

/**
 * POSTs `body` (JSON text) to `url`, trying up to `tries` times with doubling delays.
 * Sends no cookies unless `credentials` says so, and no referrer (the page URL could identify someone).
 * `headers` are added to the request (e.g. an invite code). Calls onRetry(attempt, tries) before each retry;
 * resolves to the Response or throws the last error, with `error.response` set when the server answered.
 */
export async function postWithRetry(url, body, { credentials = 'omit', headers = {}, tries = 3, delay = 500, onRetry } = {}) {
  let lastError;
  for (let attempt = 1; attempt <= tries; attempt++) {
    if (attempt > 1) {
      onRetry?.(attempt, tries);
      await sleep(delay * 2 ** (attempt - 2));
    }
    try {
      const res = await fetch(url, {
        method: 'POST', body, credentials, headers: { ...headers, 'content-type': 'application/json' },
        referrerPolicy: 'no-referrer', cache: 'no-store', redirect: 'error',
      });
      if (res.ok) return res;
      lastError = Object.assign(new Error(`HTTP ${res.status}`), { response: res });
      if (!retryable(res.status)) break;
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

/** The sentence a refusing server put in its JSON body (`message`), or '' (secpulse serve sends one). */
export async function serverMessage(response) {
  try {
    const body = await response?.json();
    return typeof body?.message === 'string' ? body.message : '';
  } catch {
    return '';
  }
}

/** The invite code in the page address (`?code=` or `#code=`), or ''. */
export function codeFromPage(loc = location) {
  const hash = new URLSearchParams(loc.hash.replace(/^#/, ''));
  return (new URLSearchParams(loc.search).get('code') ?? hash.get('code') ?? '').trim();
}
