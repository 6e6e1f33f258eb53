"""The news app's models, one module per concern (as wagtail.org's ``core/models/``)."""

from news.models.advocacy import (
    AdvocacyIndexPage,
    AdvocacyPositionPage,
    SignatoryBlock,
    with_position_papers,
)
from news.models.indexes import DatedIndexPage
from news.models.news import NewsCategory, NewsIndexPage, NewsPage, NewsPageTag

__all__ = [
    "AdvocacyIndexPage",
    "AdvocacyPositionPage",
    "DatedIndexPage",
    "NewsCategory",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "SignatoryBlock",
    "with_position_papers",
]
