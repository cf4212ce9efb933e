"""The public portal under a crowd (issue 24), run by hand on PostgreSQL and Redis (not in CI):
a session page of the portal under 500 concurrent anonymous clients, the cached portal against
the bare view, in one run.

    .venv/bin/python bench/portal_load.py --json var/bench-portal.json   # build, then measure
    .venv/bin/python bench/portal_load.py --reuse                        # database as it is

The database (hdnd_bench_portal) is built by DROP + CREATE + migrate + load_demo + VACUUM
ANALYZE; the page is portal:session_detail of the demo province's fullest session (public
documents, then programme and resolutions; --path chooses another). Two gunicorn servers
(config.wsgi, bench.settings: the production settings, DEBUG off, no TLS redirect) run side by
side with the same workers (2 gthread x 4 threads by default):

- **cached**: PORTAL_CACHE_SECONDS=300 and a Redis cache (CACHE_URL, Redis db 13, emptied);
- **bare**: PORTAL_CACHE_SECONDS=0 and Django's dummy cache, which stores nothing: every
  request renders the page.

Before any load the script checks what it will measure: the statements of one request of each
(in process, the Django test client under each server's settings: the cached page's second
request must take fewer), that the cached server writes the page to Redis once and the bare
server never, that both answer the same page, and that a revalidation (If-None-Match) gets 304.
Then wrk drives each server with 500 connections (`-t 2 -c 500 --latency`, bench/portal_load.lua
printing p95 beside wrk's p50 and p99), after a short warm-up; then, if the page has an ETag,
once more with every request revalidating (304s). Printed: one table (requests/s, p50, p95, p99,
socket errors, non-2xx answers, bytes per answer, CPU seconds of the servers and of wrk: wrk
runs on the same 2 cores), the load average before and after; --json writes it all.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import resource
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
LUA = Path(__file__).resolve().with_suffix(".lua")
PG = "postgres://postgres@127.0.0.1:5432"
DATABASE = "hdnd_bench_portal"
# Redis db 13 is this benchmark's own: emptied at the start.
CACHE_URL = "redis://127.0.0.1:6379/13"
NICE = ["nice", "-n", "10"]
MARKER = "PORTAL_LOAD "


@dataclass(frozen=True)
class Variant:
    name: str
    portal_cache_seconds: int
    cache_url: str


CACHED = Variant("cached", 300, CACHE_URL)
BARE = Variant("bare", 0, "dummycache://")


def server_env(variant: Variant, *, database: str = DATABASE) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DATABASE_URL": f"{PG}/{database}",
            "CACHE_URL": variant.cache_url,
            "PORTAL_CACHE_SECONDS": str(variant.portal_cache_seconds),
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "SECURE_SSL_REDIRECT": "False",
            "LOG_LEVEL": "WARNING",
            "PYTHONWARNINGS": "ignore",
        }
    )
    return env


# --- The database -----------------------------------------------------------------------------


def _psql(sql: str, db: str = "postgres") -> None:
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qAtc", sql, db], check=True)


def build(database: str) -> None:
    print(f"== building {database}: migrate, load_demo", file=sys.stderr, flush=True)
    _psql(f'DROP DATABASE IF EXISTS "{database}"')
    _psql(f'CREATE DATABASE "{database}"')
    env = server_env(BARE, database=database)
    manage = [*NICE, PYTHON, "manage.py"]
    for command in (["migrate", "-v0"], ["load_demo"]):
        subprocess.run(
            [*manage, *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
    _psql("VACUUM ANALYZE", database)


# --- In process: which page, and its statements under each variant ---------------------------


def probe(path: str | None) -> dict:
    """Run inside Django (a subprocess with a variant's environment): the page's path and the
    statements of two requests in a row, as an anonymous visitor."""
    import django

    django.setup()
    from django.test import Client
    from django.urls import reverse

    from bench.measure import QueryCounter

    if path is None:
        from council.demo import PROVINCE_NAME
        from council.models import Council
        from resolutions.selectors import resolutions_public
        from sessions.selectors import agenda_public, public_documents, sessions_public

        council = Council.objects.get(name=PROVINCE_NAME)

        def weight(session) -> tuple[int, int]:
            """The fullest page: public documents first, then programme and resolutions."""
            return (
                public_documents(council=council, session=session).count(),
                agenda_public(session=session).count()
                + resolutions_public(council=council).filter(session=session).count(),
            )

        session = max(sessions_public(council=council).order_by("pk"), key=weight)
        # Fails loudly while the portal has no session page: --path names another page.
        path = reverse("portal:session_detail", args=[council.pk, session.pk])
    client = Client()
    counts, statuses = [], []
    for _ in range(2):
        with QueryCounter() as queries:
            response = client.get(path)
        counts.append(queries.count)
        statuses.append(response.status_code)
    return {"path": path, "queries": counts, "statuses": statuses}


def run_probe(variant: Variant, path: str | None, database: str) -> dict:
    command = [PYTHON, str(Path(__file__).resolve()), "--probe", variant.name]
    if path:
        command += ["--path", path]
    out = subprocess.run(
        command,
        cwd=ROOT,
        env=server_env(variant, database=database),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


# --- The servers --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    variant: Variant
    port: int
    workers: int
    worker_class: str
    threads: int
    database: str
    log: Path
    process: subprocess.Popen | None = field(default=None, repr=False)

    def command(self) -> list[str]:
        return [
            GUNICORN,
            "config.wsgi:application",
            "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(self.workers),
            "--worker-class", self.worker_class,
            "--threads", str(self.threads),
            # 500 clients connect at once: the listen queue holds those the workers have not
            # accepted yet (the kernel caps it at net.core.somaxconn).
            "--backlog", "2048",
            "--timeout", "60",
            "--log-level", "warning",
        ]  # fmt: skip

    def start(self) -> None:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                self.command(),
                cwd=ROOT,
                env=server_env(self.variant, database=self.database),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn ({self.variant.name}) stopped: see {self.log}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.3)
        raise SystemExit(f"gunicorn ({self.variant.name}) did not listen: see {self.log}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def cpu_seconds(self) -> float:
        """CPU time (user + system) of the master and its workers so far, from /proc."""
        assert self.process
        pids = [self.process.pid]
        for task in Path(f"/proc/{self.process.pid}/task").iterdir():
            children = (task / "children").read_text().split()
            pids += [int(pid) for pid in children]
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for pid in pids:
            try:
                stat = Path(f"/proc/{pid}/stat").read_text()
            except FileNotFoundError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / ticks


# --- Checks before the load -----------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    ms: float


def fetch(url: str, headers: dict[str, str] | None = None) -> Answer:
    request = urllib.request.Request(url, headers=headers or {})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, got, body = response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:  # a 304 arrives as an "error"
        status, got, body = error.code, dict(error.headers), error.read()
    return Answer(status, got, body, (time.perf_counter() - start) * 1000)


# What differs between two renderings of one page for reasons that are not the page: a form's
# CSRF token, a CSP nonce.
_VARYING = re.compile(
    rb'(name="csrfmiddlewaretoken" value=|name="csrf-token" content=|nonce=)"[^"]*"'
)


def normalised(body: bytes) -> bytes:
    return _VARYING.sub(rb'\1"..."', body)


def first_difference(a: bytes, b: bytes) -> str:
    for number, (x, y) in enumerate(zip(a.splitlines(), b.splitlines(), strict=False), 1):
        if x != y:
            return f"line {number}: {x[:160]!r} / {y[:160]!r}"
    return f"lengths {len(a)} / {len(b)}"


def redis_keys(url: str = CACHE_URL) -> int:
    import redis

    return redis.Redis.from_url(url).dbsize()


def check(cached: Server, bare: Server, path: str, probes: dict, *, keep_going: bool) -> dict:
    """What the load will measure is what it claims: raises SystemExit otherwise (keep_going:
    prints the problems and goes on, to measure a cache that does not work)."""
    problems = []
    for name, result in probes.items():
        if any(status != 200 for status in result["statuses"]):
            problems.append(f"{name}: in process, HTTP {result['statuses']}")
    if probes["cached"]["queries"][1] >= probes["bare"]["queries"][1]:
        problems.append(
            f"the cached page's second request took {probes['cached']['queries'][1]} statements,"
            f" the bare view's {probes['bare']['queries'][1]}: the cache saves nothing"
        )
    keys0 = redis_keys()
    first = fetch(cached.url(path))
    keys1 = redis_keys()
    second = fetch(cached.url(path))
    keys2 = redis_keys()
    plain = fetch(bare.url(path))
    keys3 = redis_keys()
    for name, answer in (("cached", first), ("cached again", second), ("bare", plain)):
        if answer.status != 200:
            problems.append(f"{name}: HTTP {answer.status}")
    if keys1 <= keys0:
        problems.append("the cached server's first request wrote nothing to Redis")
    if keys2 != keys1:
        problems.append(f"the cached server's second request wrote to Redis ({keys1}->{keys2})")
    if keys3 != keys2:
        problems.append("the bare server wrote to Redis")
    if normalised(first.body) != normalised(plain.body):
        problems.append("cached and bare pages differ: " + first_difference(first.body, plain.body))
    if normalised(first.body) != normalised(second.body):
        problems.append("two cached answers differ: " + first_difference(first.body, second.body))

    validator = {}
    if etag := first.headers.get("ETag"):
        validator = {"If-None-Match": etag}
    elif modified := first.headers.get("Last-Modified"):
        validator = {"If-Modified-Since": modified}
    revalidated = {}
    if validator:
        for server in (cached, bare):
            revalidated[server.variant.name] = status = fetch(server.url(path), validator).status
            if status != 304:
                problems.append(f"{server.variant.name}: a revalidation got HTTP {status}")
    if problems:
        report = "checks failed:\n- " + "\n- ".join(problems)
        if not keep_going:
            raise SystemExit(report)
        print(report, file=sys.stderr, flush=True)

    # One client, one request at a time: the cost of one page without a crowd.
    sequential = {
        server.variant.name: statistics.median(fetch(server.url(path)).ms for _ in range(30))
        for server in (cached, bare)
    }
    headers = {k: v for k, v in first.headers.items() if k.lower() in _SHOWN_HEADERS}
    return {
        "statements_in_process": {name: r["queries"] for name, r in probes.items()},
        "redis_keys_after_each_request": [keys0, keys1, keys2, keys3],
        "page_bytes": len(first.body),
        "problems": problems,
        "cached_headers": headers,
        "validator": validator,
        "revalidation_status": revalidated,
        "sequential_median_ms": sequential,
    }


_SHOWN_HEADERS = {"cache-control", "etag", "last-modified", "expires", "vary", "age"}


# --- wrk ------------------------------------------------------------------------------------


def wrk_command(
    url: str,
    *,
    connections: int,
    threads: int,
    duration: str,
    timeout: str,
    headers: dict[str, str] | None = None,
) -> list[str]:
    command = [
        "wrk",
        "-t", str(threads),
        "-c", str(connections),
        "-d", duration,
        "--timeout", timeout,
        "--latency",
        "-s", str(LUA),
    ]  # fmt: skip
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    return [*command, url]


def parse_wrk(output: str) -> dict:
    """The line bench/portal_load.lua's done() prints, as numbers: requests/s, latencies in ms,
    the socket errors and the answers that were not 2xx."""
    lines = [line for line in output.splitlines() if line.startswith(MARKER)]
    if not lines:
        raise ValueError("wrk printed no PORTAL_LOAD line (is bench/portal_load.lua used?)")
    raw = json.loads(lines[-1][len(MARKER) :])
    seconds = raw["duration_us"] / 1e6
    requests = raw["requests"]
    return {
        "requests": requests,
        "seconds": round(seconds, 2),
        "requests_per_s": round(requests / seconds, 1) if seconds else 0.0,
        "p50_ms": raw["p50_us"] / 1000,
        "p95_ms": raw["p95_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "max_ms": raw["max_us"] / 1000,
        "errors": {k: raw[k] for k in ("connect", "read", "write", "timeout")},
        "non_2xx": {k: raw[k] for k in ("s1xx", "s3xx", "s304", "s4xx", "s5xx") if raw[k]},
        "bytes_per_answer": round(raw["bytes"] / requests) if requests else 0,
    }


def run_wrk(command: list[str]) -> tuple[dict, float]:
    """One wrk run: its figures and the CPU seconds wrk itself used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return parse_wrk(done.stdout), cpu


def run_plans(
    *, rounds: int, duration: str, validator: dict[str, str], revalidate_duration: str
) -> list[tuple[str, str, dict[str, str], str]]:
    """(server, label, request headers, duration) of each wrk run, in order: cached and bare,
    the order turned round each round (cached, bare, bare, cached, ...) so that a machine
    slowing down or speeding up during the run falls on both alike; then the revalidating
    clients."""
    plans = []
    for round_ in range(1, rounds + 1):
        names = ["cached", "bare"] if round_ % 2 else ["bare", "cached"]
        suffix = f" (round {round_})" if rounds > 1 else ""
        plans += [(name, f"{name}{suffix}", {}, duration) for name in names]
    if validator and revalidate_duration not in ("0", "0s"):
        plans += [
            (name, f"{name}, revalidating (304)", validator, revalidate_duration)
            for name in ("cached", "bare")
        ]
    return plans


def table(rows: list[dict]) -> str:
    lines = [
        "| variant | requests/s | p50 ms | p95 ms | p99 ms | socket errors c/r/w/timeout "
        "| non-2xx | bytes/answer | CPU s server / wrk | load 1 min |",
        "| --- |" + " ---: |" * 9,
    ]
    for row in rows:
        errors = "/".join(str(row["errors"][k]) for k in ("connect", "read", "write", "timeout"))
        non_2xx = ", ".join(f"{k[1:]}: {v}" for k, v in row["non_2xx"].items()) or "0"
        lines.append(
            f"| {row['variant']} | {row['requests_per_s']:.0f} | {row['p50_ms']:.0f} "
            f"| {row['p95_ms']:.0f} | {row['p99_ms']:.0f} | {errors} | {non_2xx} "
            f"| {row['bytes_per_answer']} | {row['server_cpu_s']:.1f} / {row['wrk_cpu_s']:.1f} "
            f"| {' -> '.join(f'{load:.1f}' for load in row.get('load_1min', []))} |"
        )
    return "\n".join(lines)


def _raise_open_files(wanted: int) -> None:
    """500 sockets for wrk, as many for the servers' listen queue: children inherit it."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(wanted, hard), hard))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true", help="measure the database as it is")
    parser.add_argument("--database", default=DATABASE)
    parser.add_argument("--path", help="the page (default: the portal's busiest session page)")
    parser.add_argument("--connections", type=int, default=500)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--duration", default="30s", help="of each measured run")
    parser.add_argument(
        "--rounds", type=int, default=1, help="runs of each variant, alternating (ABBA...)"
    )
    parser.add_argument("--revalidate-duration", default="15s", help="0 skips the 304 runs")
    parser.add_argument("--warmup", default="3s", help="before each run, 50 connections")
    # wrk leaves an answer slower than its timeout (its own default: 2 s) out of the
    # percentiles and counts it as a timeout: under 500 clients the bare view's answers wait
    # longer than 2 s, and its p95 would be a floor, not the wait.
    parser.add_argument("--timeout", default="30s", help="wrk's: slower answers are timeouts")
    # One process per core (a page is Python's work, one core at a time under the GIL), threads
    # to overlap the waits on PostgreSQL and Redis, and keep-alive: sync workers close every
    # connection, so 500 clients reconnect at each request. Measured on this machine (10 s runs,
    # cached page, alternating, 2 rounds): 4 sync 458 / 381 requests/s, 2 gthread x 4 576 / 648,
    # 4 gthread x 2 582 / 500 (docs/performance.md).
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker-class", default="gthread")
    parser.add_argument("--threads", type=int, default=4, help="per worker (gthread)")
    parser.add_argument("--json", type=Path, help="also write every figure here")
    parser.add_argument("--keep-going", action="store_true", help="measure even if the checks fail")
    parser.add_argument("--probe", help=argparse.SUPPRESS)  # internal: run inside Django
    args = parser.parse_args()

    if args.probe:
        print(json.dumps(probe(args.path)))
        return
    started = dt.datetime.now(dt.UTC)
    if not args.reuse:
        build(args.database)
    _raise_open_files(4 * args.connections + 1024)
    probes = {v.name: run_probe(v, args.path, args.database) for v in (CACHED, BARE)}
    path = probes["cached"]["path"]
    print(f"== page {path}", file=sys.stderr, flush=True)
    import redis

    redis.Redis.from_url(CACHE_URL).flushdb()

    servers = {
        variant.name: Server(
            variant=variant,
            port=free_port(),
            workers=args.workers,
            worker_class=args.worker_class,
            threads=args.threads,
            database=args.database,
            log=ROOT / "var" / f"bench-portal-{variant.name}.log",
        )
        for variant in (CACHED, BARE)
    }
    rows: list[dict] = []
    loads = [os.getloadavg()]
    print(f"== load average at the start: {loads[0]}", file=sys.stderr, flush=True)
    try:
        for server in servers.values():
            server.start()
        checks = check(servers["cached"], servers["bare"], path, probes, keep_going=args.keep_going)
        print(f"== checks passed: {json.dumps(checks, ensure_ascii=False)}", file=sys.stderr)
        plans = run_plans(
            rounds=args.rounds,
            duration=args.duration,
            validator=checks["validator"],
            revalidate_duration=args.revalidate_duration,
        )
        for name, label, headers, duration in plans:
            server = servers[name]
            url = server.url(path)
            # Every worker compiles its templates, the cache is filled: not timed.
            run_wrk(
                wrk_command(url, connections=50, threads=1, duration=args.warmup, timeout="30s")
            )
            print(f"== {label}: {duration}, {args.connections} connections", file=sys.stderr)
            load_before = os.getloadavg()[0]
            cpu_before = server.cpu_seconds()
            figures, wrk_cpu = run_wrk(
                wrk_command(
                    url,
                    connections=args.connections,
                    threads=args.wrk_threads,
                    duration=duration,
                    timeout=args.timeout,
                    headers=headers,
                )
            )
            rows.append(
                {
                    "variant": label,
                    **figures,
                    "server_cpu_s": server.cpu_seconds() - cpu_before,
                    "wrk_cpu_s": wrk_cpu,
                    "load_1min": [load_before, os.getloadavg()[0]],
                }
            )
            print(table(rows[-1:]).splitlines()[-1], file=sys.stderr, flush=True)
    finally:
        for server in servers.values():
            server.stop()
    loads.append(os.getloadavg())

    gunicorn = f"{args.workers} {args.worker_class} workers" + (
        f" x {args.threads} threads" if args.worker_class == "gthread" else ""
    )
    print(f"page {path}; gunicorn {gunicorn} each; wrk -t {args.wrk_threads} "
          f"-c {args.connections} -d {args.duration} --timeout {args.timeout}")  # fmt: skip
    print(table(rows))
    print(f"load average (1, 5, 15 min) at the start and the end: {loads}")
    print(f"sequential, one client: median ms {checks['sequential_median_ms']}")
    print(f"statements per request (first, second) in process: "
          f"{checks['statements_in_process']}")  # fmt: skip
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        report = {
            "started": started.isoformat(timespec="seconds"),
            "commit": subprocess.run(
                ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
            ).stdout.strip(),
            "page": path,
            "gunicorn": gunicorn,
            "wrk": {
                "threads": args.wrk_threads,
                "connections": args.connections,
                "duration": args.duration,
                "timeout": args.timeout,
            },
            "cpus": os.cpu_count(),
            "load_average": loads,
            "checks": checks,
            "variants": {"cached": asdict(CACHED), "bare": asdict(BARE)},
            "rows": rows,
        }
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
