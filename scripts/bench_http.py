"""Run ApacheBench (ab) against one URL, and print the HTTP benchmark's table.

Standard library only; called by scripts/bench-http.sh:

    bench_http.py run RESULTS --site portal --page home --cache on \
        --clients 10 --seconds 10 --url http://127.0.0.1:8123/fr/
    bench_http.py report RESULTS

`run` appends one JSON line to RESULTS: median and p95 (from ab's percentile
CSV, in milliseconds), requests per second, and failures. A failure is a
connection error, an exception or a non-2xx answer; ab's "Length" failures
(pages whose size differs from the first answer's) are not failures.
`report` prints a Markdown table with, for each portal row, its p95 divided
by the plain Wagtail site's p95 at the same number of clients.
"""

import argparse
import csv
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# What a TLS-terminating proxy adds: production settings redirect plain HTTP.
PROXY_HEADERS = ["-H", "X-Forwarded-Proto: https"]


def ab_figures(url, clients, seconds):
    with tempfile.NamedTemporaryFile(suffix=".csv") as percentiles:
        command = [
            shutil.which("ab") or "ab",
            "-q",
            "-t",
            str(seconds),
            # -t stops after this many requests too; high enough never to be reached.
            "-n",
            "10000000",
            "-c",
            str(clients),
            "-e",
            percentiles.name,
            *PROXY_HEADERS,
            url,
        ]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
        served_within = {}
        with open(percentiles.name, newline="") as table:
            for row in csv.reader(table):
                if row and row[0].isdigit():
                    served_within[int(row[0])] = float(row[1])

    def number(label):
        found = re.search(rf"^{label}:\s+([\d.]+)", output, re.MULTILINE)
        return float(found[1]) if found else 0.0

    failed = re.search(r"Connect: (\d+), Receive: (\d+), Length: \d+, Exceptions: (\d+)", output)
    failures = sum(int(count) for count in failed.groups()) if failed else 0
    failures += int(number("Non-2xx responses"))
    return {
        "requests": int(number("Complete requests")),
        "median_ms": served_within[50],
        "p95_ms": served_within[95],
        "requests_per_second": number("Requests per second"),
        "failures": failures,
    }


def run(arguments):
    figures = ab_figures(arguments.url, arguments.clients, arguments.seconds)
    record = {
        "site": arguments.site,
        "page": arguments.page,
        "path": arguments.url.split("/", 3)[-1],
        "cache": arguments.cache,
        "clients": arguments.clients,
        **figures,
    }
    with open(arguments.results, "a") as results:
        results.write(json.dumps(record) + "\n")
    print(
        f"   {record['site']:<6} {record['page']:<10} cache {record['cache']:<3} "
        f"{record['clients']:>3} clients: median {record['median_ms']:.1f} ms, "
        f"p95 {record['p95_ms']:.1f} ms, {record['requests_per_second']:.0f} req/s, "
        f"{record['failures']} failed of {record['requests']}",
        flush=True,
    )


def report(arguments):
    records = [json.loads(line) for line in Path(arguments.results).read_text().splitlines()]
    plain_p95 = {r["clients"]: r["p95_ms"] for r in records if r["site"] == "plain"}
    print(
        "| Site | Page | Page cache | Clients | Median (ms) | p95 (ms) | Requests/s | Failed "
        "| p95 / plain Wagtail |"
    )
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for r in records:
        ratio = ""
        if r["site"] != "plain" and plain_p95.get(r["clients"]):
            ratio = f"{r['p95_ms'] / plain_p95[r['clients']]:.1f}×"
        site = "plain `wagtail start`" if r["site"] == "plain" else "portal"
        print(
            f"| {site} | {r['page']} (`/{r['path']}`) | {r['cache']} | {r['clients']} "
            f"| {r['median_ms']:.1f} | {r['p95_ms']:.1f} | {r['requests_per_second']:.0f} "
            f"| {r['failures']}/{r['requests']} | {ratio} |"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(required=True)
    run_parser = commands.add_parser("run")
    run_parser.add_argument("results")
    run_parser.add_argument("--site", required=True)
    run_parser.add_argument("--page", required=True)
    run_parser.add_argument("--cache", required=True)
    run_parser.add_argument("--clients", type=int, required=True)
    run_parser.add_argument("--seconds", type=int, required=True)
    run_parser.add_argument("--url", required=True)
    run_parser.set_defaults(handler=run)
    report_parser = commands.add_parser("report")
    report_parser.add_argument("results")
    report_parser.set_defaults(handler=report)
    arguments = parser.parse_args()
    arguments.handler(arguments)


if __name__ == "__main__":
    sys.exit(main())
