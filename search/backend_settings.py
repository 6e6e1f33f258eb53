"""``WAGTAILSEARCH_BACKENDS`` for the portal, built from configuration.

Imported by the settings: no Django import here. One backend per language plus
``default`` (see ``search/backends/__init__.py`` for why). On the database
backend, PostgreSQL gets a text search configuration per language; with
``ELASTICSEARCH_URL`` every backend is Elasticsearch 8, each language in its
own indexes (``INDEX_PREFIX``) whose default analyzer is that language's, with
accents folded so that "résidences", "residence" and "résidence" meet.
"""

POSTGRES_TEXT_CONFIGS = {"fr": "french", "en": "english", "es": "spanish", "ar": "simple"}

ELASTICSEARCH_FILTERS = {
    "french_elision": {
        "type": "elision",
        "articles_case": True,
        "articles": [
            "l",
            "m",
            "t",
            "qu",
            "n",
            "s",
            "j",
            "d",
            "c",
            "jusqu",
            "quoiqu",
            "lorsqu",
            "puisqu",
        ],
    },
    "french_stop": {"type": "stop", "stopwords": "_french_"},
    "french_stemmer": {"type": "stemmer", "language": "light_french"},
    "english_possessive_stemmer": {"type": "stemmer", "language": "possessive_english"},
    "english_stop": {"type": "stop", "stopwords": "_english_"},
    "english_stemmer": {"type": "stemmer", "language": "english"},
    "spanish_stop": {"type": "stop", "stopwords": "_spanish_"},
    "spanish_stemmer": {"type": "stemmer", "language": "light_spanish"},
    "arabic_stop": {"type": "stop", "stopwords": "_arabic_"},
    "arabic_stemmer": {"type": "stemmer", "language": "arabic"},
}

# Stop words are removed before accents are folded (the lists carry accents),
# and stemming comes last, on folded words.
ELASTICSEARCH_ANALYZER_FILTERS = {
    "fr": ["french_elision", "lowercase", "french_stop", "asciifolding", "french_stemmer"],
    "en": [
        "english_possessive_stemmer",
        "lowercase",
        "english_stop",
        "asciifolding",
        "english_stemmer",
    ],
    "es": ["lowercase", "spanish_stop", "asciifolding", "spanish_stemmer"],
    "ar": ["lowercase", "decimal_digit", "arabic_stop", "arabic_normalization", "arabic_stemmer"],
    None: ["lowercase", "asciifolding"],
}


def elasticsearch_index_settings(language):
    """Index settings whose default analyzer is ``language``'s (None: no language)."""
    filters = ELASTICSEARCH_ANALYZER_FILTERS[language]
    return {
        "settings": {
            "analysis": {
                "filter": {
                    name: ELASTICSEARCH_FILTERS[name]
                    for name in filters
                    if name in ELASTICSEARCH_FILTERS
                },
                "analyzer": {
                    "default": {"type": "custom", "tokenizer": "standard", "filter": filters},
                },
            }
        }
    }


def search_backends(
    languages,
    *,
    postgres=False,
    elasticsearch_url="",
    index_prefix="ccr_",
    default_text_config="simple",
):
    """The backends setting for ``languages`` (codes), on the database or on Elasticsearch."""
    if elasticsearch_url:
        common = {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [elasticsearch_url],
            "TIMEOUT": 10,
        }
        backends = {
            "default": {
                **common,
                "INDEX_PREFIX": f"{index_prefix}default_",
                "INDEX_SETTINGS": elasticsearch_index_settings(None),
                "EXCLUDE_LANGUAGES": list(languages),
            }
        }
        for code in languages:
            backends[f"lang_{code}"] = {
                **common,
                "INDEX_PREFIX": f"{index_prefix}{code}_",
                "INDEX_SETTINGS": elasticsearch_index_settings(code),
                "LANGUAGES": [code],
            }
        return backends

    backends = {
        "default": {"BACKEND": "search.backends.database", "EXCLUDE_LANGUAGES": list(languages)}
    }
    if postgres:
        backends["default"]["SEARCH_CONFIG"] = default_text_config
    for code in languages:
        backends[f"lang_{code}"] = {"BACKEND": "search.backends.database", "LANGUAGES": [code]}
        if postgres:
            backends[f"lang_{code}"]["SEARCH_CONFIG"] = POSTGRES_TEXT_CONFIGS[code]
    return backends
