// The live channel of a conversation page: Server-Sent Events from /api/conversations/<id>/events.
//
//   const live = new LiveChannel(url, { cursor }).start();
//   live.addEventListener('message', (e) => e.detail);   // a new message, once per id
//   live.addEventListener('state', ...); live.addEventListener('rules', ...);
//   live.addEventListener('status', ...);   // detail: 'connecting' | 'open' | 'waiting' | 'closed' (for good)
//
// Every event's id is a cursor; the browser sends the last one back as Last-Event-ID when it
// reconnects (after a server restart; a stream that ran its bounded time ends with an `end`
// event and we reconnect at once with the cursor in the URL), and the server
// goes on from there: nothing lost, nothing twice (ids seen are skipped here as well). When the
// browser gives up (an error reply, e.g. a proxy's 502), we reconnect ourselves with the cursor
// in the URL, backing off up to MAX_BACKOFF_MS, and stop for good when the server says the
// user may no longer listen (logged out, or not a party: 401, 403, 404).
//
// connectConversation() wires the channel into the demo conversation page: messages appear,
// the contract state and the rules reach the composer, which judges the draft again at once,
// and every Send is checked against the server's current state first.

import { t } from './composer-i18n.mjs';

const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;
const HISTORY_SIZE = 20;   // as many delivered texts as the composer loads (composer.mjs)
// A function: t() reads the page's catalogue (composer-i18n.mjs) when the words are needed.
const ASK_AGAIN = () => t('Just before sending, the server judged this message differently from what was shown here '
  + '(the contract state or the rules changed). Please look at the warning again, then send.');

export class LiveChannel extends EventTarget {
  /** url: the conversation's event stream; cursor: the last event id (or message id) the page has. */
  constructor(url, { cursor = null } = {}) {
    super();
    this.url = url;
    this.cursor = cursor;
    this.status = 'connecting';
    this.source = null;
    this._seen = new Set();
    this._backoff = FIRST_BACKOFF_MS;
    this._timer = null;
  }

  /** Open the stream; returns this. */
  start() {
    this.stop();
    const source = new EventSource(this._url());
    this.source = source;
    for (const kind of ['message', 'state', 'rules']) {
      source.addEventListener(kind, (event) => this._receive(kind, event));
    }
    // The server ended a stream that ran its time: reconnect now, from the cursor, instead of
    // after the browser's retry delay (which stays for streams that fail).
    source.addEventListener('end', () => {
      if (this.source !== source) return;
      this._setStatus('connecting');
      this.start();
    });
    source.onopen = () => {
      this._backoff = FIRST_BACKOFF_MS;
      this._setStatus('open');
    };
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        // The browser gave up on this stream: try again later, from where we are.
        this._setStatus('waiting');
        this._timer = setTimeout(() => this._retry(), this._backoff);
        this._backoff = Math.min(this._backoff * 2, MAX_BACKOFF_MS);
      } else {
        this._setStatus('connecting');   // the stream ended or dropped; the browser reconnects
      }
    };
    return this;
  }

  /** After the browser gave up: ask first (HEAD: no stream is opened) whether we may still listen. */
  async _retry() {
    let response = null;
    try {
      response = await fetch(this._url(), { method: 'HEAD', credentials: 'same-origin', cache: 'no-store' });
    } catch { /* still unreachable: the next attempt backs off further */ }
    if (response && [401, 403, 404].includes(response.status)) {
      this.stop();   // logged out, or no longer a party: a reload (and a login) starts again
      this._setStatus('closed');
      return;
    }
    if (response && response.ok) this.start();
    else {
      this._timer = setTimeout(() => this._retry(), this._backoff);
      this._backoff = Math.min(this._backoff * 2, MAX_BACKOFF_MS);
    }
  }

  _url() {
    const url = new URL(this.url, window.location.href);
    if (this.cursor !== null && this.cursor !== '') url.searchParams.set('last_event_id', this.cursor);
    return url;
  }

  /** Close the stream (no reconnects). */
  stop() {
    clearTimeout(this._timer);
    if (this.source) this.source.close();
    this.source = null;
  }

  _receive(kind, event) {
    if (event.lastEventId) this.cursor = event.lastEventId;
    let data;
    try { data = JSON.parse(event.data); } catch { return; }
    if (kind === 'message') {
      if (this._seen.has(data.id)) return;
      this._seen.add(data.id);
    }
    this.dispatchEvent(new CustomEvent(kind, { detail: data }));
  }

  /** Messages already on the page are never shown again. */
  markSeen(ids) {
    for (const id of ids) this._seen.add(id);
  }

  _setStatus(status) {
    if (status === this.status) return;
    this.status = status;
    this.dispatchEvent(new CustomEvent('status', { detail: status }));
  }
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;   // never innerHTML: the text is a user's
  return node;
}

/** One message as the page's template renders it (admin/templates/demo/conversation.html). */
export function messageItem(message, viewerId) {
  const mine = message.sender_id === viewerId;
  const li = el('li', `message ${mine ? 'mine ' : ''}status-${message.status}`);
  li.id = `message-${message.id}`;
  li.append(el('span', 'sender', message.sender_name || message.sender), ' ');
  if (message.status === 'blocked') {
    li.append(el('span', 'text blocked', t('Not delivered (only you see this):') + ' ' + (message.attempted_text ?? '')));
  } else {
    const text = el('span', 'text', message.text ?? '');
    text.dir = 'auto';   // a message keeps its own direction on a right-to-left page, as the template's
    li.append(text);
  }
  if (message.status === 'redacted') li.append(' ', el('span', 'badge', t('redacted')));
  if (message.exception_reason) {
    li.append(' ', el('span', 'badge', t('exception: %(reason)s', { reason: message.exception_reason })));
  }
  const time = el('time', null, `${message.created_at.slice(0, 10)} ${message.created_at.slice(11, 16)}`);
  time.dateTime = message.created_at;
  li.append(' ', time);
  return li;
}

function sendable(composer) {
  // the composer's own answer (Send keeps focus with aria-disabled, so `disabled` is never set)
  return composer.sendable;
}

/** Before every Send, ask the server for its verdict on the text as it stands now; when it differs
 *  from the one shown, show the server's and let the user decide again instead of sending. */
export function guardSend(composer, client) {
  const { form } = composer;
  if (!form || !composer.conversationId) return;
  let cleared = null;   // the text the server just agreed with: its next submit goes to the composer
  let busy = false;
  // Capturing on window runs before the composer's own submit listener on the form.
  window.addEventListener('submit', async (event) => {
    if (event.target !== form) return;
    const text = composer.textarea.value;
    if (cleared !== null && cleared === text) {
      cleared = null;
      return;
    }
    if (!sendable(composer) || !text.trim()) return;   // the composer holds it back and says why
    event.preventDefault();
    event.stopImmediatePropagation();
    if (busy) return;
    const shown = composer.root.dataset.action;
    busy = true;
    composer.root.dataset.precheck = 'running';
    let verdict = null;
    try {
      verdict = await client.checkOnServer({ text, conversationId: composer.conversationId });
    } catch { /* the server judges the message when it is posted anyway */ } finally {
      busy = false;
    }
    if (composer.textarea.value !== text) {
      composer.root.dataset.precheck = 'stale';
      return;   // typed meanwhile: the next Send checks again
    }
    if (verdict && verdict.action !== shown) {
      composer.root.dataset.precheck = 'differs';
      if (verdict.state && verdict.state !== composer.textarea.dataset.state) {
        composer.textarea.dataset.state = verdict.state;
      }
      composer._render(text, verdict, 'server', 0);
      composer._serverSays(text, ASK_AGAIN());
      return;
    }
    composer.root.dataset.precheck = 'agreed';
    cleared = text;
    form.requestSubmit(composer.sendButton || undefined);
  }, true);
}

/** Wire the live channel into a conversation page: `list` is the <ol> of messages, with
 *  data-live-url, data-last-message-id and data-viewer-id. Returns the channel (or null). */
export function connectConversation({ list, composer, client, stateBadge = document.getElementById('contract-state') }) {
  if (!list || !list.dataset.liveUrl) return null;
  const viewerId = Number(list.dataset.viewerId);
  const live = new LiveChannel(list.dataset.liveUrl, { cursor: list.dataset.lastMessageId || '0' });
  live.markSeen([...list.querySelectorAll('li[id^="message-"]')].map((li) => Number(li.id.slice(8))));
  const rejudge = () => { if (composer) composer.schedule(); };

  live.addEventListener('status', (event) => { list.dataset.live = event.detail; });
  live.addEventListener('message', (event) => {
    const message = event.detail;
    if (document.getElementById(`message-${message.id}`)) return;
    list.append(messageItem(message, viewerId));
    // The server judges the next message with the delivered history: so does the composer.
    if (composer && message.status !== 'blocked' && typeof message.text === 'string') {
      composer.history = [...(composer.history || []), message.text].slice(-HISTORY_SIZE);
      rejudge();
    }
    list.dispatchEvent(new CustomEvent('contactguard:message', { detail: message, bubbles: true }));
  });
  live.addEventListener('state', (event) => {
    const { state } = event.detail;
    // The badge names the state in the page's language; data-state holds the value itself.
    if (stateBadge && (stateBadge.dataset.state || stateBadge.textContent.trim()) !== state) {
      stateBadge.dataset.state = state;
      stateBadge.textContent = t(state);
      for (const name of [...stateBadge.classList]) if (name.startsWith('state-')) stateBadge.classList.remove(name);
      stateBadge.classList.add(`state-${state}`);
    }
    if (composer && composer.textarea.dataset.state !== state) {
      composer.textarea.dataset.state = state;
      rejudge();
      composer.textarea.dispatchEvent(new CustomEvent('contactguard:state', { detail: { state }, bubbles: true }));
    }
  });
  live.addEventListener('rules', async (event) => {
    const { fingerprint } = event.detail;
    const known = client.info.fingerprint;
    // The worker reloads the rules by ETag when the fingerprint is new; its checks wait for them.
    const tell = () => client.noteServerFingerprint(fingerprint);
    if (client.mode === 'loading') client.ready.then(tell);
    const reloaded = tell();
    if (fingerprint === known || !composer) return;
    if (client.mode !== 'worker') {
      rejudge();   // checks go to the server, which has the new rules
      return;
    }
    // Compiling new rules takes the worker about a second on a slow machine: meanwhile the draft
    // shows the server's verdict under the new rules, marked pending until the worker's own.
    reloaded.finally(rejudge);
    const text = composer.textarea.value;
    if (!text.trim()) return;
    let verdict = null;
    try {
      verdict = await client.checkOnServer({ text, conversationId: composer.conversationId });
    } catch { return; }
    if (composer.textarea.value === text && client.info.fingerprint !== fingerprint) {
      composer._render(text, verdict, 'server', 0);
      composer.root.dataset.status = 'pending';
    }
  });
  if (composer) guardSend(composer, client);
  return live.start();
}
