"""The network's models: the directory of centres, each centre's profile, and the CCR label.

One module per page; every name is re-exported here, so that ``from network.models
import CentrePage`` keeps working.
"""

from network.models.centres import CentreGalleryImage, CentrePage, map_tiles
from network.models.directory import NetworkIndexPage
from network.models.label import CharterCriterionBlock, LabelPage, SponsorSuggestions

__all__ = [
    "CentreGalleryImage",
    "CentrePage",
    "CharterCriterionBlock",
    "LabelPage",
    "NetworkIndexPage",
    "SponsorSuggestions",
    "map_tiles",
]
