"""Browser benchmark: the composer with the engine in Pyodide, measured in headless Chromium.

    .venv/bin/python bench/browser.py [--runs 3] [--keystrokes 300] [--phonenumbers lite|full|both]

Starts the real server (python -m admin.devserver) on a free port with a throw-away instance,
logs in as the demo client, opens a conversation page and measures:

- time to first verdict: from navigation start to the first verdict computed in the browser
  worker and rendered by the widget, cold (new browser profile, empty HTTP cache) and warm
  (same profile, page loaded again), for each way the worker may start: from the memory
  snapshot (the default), the normal way (snapshot "never"), and "warm" (the snapshot only from
  the HTTP cache: a cold load starts the normal way and fetches it afterwards);
- a bare `loadPyodide()` in a module worker of a blank page of the same server, in the same
  run, cold and warm, and the ratio of the first verdict to it (the page's own load is in the
  first verdict's time, not in the bare one's);
- bytes transferred on a cold load (all responses, the worker's included) and on a warm one;
- keystroke-to-highlight latency while typing into a 500- and a 2,000-character message in a
  conversation whose last message has no full stop (so the engine joins it to the newest):
  for each keystroke, from the input event to the widget's DOM update that reflects it
  (and to the next animation frame, which is when it can be painted), and how many of the
  checks were window (incremental) or whole-text scans;
- main-thread long tasks (PerformanceObserver "longtask", > 50 ms) during load and during typing.

Prints the figures and writes bench/results/browser.json. With --phonenumbers both, it
rebuilds web/dist with each phonenumbers distribution in turn and compares load figures,
then leaves the default (lite) build in place.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "browser.json"
CHROMIUM = os.environ.get("CONTACTGUARD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
PASSWORD = "bench-password-0"
TIMEOUT_MS = 60_000

# Runs in the page before any of its scripts: collects long tasks, input events and verdicts.
# A bare loadPyodide() in a module worker (a blob: the bench's context bypasses the page's CSP).
BARE = """async (indexURL) => {
  const started = performance.now();
  const src = `import { loadPyodide } from '${indexURL}pyodide.mjs';
    await loadPyodide({ indexURL: '${indexURL}', stdout: () => {} });
    postMessage(performance.timeOrigin + performance.now());`;
  const worker = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })), { type: 'module' });
  const done = await new Promise((resolve, reject) => {
    worker.onmessage = (e) => resolve(e.data);
    worker.onerror = (e) => reject(new Error(e.message));
  });
  worker.terminate();
  return done - performance.timeOrigin - started;
}"""
MODES = {  # how the worker may start: the page's contactguardOptions.snapshot
    "snapshot": "always",
    "normal": "never",
    "warm-only": "warm",
}

INSTRUMENT = """
(() => {
  const m = window.__cg = { longtasks: [], inputs: [], verdicts: [], frames: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) m.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { m.noLongtasks = String(e); }
  document.addEventListener('input', (e) => {
    if (e.target && e.target.id === 'composer') m.inputs.push({ t: e.timeStamp, len: e.target.value.length });
  }, true);
  document.addEventListener('contactguard:verdict', (e) => {
    const d = e.detail;
    const v = { t: performance.now(), len: d.text.length, source: d.source, check: d.checkMs,
      scope: d.verdict && d.verdict.scope };
    m.verdicts.push(v);
    requestAnimationFrame((ts) => { v.frame = ts; });
  }, true);
})();
"""


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) by linear interpolation."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(instance: Path) -> tuple[subprocess.Popen, str]:
    """The real app on a free port; returns once /api/health answers."""
    port = free_port()
    env = dict(os.environ, PORT=str(port), CONTACTGUARD_INSTANCE=str(instance), CONTACTGUARD_ADMIN_PASSWORD=PASSWORD,
               CONTACTGUARD_DEMO_PASSWORD=PASSWORD, PYTHONUNBUFFERED="1")
    env.pop("DATABASE_URL", None)
    log = (instance / "server.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "admin.devserver"], cwd=ROOT, env=env, stdout=log,
                            stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}; see {instance / 'server.log'}")
        try:
            if requests.get(f"{url}/api/health", timeout=2).ok:
                return proc, url
        except requests.ConnectionError:
            pass
        try:
            proc.wait(timeout=0.1)
        except subprocess.TimeoutExpired:
            pass
    proc.kill()
    raise SystemExit("server did not become ready")


def build(flavour: str) -> dict:
    """web/dist with the given phonenumbers distribution; returns the manifest."""
    subprocess.run([sys.executable, str(ROOT / "web" / "build.py"), "--phonenumbers", flavour], check=True)
    return json.loads((ROOT / "web" / "dist" / "manifest.json").read_text())


def message_of(length: int) -> str:
    """A realistic chat message of exactly `length` characters, with some contact details in it."""
    parts = [
        "Thanks for the brief, I read it twice and I think the scope is clear.",
        "For the landing page I would start with the hero section and the pricing table,",
        "then the testimonials and the footer.",
        "If you want to talk it through, call me on +44 20 7946 0958 or write to jdoe77 at gmail dot com.",
        "I can deliver the first draft by Friday and iterate twice on your feedback.",
        "The budget you mentioned works for me; milestones of 40/30/30 would be ideal.",
    ]
    text = ""
    i = 0
    while len(text) < length:
        text += parts[i % len(parts)] + " "
        i += 1
    return text[:length]


class Bench:
    """One server, one browser; measurements as methods."""

    def __init__(self, url: str, pw) -> None:
        self.url = url
        self.pw = pw

    def context(self, user_data_dir: str, snapshot: str = "always"):
        """A fresh profile (empty disk cache), logged in as the demo client.

        A persistent profile, not a new_context(): incognito contexts keep their HTTP cache in
        memory and do not keep a 9.6 MB wasm, so a "warm" load there would not be warm.
        """
        context = self.pw.chromium.launch_persistent_context(
            user_data_dir, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1000, "height": 800})
        context.add_init_script(f"window.contactguardOptions = {{snapshot: {json.dumps(snapshot)}}};")
        context.add_init_script(INSTRUMENT)
        page = context.pages[0] if context.pages else context.new_page()
        page.goto(f"{self.url}/login")
        page.fill("#username", "alice")
        page.fill("#password", PASSWORD)
        with page.expect_navigation():
            page.click("form [type=submit]")
        convs = page.evaluate("() => fetch('/api/conversations').then((r) => r.json())")["conversations"]
        conv = next(c for c in convs if c["state"] == "inquiry")
        # The login page loads nothing of ours: the cache is still cold for the bundle.
        return context, page, f"{self.url}/demo/conversations/{conv['id']}"

    def load(self, page, target: str) -> dict:
        """Load the conversation page; figures up to the first verdict computed in the browser."""
        sizes: list[int] = []
        urls: list[str] = []

        def finished(request) -> None:
            try:
                s = request.sizes()
                sizes.append(s["responseBodySize"] + s["responseHeadersSize"])
                urls.append(request.url)
            except Exception:  # noqa: BLE001 - a request torn down with its page has no sizes
                pass

        page.on("requestfinished", finished)
        page.goto(target, wait_until="domcontentloaded")
        if "/login" in page.url:
            raise SystemExit(f"not logged in: {page.url}")
        # Text typed before Pyodide is up: the server answers; the worker re-checks it once ready.
        page.fill("#composer", "call me on +44 20 7946 0958")
        page.wait_for_function("() => window.__cg.verdicts.some((v) => v.source === 'worker')", timeout=TIMEOUT_MS)
        m = page.evaluate("() => window.__cg")
        first = next(v for v in m["verdicts"] if v["source"] == "worker")
        timings = page.evaluate("() => window.contactguard.client.info.timings")
        page.remove_listener("requestfinished", finished)
        return {
            "first_verdict_ms": first["t"],
            "boot": timings.get("boot"),
            "snapshot": timings.get("snapshot"),
            "snapshot_fetch_ms": timings.get("snapshot_fetch_ms"),
            "worker_boot_ms": timings.get("total_ms"),
            "pyodide_ms": timings.get("pyodide_ms"),
            "wheels_ms": timings.get("wheels_ms"),
            "import_ms": timings.get("import_ms"),
            "rules_ms": timings.get("rules_ms"),
            "bytes": sum(sizes),
            "requests": len(urls),
            "wasm_seen": any(u.endswith(".wasm") for u in urls),
            "longtasks": [t for t in m["longtasks"] if t["start"] <= first["t"]],
        }

    def bare(self, user_data_dir: str, pyodide_dir: str) -> tuple[float, float]:
        """A bare loadPyodide() in a module worker on a blank page of this server: (cold, warm) ms."""
        context = self.pw.chromium.launch_persistent_context(
            user_data_dir, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, bypass_csp=True)
        try:
            page = context.pages[0] if context.pages else context.new_page()
            index = f"{self.url}/static/web/{pyodide_dir}/"
            times = []
            for _ in range(2):
                page.goto(f"{self.url}/api/health")
                times.append(page.evaluate(BARE, index))
            return times[0], times[1]
        finally:
            context.close()

    def typing(self, page, length: int, keystrokes: int, delay_ms: int) -> dict:
        """Type the last `keystrokes` characters of a `length`-character message key by key."""
        text = message_of(length)
        head, tail = text[:-keystrokes], text[-keystrokes:]
        page.fill("#composer", head)
        page.wait_for_function("(n) => window.contactguard.composers[0].checkedText?.length === n",
                               arg=len(head), timeout=TIMEOUT_MS)
        start = page.evaluate("() => performance.now()")
        page.click("#composer")
        page.keyboard.press("End")
        page.keyboard.type(tail, delay=delay_ms)
        page.wait_for_function("(n) => window.contactguard.composers[0].checkedText?.length === n",
                               arg=length, timeout=TIMEOUT_MS)
        page.evaluate("() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")
        m = page.evaluate("() => window.__cg")
        inputs = [i for i in m["inputs"] if i["t"] >= start]
        verdicts = [v for v in m["verdicts"] if v["t"] >= start and v["source"] == "worker"]
        dom, frame = [], []
        for inp in inputs:
            # The first verdict rendered after this keystroke for a text that contains it.
            v = next((v for v in verdicts if v["t"] >= inp["t"] and v["len"] >= inp["len"]), None)
            if v is not None:
                dom.append(v["t"] - inp["t"])
                if v.get("frame") is not None:
                    frame.append(v["frame"] - inp["t"])
        return {
            "length": length,
            "history_last": page.evaluate("() => (window.contactguard.composers[0].history || []).slice(-1)[0]"),
            "window_checks": sum(1 for v in verdicts if v.get("scope") == "window"),
            "full_checks": sum(1 for v in verdicts if v.get("scope") == "full"),
            "keystrokes": len(inputs),
            "measured": len(dom),
            "checks": len(verdicts),
            "delay_ms": delay_ms,
            "p50_ms": percentile(dom, 50),
            "p95_ms": percentile(dom, 95),
            "max_ms": max(dom) if dom else float("nan"),
            "check_p50_ms": percentile([v["check"] for v in verdicts if v.get("check")], 50),
            "check_p95_ms": percentile([v["check"] for v in verdicts if v.get("check")], 95),
            "frame_p50_ms": percentile(frame, 50),
            "frame_p95_ms": percentile(frame, 95),
            "longtasks": [t for t in m["longtasks"] if t["start"] >= start],
        }


def measure(url: str, runs: int, keystrokes: int, delay_ms: int, typing: bool, pyodide_dir: str) -> dict:
    """Per run: cold and warm loads in each start mode, a bare loadPyodide(); typing once at the end."""
    result: dict = {mode: {"cold": [], "warm": []} for mode in MODES}
    result["bare"] = {"cold": [], "warm": []}
    with sync_playwright() as pw:
        bench = Bench(url, pw)
        for run in range(runs):
            # Chromium may still be writing its profile as it exits: clean up without complaint.
            with tempfile.TemporaryDirectory(prefix="cg-profile-", ignore_cleanup_errors=True) as profile:
                cold, warm = bench.bare(profile, pyodide_dir)
                result["bare"]["cold"].append(cold)
                result["bare"]["warm"].append(warm)
            for mode, option in MODES.items():
                with tempfile.TemporaryDirectory(prefix="cg-profile-", ignore_cleanup_errors=True) as profile:
                    context, page, target = bench.context(profile, option)
                    fetched: list[str] = []
                    context.on("requestfinished",
                               lambda r, f=fetched: f.append(r.url) if "/snapshot/" in r.url else None)
                    result[mode]["cold"].append(bench.load(page, target))
                    if mode == "warm-only":  # the worker fetches the snapshot after it is ready
                        deadline = time.monotonic() + 120
                        while not fetched and time.monotonic() < deadline:
                            page.wait_for_timeout(100)
                    result[mode]["warm"].append(bench.load(page, target))  # the same tab loads the page again
                    if typing and run == runs - 1 and mode == "snapshot":
                        result["typing"] = [bench.typing(page, n, min(keystrokes, n), delay_ms) for n in (500, 2000)]
                    context.close()
    return result


def summary(result: dict) -> dict:
    """Medians of the loads per start mode, the bare start, ratios, and the typing figures."""
    def med(rows: list[dict], key: str) -> float | None:
        values = [r[key] for r in rows if r.get(key) is not None]
        return statistics.median(values) if values else None

    out: dict = {
        "bare_cold_ms": statistics.median(result["bare"]["cold"]),
        "bare_warm_ms": statistics.median(result["bare"]["warm"]),
    }
    for mode in MODES:
        rows = result[mode]
        for load in ("cold", "warm"):
            first = med(rows[load], "first_verdict_ms")
            out[f"{mode}_{load}_first_verdict_ms"] = first
            out[f"{mode}_{load}_ratio"] = first / out[f"bare_{load}_ms"]
            out[f"{mode}_{load}_bytes"] = med(rows[load], "bytes")
            out[f"{mode}_{load}_boots"] = sorted({str(r["boot"]) for r in rows[load]})
            for key in ("pyodide_ms", "wheels_ms", "import_ms", "rules_ms"):
                out[f"{mode}_{load}_{key}"] = med(rows[load], key) or 0.0
    loads = [r for mode in MODES for load in ("cold", "warm") for r in result[mode][load]]
    out["longtasks_load"] = max(len(r["longtasks"]) for r in loads)
    out["longest_task_load_ms"] = max([t["duration"] for r in loads for t in r["longtasks"]], default=0)
    for row in result.get("typing", []):
        n = row["length"]
        out[f"keystroke_{n}_p50_ms"] = row["p50_ms"]
        out[f"keystroke_{n}_p95_ms"] = row["p95_ms"]
        out[f"keystroke_{n}_frame_p95_ms"] = row["frame_p95_ms"]
        out[f"longtasks_typing_{n}"] = len(row["longtasks"])
        out[f"check_{n}_p50_ms"] = row["check_p50_ms"]
        out[f"check_{n}_p95_ms"] = row["check_p95_ms"]
        out[f"checks_{n}"] = {"window": row["window_checks"], "full": row["full_checks"]}
        out["history_last"] = row["history_last"]
    return out


def print_summary(label: str, s: dict, manifest: dict) -> None:
    """The figures, one per line."""
    print(f"== {label}: engine {manifest['engine_version']}, {manifest['phonenumbers']}, "
          f"pyodide {manifest['pyodide_version']}, snapshot {'yes' if manifest.get('snapshot') else 'no'}")
    print(f"bare loadPyodide()      cold {s['bare_cold_ms']:7.0f} ms   warm {s['bare_warm_ms']:7.0f} ms")
    for mode in MODES:
        print(f"first verdict {mode:9} cold {s[f'{mode}_cold_first_verdict_ms']:7.0f} ms "
              f"({s[f'{mode}_cold_ratio']:.2f}x bare, {s[f'{mode}_cold_bytes'] / 1e6:5.2f} MB, "
              f"{'/'.join(s[f'{mode}_cold_boots'])})   "
              f"warm {s[f'{mode}_warm_first_verdict_ms']:7.0f} ms ({s[f'{mode}_warm_ratio']:.2f}x bare, "
              f"{s[f'{mode}_warm_bytes'] / 1e6:5.3f} MB, {'/'.join(s[f'{mode}_warm_boots'])})")
        print(f"  worker boot, cold: start Pyodide {s[f'{mode}_cold_pyodide_ms']:.0f} ms (wheels "
              f"{s[f'{mode}_cold_wheels_ms']:.0f} ms), engine import {s[f'{mode}_cold_import_ms']:.0f} ms, "
              f"rules {s[f'{mode}_cold_rules_ms']:.0f} ms; warm: start {s[f'{mode}_warm_pyodide_ms']:.0f} ms, "
              f"import {s[f'{mode}_warm_import_ms']:.0f} ms, rules {s[f'{mode}_warm_rules_ms']:.0f} ms")
    print(f"long tasks      load {s['longtasks_load']} (longest {s['longest_task_load_ms']:.0f} ms)")
    if "history_last" in s:
        print(f"history's last message: {s['history_last']!r}")
    for n in (500, 2000):
        if f"keystroke_{n}_p50_ms" in s:
            print(f"keystroke {n:5d}  p50 {s[f'keystroke_{n}_p50_ms']:6.1f} ms   "
                  f"p95 {s[f'keystroke_{n}_p95_ms']:6.1f} ms   "
                  f"(next frame p95 {s[f'keystroke_{n}_frame_p95_ms']:.1f} ms; "
                  f"worker check p50 {s[f'check_{n}_p50_ms']:.1f} ms, p95 {s[f'check_{n}_p95_ms']:.1f} ms; "
                  f"checks {s[f'checks_{n}']['window']} window / {s[f'checks_{n}']['full']} whole)   "
                  f"long tasks while typing {s[f'longtasks_typing_{n}']}")


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=3, help="cold and warm loads each (median reported)")
    parser.add_argument("--keystrokes", type=int, default=300, help="keys typed per message (its last ones)")
    parser.add_argument("--delay", type=int, default=30, help="ms between keystrokes (a fast typist: 30)")
    parser.add_argument("--phonenumbers", choices=("lite", "full", "both"), default="lite")
    args = parser.parse_args(argv)
    flavours = ["full", "lite"] if args.phonenumbers == "both" else [args.phonenumbers]
    report: dict = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "settings": {"runs": args.runs, "keystrokes": args.keystrokes, "delay_ms": args.delay},
        "builds": {},
    }
    with tempfile.TemporaryDirectory(prefix="cg-bench-") as tmp:
        proc, url = start_server(Path(tmp))
        try:
            for flavour in flavours:
                manifest = build(flavour)
                result = measure(url, args.runs, args.keystrokes, args.delay, typing=flavour == flavours[-1],
                                 pyodide_dir=manifest["pyodide"])
                s = summary(result)
                report["builds"][flavour] = {"manifest": {k: manifest[k] for k in (
                    "engine_version", "pyodide_version", "phonenumbers", "wheels")}, "summary": s, "raw": result}
                print_summary(flavour, s, manifest)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            if flavours[-1] != "lite":
                build("lite")
    report["summary"] = report["builds"][flavours[-1]]["summary"]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=1, sort_keys=True) + "\n")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
