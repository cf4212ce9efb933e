"""The benchmark (issue 18), run by hand on PostgreSQL (not in CI): every page uncached, on two
databases measured side by side.

    .venv/bin/python bench/run.py                      # build A and B, then measure them
    .venv/bin/python bench/run.py --reuse              # measure the databases already built
    .venv/bin/python bench/run.py --reuse --with-c     # and C (optional, a long build)

A (hdnd_bench_a) is one council's whole history, 20 years at K=1: a real province. B
(hdnd_bench_b) is 10 years at K=10; C (hdnd_bench_c) 20 years at K=50. A database is built by
DROP + CREATE + migrate + generate_data + VACUUM ANALYZE.

Each database gets a measuring process of its own (bench/measure.py) and the requests alternate
between them one by one, round after round, so the machine's noise (2 shared cores here, whose
speed moves by up to 2x within minutes) falls on every database alike. Before each timed request
every cache is emptied: a page is judged as the first visit after a write finds it. Printed:
median and p95 of each page, its query count at each database, new petition searches, the
petition export and the annual report. Building runs under `nice -n 10`."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PG = "postgres://postgres@127.0.0.1:5432"
NICE = ["nice", "-n", "10"]
# As deployed (docker-compose): a Redis cache; emptied before every timed request.
CACHE_URL = "redis://127.0.0.1:6379/2"
DATABASES = {  # label: (database, years, scale K)
    "A": ("hdnd_bench_a", 20, 1.0),
    "B": ("hdnd_bench_b", 10, 10.0),
    "C": ("hdnd_bench_c", 20, 50.0),
}
TARGET_P95_MS = {"A": 100, "B": 150, "C": None}


def _env(db: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"DATABASE_URL": f"{PG}/{db}", "DJANGO_SETTINGS_MODULE": "bench.settings"})
    env.setdefault("CACHE_URL", CACHE_URL)
    env.setdefault("PYTHONWARNINGS", "ignore")
    return env


def _psql(sql: str, db: str = "postgres") -> None:
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qAtc", sql, db], check=True)


def build(db: str, *, years: int, scale: float, seed: int) -> None:
    print(f"== building {db}: {years} years at K={scale:g}", flush=True)
    _psql(f'DROP DATABASE IF EXISTS "{db}"')
    _psql(f'CREATE DATABASE "{db}"')
    manage = [*NICE, PYTHON, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=_env(db), check=True)
    subprocess.run(
        [*manage, "generate_data", "--years", str(years), "--scale", str(scale),
         "--seed", str(seed), "-v2"],
        cwd=ROOT, env=_env(db), check=True,
    )  # fmt: skip
    _psql("VACUUM ANALYZE", db)


class Measurer:
    """A bench/measure.py process serving one database. Not under `nice`: only one of them
    works at any moment, and a lowered priority would time the other users of the machine."""

    def __init__(self, db: str, extra_env: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen(
            [PYTHON, "-m", "bench.measure"],
            cwd=ROOT, env={**_env(db), **(extra_env or {})},
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip

    def ask(self, *request: object) -> object:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"bench/measure.py stopped after {request}")
        return json.loads(line)

    def close(self) -> None:
        assert self.process.stdin
        self.process.stdin.close()
        self.process.wait(timeout=60)


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


_SUMMARISED = {"ms", "queries", "status"}


def _summary(samples: list[dict]) -> dict:
    times = [s["ms"] for s in samples]
    counts = sorted({s["queries"] for s in samples})
    statuses = sorted({s["status"] for s in samples})
    extra = {key: max(s[key] for s in samples) for key in samples[0].keys() - _SUMMARISED}
    return {
        "median_ms": statistics.median(times),
        "p95_ms": _p95(times),
        "queries": counts[0] if len(counts) == 1 else f"{counts[0]}-{counts[-1]}",
        "status": statuses[0] if len(statuses) == 1 else statuses,
        **extra,  # the largest: bytes, peak memory, gathering time
    }


def interleaved(measurers: dict, requests: list[tuple], rounds: int) -> dict:
    """{request: {label: summary}}: every request visited once untimed at every database (the
    first visit of a process compiles its templates), then `rounds` times, alternating."""
    samples: dict = {request: {label: [] for label in measurers} for request in requests}
    for round_ in range(rounds + 1):
        for request in requests:
            for label, measurer in measurers.items():
                answer = measurer.ask(*request)
                if round_:
                    samples[request][label].append(answer)
        print(f"  round {round_}/{rounds}", file=sys.stderr, flush=True)
    return {
        request: {label: _summary(rows) for label, rows in by_label.items()}
        for request, by_label in samples.items()
    }


def page_table(results: dict, kinds: dict, labels: list[str]) -> str:
    head = " | ".join(f"{label} median / p95 ms" for label in labels)
    lines = [
        f"| page | kind | {head} | queries {' / '.join(labels)} |",
        "| --- | --- |" + " ---: |" * (len(labels) + 1),
    ]
    for (what, name), by_label in results.items():
        cells = []
        for label in labels:
            row = by_label[label]
            over = (target := TARGET_P95_MS[label]) is not None and row["p95_ms"] > target
            cell = f"{row['median_ms']:.0f} / {row['p95_ms']:.0f}"
            cells.append(f"**{cell}**" if over else cell)
            if row["status"] != 200:
                cells[-1] += f" (HTTP {row['status']})"
        counts = " / ".join(str(by_label[label]["queries"]) for label in labels)
        page = name if what == "get" else f"search «{name}»"
        lines.append(f"| {page} | {kinds.get(name, 'search')} | {' | '.join(cells)} | {counts} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true", help="measure the databases as they are")
    parser.add_argument("--with-c", action="store_true", help="also C: 20 years at K=50")
    parser.add_argument("--rounds", type=int, default=20, help="timed visits of each page")
    parser.add_argument("--search-rounds", type=int, default=5)
    parser.add_argument("--other-rounds", type=int, default=3, help="of exports and report")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write every summary here")
    args = parser.parse_args()

    labels = ["A", "B", "C"] if args.with_c else ["A", "B"]
    if not args.reuse:
        for label in labels:
            db, years, scale = DATABASES[label]
            build(db, years=years, scale=scale, seed=args.seed)
    # The other users of the machine, for the record: this machine's speed follows its load.
    print(f"== load average at the start: {os.getloadavg()}", file=sys.stderr, flush=True)
    loads = [os.getloadavg()]
    measurers = {label: Measurer(DATABASES[label][0]) for label in labels}
    try:
        catalogues = {label: dict(m.ask("pages")) for label, m in measurers.items()}
        kinds = catalogues["A"]
        names = [name for name in kinds if all(name in c for c in catalogues.values())]
        print("== pages", file=sys.stderr, flush=True)
        pages = interleaved(measurers, [("get", name) for name in names], args.rounds)
        print(page_table(pages, kinds, labels), flush=True)
        print("== new petition searches", file=sys.stderr, flush=True)
        words = measurers["A"].ask("searches")
        searches = interleaved(measurers, [("search", w) for w in words], args.search_rounds)
        print(page_table(searches, kinds, labels), flush=True)
        print("== exports and the annual report", file=sys.stderr, flush=True)
        others = interleaved(
            measurers, [("export", 1_000), ("export", 10_000), ("report",)], args.other_rounds
        )
    finally:
        for measurer in measurers.values():
            measurer.close()
    loads.append(os.getloadavg())
    print(f"load average (1, 5, 15 min) at the start and the end: {loads}")

    for request, by_label in others.items():
        print(f"{' '.join(map(str, request))}: {json.dumps(by_label)}")
    if args.json:
        flat = {
            "pages": {name: v for (_w, name), v in pages.items()},
            "searches": {words: v for (_w, words), v in searches.items()},
            "others": {" ".join(map(str, request)): v for request, v in others.items()},
            "load_average": loads,
        }
        args.json.write_text(json.dumps(flat, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
