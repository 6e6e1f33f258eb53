from wagtail.snippets.models import register_snippet

from portal.models import Theme

register_snippet(Theme)
