#!/usr/bin/env bash
# Make sure Debian's Chromium (/usr/bin/chromium) is installed for the browser
# tests (tests/browser/): Playwright drives it through executable_path and never
# downloads a browser of its own. Installs the package with apt-get when it is
# missing and we are root; otherwise says how to install it and succeeds, so
# that `make test` still runs (the browser tests then skip, unless CI or
# CCR_REQUIRE_BROWSER is set, where they fail).
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
    exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "Chromium is not installed ($CHROMIUM): the browser tests will be skipped." >&2
    echo "Install it with: sudo apt-get install chromium (Debian) and run make test again." >&2
    exit 0
fi

echo "Installing Chromium (Debian package) for the browser tests…"
apt-get update -qq
# fonts-dejavu-core has Latin and Arabic glyphs, so pages in every language
# are laid out (and their contrast measured) with real text.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
"$CHROMIUM" --version
