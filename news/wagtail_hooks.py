from wagtail.snippets.models import register_snippet

from news.models import NewsCategory

register_snippet(NewsCategory)
