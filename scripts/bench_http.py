"""Run ApacheBench (ab) against one URL, and print the HTTP benchmark's table.

Standard library only; called by scripts/bench-http.sh:

    bench_http.py run RESULTS --site portal --page home --cache on \
        --clients 10 --seconds 10 --url http://127.0.0.1:8123/fr/
    bench_http.py report RESULTS

`run` appends one JSON line to RESULTS: median and p95 (from ab's percentile
CSV, in milliseconds), requests per second, and failures. A failure is a
connection error, an exception or a non-2xx answer; ab's "Length" failures
(pages whose size differs from the first answer's) are not failures.
`memory` appends the resident memory of each gunicorn worker of a process
group, after a pass over the pages. `report` prints a Markdown table with, for
each portal row, its median and p95 divided by the plain Wagtail site's at the
same number of clients (the first pass only), then the workers' memory after
each pass: a second pass of the same load must not make them grow.
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
        "pass": arguments.pass_number,
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


def _proc_fields(pid):
    """``(ppid, pgid, command line)`` of a process, or None once it is gone."""
    try:
        stat = (Path("/proc") / str(pid) / "stat").read_text()
        cmdline = (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ")
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return int(fields[1]), int(fields[2]), cmdline.decode(errors="replace")


def worker_rss_mb(pgid):
    """The resident memory (MB) of each gunicorn worker in process group ``pgid``.

    A worker is a gunicorn process whose parent is gunicorn too (the master).
    """
    processes = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _proc_fields(entry.name)
            if fields and fields[1] == pgid:
                processes[int(entry.name)] = fields

    def is_gunicorn(command):
        # Not the shell that started it, whose command line names gunicorn too.
        return "gunicorn" in command and not command.split()[0].endswith("sh")

    sizes = []
    for pid, (ppid, _pgid, command) in sorted(processes.items()):
        parent = processes.get(ppid)
        if is_gunicorn(command) and parent and is_gunicorn(parent[2]):
            status = (Path("/proc") / str(pid) / "status").read_text()
            kilobytes = int(re.search(r"^VmRSS:\s+(\d+) kB", status, re.M).group(1))
            sizes.append(round(kilobytes / 1024, 1))
    return sizes


def memory(arguments):
    sizes = worker_rss_mb(arguments.pgid)
    record = {
        "kind": "memory",
        "cache": arguments.cache,
        "pass": arguments.pass_number,
        "rss_mb": sizes,
    }
    with Path(arguments.results).open("a") as results:
        results.write(json.dumps(record) + "\n")
    print(f"   workers' memory after pass {arguments.pass_number}: {sizes} MB", flush=True)


def report(arguments):
    records = [json.loads(line) for line in Path(arguments.results).read_text().splitlines()]
    memories = [r for r in records if r.get("kind") == "memory"]
    records = [r for r in records if r.get("kind") != "memory" and r.get("pass", 1) == 1]
    plain = {r["clients"]: r for r in records if r["site"] == "plain"}
    print(
        "| Site | Page | Page cache | Clients | Median (ms) | p95 (ms) | Requests/s | Failed "
        "| median / plain | p95 / plain |"
    )
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in records:
        median_ratio = p95_ratio = ""
        reference = plain.get(r["clients"])
        if r["site"] != "plain" and reference:
            median_ratio = f"{r['median_ms'] / reference['median_ms']:.1f}×"
            p95_ratio = f"{r['p95_ms'] / reference['p95_ms']:.1f}×"
        site = "plain `wagtail start`" if r["site"] == "plain" else "portal"
        print(
            f"| {site} | {r['page']} (`/{r['path']}`) | {r['cache']} | {r['clients']} "
            f"| {r['median_ms']:.1f} | {r['p95_ms']:.1f} | {r['requests_per_second']:.0f} "
            f"| {r['failures']}/{r['requests']} | {median_ratio} | {p95_ratio} |"
        )
    if memories:
        print()
        print("Resident memory of each gunicorn worker (MB), after each pass over the pages:")
        for m in memories:
            print(f"- page cache {m['cache']}, pass {m['pass']}: {m['rss_mb']}")
        passes = [m for m in memories if m["cache"] == "off"]
        if len(passes) > 1 and passes[0]["rss_mb"] and passes[-1]["rss_mb"]:
            growth = max(passes[-1]["rss_mb"]) - max(passes[0]["rss_mb"])
            print(f"- growth of the largest worker over the second pass: {growth:+.1f} MB")


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
    run_parser.add_argument("--pass", dest="pass_number", type=int, default=1)
    run_parser.set_defaults(handler=run)
    memory_parser = commands.add_parser("memory")
    memory_parser.add_argument("results")
    memory_parser.add_argument("--pgid", type=int, required=True)
    memory_parser.add_argument("--cache", required=True)
    memory_parser.add_argument("--pass", dest="pass_number", type=int, required=True)
    memory_parser.set_defaults(handler=memory)
    report_parser = commands.add_parser("report")
    report_parser.add_argument("results")
    report_parser.set_defaults(handler=report)
    arguments = parser.parse_args()
    arguments.handler(arguments)


if __name__ == "__main__":
    sys.exit(main())
