"""Create the administrator account if it is missing, and print how to log in."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Ensure a superuser exists. Username from ADMIN_USERNAME (default 'admin'), "
        "password from ADMIN_PASSWORD, or generated and printed once at creation."
    )

    def handle(self, *args, **options):
        username = os.environ.get("ADMIN_USERNAME", "admin").strip()
        if not username:
            raise CommandError("ADMIN_USERNAME is set but empty: give the admin a username.")
        email = os.environ.get("ADMIN_EMAIL", "admin@example.org")
        password = os.environ.get("ADMIN_PASSWORD")
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()

        if user is None:
            generated = not password
            password = password or secrets.token_urlsafe(12)
            user_model.objects.create_superuser(username=username, email=email, password=password)
            self.stdout.write(self.style.SUCCESS(f"Admin account created: {username}"))
            if generated:
                self.stdout.write(f"  password (shown once, keep it): {password}")
            else:
                self.stdout.write("  password: the value of ADMIN_PASSWORD")
        elif password:
            user.set_password(password)
            user.save(update_fields=["password"])
            self.stdout.write(f"Admin account: {username} (password reset to ADMIN_PASSWORD)")
        else:
            self.stdout.write(
                f"Admin account: {username} (password unchanged; it was printed when the "
                "account was created, or set ADMIN_PASSWORD and run again to reset it)"
            )
        self.stdout.write("  log in at /admin/")
