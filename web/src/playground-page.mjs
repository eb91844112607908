// Playground and rule-editor pages: the same worker shows what the (draft) rules do to sample text.
import { EngineClient } from './client.mjs';
import { attachPlayground } from './playground.mjs';

const client = new EngineClient().start();
const composers = [...document.querySelectorAll('textarea#playground-text')]
  .map((textarea) => attachPlayground(textarea, { client }));

window.contactguard = { client, composers };
