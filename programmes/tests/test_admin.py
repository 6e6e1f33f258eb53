"""Editors set a call's eligibility rules in the admin; the calls page is editable."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from programmes.eligibility import CareerStage
from programmes.tests.factories import CallPageFactory, calls_index_under

pytestmark = pytest.mark.django_db


def test_eligibility_rules_panel_shows_the_saved_rules(admin_client, site_tree):
    call = CallPageFactory(
        parent=site_tree.programme,
        title="Appel NORA",
        refugee_status_required=True,
        refugee_status_within_years=5,
        career_stages=[CareerStage.EMERGING],
    )
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[call.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="career_stages" value="emerging"' in html
    emerging = html[html.index('name="career_stages" value="emerging"') :]
    assert "checked" in emerging[: emerging.index(">")]
    assert 'name="refugee_status_within_years"' in html
    assert 'name="residence_rule"' in html


def test_years_limit_needs_the_refugee_status_rule(site_tree):
    call = CallPageFactory.build(refugee_status_required=False, refugee_status_within_years=5)
    with pytest.raises(ValidationError) as error:
        call.clean()
    assert "refugee_status_within_years" in error.value.error_dict


def test_unknown_career_stage_is_rejected(site_tree):
    field = CallPageFactory._meta.model._meta.get_field("career_stages")
    with pytest.raises(ValidationError):
        field.validate(["retired"], None)
    field.validate([CareerStage.EMERGING], None)


def test_calls_page_edit_view_loads(admin_client, site_tree):
    page = calls_index_under(site_tree.home)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
