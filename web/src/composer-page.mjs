// Conversation pages: start the engine worker at page load and attach the composer to #composer.
import { EngineClient } from './client.mjs';
import { attach } from './composer.mjs';
import { connectConversation } from './live.mjs';

// A host page may set window.contactguardOptions (from one of its own modules) before this
// runs: rulesUrl, checkUrl, timeoutMs, revalidateMs.
const client = new EngineClient(window.contactguardOptions || {}).start();
const composers = [...document.querySelectorAll('textarea#composer, textarea[data-contactguard]')]
  .map((textarea) => attach(textarea, { client }));

// New messages, the contract state and the published rules, live (web/src/live.mjs).
const live = connectConversation({ list: document.getElementById('messages'), composer: composers[0], client });

// For people debugging a page, and for the end-to-end tests and benchmarks.
window.contactguard = { client, composers, live };
