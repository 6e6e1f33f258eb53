"""Spreadsheet exports that a spreadsheet program cannot turn into formulas.

A CSV cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return, which some programs skip before reading one of those) is run as a
formula when the file is opened (CSV injection). Visitors type what ends up
in the team's exports (an e-mail address may legally start with ``=``, an
enquiry's text with anything), so every exported cell goes through
``neutralise_formula``. XLSX exports need nothing: Wagtail writes every
cell as a string there.
"""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Prefix ``'`` to a CSV value a spreadsheet would read as a formula."""
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value
