"""The Procfile's processes call commands that exist, with production settings."""

import re
import shlex
from pathlib import Path

import pytest
from django.core.management import get_commands

PROCFILE = Path(__file__).resolve().parents[2] / "Procfile"


def processes():
    lines = PROCFILE.read_text().splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip())


def manage_commands(command_line):
    return re.findall(r"manage\.py (\w+)", command_line)


def test_the_host_gets_a_web_process_a_release_step_a_task_worker_and_a_scheduler():
    assert set(processes()) == {"release", "web", "worker", "scheduler"}


@pytest.mark.parametrize("process", ["release", "web", "worker", "scheduler"])
def test_every_process_runs_with_production_settings(process):
    assert shlex.split(processes()[process])[0] == (
        "DJANGO_SETTINGS_MODULE=portal.settings.production"
    )


def test_every_management_command_in_the_procfile_exists():
    called = [name for line in processes().values() for name in manage_commands(line)]
    assert {"migrate", "update_index", "generate_renditions", "run_worker", "run_periodic"} <= set(
        called
    )
    assert set(called) <= set(get_commands())


def test_the_release_step_stops_at_the_first_failing_command():
    release = processes()["release"]
    assert release.count("manage.py") == release.count("&&") + 1
