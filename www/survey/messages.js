// Every string the survey form shows, per language (English first). Instrument wording comes from the
// instrument itself; these are the form's own words. {name} is a placeholder; keys ending in _one/_other
// are chosen by Intl.PluralRules from the {n} value.
export const MESSAGES = {
  en: {
    loading: 'Loading the survey…',
    loadFailed: 'The survey could not be loaded: {error}',
    crashed: 'the survey engine stopped unexpectedly (a fault in secpulse, not in your answers)',
    crashedCheck: 'Your answers could not be checked: the survey engine stopped unexpectedly (a fault in secpulse, not in your answers). They are still here: submit again, or download them.',
    privacyTitle: 'Your privacy',
    whatIsSent: 'Nothing is sent until you choose “Submit answers”. The response then holds only the answers you gave: no name, email address, device details or time.',
    whatIsSentWave: 'Nothing is sent until you choose “Submit answers”. The response then holds only the answers you gave and the survey round (“{wave}”): no name, email address, device details or time.',
    whatTheBrowserSends: 'Like every web request, it still reaches the survey’s server with your network address, your browser’s name and version, and the time it arrives. Whoever runs this survey must not keep those with the answers.',
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
    chooseOne: 'Choose…',
    chooseAny: 'Choose all that apply.',
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
    rrYes: 'Yes',
    rrNo: 'No',
    rrDieBoth: 'Your device privately rolls a die. On a {yes} we record Yes, on a {no} we record No, otherwise your real answer.',
    rrDieYes: 'Your device privately rolls a die. On a {yes} we record Yes, otherwise your real answer.',
    rrDieNo: 'Your device privately rolls a die. On a {no} we record No, otherwise your real answer.',
    rrChanceBoth: 'Your device privately draws a random number: {yes} of the time we record Yes, {no} of the time No, otherwise ({truth}) your real answer.',
    rrChanceYes: 'Your device privately draws a random number: {yes} of the time we record Yes, otherwise ({truth}) your real answer.',
    rrChanceNo: 'Your device privately draws a random number: {no} of the time we record No, otherwise ({truth}) your real answer.',
    rrWarner: 'Your device privately draws a random number: {truth} of the time we record your real answer, otherwise ({flip}) the opposite of it.',
    rrDirect: 'This question is not randomized: your answer is recorded as you give it.',
    rrWhy: 'So nobody — not even the survey team — can tell from any single answer what you really did.',
    rrOneSided: 'But a recorded {answer} can only come from a real {answer}, so that answer is not hidden.',
    rrNotHidden: 'So the recorded answer still shows your real one.',
    rrAnswered: 'Answered (your answer was randomized).',
    rrAgain: 'Answer again',
    rrCleared: 'Your earlier answer was removed. Choose Yes or No.',
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
    inviteLabel: 'Invite code',
    inviteHint: 'From your invitation. It only shows that you have answered, never which answers are yours.',
    inviteMissing: 'Enter the invite code from your invitation.',
    serverRefused: 'The survey did not take your answers: {message}',
    closedTitle: 'This survey is closed',
    thanksTitle: 'Thank you',
    thanksText: 'Your answers have been recorded.',
  },
};

/** A translator for `lang` (falls back to English, key by key): t(key, { name: value }); `t.lang` is its language. */
export function messages(lang) {
  const base = String(lang || 'en').toLowerCase().split('-')[0];
  const table = { ...MESSAGES.en, ...(MESSAGES[base] ?? {}) };
  const plural = new Intl.PluralRules(MESSAGES[base] ? base : 'en');
  const t = (key, vars = {}) => {
    const pick = 'n' in vars && `${key}_${plural.select(vars.n)}` in table ? `${key}_${plural.select(vars.n)}` : key;
    const text = table[pick] ?? table[`${key}_other`] ?? key;
    return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  };
  // The language the words are in, for number and list formatting.
  t.lang = MESSAGES[base] ? base : 'en';
  return t;
}
