"""Measures that tidings.code releases the GIL: the same articles coded in one Python thread, then
split over two Python threads. With the GIL held the two threads take as long as one; released,
they take about half as long on two idle cores. Prints both times (measured, never asserted).

    python python/bench/gil.py ../shared/corpus/allsides-world/articles.jsonl 600
"""

import json
import sys
import threading
import time

import tidings


def main(path: str, n: int) -> None:
    with open(path, encoding="utf-8") as f:
        records = [json.loads(next(f)) for _ in range(n)]
    tidings.code(records[:5])  # dictionaries loaded once, outside the timing
    started = time.perf_counter()
    one = len(tidings.code(records))
    single = time.perf_counter() - started

    halves = [records[: n // 2], records[n // 2:]]
    counts = [0, 0]

    def work(i: int) -> None:
        counts[i] = len(tidings.code(halves[i]))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    double = time.perf_counter() - started
    assert sum(counts) == one
    print(f"{n} articles, {one} events: 1 thread {single:.2f} s, 2 Python threads {double:.2f} s "
          f"(speed-up {single / double:.2f}x)")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 600)
