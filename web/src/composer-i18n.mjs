// The composer's words in the user's language.
//
// One catalogue for the server and the browser: admin/translations/<lang>/LC_MESSAGES/messages.po.
// The server (admin/i18n.py) finds every t('...') of the widget's modules, translates it for the
// request's language and writes the result into the page (no inline script: the CSP forbids them) as
//   <div id="contactguard-catalogue" hidden data-catalogue='{"language", "dir", "strings"}'></div>
// The English text is the key (gettext's msgid), so a page without the catalogue (the playground,
// a host page of the widget) shows English. Placeholders are Python's: %(name)s.

const EMPTY = { language: 'en', dir: 'ltr', strings: {} };
let catalogue = null;

function load() {
  if (catalogue) return catalogue;
  const node = typeof document !== 'undefined' ? document.getElementById('contactguard-catalogue') : null;
  try {
    catalogue = { ...EMPTY, ...(node ? JSON.parse(node.dataset.catalogue) : {}) };
  } catch {
    catalogue = { ...EMPTY };
  }
  return catalogue;
}

/** The text `msgid` in the page's language, with %(name)s placeholders filled from `params`. */
export function t(msgid, params = null) {
  const text = load().strings[msgid] || msgid;
  if (!params) return text;
  return text.replace(/%\((\w+)\)s/g, (whole, key) => (key in params ? String(params[key]) : whole));
}

/** The page's language code ("en", "ar", ...). */
export function language() {
  return load().language || 'en';
}

/** A rule set text (a string, or {"en": ..., "es": ...}) in the page's language, English otherwise. */
export function localized(value, lang = language()) {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return '';
  const base = String(lang).split(/[-_]/)[0].toLowerCase();
  return value[base] || value.en || '';
}

/** "a, b and c" in the page's language. */
export function listOf(words) {
  if (words.length < 2) return words.join('');
  try {
    return new Intl.ListFormat(language(), { style: 'long', type: 'conjunction' }).format(words);
  } catch {
    return words.join(', ');
  }
}
