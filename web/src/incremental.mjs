// Incremental keystroke scans: re-scan only a window around the edit, keep the other findings.
//
// The worker calls `quickScan(base, request, scanText)` for a keystroke: `base` is its last
// verdict on this conversation (same history, state and rules), `scanText(text, history)` is the
// engine's full scan. A keystroke changes a few characters; the engine's rules look at most
// WINDOW code points to either side of a match (context words, negation, question scope), so a
// window of that size around the edit, cut at whitespace, finds what changed. Findings outside
// the window move with the edit; findings inside come from the window's scan.
//
// A quick verdict is a preview for highlighting while someone types. The exact verdict is a full
// scan, which the composer asks for when typing pauses and always before Send; it decides.
// The rules that need the whole message, and what a window does about each:
//   - conversation context (an identifier the newest message completes with history): its hits
//     start at the message's first character, so the window passes the history only when it
//     starts there; the "message carries on a token" test reads the whole (short) message;
//   - per-message caps (phone validations, address and social matches per pattern family): a
//     window sees fewer candidates, so on a text long enough to reach a cap it may flag more;
//   - whole-message conditions: a bare request ("your email?") must be the whole message, the
//     spelled-out address numbers are read only when nothing else was found, a meeting passcode
//     counts only next to a meeting link or ID anywhere in the message;
//   - spans: a finding that touches a cut edge of the window may go on beyond it: full scan.
// A text shorter than FULL_BELOW, a new history, state or rule set, or an edit that leaves little
// outside the window also gets the full scan.

export const WINDOW = 240;           // code points of context on each side of the edit
export const CUT_SLACK = 40;         // how far past WINDOW to look for whitespace to cut at
export const FULL_BELOW = 800;       // shorter texts are scanned whole: a window saves little there
export const MARGIN = 16;            // no cut this close to an earlier finding
const CATEGORY_ORDER = ['phone', 'email', 'address', 'link', 'social'];

/** The changed range between two code-point arrays: {prefix, suffix} lengths they share. */
export function editRange(before, after) {
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return { prefix, suffix };
}

const SPACE = /\s/u;

/** [start, end) moved out to the nearest whitespace within CUT_SLACK, so no word is cut. */
export function snap(chars, start, end) {
  start = Math.max(0, start);
  end = Math.min(chars.length, end);
  if (start > 0) {
    const stop = Math.max(0, start - CUT_SLACK);
    while (start > stop && !SPACE.test(chars[start - 1])) start--;
  }
  if (end < chars.length) {
    const stop = Math.min(chars.length, end + CUT_SLACK);
    while (end < stop && !SPACE.test(chars[end])) end++;
  }
  return { start, end };
}

/** A window [start, end) around [from, to) in `chars`: WINDOW either side, cut at whitespace. */
export function windowAround(chars, from, to) {
  return snap(chars, from - WINDOW, to + WINDOW);
}

// Python's str.isspace: Unicode White_Space plus the information separators \x1c-\x1f.
const PY_SPACE = /[\s\x1c-\x1f]/u;

/** The engine's redaction (engine.detector.redact): a bullet per flagged non-space code point. */
export function redact(chars, findings) {
  const out = chars.slice();
  for (const f of findings) {
    for (let i = f.start; i < f.end; i++) if (!PY_SPACE.test(out[i])) out[i] = '\u2022';
  }
  return out.join('');
}

const RANK = { allow: 0, warn: 1, redact: 2, block: 3 };

/**
 * A verdict for `request` ({text, history, state}) from `base` (the last verdict, with its text)
 * and a scan of the window around the edit: {verdict}, or {reason} when only a full scan will do.
 * `actionFor(category)` gives the rule set's action in the request's state.
 */
export function quickScan(base, request, scanText, actionFor) {
  const after = Array.from(request.text);
  if (!base) return { reason: 'no earlier verdict' };
  if (after.length < FULL_BELOW) return { reason: 'short text' };
  const before = Array.from(base.text);
  const { prefix, suffix } = editRange(before, after);
  const shift = after.length - before.length;
  const editEnd = after.length - suffix;      // the edit is [prefix, editEnd) in the new text
  // The earlier findings in the new text's offsets; one the edit touched is re-scanned whole.
  let from = prefix;
  let to = editEnd;
  const moved = [];
  for (const f of base.verdict.findings) {
    if (f.end <= prefix) moved.push(f);
    else if (f.start >= before.length - suffix) moved.push({ ...f, start: f.start + shift, end: f.end + shift });
    else {
      from = Math.min(from, f.start);
      to = Math.max(to, Math.min(after.length, Math.max(f.end + shift, editEnd)));
    }
  }
  let { start, end } = windowAround(after, from, to);
  // Never cut through or next to an earlier finding: the window takes it in whole.
  for (let round = 0; round < 4; round++) {
    let grown = false;
    for (const f of moved) {
      if (f.start < start + MARGIN && f.end > start - MARGIN && f.start - MARGIN < start) {
        ({ start } = snap(after, f.start - MARGIN, end));
        grown = true;
      }
      if (f.start < end + MARGIN && f.end > end - MARGIN && f.end + MARGIN > end) {
        ({ end } = snap(after, start, f.end + MARGIN));
        grown = true;
      }
    }
    if (!grown) break;
  }
  if (end - start > after.length * 0.6) return { reason: 'large window' };
  const windowText = after.slice(start, end).join('');
  const found = scanText(windowText, start === 0 ? request.history : []);
  const findings = [];
  for (const f of found.findings) {
    // A finding at a cut may go on beyond it.
    if ((f.start === 0 && start > 0) || (f.end === end - start && end < after.length)) return { reason: 'edge' };
    findings.push({ ...f, start: f.start + start, end: f.end + start });
  }
  for (const f of moved) {
    if (f.end <= start || f.start >= end) findings.push(f);
    else if (f.start < start || f.end > end) return { reason: 'straddle' };
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end
    || CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category));
  let action = 'allow';
  for (const f of findings) {
    const a = actionFor(f.category);
    if (RANK[a] > RANK[action]) action = a;
  }
  const categories = CATEGORY_ORDER.filter((c) => findings.some((f) => f.category === c));
  const { why: _why, ...rest } = base.verdict;
  return {
    verdict: {
      ...rest, action, categories, findings,
      redacted: action === 'redact' ? redact(after, findings) : null,
      scope: 'window', window: [start, end],
    },
  };
}
