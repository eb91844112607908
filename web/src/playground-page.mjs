// Playground and rule-editor pages: the same worker shows what the (draft) rules do to sample text.
import { EngineClient } from './client.mjs';
import { attachPlayground } from './playground.mjs';

// A host page may set window.contactguardOptions (from one of its own modules) before this
// runs: rulesUrl, checkUrl, timeoutMs, revalidateMs.
const client = new EngineClient(window.contactguardOptions || {}).start();
const composers = [...document.querySelectorAll('textarea#playground-text')]
  .map((textarea) => attachPlayground(textarea, { client }));

window.contactguard = { client, composers };
