"""Benchmark: how long one scoring takes (identify() over the in-memory snapshot).

Run with `.venv/bin/python tools/bench/identify.py`. It needs no database: it scores against the
demo rules built in memory from content/identifier/, a mix of answer sets from the tests, many
times over, and prints the mean and the 99th percentile per call. The target is well under 1 ms.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main(rounds: int = 2000) -> float:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cerobio.settings.test")
    import django

    django.setup()
    from cerobio.demo.identifier import snapshot as demo_snapshot
    from cerobio.identify.answers import QUESTIONS, Answers
    from cerobio.identify.scoring import identify
    from cerobio.identify.tests.cases import CASES

    snapshot = demo_snapshot()
    everything = Answers.from_mapping(
        {q.key: list(q.values) if q.multiple else q.values[0] for q in QUESTIONS}
    )
    answer_sets = [Answers.from_mapping(c.answers) for c in CASES] + [everything]
    timings = []
    for _ in range(rounds):
        for answers in answer_sets:
            start = time.perf_counter()
            identify(snapshot, answers)
            timings.append(time.perf_counter() - start)
    timings.sort()
    mean_ms = statistics.fmean(timings) * 1000
    p99_ms = timings[int(len(timings) * 0.99)] * 1000
    print(
        f"identify(): {len(timings)} calls, mean {mean_ms:.3f} ms, p99 {p99_ms:.3f} ms, max {timings[-1] * 1000:.3f} ms"
    )
    print("OK: well under 1 ms" if p99_ms < 0.5 else "SLOW: over half a millisecond at p99")
    return mean_ms


if __name__ == "__main__":
    main()
