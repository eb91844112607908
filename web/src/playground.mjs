// The rule playground: checks sample text with the rules being edited, as the admin types.
//
// The draft document is read from the element named by the sample's data-rules-source
// attribute, or from #rules-document / textarea[name="document"] if the page has one;
// without a draft the published rules are used. The state comes from a
// select[name="state"] next to the sample, or data-state.
import { attach } from './composer.mjs';

function findSource(textarea) {
  const selector = textarea.dataset.rulesSource;
  return (selector && document.querySelector(selector))
    || document.querySelector('#rules-document')
    || document.querySelector('textarea[name="document"]');
}

/** Attach a playground to a sample-text textarea; returns its Composer. */
export function attachPlayground(textarea, { client }) {
  const source = findSource(textarea);
  const stateSelect = (textarea.form && textarea.form.querySelector('select[name="state"]'))
    || document.querySelector('#playground-state');
  const rulesNote = document.createElement('p');
  rulesNote.className = 'cg-playground-rules';
  let compiled = { text: null, fingerprint: null };

  async function check({ text, history, state }) {
    const draft = source ? source.value : '';
    if (!draft.trim() || client.mode !== 'worker') {
      rulesNote.textContent = source && draft.trim()
        ? 'The in-browser engine is not available: showing the published rules (server check).'
        : 'Published rules.';
      return client.check({ text, history, state });
    }
    if (compiled.text !== draft) {
      let doc;
      try {
        doc = JSON.parse(draft);
      } catch (error) {
        throw Object.assign(new Error(`not valid JSON (${error.message})`), { code: 'invalid_rules', path: '$' });
      }
      const info = await client.compile(doc);
      compiled = { text: draft, fingerprint: info.fingerprint };
    }
    rulesNote.textContent = `Draft rules ${compiled.fingerprint.slice(0, 12)}.`;
    const verdict = await client.scanDraft(compiled.fingerprint, { text, history, state });
    return { verdict, source: 'worker' };
  }

  const composer = attach(textarea, {
    client, check, form: null, sendButton: null, intercept: false, loadHistory: false,
    get state() { return (stateSelect && stateSelect.value) || textarea.dataset.state || 'inquiry'; },
  });
  composer.root.append(rulesNote);
  const recheck = () => composer.schedule();
  if (source) source.addEventListener('input', recheck);
  if (stateSelect) stateSelect.addEventListener('change', recheck);
  return composer;
}
