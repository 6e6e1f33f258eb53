"""World regions of the United Nations geoscheme (UN M49), for every country code.

The label page suggests members "of the visitor's region" who could sponsor a
project: a project in Lebanon sees the members in Western Asia first. Regions
are the M49 sub-regions, with sub-Saharan Africa and Latin America split into
their M49 intermediate regions (Western Africa, Caribbean, South America…), so
that each region is a neighbourhood rather than half a continent.

The mapping covers every code django-countries knows (a test checks it). M49
lists Taiwan nowhere ("other areas"); it is placed in Eastern Asia.
Antarctica belongs to no M49 region and gets one of its own.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class Region:
    code: str  # the UN M49 numeric code, e.g. "145"
    name: str  # translatable label, e.g. "Western Asia"
    continent: str  # translatable label of the M49 region above it
    countries: tuple[str, ...]  # ISO 3166-1 alpha-2 codes

    def __str__(self):
        return str(self.name)


AFRICA = pgettext_lazy("world region", "Africa")
AMERICAS = pgettext_lazy("world region", "Americas")
ASIA = pgettext_lazy("world region", "Asia")
EUROPE = pgettext_lazy("world region", "Europe")
OCEANIA = pgettext_lazy("world region", "Oceania")
ANTARCTICA = pgettext_lazy("world region", "Antarctica")


def _region(code, name, continent, countries):
    return Region(code, name, continent, tuple(countries.split()))


# In display order: continent by continent, as the UN lists them.
REGIONS = (
    _region("015", _("Northern Africa"), AFRICA, "DZ EG LY MA SD TN EH"),
    _region(
        "011", _("Western Africa"), AFRICA, "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG"
    ),
    _region("017", _("Middle Africa"), AFRICA, "AO CM CF TD CG CD GQ GA ST"),
    _region(
        "014",
        _("Eastern Africa"),
        AFRICA,
        "IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW",
    ),
    _region("018", _("Southern Africa"), AFRICA, "BW SZ LS NA ZA"),
    _region("021", _("Northern America"), AMERICAS, "BM CA GL PM US"),
    _region(
        "029",
        _("Caribbean"),
        AMERICAS,
        "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI",
    ),
    _region("013", _("Central America"), AMERICAS, "BZ CR SV GT HN MX NI PA"),
    _region("005", _("South America"), AMERICAS, "AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE"),
    _region("143", _("Central Asia"), ASIA, "KZ KG TJ TM UZ"),
    _region("030", _("Eastern Asia"), ASIA, "CN HK MO KP JP MN KR TW"),
    _region("035", _("South-eastern Asia"), ASIA, "BN KH ID LA MY MM PH SG TH TL VN"),
    _region("034", _("Southern Asia"), ASIA, "AF BD BT IN IR MV NP PK LK"),
    _region(
        "145",
        _("Western Asia"),
        ASIA,
        "AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE",
    ),
    _region("151", _("Eastern Europe"), EUROPE, "BY BG CZ HU PL MD RO RU SK UA"),
    _region("154", _("Northern Europe"), EUROPE, "AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB"),
    _region("039", _("Southern Europe"), EUROPE, "AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES"),
    _region("155", _("Western Europe"), EUROPE, "AT BE FR DE LI LU MC NL CH"),
    _region("053", _("Australia and New Zealand"), OCEANIA, "AU CX CC HM NZ NF"),
    _region("054", _("Melanesia"), OCEANIA, "FJ NC PG SB VU"),
    _region("057", _("Micronesia"), OCEANIA, "GU KI MH FM NR MP PW UM"),
    _region("061", _("Polynesia"), OCEANIA, "AS CK PF NU PN WS TK TO TV WF"),
    _region("010", ANTARCTICA, ANTARCTICA, "AQ"),
)

REGION_BY_COUNTRY = {country: region for region in REGIONS for country in region.countries}


def region_of(country_code):
    """The region of an ISO 3166-1 alpha-2 code (any case), or None when unknown."""
    return REGION_BY_COUNTRY.get(str(country_code or "").upper())
