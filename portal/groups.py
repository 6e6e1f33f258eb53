"""The editorial groups' names, shared by the apps that give them rights.

``cockpit.roles`` creates the groups and their rights; ``translations.review``
attaches the Reviewers' rights on each language's pages. The names are stored
in the database (``auth.Group.name``): changing one needs a data migration.
"""

COMMUNICATION_GROUP = "Communication"
PROGRAMMES_GROUP = "Programmes"
NETWORK_GROUP = "Network"
ADMINISTRATORS_GROUP = "Administrators"
REVIEWERS_GROUP = "Reviewers"
