// The composer widget: live contact-information warnings on any <textarea>.
//
//   import { attach } from './composer.mjs';
//   attach(textarea, { client, form, sendButton, exceptionSelect, conversationId, state, history, exactAfterMs });
//
// Every input is checked at once in the worker (a newer keystroke during a check is coalesced
// into the next one, so checks never queue up and typing is never blocked), or after a short
// pause through the server while the worker is not available. A keystroke's check in the worker
// may re-scan only the text around the edit (a "window" verdict, see incremental.mjs); the
// exact verdict, a scan of the whole text, follows when typing pauses and always before Send,
// and only it marks the widget "settled". The flagged spans are highlighted
// in place, each finding is explained, and Send follows the action: allow sends, warn asks for a
// confirmation, redact shows what will be delivered, block holds Send back unless the user picks
// one of the rule set's exception reasons.
//
// Keyboard and screen readers: a polite live region says what changed once per change of
// verdict (never per keystroke); every finding is listed with its category in words and an icon
// (never colour alone) and a button that selects its span in the message; Send is held back
// with aria-disabled, so it keeps focus and says why instead of dropping focus to the page.

import { EngineClient, postJson } from './client.mjs';
import { language, listOf, localized, t } from './composer-i18n.mjs';

const SERVER_DEBOUNCE_MS = 300;
const EXACT_AFTER_MS = 150;   // a pause in typing this long brings the exact (whole-text) verdict
// Functions, not constants: t() reads the page's catalogue (admin/translations) when asked.
const LABELS = () => ({ phone: t('Phone number'), email: t('Email address'), address: t('Street address'),
  link: t('Outside link'), social: t('Messenger or social handle') });
// Shown beside each label (aria-hidden: the label says it in words).
// Plain symbols from the Basic Multilingual Plane: they render without an emoji font.
const ICONS = { phone: '\u260E', email: '\u2709', address: '\u2302', link: '\u2197', social: '@' };
const SUMMARIES = () => ({
  allow: '',
  warn: t('This message may share contact information.'),
  redact: t('Parts of this message will be hidden before it is delivered.'),
  block: t("This message can't be sent: it shares contact information."),
});

/** Code-point offsets (Python) -> UTF-16 offsets (JavaScript) for one string. */
export function utf16Offsets(text) {
  const offsets = [0];
  let units = 0;
  for (const ch of text) {
    units += ch.length;
    offsets.push(units);
  }
  return offsets;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  node.append(...children);
  return node;
}

/** A verdict on `before` moved onto `after`: findings untouched by the edit keep their place. */
export function moveVerdict(verdict, before, after) {
  if (!verdict || !verdict.findings.length) return verdict;
  const a = Array.from(before);
  const b = Array.from(after);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix
    && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const shift = b.length - a.length;
  const findings = [];
  for (const f of verdict.findings) {
    if (f.end <= prefix) findings.push(f);
    else if (f.start >= a.length - suffix) findings.push({ ...f, start: f.start + shift, end: f.end + shift });
  }
  return { ...verdict, findings, redacted: null };
}

function labelOf(category) {
  return LABELS()[category] || category;
}

const joined = listOf;   // "a, b and c" in the page's language

/** A category's label inside a sentence: lower case, except in German, which capitalises nouns. */
function inSentence(category) {
  const label = labelOf(category);
  return language() === 'de' ? label : label.toLocaleLowerCase(language());
}

let counter = 0;

export class Composer {
  constructor(textarea, options = {}) {
    this.textarea = textarea;
    this.options = options;
    this.client = options.client || new EngineClient().start();
    this.form = options.form !== undefined ? options.form : textarea.form;
    this.sendButton = options.sendButton !== undefined ? options.sendButton
      : (this.form && (this.form.querySelector('#send') || this.form.querySelector('[type="submit"]')));
    this.conversationId = options.conversationId ?? textarea.dataset.conversationId ?? null;
    this.history = options.history || null;
    this.verdict = null;
    this.source = null;
    this.checkedText = null;
    this._inflight = false;
    this._dirty = false;
    this._timer = null;
    this._inputAt = 0;
    this._quick = false;      // the next check is for a keystroke: a window verdict will do
    this._exactTimer = null;
    this._build();
    this._listen();
    if (this.conversationId && this.options.loadHistory !== false) this.loadHistory();
    this._showMode();
    if (textarea.value) this.schedule();
  }

  get state() {
    return this.options.state || this.textarea.dataset.state || 'inquiry';
  }

  _build() {
    const id = `cg-${++counter}`;
    const ta = this.textarea;
    this.root = el('div', { class: 'cg-composer', 'data-action': 'allow', 'data-status': 'idle' });
    this.field = el('div', { class: 'cg-field' });
    this.backdrop = el('div', { class: 'cg-backdrop', 'aria-hidden': 'true' });
    this.highlights = el('div', { class: 'cg-highlights' });
    this.backdrop.append(this.highlights);
    ta.parentNode.insertBefore(this.root, ta);
    this.field.append(this.backdrop, ta);
    ta.classList.add('cg-input');
    this.mode = el('p', { class: 'cg-mode', id: `${id}-mode` });
    this.summary = el('p', { class: 'cg-summary', id: `${id}-summary` });
    this.list = el('ul', { class: 'cg-findings', 'aria-label': t('Contact information found in your message') });
    this.preview = el('div', { class: 'cg-preview', hidden: true },
      el('span', { class: 'cg-preview-label', text: t('Will be delivered as:') }), el('output', { class: 'cg-preview-text' }));
    this.confirm = el('input', { type: 'checkbox', class: 'cg-confirm-box', id: `${id}-confirm` });
    this.confirmLabel = el('label', { class: 'cg-confirm', for: `${id}-confirm`, hidden: true }, this.confirm,
      ' ' + t('I understand; send it anyway (it will be reviewed)'));
    this.exceptionSelect = this.options.exceptionSelect
      || (this.form && this.form.querySelector('select[name="exception_reason"]')) || null;
    this.ownException = !this.exceptionSelect;
    if (this.ownException) {
      this.exceptionSelect = el('select', { class: 'cg-exception-select', id: `${id}-exception`, name: 'exception_reason' },
        el('option', { value: '', text: t('No exception') }));
    }
    // The page's own select stays where the page put it; only ours is placed by the widget.
    this.exceptionLabel = this.ownException
      ? el('label', { class: 'cg-exception', hidden: true }, t('Permitted exception:') + ' ', this.exceptionSelect)
      : (this.exceptionSelect.closest('label') || this.exceptionSelect);
    this.serverNote = el('p', { class: 'cg-server-note', hidden: true });
    // The panel is read where it stands; news goes to the announcer, once per change.
    this.panel = el('div', { class: 'cg-panel', id: `${id}-panel` },
      this.summary, this.list, this.preview, this.serverNote);
    this.announcer = el('div', { class: 'cg-sr-only', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this._announced = '';
    this.root.append(this.field, this.panel, this.confirmLabel);
    if (this.ownException) this.root.append(this.exceptionLabel);
    this.root.append(this.mode, this.announcer);
    ta.setAttribute('aria-describedby', `${this.summary.id} ${this.mode.id}`);
    if (this.sendButton) {
      // Send says why it is held back: the summary describes it.
      const described = (this.sendButton.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      if (!described.includes(this.summary.id)) described.push(this.summary.id);
      this.sendButton.setAttribute('aria-describedby', described.join(' '));
    }
    if (this.ownException) this._fillReasons();
    else this._loadTexts();
    this._syncStyle();
  }

  /** The rule set's messages per language (the worker's or the server's copy): explanations in the
   *  user's language follow as soon as they are here. */
  async _loadTexts() {
    await this.client.rulesInfo();
    this._panelKey = null;
    if (this.textarea.value) this.schedule();
  }

  async _fillReasons() {
    const info = await this.client.rulesInfo();
    this._panelKey = null;
    const reasons = info.exception_reasons || [];
    const select = this.exceptionSelect;
    for (const option of [...select.options].slice(1)) option.remove();
    for (const reason of reasons) select.append(el('option', { value: reason.id, text: localized(reason.label) }));
  }

  // The backdrop mirrors the textarea's box and font so marks sit under the right characters.
  _syncStyle() {
    const cs = getComputedStyle(this.textarea);
    for (const prop of ['font-family', 'font-size', 'font-weight', 'font-style', 'font-stretch', 'font-variant',
      'font-kerning', 'font-feature-settings', 'text-rendering', 'line-height', 'letter-spacing',
      'word-spacing', 'text-indent', 'text-transform', 'padding-top', 'padding-right', 'padding-bottom',
      'padding-left', 'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
      'box-sizing', 'tab-size']) {
      this.backdrop.style.setProperty(prop, cs.getPropertyValue(prop));
    }
    this.backdrop.style.width = `${this.textarea.offsetWidth}px`;
    this.backdrop.style.height = `${this.textarea.offsetHeight}px`;
  }

  _listen() {
    const ta = this.textarea;
    ta.addEventListener('input', (event) => {
      this._inputAt = event.timeStamp;
      this.root.dataset.status = 'pending';
      this.schedule({ quick: true });
    });
    ta.addEventListener('scroll', () => {
      this.backdrop.scrollTop = ta.scrollTop;
      this.backdrop.scrollLeft = ta.scrollLeft;
    });
    ta.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && this.form) {
        event.preventDefault();
        if (this.sendable) this.form.requestSubmit(this.sendButton || undefined);
        else this._announce(this.summary.textContent, { again: true });
      }
    });
    if (typeof ResizeObserver !== 'undefined') new ResizeObserver(() => this._syncStyle()).observe(ta);
    this.confirm.addEventListener('change', () => this._applyAction());
    this.exceptionSelect.addEventListener('change', () => this._applyAction());
    this.client.addEventListener('status', () => {
      this._showMode();
      this.schedule();
    });
    this.client.addEventListener('rules', (event) => {
      if (this.ownException && event.detail.exception_reasons) this._fillReasons();
      this.schedule();   // the rules changed: judge the current text again, no reload needed
    });
    if (this.form && this.options.intercept !== false) {
      this.form.addEventListener('submit', (event) => this._onSubmit(event));
    }
  }

  _showMode() {
    const { mode, reason } = this.client;
    this.root.dataset.mode = mode;
    if (mode === 'worker') {
      this.mode.textContent = t('Live checks are on: your message is checked in your browser as you type.');
    } else if (mode === 'server') {
      this.mode.textContent = t('Live checks are limited: messages are checked by the server (%(reason)s).', { reason });
    } else {
      this.mode.textContent = t('Live checks are starting; meanwhile the server checks your message.');
    }
  }

  /** Recent messages of this conversation, for identifiers split across messages. */
  async loadHistory() {
    this.root.dataset.history = 'loading';
    try {
      const response = await fetch(`/api/conversations/${encodeURIComponent(this.conversationId)}`,
        { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      const body = await response.json();
      // The server judges with the delivered texts (never refused attempts): so do we.
      this.history = (body.messages || [])
        .filter((m) => m && m.status !== 'blocked')
        .map((m) => m.text)
        .filter((t) => typeof t === 'string')
        .slice(-20);
      if (this.textarea.value) this.schedule();
    } catch { /* checks work without history */ } finally {
      this.root.dataset.history = this.history ? 'loaded' : 'unavailable';
    }
  }

  /** Check the current text as soon as possible (coalescing keystrokes that arrive meanwhile).
   *  quick: for a keystroke; any other reason to check asks for the exact verdict. */
  schedule({ quick = false } = {}) {
    this._quick = this._dirty ? this._quick && quick : quick;
    clearTimeout(this._exactTimer);
    this._dirty = true;
    if (this._inflight) return;
    clearTimeout(this._timer);
    if (this.client.mode === 'worker') this._run();
    else this._timer = setTimeout(() => this._run(), SERVER_DEBOUNCE_MS);
  }

  async _run() {
    if (!this._dirty || this._inflight) return;
    this._dirty = false;
    const quick = this._quick;
    this._quick = false;
    const text = this.textarea.value;
    const inputAt = this._inputAt;
    if (!text.trim()) {
      this._render(text, null, this.client.mode === 'worker' ? 'worker' : 'server', inputAt);
      return;
    }
    this._inflight = true;
    let result = null;
    try {
      result = this.options.check
        ? await this.options.check({ text, history: this.history || [], state: this.state })
        : await this.client.check({ text, history: this.history || [], state: this.state,
          conversationId: this.conversationId, quick });
    } catch (error) {
      this._showError(error);
    } finally {
      this._inflight = false;
    }
    const current = this.textarea.value;
    // The user may have typed on meanwhile: show this verdict at once, moved onto the current
    // text (findings before or after the edit keep their place), and check the new text next.
    // Waiting for a verdict on the very latest text would show nothing while someone types fast.
    if (result) {
      const verdict = current === text ? result.verdict : moveVerdict(result.verdict, text, current);
      this._render(current, verdict, result.source, inputAt, result.ms, text);
    }
    if (this._dirty || current !== text) this.schedule({ quick: this._quick || current !== text });
    else if (result && result.verdict && result.verdict.scope === 'window') {
      this._exactTimer = setTimeout(() => this.schedule(), this.options.exactAfterMs ?? EXACT_AFTER_MS);
    }
  }

  /** Whether the verdict shown is the exact one (a whole-text scan) for exactly this text. */
  _exactFor(text) {
    return this.checkedText === text && !(this.verdict && this.verdict.scope === 'window');
  }

  _showError(error) {
    this.root.dataset.status = 'error';
    this._panelKey = null;
    this.list.replaceChildren();
    this.highlights.replaceChildren(this.textarea.value, '\n');
    if (error && error.code === 'invalid_rules') {
      this.summary.textContent = `The draft rules are not valid: ${error.path}: ${error.message}`;
    } else {
      this.summary.textContent = t('Could not check this message (%(error)s). The server will check it on send.',
        { error: error && error.message });
    }
  }

  _render(text, verdict, source, inputAt, checkMs = 0, checkedText = text) {
    this.verdict = verdict;
    this.source = source;
    this.checkedText = checkedText;
    const action = verdict ? verdict.action : 'allow';
    // Findings the rules allow (an active contract) are no warning; the playground still shows them.
    const findings = verdict && (action !== 'allow' || this.options.showAllowed) ? verdict.findings : [];
    // Highlights: text nodes and <mark>s, never innerHTML (the text is the user's). Findings of
    // different categories may overlap (an email is also a link): they share one mark.
    const frag = document.createDocumentFragment();
    const units = findings.length ? utf16Offsets(text) : null;
    const spans = [];
    for (const f of [...findings].sort((a, b) => a.start - b.start || b.end - a.end)) {
      const last = spans[spans.length - 1];
      if (last && f.start < last.end) {
        last.end = Math.max(last.end, f.end);
        if (!last.categories.includes(f.category)) last.categories.push(f.category);
      } else {
        spans.push({ start: f.start, end: f.end, categories: [f.category] });
      }
    }
    let at = 0;
    for (const span of spans) {
      const start = units[span.start];
      const end = units[span.end];
      frag.append(text.slice(at, start));
      frag.append(el('mark', { class: `cg-mark cg-${span.categories[0]}`, 'data-category': span.categories[0],
        'data-categories': span.categories.join(' '), 'data-start': span.start, 'data-end': span.end },
      text.slice(start, end)));
      at = end;
    }
    frag.append(text.slice(at), '\n');   // a trailing newline keeps the last line's height
    this.highlights.replaceChildren(frag);
    // Same writing direction as the textarea (its dir, or the page's): right-to-left text too.
    if (this.backdrop.dir !== this.textarea.dir) this.backdrop.dir = this.textarea.dir;
    this.backdrop.scrollTop = this.textarea.scrollTop;
    // The explanation: one item per finding, grouped messages from the rule set.
    // Only a change is written to the live region, so screen readers announce news, not keystrokes.
    const key = JSON.stringify([action, findings.map((f) => [f.category, f.start, f.end, f.match])]);
    if (key !== this._panelKey) {
      this._panelKey = key;
      // Each finding: its category in words (and an icon), a button that selects its span in
      // the message (the highlight itself is behind the textarea, out of reach), what the rules say.
      const items = findings.map((f) => {
        const show = el('button', { type: 'button', class: 'cg-show' }, el('q', { dir: 'auto', text: f.match }),
          el('span', { class: 'cg-sr-only', text: ' ' + t('(select it in the message)') }));
        show.addEventListener('click', () => this.select(f.start, f.end));
        return el('li', { class: `cg-finding cg-${f.category}`, 'data-category': f.category,
          'data-start': f.start, 'data-end': f.end, 'data-rule': f.rule },
        el('span', { class: 'cg-icon', 'aria-hidden': 'true', text: ICONS[f.category] || '\u2691' }), ' ',
        el('strong', { text: t('%(label)s:', { label: labelOf(f.category) }) + ' ' }), show, ' ',
        el('span', { class: 'cg-message', text: this._messageOf(f) }));
      });
      this.list.replaceChildren(...items);
    }
    this.preview.hidden = action !== 'redact';
    if (action === 'redact' && verdict.redacted !== null) this.preview.querySelector('output').textContent = verdict.redacted;
    this.root.dataset.action = action;
    this.root.dataset.source = source;
    this.root.dataset.findings = String(findings.length);
    this.root.dataset.status = checkedText === text && !(verdict && verdict.scope === 'window') ? 'settled' : 'pending';
    if (this.serverNote.dataset.text !== text) this.serverNote.hidden = true;
    this._findings = findings;
    this._applyAction();
    const renderedAt = performance.now();
    const detail = { verdict, source, text: checkedText, current: text, inputAt, renderedAt, checkMs };
    this.textarea.dispatchEvent(new CustomEvent('contactguard:verdict', { detail, bubbles: true }));
  }

  /** A finding's explanation in the page's language: the rule set's message for its category, else
   *  the English one the engine put in the finding. */
  _messageOf(finding) {
    const texts = this.client.info && this.client.info.messages;
    return (texts && localized(texts[finding.category])) || finding.message;
  }

  /** Select the code-point span [start, end) of the message and put the caret there. */
  select(start, end) {
    const units = utf16Offsets(this.textarea.value);
    this.textarea.focus();
    this.textarea.setSelectionRange(units[start] ?? 0, units[end] ?? units[units.length - 1]);
  }

  /** Whether Send may send now (the action allows it and nothing is being sent). */
  get sendable() {
    return this.root.dataset.sendable !== 'false' && !this._sending;
  }

  _applyAction() {
    const action = this.root.dataset.action;
    const canSend = Boolean(this.sendButton);   // the playground only shows, it never sends
    const reasons = this.exceptionSelect.options.length > 1;
    this.confirmLabel.hidden = !canSend || action !== 'warn';
    if (action !== 'warn') this.confirm.checked = false;
    this.exceptionLabel.hidden = !(canSend && reasons && (action === 'block' || action === 'warn' || action === 'redact'));
    if (this.exceptionLabel.hidden && this.ownException) this.exceptionSelect.value = '';
    const picked = this.exceptionLabel.hidden ? null : this.exceptionSelect.selectedOptions[0];
    const exception = picked && picked.value ? picked : null;
    // One true thing at a time: what happens if Send is pressed now, and what to do otherwise.
    let enabled = true;
    let summary = SUMMARIES()[action] || '';
    if (canSend && exception) {
      summary = this._exceptionSummary(exception);
    } else if (canSend && action === 'block') {
      enabled = false;
      summary += ' ' + (reasons ? t('Remove the contact information, or pick a permitted exception below.')
        : t('Remove the contact information to send it.'));
    } else if (canSend && action === 'warn' && this.confirm.checked) {
      summary += ' ' + t('You confirmed: it will be sent and reviewed.');
    } else if (canSend && action === 'warn') {
      enabled = false;
      summary += ' ' + t('To send it anyway, tick “I understand” below; it will be reviewed.');
    }
    this.root.dataset.excepted = String(Boolean(canSend && exception));
    if (this.sendButton) {
      // aria-disabled, not disabled: a disabled button drops keyboard focus to the page.
      if (enabled && !this._sending) this.sendButton.removeAttribute('aria-disabled');
      else this.sendButton.setAttribute('aria-disabled', 'true');
      this.sendButton.removeAttribute('title');
      this.sendButton.dataset.action = action;
    }
    this.root.dataset.sendable = String(enabled);
    if (this.summary.textContent !== summary) this.summary.textContent = summary;
    if (this.root.dataset.status === 'settled') this._announceVerdict(action, summary, exception);
  }

  _exceptionSummary(option) {
    // The page may name the reason in data-label (its text also says what it releases).
    const name = option.dataset.label || option.textContent.replace(/\s*\(releases [^)]*\)\s*$/, '');
    const flagged = [...new Set((this._findings || []).map((f) => f.category))];
    const releases = option.dataset.releases !== undefined ? option.dataset.releases.split(' ').filter(Boolean) : null;
    const uncovered = releases ? flagged.filter((c) => !releases.includes(c)) : [];
    if (uncovered.length) {
      return t('The exception “%(name)s” does not cover %(categories)s: the server will refuse this message. '
        + 'Remove it, or pick another exception.', { name, categories: joined(uncovered.map(inSentence)) });
    }
    return t('You are sending this under the exception “%(name)s”: it will be delivered and an administrator will review it.',
      { name });
  }

  /** Say a settled verdict once: when what it means changes, not when its offsets or letters do. */
  _announceVerdict(action, summary, exception) {
    const categories = [...new Set((this._findings || []).map((f) => f.category))].sort();
    const key = JSON.stringify([action, categories, exception && exception.value, this.confirm.checked]);
    if (key === this._verdictKey) return;
    const before = this._verdictKey;
    this._verdictKey = key;
    if (action === 'allow' && !categories.length) {
      if (before && !JSON.parse(before)[1].length) return;
      if (before) this._announce(t('No contact information found any more.'));
      return;
    }
    const found = categories.length ? t('Found: %(categories)s.', { categories: joined(categories.map(labelOf)) }) + ' ' : '';
    this._announce(`${found}${summary}`.trim());
  }

  /** Write to the polite live region (again: repeat the same words, e.g. on a refused Send). */
  _announce(text, { again = false } = {}) {
    if (!text || (text === this._announced && !again)) return;
    this._announced = text;
    // Emptied first so that a repeat is still news to the screen reader.
    this.announcer.textContent = '';
    setTimeout(() => { if (this._announced === text) this.announcer.textContent = text; }, again ? 50 : 0);
  }

  async _onSubmit(event) {
    if (!this.sendable) {   // held back: say why again, keep focus where it is
      event.preventDefault();
      this._announce(this.summary.textContent, { again: true });
      return;
    }
    if (!this.conversationId) return;   // not a conversation page: let the form post as usual
    event.preventDefault();
    const text = this.textarea.value;
    if (!text.trim()) return;
    if (!this._exactFor(text)) {
      // A keystroke's window verdict never decides a send: judge the whole text first.
      try {
        const result = await this.client.check({ text, history: this.history || [], state: this.state,
          conversationId: this.conversationId });
        if (this.textarea.value === text) this._render(text, result.verdict, result.source, 0, result.ms);
      } catch { /* the server judges every message on send anyway */ }
      if (this.textarea.value !== text || !this.sendable) return;
    }
    const body = { text };
    if (this.exceptionSelect.value && !this.exceptionLabel.hidden) body.exception_reason = this.exceptionSelect.value;
    this._sending = true;
    if (this.sendButton) this.sendButton.setAttribute('aria-disabled', 'true');
    let reply;
    try {
      reply = await postJson(`/api/conversations/${encodeURIComponent(this.conversationId)}/messages`, body);
    } catch (error) {
      this._sending = false;
      this._serverSays(text, t('Sending failed: %(error)s', { error: error.message }));
      this._applyAction();
      return;
    }
    this._sending = false;
    const { response, payload } = reply;
    this.client.noteServerFingerprint(response.headers.get('X-Rules-Fingerprint') || (payload && payload.fingerprint));
    const detail = { status: response.status, payload };
    this.textarea.dispatchEvent(new CustomEvent('contactguard:sent', { detail, bubbles: true }));
    if (response.status === 201) {
      this.textarea.value = '';
      this._render('', null, this.source || 'worker', 0);
      if (this.options.onSent) this.options.onSent(payload);
      else window.location.assign(window.location.href.split('#')[0]);   // a GET, never a re-POST
      return;
    }
    const verdict = payload && (payload.verdict || (payload.findings ? payload : null));
    if (verdict && verdict.state && verdict.state !== this.textarea.dataset.state) this.textarea.dataset.state = verdict.state;
    if (verdict && this.textarea.value === text) this._render(text, verdict, 'server', 0);
    this._serverSays(text, (payload && payload.message)
      || t('The server refused this message (HTTP %(status)s).', { status: response.status }));
    this._applyAction();
  }

  _serverSays(text, message) {
    this.serverNote.textContent = message;
    this.serverNote.dataset.text = text;
    this.serverNote.hidden = false;
    this._announce(message, { again: true });
  }
}

/** Attach the composer widget to a textarea; returns the Composer. */
export function attach(textarea, options = {}) {
  if (textarea._contactguard) return textarea._contactguard;
  const composer = new Composer(textarea, options);
  textarea._contactguard = composer;
  return composer;
}
