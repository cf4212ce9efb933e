"""bench/portal_load.py's pieces without the crowd (issue 24): wrk's figures read back from
bench/portal_load.lua's line (p95 included, 304s counted apart), the table, the order of the
runs, the page compared between servers bar its CSRF token. One real wrk run of a second
against a small server in this process, when wrk is installed."""

from __future__ import annotations

import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.portal_load import (
    first_difference,
    normalised,
    parse_wrk,
    run_plans,
    run_wrk,
    table,
    wrk_command,
)

LINE = (
    'PORTAL_LOAD {"requests": 3000, "duration_us": 30000000, "bytes": 60000000, '
    '"connect": 0, "read": 2, "write": 0, "status": 5, "timeout": 7, "mean_us": 900000.0, '
    '"p50_us": 800000, "p95_us": 1500000, "p99_us": 2100000, "max_us": 4000000, '
    '"s1xx": 0, "s2xx": 2990, "s3xx": 0, "s304": 5, "s4xx": 0, "s5xx": 5}'
)


def test_wrk_line_is_read_as_requests_per_second_and_milliseconds():
    figures = parse_wrk("Running 30s test @ http://x/\n  12 requests\n" + LINE + "\n")
    assert figures["requests_per_s"] == 100.0
    assert (figures["p50_ms"], figures["p95_ms"], figures["p99_ms"]) == (800, 1500, 2100)
    assert figures["errors"] == {"connect": 0, "read": 2, "write": 0, "timeout": 7}
    assert figures["non_2xx"] == {"s304": 5, "s5xx": 5}
    assert figures["bytes_per_answer"] == 20000


def test_wrk_output_without_the_scripts_line_is_refused():
    with pytest.raises(ValueError, match="PORTAL_LOAD"):
        parse_wrk("Requests/sec: 100\n")


def test_table_shows_one_row_per_run_with_p95_and_errors():
    row = {"variant": "cached", **parse_wrk(LINE), "server_cpu_s": 51.2, "wrk_cpu_s": 6.04}
    row["load_1min"] = [1.234, 2.0]
    lines = table([row]).splitlines()
    assert lines[0].startswith("| variant | requests/s | p50 ms | p95 ms | p99 ms |")
    assert lines[2] == (
        "| cached | 100 | 800 | 1500 | 2100 | 0/2/0/7 | 304: 5, 5xx: 5 | 20000 "
        "| 51.2 / 6.0 | 1.2 -> 2.0 |"
    )


def test_runs_alternate_between_variants_then_revalidate():
    plans = run_plans(
        rounds=2, duration="30s", validator={"If-None-Match": '"1-2"'}, revalidate_duration="15s"
    )
    assert [(server, label) for server, label, _h, _d in plans] == [
        ("cached", "cached (round 1)"),
        ("bare", "bare (round 1)"),
        ("bare", "bare (round 2)"),
        ("cached", "cached (round 2)"),
        ("cached", "cached, revalidating (304)"),
        ("bare", "bare, revalidating (304)"),
    ]
    assert plans[-1][2:] == ({"If-None-Match": '"1-2"'}, "15s")


def test_no_revalidating_runs_without_a_validator_or_with_no_time():
    assert len(run_plans(rounds=1, duration="5s", validator={}, revalidate_duration="15s")) == 2
    with_etag = {"If-None-Match": '"x"'}
    assert (
        len(run_plans(rounds=1, duration="5s", validator=with_etag, revalidate_duration="0")) == 2
    )


def test_pages_compare_equal_bar_their_csrf_tokens():
    one = b'<meta name="csrf-token" content="abc">\n<p>Ky hop</p>\n'
    two = b'<meta name="csrf-token" content="xyz">\n<p>Ky hop</p>\n'
    assert one != two and normalised(one) == normalised(two)
    other = b'<meta name="csrf-token" content="abc">\n<p>Ky hop thu 2</p>\n'
    assert normalised(one) != normalised(other)
    assert first_difference(one, other).startswith("line 2:")


class _Page(BaseHTTPRequestHandler):
    """A page with an ETag, answered 304 when the client has it."""

    def do_GET(self):
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.send_header("ETag", '"v1"')
            self.end_headers()
            return
        body = b"<html>trang</html>" * 50
        self.send_response(200)
        self.send_header("ETag", '"v1"')
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.mark.skipif(shutil.which("wrk") is None, reason="needs wrk")
def test_one_second_of_wrk_with_the_lua_script_counts_200s_and_304s():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        plain, _cpu = run_wrk(
            wrk_command(url, connections=5, threads=1, duration="1s", timeout="2s")
        )
        revalidating, _cpu = run_wrk(
            wrk_command(
                url,
                connections=5,
                threads=1,
                duration="1s",
                timeout="2s",
                headers={"If-None-Match": '"v1"'},
            )
        )
    finally:
        server.shutdown()
        server.server_close()
    assert plain["requests"] > 0 and plain["non_2xx"] == {}
    assert 0 < plain["p50_ms"] <= plain["p95_ms"] <= plain["p99_ms"]
    assert plain["bytes_per_answer"] > 900
    assert revalidating["non_2xx"] == {"s304": revalidating["requests"]}
