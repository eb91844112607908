"""Engine speed: messages per second, latency percentiles, long messages, and phonenumbers alone.

Prints figures (never asserts) and writes bench/results/engine.json. Run: `make bench` or
`.venv/bin/python bench/engine.py`.
"""

from __future__ import annotations

import json
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import phonenumbers  # noqa: E402

from engine import Detector, RuleSet  # noqa: E402

CLEAN = [
    "Thanks for the proposal! Can you share more about your experience with React and TypeScript?",
    "Sure, I can start on Monday. The first milestone would be the wireframes, about 3 days of work.",
    "The budget is $1,500 for the whole project, paid in two milestones of $750.",
    "Deadline is 12/03/2025, please keep the logo under 200 KB and use the brand colours.",
    "I fixed the bug in v2.14.3, the checkout now loads in 1.2 s instead of 4.5 s on mobile.",
    "Let's do three revisions max. I'll send the first draft by Friday 5pm CET.",
    "Order #48213399201 arrived damaged, can you redo the product photos?",
    "The API returns 429 after 100 requests per minute; I'll add a retry with backoff.",
    "Our email marketing open rate is 23% — can you redesign the newsletter template?",
    "I'm based in Nairobi, GMT+3, so mornings your time work best for me.",
    "Great, the Figma file looks good. Please zoom in on the hero section and tighten the spacing.",
    "Can you integrate the WhatsApp Business API so customers get order updates?",
    "¿Puedes entregar el lunes? El presupuesto es de 1.200 € en total.",
    "Obrigado! Vou revisar o layout hoje e te mando o feedback aqui mesmo.",
    "Merci, je commence la maquette demain matin, livraison prévue le 15 mars.",
    "Danke, die Rechnung Nr. 2024-0031 über 850 € ist bezahlt.",
    "Bhai design mast hai, bas font thoda bada kar do aur colours same rakho.",
    "Спасибо, правки внесу до пятницы, бюджет 30 000 рублей устраивает.",
    "شكرا، سأرسل التصميم النهائي غدا إن شاء الله",
]
CONTACT = [
    "call me on +44 20 7946 0958 so we can talk details",
    "my email is john.doe88@gmail.com, send the brief there",
    "john [at] gmail [dot] com is better for files",
    "nine one seven four eight two three nine one zero, text me",
    "add me on telegram @jdoe_design, faster there",
    "book a call here: calendly.com/jane/30min",
    "Ship it to 1420 Maple Ave, Apt 3B, Brooklyn NY 11215",
    "WhatsApp me: ０９０－１２３４－５６７８",
    "my skype is live:jane.doe_88",
]


def realistic_mix(n: int, seed: int = 7) -> list[str]:
    """Mostly clean chat (85%), some contact sharing, 20 to 500 characters."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        pool = CONTACT if rng.random() < 0.15 else CLEAN
        text = rng.choice(pool)
        while len(text) < rng.choice([20, 60, 120, 250, 500]) and rng.random() < 0.6:
            text += " " + rng.choice(CLEAN)
        out.append(text[:500])
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    """Run the benchmark and print its figures."""
    detector = Detector(RuleSet.default())
    messages = realistic_mix(5000)
    for text in messages[:200]:  # warm caches and lazy tables
        detector.scan(text)

    latencies = []
    started = time.perf_counter()
    for text in messages:
        t0 = time.perf_counter()
        detector.scan(text)
        latencies.append(time.perf_counter() - t0)
    total = time.perf_counter() - started

    started = time.perf_counter()
    for text in messages:
        for region in ("US",):
            list(phonenumbers.PhoneNumberMatcher(text, region))
    matcher_total = time.perf_counter() - started

    long_times = {}
    base = " ".join(CLEAN + CONTACT)
    for size in (1_000, 10_000, 100_000):
        text = (base * (size // len(base) + 1))[:size]
        t0 = time.perf_counter()
        detector.scan(text)
        long_times[size] = time.perf_counter() - t0

    history_msgs = messages[:1000]
    t0 = time.perf_counter()
    for i, text in enumerate(history_msgs):
        detector.scan(text, history=history_msgs[max(0, i - 6):i])
    with_history = time.perf_counter() - t0

    avg_len = statistics.mean(len(m) for m in messages)
    result = {
        "python": platform.python_version(),
        "messages": len(messages),
        "mean_chars": round(avg_len, 1),
        "messages_per_second": round(len(messages) / total),
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 3),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 3),
        "phonenumbers_matcher_messages_per_second": round(len(messages) / matcher_total),
        "engine_vs_matcher_time_ratio": round(total / matcher_total, 2),
        "with_6_history_messages_per_second": round(len(history_msgs) / with_history),
        "seconds_1kb": round(long_times[1_000], 4),
        "seconds_10kb": round(long_times[10_000], 4),
        "seconds_100kb": round(long_times[100_000], 4),
        "growth_10kb_to_100kb": round(long_times[100_000] / long_times[10_000], 1),
    }
    print(f"engine, CPython {result['python']}, one core, {len(messages)} messages (mean {avg_len:.0f} chars)")
    print(f"  throughput            {result['messages_per_second']:>8} messages/s")
    print(f"  latency               p50 {result['p50_ms']} ms   p99 {result['p99_ms']} ms")
    print(f"  with 6 history msgs   {result['with_6_history_messages_per_second']:>8} messages/s")
    print(f"  phonenumbers matcher  {result['phonenumbers_matcher_messages_per_second']:>8} messages/s "
          f"(PhoneNumberMatcher alone, region US; engine/matcher time ratio {result['engine_vs_matcher_time_ratio']})")
    print(f"  one message of 1 KB   {result['seconds_1kb'] * 1000:.1f} ms")
    print(f"  one message of 10 KB  {result['seconds_10kb'] * 1000:.1f} ms")
    growth = result["growth_10kb_to_100kb"]
    print(f"  one message of 100 KB {result['seconds_100kb'] * 1000:.1f} ms  (x{growth} for 10x the text)")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "engine.json").write_text(json.dumps(result, indent=1), "utf-8")


if __name__ == "__main__":
    main()
