// Every string the survey form shows, per language (English first). Instrument wording comes from the
// instrument itself; these are the form's own words. {name} is a placeholder; keys ending in _one/_other
// are chosen by Intl.PluralRules from the {n} value.
export const MESSAGES = {
  en: {
    loading: 'Loading the survey…',
    loadFailed: 'The survey could not be loaded: {error}',
    privacyTitle: 'Your privacy',
    whatIsSent: 'Only the answers you give are sent, and nothing until you choose “Submit answers”. No name, email, device details or time of day.',
    whatIsSentWave: 'Only the answers you give and the survey round (“{wave}”) are sent, and nothing until you choose “Submit answers”. No name, email, device details or time of day.',
    resumed: 'Welcome back. Your earlier answers on this device are still here.',
    pageOf: 'Page {n} of {total}',
    answeredOf: '{n} of {total} questions answered',
    required: '(required)',
    back: 'Back',
    next: 'Next',
    submit: 'Submit answers',
    download: 'Download my answers',
    downloadFile: 'my-survey-answers.json',
    preferNot: 'Prefer not to say',
    noNames: 'Please don’t write names or anything that could identify you or others.',
    chars: '{n} of {max} characters',
    charsLeft_one: '{n} character left',
    charsLeft_other: '{n} characters left',
    rankHint: 'Use the Up and Down buttons, or drag an item, to put the most important first.',
    rankUp: 'Up',
    rankDown: 'Down',
    rankUpName: 'Move “{item}” up',
    rankDownName: 'Move “{item}” down',
    rankMoved: '“{item}” is now number {pos} of {total}.',
    rankNotYet: 'Not ranked yet.',
    rankDone: 'Your order will be submitted.',
    rankKeep: 'Keep this order',
    rankReset: 'Start again',
    rankResetDone: 'Ranking cleared.',
    errorsTitle_one: 'There is 1 problem',
    errorsTitle_other: 'There are {n} problems',
    errRequired: 'Choose an answer.',
    errRanking: 'Put the items in order, or choose “Keep this order”.',
    errCheck: 'This answer cannot be used: {error}',
    err_no_ratings: 'Please answer at least one of the statements about the security team before you submit.',
    err_too_long: 'This answer is too long. Please shorten it.',
    sending: 'Sending your answers…',
    retrying: 'Sending did not work. Trying again ({n} of {max})…',
    sendFailed: 'Your answers could not be sent. They are still here: try again in a moment, or download them and give the file to the survey team.',
    tryAgain: 'Try again',
    thanksTitle: 'Thank you',
    thanksText: 'Your answers have been recorded.',
  },
};

/** A translator for `lang` (falls back to English, key by key): t(key, { name: value }). */
export function messages(lang) {
  const base = String(lang || 'en').toLowerCase().split('-')[0];
  const table = { ...MESSAGES.en, ...(MESSAGES[base] ?? {}) };
  const plural = new Intl.PluralRules(MESSAGES[base] ? base : 'en');
  return (key, vars = {}) => {
    const pick = 'n' in vars && `${key}_${plural.select(vars.n)}` in table ? `${key}_${plural.select(vars.n)}` : key;
    const text = table[pick] ?? table[`${key}_other`] ?? key;
    return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  };
}
