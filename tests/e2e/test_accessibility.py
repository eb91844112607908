"""WCAG 2.1 A/AA with axe-core: every page for every role, at desktop and phone width.

axe-core comes from web/node_modules (pinned in web/package.json, installed by `make web`).
The app's Content-Security-Policy stays as it is: axe's source goes in through Playwright's
own channel (`page.evaluate` runs over the DevTools protocol, which a page's CSP does not
govern), never through a <script> tag the policy would have to allow.

Pages are found by crawling each role's links from a seed list (so a new page linked from
anywhere is checked without editing this file), and each role must reach the pages listed in
REQUIRED; a few states only reachable by acting (warnings in the composer, a playground
result, a draft in the rule editor with errors, the login form with an error) are checked by
their own tests below.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.e2e.conftest import WIDGET_TIMEOUT_MS, Session

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = {"desktop": 1280, "phone": 390}
MAX_PAGES = 80           # per role and width: a crawl that grows past this is a bug in the crawl
PER_PATTERN = 4          # pages of one shape (/admin/rules/<n>) checked at most

# Where each role's crawl starts: pages no link leads to are listed here.
SEEDS = {
    "admin": ["/", "/admin/", "/this-page-does-not-exist"],
    "reviewer": ["/", "/admin/", "/this-page-does-not-exist"],
    "alice": ["/", "/demo/", "/this-page-does-not-exist"],
    "bob": ["/", "/demo/"],
}
# Page shapes each role must have reached (a crawl that silently found nothing must fail).
STAFF_PAGES = {
    "/admin/", "/admin/audit", "/admin/contracts/", "/admin/contracts/<n>", "/admin/playground",
    "/admin/review/", "/admin/rules/", "/admin/rules/<n>", "/admin/rules/<n>/impact", "/admin/rules/diff",
    "/admin/jobs/",
}
REQUIRED = {
    "admin": STAFF_PAGES | {"/admin/users/", "/admin/tokens/", "/admin/webhooks/"},
    "reviewer": STAFF_PAGES,
    "alice": {"/demo/", "/demo/conversations/<n>"},
    "bob": {"/demo/", "/demo/conversations/<n>"},
}
SKIP_SUFFIXES = (".json", ".svg", ".csv", ".png", ".txt")
SKIP_PREFIXES = ("/api/", "/static/", "/assets/", "/logout")

CHECK = """async (tags) => {
    const result = await window.axe.run(document, {
        runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 200),
                                     summary: n.failureSummary || '' })),
    }));
}"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    """axe-core's browser bundle, as installed by `make web` from web/package-lock.json."""
    assert AXE_JS.is_file(), f"{AXE_JS} is missing: run `make web` (npm ci installs axe-core)"
    return AXE_JS.read_text("utf-8")


def audit(page, axe_source: str) -> list[dict]:
    """axe's WCAG 2.1 A/AA violations on the page as it is now."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source)   # over CDP: the page's CSP does not apply, and is not loosened
    return page.evaluate(CHECK, WCAG_TAGS)


def describe(where: str, violations: list[dict]) -> list[str]:
    """One line per failing element: page, rule, impact, element, help text."""
    return [
        f"{where}: {v['id']} ({v['impact']}) {node['target']}: {v['help']} [{v['helpUrl']}]\n"
        f"    {node['html']}\n    {node['summary'].replace(chr(10), chr(10) + '    ')}"
        for v in violations for node in v["nodes"]
    ]


def pattern(url: str) -> str:
    """The page's shape: numbers in the path become <n>, query values are dropped."""
    parts = urlsplit(url)
    path = re.sub(r"/\d+(?=/|$)", "/<n>", parts.path)
    keys = sorted({k for k, _ in parse_qsl(parts.query)})
    return path + ("?" + "&".join(keys) if keys else "")


def settle(page) -> None:
    """Wait until the page's own scripts have built what axe must see (the composer widget)."""
    page.wait_for_load_state("load")
    if page.locator("textarea#composer, textarea#playground-text").count():
        page.wait_for_selector(".cg-composer", state="attached", timeout=WIDGET_TIMEOUT_MS)
    if page.locator("textarea#composer").count():
        page.wait_for_selector('.cg-composer[data-history="loaded"]', state="attached", timeout=WIDGET_TIMEOUT_MS)


def crawl(session: Session, seeds: list[str]) -> Iterator[str]:
    """Same-origin pages reachable from the seeds; yields each URL once the page is open."""
    page = session.page
    base = session.server.url
    queue = [base + s for s in seeds]
    seen_urls: set[str] = set()
    per_pattern: dict[str, int] = {}
    visited = 0
    while queue:
        url = queue.pop(0).split("#")[0]
        path = urlsplit(url).path
        if url in seen_urls or path.endswith(SKIP_SUFFIXES) or path.startswith(SKIP_PREFIXES):
            continue
        seen_urls.add(url)
        if per_pattern.get(pattern(url), 0) >= PER_PATTERN:
            continue
        per_pattern[pattern(url)] = per_pattern.get(pattern(url), 0) + 1
        visited += 1
        assert visited <= MAX_PAGES, f"more than {MAX_PAGES} pages reached from {seeds}"
        try:
            page.goto(url)
        except PlaywrightError as exc:
            if "Download is starting" in str(exc):   # a file, not a page
                continue
            raise
        settle(page)
        yield page.url
        hrefs = page.eval_on_selector_all("a[href]", "(as) => as.map((a) => a.href)")
        queue.extend(h for h in hrefs if h.startswith(base + "/"))


@pytest.fixture(scope="module")
def sessions(make_session) -> dict[str, Session]:
    """One logged-in context per role, made on first use."""

    class Lazy(dict):
        def __missing__(self, user: str) -> Session:
            self[user] = make_session(user)
            return self[user]

    return Lazy()


@pytest.mark.parametrize("width", list(WIDTHS), ids=list(WIDTHS))
@pytest.mark.parametrize("user", list(SEEDS))
def test_every_page_meets_wcag_21_aa(sessions, axe_source, user, width):
    session = sessions[user]
    session.page.set_viewport_size({"width": WIDTHS[width], "height": 900})
    failures: list[str] = []
    reached: set[str] = set()
    for url in crawl(session, SEEDS[user]):
        reached.add(pattern(url))
        # The policy is the app's own: axe ran without it being loosened.
        failures += describe(f"{user} {width} {url}", audit(session.page, axe_source))
    missing = REQUIRED[user] - reached
    assert not missing, f"{user} never reached {sorted(missing)} (reached {sorted(reached)})"
    assert not failures, f"{len(failures)} WCAG 2.1 A/AA violations:\n" + "\n".join(failures)
    assert session.errors == []


def test_axe_runs_under_the_apps_csp(sessions, axe_source):
    """The check really runs on the page as served: CSP in force, inline scripts refused, axe present."""
    session = sessions["alice"]
    response = session.page.goto(f"{session.server.url}/demo/")
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src", 1)[1].split(";")[0]
    audit(session.page, axe_source)
    assert session.page.evaluate("() => typeof window.axe.run") == "function"
    # A script tag is still refused by the page's policy: nothing was loosened for axe.
    blocked = session.page.evaluate("""() => new Promise((resolve) => {
        window.__cgInline = false;
        const s = document.createElement('script');
        s.textContent = 'window.__cgInline = true';
        document.head.append(s);
        setTimeout(() => resolve(window.__cgInline), 0);
    })""")
    assert blocked is False
    # And axe does find a violation when there is one: the test can fail.
    session.page.evaluate("""() => {
        const input = document.createElement('input');
        input.id = 'cg-axe-probe';
        document.querySelector('main').append(input);
    }""")
    found = audit(session.page, axe_source)
    assert any(v["id"] == "label" and any("cg-axe-probe" in n["target"] for n in v["nodes"]) for v in found), found


# States reached by acting, at both widths: (user, what to do, what must be on the page).
COMPOSER_STATES = [
    ("block", "my cell is +44 20 7946 0958, text me", ".cg-finding"),
    ("warn", "You can book a call with me at calendly.com/jane-doe-design/30min", ".cg-confirm:not([hidden])"),
    ("redact", "Drop the samples at 221B Baker Street, London, the blue door", ".cg-preview:not([hidden])"),
]


@pytest.mark.parametrize("width", list(WIDTHS), ids=list(WIDTHS))
def test_composer_warnings_meet_wcag_21_aa(sessions, axe_source, width):
    session = sessions["alice"]
    session.page.set_viewport_size({"width": WIDTHS[width], "height": 900})
    conv = session.conversation("inquiry")
    session.open_conversation(conv["id"])
    failures: list[str] = []
    for action, text, shown in COMPOSER_STATES:
        view = session.type_message(text)
        assert view["action"] == action, view
        session.page.wait_for_selector(shown, state="attached")
        failures += describe(f"alice {width} composer {action}", audit(session.page, axe_source))
        if action == "block":
            session.page.select_option('select[name="exception_reason"]', index=1)
            failures += describe(f"alice {width} composer block+exception", audit(session.page, axe_source))
            session.page.select_option('select[name="exception_reason"]', "")
    assert not failures, f"{len(failures)} WCAG 2.1 A/AA violations:\n" + "\n".join(failures)


@pytest.mark.parametrize("width", list(WIDTHS), ids=list(WIDTHS))
def test_acted_on_pages_meet_wcag_21_aa(sessions, axe_source, width):
    """A playground result, a draft in the rule editor and the same draft refused, a failed login."""
    admin = sessions["admin"]
    page = admin.page
    page.set_viewport_size({"width": WIDTHS[width], "height": 900})
    failures: list[str] = []

    page.goto(f"{admin.server.url}/admin/playground")
    settle(page)
    page.fill("#playground-text", "call me on +44 20 7946 0958 or jdoe77 at gmail dot com")
    with page.expect_navigation():
        page.click("#playground-form [type=submit]")
    settle(page)
    page.wait_for_selector("#playground-results")
    failures += describe(f"admin {width} playground result", audit(page, axe_source))

    page.goto(f"{admin.server.url}/admin/rules/")
    response = admin.form_post("/admin/rules/new", {"note": f"e2e accessibility {width}"})
    page.goto(response.url)
    settle(page)
    assert page.locator("#save-structured").count() == 1, "the draft did not open in the editor"
    failures += describe(f"admin {width} rule editor (draft)", audit(page, axe_source))
    page.fill('input[name="detectors.phone.min_digits"]', "not a number")
    with page.expect_navigation():
        page.click("#save-structured")
    settle(page)
    page.wait_for_selector(".field-error")
    failures += describe(f"admin {width} rule editor (errors)", audit(page, axe_source))

    anonymous = admin.context.browser.new_context(base_url=admin.server.url).new_page()
    anonymous.set_viewport_size({"width": WIDTHS[width], "height": 900})
    anonymous.goto(f"{admin.server.url}/login")
    failures += describe(f"anonymous {width} login", audit(anonymous, axe_source))
    anonymous.fill("#username", "nobody")
    anonymous.fill("#password", "wrong password")
    with anonymous.expect_navigation():
        anonymous.click("form [type=submit]")
    failures += describe(f"anonymous {width} login refused", audit(anonymous, axe_source))
    anonymous.context.close()
    assert not failures, f"{len(failures)} WCAG 2.1 A/AA violations:\n" + "\n".join(failures)

