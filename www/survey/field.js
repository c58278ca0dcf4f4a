// Parts every question field shares: the label text and the error line.
import { h, uid } from '../dom.js';

/** The error line of a field: shows `message`, marks `control` invalid and points its description at it. */
export function errorLine(root, control, describedBy = []) {
  const id = uid('err');
  const line = h('p', { class: 'err-msg', id, hidden: true });
  const describe = (withError) => {
    const ids = withError ? [...describedBy, id] : describedBy;
    if (ids.length) control.setAttribute('aria-describedby', ids.join(' '));
    else control.removeAttribute('aria-describedby');
  };
  describe(false);
  return {
    line,
    setError(message) {
      line.textContent = message ?? '';
      line.hidden = !message;
      root.classList.toggle('invalid', Boolean(message));
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
      describe(Boolean(message));
    },
  };
}

/** A legend/label text with a "(required)" marker when needed. */
export const questionLabel = (q, t) => [q.text, q.required ? h('span', { class: 'req', text: ` ${t('required')}` }) : null];

/** The label of answer code `code` (an option text) of question `q` in the form's language. */
export const labelOf = (q, code) => q.labels?.[code] ?? code;
