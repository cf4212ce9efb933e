"""The benchmark of issue 8, run by hand on PostgreSQL (not in CI).

    .venv/bin/python bench/run.py                       # small (1 y, K=1) and big (20 y, K=50)
    .venv/bin/python bench/run.py --big-years 5 --big-scale 5     # a big DB this machine builds
    .venv/bin/python bench/run.py --reuse --skip-load   # measure existing databases only

Part 1 builds two databases (hdnd_bench_small, hdnd_bench_big: DROP + CREATE + migrate +
generate_data + VACUUM ANALYZE), then measures each one in its own process (bench/measure.py):
median and p95 latency and query count of the dashboard, every list (first and last page),
searches, detail pages, Excel exports and the annual report (gathering vs rendering). It prints
one table with the ratio big/small per row.

Part 2 serves the big database with gunicorn (2 workers) on loopback and runs wrk (20
connections, bounded in time) against the dashboard, the petition list, a detail page and a
trivial view (the baseline), reporting requests/s, p95 and errors.

Heavy steps run under `nice -n 10`: the machine is shared."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PG = "postgres://postgres@127.0.0.1:5432"
NICE = ["nice", "-n", "10"]
CACHE_URL = "redis://127.0.0.1:6379/2"


def _env(db: str, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"DATABASE_URL": f"{PG}/{db}", "DJANGO_SETTINGS_MODULE": "bench.settings"})
    # As deployed (docker-compose): one Redis cache shared by every process.
    env.setdefault("CACHE_URL", CACHE_URL)
    env.setdefault("PYTHONWARNINGS", "ignore")
    env.update(extra)
    return env


def _psql(sql: str, db: str = "postgres") -> str:
    return subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qAtc", sql, db],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def build(db: str, *, years: int, scale: float, seed: int) -> float:
    """DROP, CREATE, migrate, generate, analyse. Returns the generation time in seconds."""
    print(f"== building {db}: {years} years at K={scale}", flush=True)
    _psql(f'DROP DATABASE IF EXISTS "{db}"')
    _psql(f'CREATE DATABASE "{db}"')
    env = _env(db)
    subprocess.run([*NICE, PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    start = time.monotonic()
    subprocess.run(
        [*NICE, PYTHON, "manage.py", "generate_data", "--years", str(years), "--scale",
         str(scale), "--seed", str(seed), "-v2"],
        cwd=ROOT, env=env, check=True,
    )  # fmt: skip
    seconds = time.monotonic() - start
    _psql("VACUUM ANALYZE", db)
    return seconds


def measure(db: str, what: str, *args: str) -> object:
    out = subprocess.run(
        [*NICE, PYTHON, "-m", "bench.measure", what, *args],
        cwd=ROOT,
        env=_env(db),
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def table(small: list[dict], big: list[dict]) -> str:
    by_name = {row["name"]: row for row in big}
    lines = [
        "| page | kind | small median / p95 ms | big median / p95 ms | queries small / big "
        "| ratio big/small (median) | first visit small / big ms |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in small:
        other = by_name.get(row["name"]) or next(
            (b for b in big if b["name"].split(" ?")[0] == row["name"].split(" ?")[0]), None
        )
        if other is None:
            continue
        ratio = other["median_ms"] / row["median_ms"] if row["median_ms"] else float("nan")
        rows = f" ({row.get('rows', '')} / {other.get('rows', '')} rows)" if "rows" in row else ""
        lines.append(
            f"| {row['name']}{rows} | {row['kind']} | {row['median_ms']:.0f} / {row['p95_ms']:.0f} "
            f"| {other['median_ms']:.0f} / {other['p95_ms']:.0f} "
            f"| {row['queries']} / {other['queries']} | {ratio:.2f} "
            f"| {row.get('first_ms', 0):.0f} / {other.get('first_ms', 0):.0f} |"
        )
    return "\n".join(lines)


WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d %.1f %.1f %.1f\\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
"""


def _cookie(db: str) -> str:
    out = subprocess.run(
        [PYTHON, "-m", "bench.measure", "cookie"],
        cwd=ROOT,
        env=_env(db),
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout
    return out.strip().splitlines()[-1]


def load_test(
    db: str, *, urls: list[tuple[str, str, bool]], port: int, seconds: int, connections: int
) -> list[dict]:
    if shutil.which("wrk") is None:
        print("wrk is missing: apt-get install -y wrk", file=sys.stderr)
        return []
    cookie = _cookie(db)
    env = _env(db)
    server = subprocess.Popen(
        [*NICE, str(ROOT / ".venv" / "bin" / "gunicorn"), "config.wsgi:application",
         "--workers", "2", "--bind", f"127.0.0.1:{port}", "--log-level", "warning",
         "--timeout", "120"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    results = []
    try:
        for _i in range(50):  # wait for the server
            time.sleep(0.2)
            check = subprocess.run(
                ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                 f"http://127.0.0.1:{port}/bench/ping/"],
                capture_output=True, text=True,
            )  # fmt: skip
            if check.stdout == "200":
                break
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(WRK_SCRIPT)
        for name, path, logged_in in urls:
            headers = ["-H", f"Cookie: {cookie}"] if logged_in else []
            # Warm the workers (and a cache, if the page has one) before measuring.
            subprocess.run(
                ["wrk", "-t", "2", "-c", "2", "-d", "2s", *headers,
                 f"http://127.0.0.1:{port}{path}"],
                capture_output=True, text=True,
            )  # fmt: skip
            out = subprocess.run(
                ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--timeout",
                 "10s", "-s", script.name, *headers, f"http://127.0.0.1:{port}{path}"],
                capture_output=True, text=True,
            ).stdout  # fmt: skip
            line = next((x for x in out.splitlines() if x.startswith("RESULT")), "")
            if not line:
                print(out, file=sys.stderr)
                continue
            requests, errors, duration_us, p50, p95, p99 = line.split()[1:]
            row = {
                "name": name,
                "url": path,
                "rps": int(requests) / (int(duration_us) / 1e6),
                "errors": int(errors),
                "p50_ms": float(p50),
                "p95_ms": float(p95),
                "p99_ms": float(p99),
            }
            results.append(row)
            print(
                f"  {name:28} {row['rps']:8.1f} req/s  p50 {row['p50_ms']:7.1f} ms  "
                f"p95 {row['p95_ms']:7.1f} ms  errors {row['errors']}",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small-db", default="hdnd_bench_small")
    parser.add_argument("--big-db", default="hdnd_bench_big")
    parser.add_argument("--big-years", type=int, default=20)
    parser.add_argument("--big-scale", type=float, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reps", type=int, default=9, help="timed requests per page")
    parser.add_argument("--reuse", action="store_true", help="measure the existing databases")
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--load-seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--json", type=Path, help="also write every measurement here")
    args = parser.parse_args()

    built = {}
    if not args.reuse:
        built["small"] = build(args.small_db, years=1, scale=1, seed=args.seed)
        built["big"] = build(
            args.big_db, years=args.big_years, scale=args.big_scale, seed=args.seed
        )
    print("== measuring pages", flush=True)
    small = measure(args.small_db, "pages", "--reps", str(args.reps))
    big = measure(args.big_db, "pages", "--reps", str(args.reps))
    small += measure(args.small_db, "searches")
    big += measure(args.big_db, "searches")
    print(table(small, big))
    print("== annual report (last year of each database)", flush=True)
    reports = {"small": measure(args.small_db, "report"), "big": measure(args.big_db, "report")}
    reports["appendix_2000"] = measure(args.small_db, "appendix", "--rows", "2000")
    for label, row in reports.items():
        print(f"  {label}: {json.dumps(row)}")
    loads: dict[str, list] = {}
    if not args.skip_load:
        print(f"== load: gunicorn 2 workers, wrk {args.connections} connections, "
              f"{args.load_seconds} s per URL, database {args.big_db}", flush=True)  # fmt: skip
        by_name = {r["name"]: r["url"] for r in big}
        # The baseline and the dashboard alternate three times: this machine's speed moves by
        # up to 2x within minutes, and one pair measured at different moments gave 19-31%.
        urls = [
            *[
                pair
                for _round in range(3)
                for pair in (
                    ("trivial view (baseline)", "/bench/ping/", False),
                    ("dashboard", "/", True),
                )
            ],
            ("petition list p1", "/cu-tri/kien-nghi/", True),
            ("petition list last page", by_name.get("voterpetition_list last", "/"), True),
            ("petition search", "/cu-tri/kien-nghi/?q=duong", True),
            ("resolution list p1", "/nghi-quyet/", True),
            ("petition detail", by_name.get("voterpetition_detail", "/"), True),
            ("resolution detail", by_name.get("resolution_detail", "/"), True),
            ("new petition form", "/cu-tri/kien-nghi/them/", True),
        ]
        loads["big"] = load_test(
            args.big_db,
            urls=urls,
            port=args.port,
            seconds=args.load_seconds,
            connections=args.connections,
        )
        rates = {
            name: [r["rps"] for r in loads["big"] if r["name"] == name]
            for name in ("trivial view (baseline)", "dashboard")
        }
        if all(rates.values()):
            ratio = sum(rates["dashboard"]) / sum(rates["trivial view (baseline)"])
            print(f"  dashboard / trivial view, three alternating rounds: {ratio:.1%} "
                  f"({' '.join(f'{x:.0f}' for x in rates['dashboard'])} / "
                  f"{' '.join(f'{x:.0f}' for x in rates['trivial view (baseline)'])} req/s)")  # fmt: skip
    if args.json:
        args.json.write_text(
            json.dumps(
                {"built_seconds": built, "small": small, "big": big, "reports": reports,
                 "load": loads},
                ensure_ascii=False, indent=1,
            )
        )  # fmt: skip


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
