"""The task worker and the scheduler ride out a database outage.

The worker test starts a PostgreSQL cluster of its own (the suite's is shared
by parallel test processes and must stay up), runs ``manage.py run_worker``
against it, stops the cluster for a few seconds and checks that the worker
is still there and runs a task queued after the database came back.
"""

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.db import OperationalError, connection

ROOT = Path(__file__).resolve().parents[2]


def postgres_binaries():
    """The newest /usr/lib/postgresql/*/bin, as scripts/with-postgres.sh finds it."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2].split(".")[0])
    )
    return Path(found[-1]) if found else None


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """A throwaway PostgreSQL cluster in a temporary folder (run as postgres when root)."""

    def __init__(self, bin_dir, work):
        self.bin_dir = bin_dir
        self.work = Path(work)
        self.data = self.work / "data"
        self.port = free_port()
        self.run_as = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
        if self.run_as:
            shutil.chown(self.work, "postgres")

    def pg(self, program, *args):
        subprocess.run(  # noqa: S603
            [*self.run_as, str(self.bin_dir / program), *args],
            check=True,
            capture_output=True,
            timeout=60,
        )

    def init(self):
        self.pg("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8")

    def start(self):
        options = (
            f"-p {self.port} -k {self.work} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off"
        )
        self.pg(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.work / "log"),
            "-w",
            "-o",
            options,
            "start",
        )

    def stop(self, mode="fast"):
        self.pg("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"


def manage(env, *args):
    done = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


ENQUEUE = (
    "import sys, django; django.setup(); "
    "from portal.tests.worker_tasks import touch; touch.enqueue(sys.argv[1])"
)


def enqueue(env, path):
    subprocess.run(  # noqa: S603
        [sys.executable, "-c", ENQUEUE, str(path)], cwd=ROOT, env=env, check=True, timeout=60
    )


def wait_for(path, process, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists():
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.2)
    return path.exists()


@pytest.mark.postgres
def test_the_worker_runs_tasks_again_after_the_database_restarts():
    if connection.vendor != "postgresql":
        pytest.skip("runs in make test-postgres")
    bin_dir = postgres_binaries()
    if bin_dir is None:
        pytest.skip("PostgreSQL's binaries are not installed (make test-postgres installs them)")
    with tempfile.TemporaryDirectory(prefix="ccr-worker-pg-") as work:
        cluster = Cluster(bin_dir, work)
        cluster.init()
        cluster.start()
        worker = None
        try:
            env = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "portal.settings.test",
                "DATABASE_URL": cluster.url,
                "CCR_TEST_DATABASE_TASKS": "1",
                "WORKER_RETRY_MAX_SECONDS": "1",
            }
            manage(env, "migrate", "django_tasks_database", "--noinput")
            outputs = Path(work) / "outputs"
            outputs.mkdir()
            os.chmod(outputs, 0o777)  # noqa: S103
            log = open(Path(work) / "worker.log", "w+")  # noqa: SIM115
            worker = subprocess.Popen(  # noqa: S603
                [sys.executable, "manage.py", "run_worker", "--interval", "0.2", "--no-reload"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            before = outputs / "before"
            enqueue(env, before)
            assert wait_for(before, worker, 15), Path(work, "worker.log").read_text()

            cluster.stop("fast")
            time.sleep(3)
            assert worker.poll() is None, Path(work, "worker.log").read_text()
            cluster.start()

            after = outputs / "after"
            enqueue(env, after)
            assert wait_for(after, worker, 15), Path(work, "worker.log").read_text()
            assert worker.poll() is None
            assert "Database unavailable" in Path(work, "worker.log").read_text()
        finally:
            if worker is not None and worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
                try:
                    worker.wait(10)
                except subprocess.TimeoutExpired:
                    worker.kill()
            cluster.stop("immediate")


def test_the_scheduler_runs_its_next_round_after_a_database_error(monkeypatch, db):
    """A round whose jobs hit a lost database logs them; the next round runs them again."""
    from alerts.management.commands import run_periodic

    calls = []

    def flaky(stdout):
        calls.append(len(calls))
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(run_periodic, "JOBS", (("flaky", flaky),))
    command = run_periodic.Command()
    command.run_round()
    command.run_round()
    assert calls == [0, 1]
