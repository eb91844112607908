// The rule playground: checks sample text with the rules being edited, as the admin types.
//
// Which rules: the raw JSON editor on the page (the sample's data-rules-source selector, else
// #rules-json, #rules-document or textarea[name="document"]) as the admin edits it; else the
// version named by the sample's data-document-url ({document} JSON); else the published rules.
// The state comes from select[name="state"] in the sample's form (or #playground-state), the
// history from #playground-history (one earlier message per line).
import { attach } from './composer.mjs';

function findSource(textarea) {
  const selector = textarea.dataset.rulesSource;
  return (selector && document.querySelector(selector))
    || document.querySelector('#rules-json, #rules-document, textarea[name="document"]');
}

function parseDraft(text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw Object.assign(new Error(`not valid JSON (${error.message})`), { code: 'invalid_rules', path: '$' });
  }
}

/** Attach a playground to a sample-text textarea; returns its Composer. */
export function attachPlayground(textarea, { client }) {
  const source = findSource(textarea);
  const form = textarea.form;
  const stateSelect = (form && form.querySelector('select[name="state"]')) || document.querySelector('#playground-state');
  const historyBox = document.querySelector('#playground-history');
  // The standalone playground picks a version; its options carry their document's URL.
  const versionSelect = document.querySelector('#playground-version');
  const documentUrl = () => (versionSelect && versionSelect.selectedOptions[0]
    && versionSelect.selectedOptions[0].dataset.documentUrl) || textarea.dataset.documentUrl || '';
  const rulesNote = document.createElement('p');
  rulesNote.className = 'cg-playground-rules';
  let compiled = { text: null, fingerprint: null };
  const fetched = new Map();   // document URL -> Promise of the document as JSON text

  async function draftText() {
    if (source && source.value.trim()) return source.value;
    const url = documentUrl();
    if (!url) return '';
    if (!fetched.has(url)) {
      fetched.set(url, fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
        .then((body) => JSON.stringify(body.document))
        .catch(() => { fetched.delete(url); return ''; }));
    }
    return fetched.get(url);
  }

  async function check({ text, state }) {
    const history = historyBox ? historyBox.value.split('\n').filter((line) => line.trim()) : [];
    const draft = await draftText();
    if (!draft || client.mode !== 'worker') {
      rulesNote.textContent = draft
        ? 'The in-browser engine is not available: showing the published rules (checked by the server).'
        : 'Showing the published rules.';
      return client.check({ text, history, state });
    }
    if (compiled.text !== draft) {
      const info = await client.compile(parseDraft(draft));
      compiled = { text: draft, fingerprint: info.fingerprint };
    }
    rulesNote.textContent = `Live result with the rules being edited (fingerprint ${compiled.fingerprint.slice(0, 12)}).`;
    const verdict = await client.scanDraft(compiled.fingerprint, { text, history, state });
    return { verdict, source: 'worker' };
  }

  const composer = attach(textarea, {
    client, check, form: null, sendButton: null, intercept: false, loadHistory: false, showAllowed: true,
    get state() { return (stateSelect && stateSelect.value) || textarea.dataset.state || 'inquiry'; },
  });
  composer.root.append(rulesNote);
  const recheck = () => composer.schedule();
  for (const input of [source, historyBox]) if (input) input.addEventListener('input', recheck);
  for (const select of [stateSelect, versionSelect]) if (select) select.addEventListener('change', recheck);
  return composer;
}
