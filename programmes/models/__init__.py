"""Residency programmes (Odyssée, NORA, emergency programmes) and their calls.

The calls, the programmes and the calls page each have their module; every name is
re-exported here, so that ``from programmes.models import CallPage`` keeps working
(migration 0002 names the field ``programmes.models.CareerStagesField``).
"""

from programmes.models.calls import CallPage, CallPageManager, CallQuerySet
from programmes.models.calls_page import CallIndexPage
from programmes.models.programmes import PartnerBlock, ProgrammeIndexPage, ProgrammePage
from programmes.models.shared import CareerStagesField, find_call_index

__all__ = [
    "CallIndexPage",
    "CallPage",
    "CallPageManager",
    "CallQuerySet",
    "CareerStagesField",
    "PartnerBlock",
    "ProgrammeIndexPage",
    "ProgrammePage",
    "find_call_index",
]
