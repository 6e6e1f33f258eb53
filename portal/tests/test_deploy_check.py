"""Production settings pass Django's deployment checklist and send the security headers.

Each check runs in a subprocess: importing the production settings here would
leak them (and their environment) into the test process.
"""

import os
import secrets
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_with_settings(module, args, tmp_path, **environ):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": module,
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "www.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        **environ,
    }
    env.pop("REDIS_URL", None)
    return subprocess.run(  # noqa: S603
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
    )


def test_check_deploy_reports_nothing_with_production_settings(tmp_path):
    result = run_with_settings(
        "portal.settings.production",
        ["manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        tmp_path,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output, output


def test_check_deploy_notices_a_disabled_https_redirect(tmp_path):
    """The test above can fail: the checklist does see production's settings."""
    result = run_with_settings(
        "portal.settings.production",
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        tmp_path,
        SECURE_SSL_REDIRECT="false",
    )
    assert result.returncode != 0
    assert "security.W008" in result.stdout + result.stderr


# A request through the whole middleware stack of one settings module; prints the
# headers the response carries. /robots.txt needs no database but for the Site's
# root URL (its Sitemap line), given here: the database is empty.
HEADERS_SCRIPT = textwrap.dedent(
    """
    import os
    from unittest import mock
    import django
    django.setup()
    from django.test import Client
    import portal.site_urls
    with mock.patch.object(portal.site_urls, "site_root_url", return_value="https://www.example.org"):
        response = Client().get("/robots.txt", secure=True, HTTP_HOST=os.environ["CHECK_HOST"])
    print("STATUS", response.status_code)
    for name, value in response.headers.items():
        print(f"{name}: {value}")
    """
)


@pytest.mark.parametrize("module", ["portal.settings.production", "portal.settings.dev"])
def test_every_environment_sends_the_security_headers(tmp_path, module):
    # dev.py serves localhost only; production serves ALLOWED_HOSTS.
    host = "www.example.org" if module.endswith("production") else "localhost"
    result = run_with_settings(module, ["-c", HEADERS_SCRIPT], tmp_path, CHECK_HOST=host)
    output = result.stdout
    assert "STATUS 200" in output, output + result.stderr
    headers = dict(line.split(": ", 1) for line in output.splitlines() if ": " in line)
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self';" in policy + ";"
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    if module.endswith("production"):
        assert (
            headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
        )
