"""The admin's list and export of enquiries, with countries and languages named.

The CSV export neutralises cells a spreadsheet would run as formulas
(``portal.csv_export``), as the alert subscribers' export does.
"""

from django.utils.functional import cached_property
from wagtail.contrib.forms.views import SubmissionsListView

from enquiries.forms import display_value
from portal.csv_export import neutralise_formula

# Stored as codes so that every language's submissions compare; shown as names.
CODED_FIELD_TYPES = {"country", "language"}


class EnquirySubmissionsListView(SubmissionsListView):
    @cached_property
    def field_types(self):
        return {field.clean_name: field.field_type for field in self.form_page.get_form_fields()}

    def readable(self, field_type, value):
        if field_type in CODED_FIELD_TYPES:
            return display_value(field_type, value)
        return value

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        return type(row)(
            (name, self.readable(self.field_types.get(name), value)) for name, value in row.items()
        )

    def preprocess_field_value(self, field, value, export_format):
        # Visitors typed these cells: none may run as a formula in a spreadsheet.
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV and isinstance(value, str):
            return neutralise_formula(value)
        return value

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.is_export:
            # The columns of data_rows follow get_data_fields().
            column_types = [
                self.field_types.get(name) for name, _label in self.form_page.get_data_fields()
            ]
            for row in context["data_rows"]:
                row["fields"] = [
                    self.readable(field_type, value)
                    for field_type, value in zip(column_types, row["fields"], strict=True)
                ]
        return context
