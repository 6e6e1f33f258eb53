from wagtail.snippets.models import register_snippet

from home.models import Footer, NavigationMenu

register_snippet(NavigationMenu)
register_snippet(Footer)
