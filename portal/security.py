"""Content Security Policy: a strict one for the public site, a looser one for the admin.

The public site runs no inline script, so its policy (``CONTENT_SECURITY_POLICY``
in the settings) allows scripts from the site's own origin only. Wagtail's
admin cannot live under that policy: it ships inline scripts and styles, and
third-party admin widgets add more. Its pages, including the page previews it
shows in an iframe, get ``ADMIN_CONTENT_SECURITY_POLICY`` instead: no limit on
scripts or styles, but it still stops other sites from framing the admin
(clickjacking), ``<base>`` tag hijacking, plugins and forms posting elsewhere.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.shortcuts import render
from django.urls import reverse


def admin_path_prefix():
    """The path under which Wagtail's admin is served (``/admin/``)."""
    return reverse("wagtailadmin_home")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy under the admin's prefix."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(admin_path_prefix()):
            # A view's own @csp_replace/@csp_update still applies on top.
            return PolicyParts(
                config=dict(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]),
                update=parts.update,
                replace=parts.replace,
                nonce=parts.nonce,
            )
        return parts


def admin_lockout_response(request, original_response=None, credentials=None):
    """The page django-axes answers with when a username and address are locked out.

    It looks like the admin's sign-in page and speaks the admin's language (the
    browser's, as the sign-in page does); 429 tells clients to slow down.
    """
    cooloff = settings.AXES_COOLOFF_TIME
    minutes = max(1, round(cooloff.total_seconds() / 60)) if cooloff else None
    return render(
        request,
        "portal/admin_lockout.html",
        {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=429,
    )
