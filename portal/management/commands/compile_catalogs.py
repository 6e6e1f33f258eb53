"""Compile locale/*/LC_MESSAGES/*.po into .mo files with polib.

Django's own ``compilemessages`` needs GNU gettext's ``msgfmt``; this command
needs only Python, so ``make run`` works on a machine without gettext.
Catalogs are only recompiled when the .po file is newer than the .mo file.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile the project's translation catalogs (.po to .mo) without GNU gettext."

    def handle(self, *args, **options):
        compiled = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                try:
                    catalog = polib.pofile(str(po_path))
                except (OSError, ValueError) as error:
                    raise CommandError(f"{po_path}: cannot be read: {error}") from error
                catalog.save_as_mofile(str(mo_path))
                compiled += 1
                self.stdout.write(f"compiled {po_path}")
        if options["verbosity"] > 1 or compiled:
            self.stdout.write(f"{compiled} catalog(s) compiled")
