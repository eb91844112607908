"""Engine speed on distinct texts, against Presidio's pattern recognizers on the same texts in the same run.

Measures messages per second and latency percentiles (one thread, after a warm-up on other
texts), the same with 6 history messages, Presidio (`presidio-analyzer`, pattern recognizers
for the contact entities only, its no-op NLP engine: no model) and phonenumbers'
`PhoneNumberMatcher` alone on the same texts, and single long messages of 1 KB, 10 KB and
100 KB. Every text is distinct (bench/mix.py), so no cache keyed on a text, a number or a
history flatters either side. The two engines run in interleaved chunks, so a change in the
load of a shared machine hits both alike.

Prints figures (never asserts) and writes bench/results/engine.json. Run: `make bench` or
`.venv/bin/python bench/engine.py`.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import platform
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

import phonenumbers  # noqa: E402
from mix import Mix  # noqa: E402

from engine import Detector, RuleSet  # noqa: E402

MESSAGES = 5000
CHUNK = 500
HISTORY = 6
CONVERSATIONS = 85  # each of HISTORY + 6 messages: 510 measured with exactly 6 before them
PRESIDIO_ENTITIES = ["PHONE_NUMBER", "EMAIL_ADDRESS", "URL", "IP_ADDRESS"]


def presidio_analyzer():
    """Presidio's AnalyzerEngine with its predefined pattern recognizers and the no-op NLP engine.

    No spaCy model is loaded or downloaded. tldextract (used by its email recognizer) would
    fetch the public suffix list over the network on first use; it reads the snapshot that
    ships with the package instead.
    """
    import tldextract

    tldextract.extract = tldextract.TLDExtract(suffix_list_urls=())
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NoOpNlpEngine

    nlp = NoOpNlpEngine(models=[{"lang_code": "en", "model_name": "none"}])
    nlp.load()
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp)
    with warnings.catch_warnings():  # its context enhancer can use no lemmas without a model: expected
        warnings.simplefilter("ignore", UserWarning)
        analyzer = AnalyzerEngine(nlp_engine=nlp, registry=registry, supported_languages=["en"])
    import presidio_analyzer

    return analyzer, getattr(presidio_analyzer, "__version__", None) or _dist_version("presidio-analyzer")


def _dist_version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def timed(fn, texts: list[str]) -> tuple[float, float, list[float], list[float], list]:
    """Wall and CPU seconds, per-call wall and CPU latencies, and the results of `fn` over `texts`.

    CPU time (this process only) is what the figures would be on an idle core; on a shared
    machine the wall clock also counts the time other processes held the core.
    """
    wall_lat = []
    cpu_lat = []
    results = []
    wall, cpu = time.perf_counter, time.process_time
    wall_started, cpu_started = wall(), cpu()
    for text in texts:
        w0, c0 = wall(), cpu()
        results.append(fn(text))
        cpu_lat.append(cpu() - c0)
        wall_lat.append(wall() - w0)
    return wall() - wall_started, cpu() - cpu_started, wall_lat, cpu_lat, results


def main() -> None:
    """Run the benchmark and print its figures."""
    t_setup = time.perf_counter()
    mix = Mix(seed=7)
    messages, labels = mix.messages(MESSAGES)
    warmup, _ = mix.messages(300)
    conversations = mix.conversations(CONVERSATIONS + 3, HISTORY + 6)
    long_texts = {size: [mix.long_text(size) for _ in range(3)] for size in (1_000, 10_000, 100_000)}
    distinct = len(set(messages))
    all_texts = messages + warmup + [m for c in conversations for m in c] + [t for v in long_texts.values() for t in v]
    assert len(set(all_texts)) == len(all_texts), "every text of the run is distinct"
    generated = time.perf_counter() - t_setup

    t0 = time.perf_counter()
    detector = Detector(RuleSet.default())
    detector_init = time.perf_counter() - t0
    t0 = time.perf_counter()
    analyzer, presidio_version = presidio_analyzer()
    presidio_init = time.perf_counter() - t0

    def cg(text: str):
        return detector.scan(text, state="inquiry")

    def presidio(text: str):
        return analyzer.analyze(text, language="en", entities=PRESIDIO_ENTITIES)

    for text in warmup:  # compile lazy patterns and tables on texts that are not measured
        cg(text)
        presidio(text)
    for conv in conversations[-3:]:
        for i in range(HISTORY, len(conv)):
            detector.scan(conv[i], history=conv[i - HISTORY:i])

    # Interleaved chunks: contactguard, then Presidio, on the same 500 texts.
    gc.collect()
    cg_time = pr_time = cg_cpu = pr_cpu = 0.0
    cg_lat: list[float] = []
    pr_lat: list[float] = []
    cg_cpu_lat: list[float] = []
    pr_cpu_lat: list[float] = []
    cg_rates: list[float] = []
    pr_rates: list[float] = []
    cg_flagged: list[bool] = []
    pr_flagged: list[bool] = []
    for start in range(0, len(messages), CHUNK):
        chunk = messages[start:start + CHUNK]
        seconds, cpu_seconds, lat, cpu_lat, verdicts = timed(cg, chunk)
        cg_time += seconds
        cg_cpu += cpu_seconds
        cg_lat += lat
        cg_cpu_lat += cpu_lat
        cg_rates.append(len(chunk) / seconds)
        cg_flagged += [bool(v.findings) for v in verdicts]
        seconds, cpu_seconds, lat, cpu_lat, found = timed(presidio, chunk)
        pr_time += seconds
        pr_cpu += cpu_seconds
        pr_lat += lat
        pr_cpu_lat += cpu_lat
        pr_rates.append(len(chunk) / seconds)
        pr_flagged += [bool(f) for f in found]

    gc.collect()
    started = time.perf_counter()
    for text in messages:
        list(phonenumbers.PhoneNumberMatcher(text, "US"))
    matcher_total = time.perf_counter() - started

    # Conversations: every measured message has exactly HISTORY messages before it.
    history_cases = [(conv[i], conv[i - HISTORY:i]) for conv in conversations[:-3] for i in range(HISTORY, len(conv))]
    bare_last = sum(past[-1].rstrip()[-1:] not in ".!?" for _, past in history_cases) / len(history_cases)
    gc.collect()
    t0, c0 = time.perf_counter(), time.process_time()
    for text, past in history_cases:
        detector.scan(text, history=past)
    with_history = time.perf_counter() - t0
    with_history_cpu = time.process_time() - c0

    long_times = {}
    long_cpu = {}
    for size, texts in long_texts.items():
        runs = []
        cpu_runs = []
        for text in texts:
            t0, c0 = time.perf_counter(), time.process_time()
            detector.scan(text)
            cpu_runs.append(time.process_time() - c0)
            runs.append(time.perf_counter() - t0)
        long_times[size] = statistics.median(runs)
        long_cpu[size] = statistics.median(cpu_runs)

    contact_n = sum(labels)
    clean_n = len(labels) - contact_n

    def share(flags: list[bool], want: bool) -> float:
        return round(sum(f for f, label in zip(flags, labels, strict=True) if label == want)
                     / (contact_n if want else clean_n), 3)

    avg_len = statistics.mean(len(m) for m in messages)
    cg_rate = len(messages) / cg_time
    pr_rate = len(messages) / pr_time
    result = {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_1min_at_end": round(os.getloadavg()[0], 2),
        "messages": len(messages),
        "distinct_texts": distinct,
        "contact_messages": contact_n,
        "mean_chars": round(avg_len, 1),
        "median_chars": statistics.median(len(m) for m in messages),
        "messages_per_second": round(cg_rate),
        "chunk_messages_per_second_min_max": [round(min(cg_rates)), round(max(cg_rates))],
        "p50_ms": round(percentile(cg_lat, 0.50) * 1000, 3),
        "p99_ms": round(percentile(cg_lat, 0.99) * 1000, 3),
        "cpu_time_messages_per_second": round(len(messages) / cg_cpu),
        "cpu_time_p50_ms": round(percentile(cg_cpu_lat, 0.50) * 1000, 3),
        "cpu_time_p99_ms": round(percentile(cg_cpu_lat, 0.99) * 1000, 3),
        "with_6_history_messages": len(history_cases),
        "with_6_history_messages_per_second": round(len(history_cases) / with_history),
        "cpu_time_with_6_history_messages_per_second": round(len(history_cases) / with_history_cpu),
        "history_last_message_without_final_punctuation": round(bare_last, 3),
        "presidio_version": presidio_version,
        "presidio_entities": PRESIDIO_ENTITIES,
        "presidio_messages_per_second": round(pr_rate),
        "presidio_chunk_messages_per_second_min_max": [round(min(pr_rates)), round(max(pr_rates))],
        "presidio_p50_ms": round(percentile(pr_lat, 0.50) * 1000, 3),
        "presidio_p99_ms": round(percentile(pr_lat, 0.99) * 1000, 3),
        "presidio_cpu_time_messages_per_second": round(len(messages) / pr_cpu),
        "presidio_cpu_time_p50_ms": round(percentile(pr_cpu_lat, 0.50) * 1000, 3),
        "presidio_cpu_time_p99_ms": round(percentile(pr_cpu_lat, 0.99) * 1000, 3),
        "contactguard_vs_presidio_throughput_ratio": round(cg_rate / pr_rate, 2),
        "contactguard_vs_presidio_cpu_time_ratio": round(pr_cpu / cg_cpu, 2),
        "flagged_share": {
            "contactguard": {"contact": share(cg_flagged, True), "clean": share(cg_flagged, False)},
            "presidio": {"contact": share(pr_flagged, True), "clean": share(pr_flagged, False)},
        },
        "phonenumbers_matcher_messages_per_second": round(len(messages) / matcher_total),
        "engine_vs_matcher_time_ratio": round(cg_time / matcher_total, 2),
        "detector_init_seconds": round(detector_init, 3),
        "presidio_init_seconds": round(presidio_init, 3),
        "seconds_1kb": round(long_times[1_000], 4),
        "seconds_10kb": round(long_times[10_000], 4),
        "seconds_100kb": round(long_times[100_000], 4),
        "growth_10kb_to_100kb": round(long_times[100_000] / long_times[10_000], 1),
        "cpu_time_seconds_1kb": round(long_cpu[1_000], 4),
        "cpu_time_seconds_10kb": round(long_cpu[10_000], 4),
        "cpu_time_seconds_100kb": round(long_cpu[100_000], 4),
        "cpu_time_growth_10kb_to_100kb": round(long_cpu[100_000] / long_cpu[10_000], 1),
    }
    flagged = result["flagged_share"]
    print(f"engine, CPython {result['python']}, one thread on a {result['cpus']}-core machine "
          f"(1-min load average {result['load_average_1min_at_end']} at the end); texts generated in {generated:.1f} s")
    print(f"  messages              {len(messages)}, {distinct} distinct (mean {avg_len:.0f} chars, "
          f"median {result['median_chars']:.0f}; {contact_n} with contact information); "
          f"every text of the run distinct")
    print(f"  throughput            {result['messages_per_second']:>8} messages/s  "
          f"(chunks of {CHUNK}: {round(min(cg_rates))} to {round(max(cg_rates))}); "
          f"CPU time {result['cpu_time_messages_per_second']} messages/s")
    print(f"  latency               p50 {result['p50_ms']} ms   p99 {result['p99_ms']} ms  "
          f"(CPU time: p50 {result['cpu_time_p50_ms']} ms, p99 {result['cpu_time_p99_ms']} ms)")
    print(f"  with 6 history msgs   {result['with_6_history_messages_per_second']:>8} messages/s  "
          f"(CPU time {result['cpu_time_with_6_history_messages_per_second']}; {len(history_cases)} messages, "
          f"the last history message without final punctuation in {bare_last:.0%})")
    print(f"  Presidio {presidio_version:<12} {result['presidio_messages_per_second']:>8} messages/s  "
          f"(chunks: {round(min(pr_rates))} to {round(max(pr_rates))}); "
          f"CPU time {result['presidio_cpu_time_messages_per_second']} messages/s")
    print(f"                        p50 {result['presidio_p50_ms']} ms   p99 {result['presidio_p99_ms']} ms  "
          f"(CPU time: p50 {result['presidio_cpu_time_p50_ms']} ms, p99 {result['presidio_cpu_time_p99_ms']} ms); "
          f"pattern recognizers for {', '.join(PRESIDIO_ENTITIES)}, no-op NLP engine")
    print(f"  contactguard/Presidio {result['contactguard_vs_presidio_throughput_ratio']:>8}x throughput "
          f"(CPU time {result['contactguard_vs_presidio_cpu_time_ratio']}x), same texts, same run")
    print(f"  flagged (not a quality measure)  contactguard: {flagged['contactguard']['contact']:.0%} of contact, "
          f"{flagged['contactguard']['clean']:.0%} of clean;  Presidio: {flagged['presidio']['contact']:.0%} of "
          f"contact, {flagged['presidio']['clean']:.0%} of clean")
    print(f"  phonenumbers matcher  {result['phonenumbers_matcher_messages_per_second']:>8} messages/s "
          f"(PhoneNumberMatcher alone, region US; engine/matcher time ratio {result['engine_vs_matcher_time_ratio']})")
    print(f"  set-up                Detector() {detector_init * 1000:.0f} ms, Presidio {presidio_init * 1000:.0f} ms "
          f"(import included)")
    print(f"  one message of 1 KB   {result['seconds_1kb'] * 1000:.1f} ms  "
          f"(CPU time {result['cpu_time_seconds_1kb'] * 1000:.1f} ms; median of 3 distinct texts each)")
    print(f"  one message of 10 KB  {result['seconds_10kb'] * 1000:.1f} ms  "
          f"(CPU time {result['cpu_time_seconds_10kb'] * 1000:.1f} ms)")
    print(f"  one message of 100 KB {result['seconds_100kb'] * 1000:.1f} ms  "
          f"(CPU time {result['cpu_time_seconds_100kb'] * 1000:.1f} ms; x{result['growth_10kb_to_100kb']} wall, "
          f"x{result['cpu_time_growth_10kb_to_100kb']} CPU for 10x the text)")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "engine.json").write_text(json.dumps(result, indent=1, ensure_ascii=False), "utf-8")


if __name__ == "__main__":
    main()
