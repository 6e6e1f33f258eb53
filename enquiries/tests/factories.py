import factory
import wagtail_factories

from enquiries.models import EnquiryFormField, EnquiryFormPage

# The form the team builds, as (label, field type, required), in French.
PROJECT_HOLDER_FIELDS = (
    ("Nom complet", "singleline", True),
    ("Organisation", "singleline", False),
    ("Adresse e-mail", "email", True),
    ("Pays", "country", True),
    ("Site patrimonial", "singleline", True),
    ("Votre projet", "multiline", True),
    ("Langue préférée", "language", True),
)


class EnquiryFormPageFactory(wagtail_factories.PageFactory):
    title = "Demande de renseignements"
    slug = "demande"
    intro = "<p>Présentez votre site et votre projet.</p>"
    thank_you_text = "<p>Merci, l’équipe vous répondra.</p>"
    to_address = "equipe@example.org"
    subject = "Nouvelle demande"

    class Meta:
        model = EnquiryFormPage


class EnquiryFormFieldFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Champ {n}")
    field_type = "singleline"
    required = True

    class Meta:
        model = EnquiryFormField


def build_enquiry_form(parent, **kwargs):
    """A published enquiry page under ``parent`` with the project holders' form."""
    page = EnquiryFormPageFactory(parent=parent, **kwargs)
    for order, (label, field_type, required) in enumerate(PROJECT_HOLDER_FIELDS):
        EnquiryFormFieldFactory(
            page=page, label=label, field_type=field_type, required=required, sort_order=order
        )
    # Publish a revision that has the fields, as an editor's "Publish" would.
    page.save_revision().publish()
    return EnquiryFormPage.objects.get(pk=page.pk)
