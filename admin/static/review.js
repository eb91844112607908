// The review queue's keys: j / k move to the next / previous message, a marks it acceptable, r a
// violation. The keys press the card's own buttons (the same CSRF-protected form a mouse or a page
// without scripts posts), and never fire while typing in a field or with a modifier held.
(() => {
  const cards = () => Array.from(document.querySelectorAll('[data-review-card]'));
  const help = document.getElementById('review-keys');
  if (help && cards().length) help.hidden = false;

  const current = () => {
    const active = document.activeElement;
    const inside = active && active.closest && active.closest('[data-review-card]');
    if (inside) return inside;
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    return target && target.matches('[data-review-card]') ? target : null;
  };

  const show = (card) => {
    if (!card) return;
    cards().forEach((c) => c.classList.toggle('current', c === card));
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: 'nearest' });
  };

  const typing = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) return;
    const key = event.key;
    if (!['j', 'k', 'a', 'r'].includes(key)) return;
    const all = cards();
    if (!all.length) return;
    const card = current();
    if (key === 'j' || key === 'k') {
      const at = all.indexOf(card);
      const next = at < 0 ? 0 : Math.min(all.length - 1, Math.max(0, at + (key === 'j' ? 1 : -1)));
      show(all[next]);
      event.preventDefault();
      return;
    }
    const button = card && card.querySelector(`button[data-key="${key}"]`);
    if (!button) return; // no message chosen yet, or this one is judged already
    event.preventDefault();
    const form = button.form;
    if (form.requestSubmit) form.requestSubmit(button); else button.click();
  });

  // After a decision the server sends the page back at the next message (#review-<id>): start there.
  const start = current();
  if (start) show(start);
})();
