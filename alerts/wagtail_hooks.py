"""The team's side of the alerts, in Wagtail's admin (menu "Alerts").

Subscribers: list, search by address, filter by language and confirmation,
export (CSV, XLSX) and delete, which removes their deliveries too (GDPR
access and erasure). Nobody can add a subscriber from the admin: consent
comes from the person, through the confirmation link. Deliveries: what was
sent to whom, and what failed with which error, read-only.

Permissions are Django's model permissions ("view", "change", "delete"
subscriptions; "view" deliveries), given to groups in Settings → Groups.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from alerts.models import AlertDelivery, Subscription
from portal.csv_export import neutralise_formula


class LimitedModelPermissionPolicy(ModelPermissionPolicy):
    """The model's permissions, except for actions the admin never offers."""

    def __init__(self, model, denied_actions):
        super().__init__(model)
        self.denied_actions = frozenset(denied_actions)

    def user_has_permission(self, user, action):
        return action not in self.denied_actions and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action not in self.denied_actions]
        )


register_permission_policy(
    Subscription, LimitedModelPermissionPolicy(Subscription, {"add"}), exact_class=True
)
# A record of what happened, never written by hand; deleting a subscriber
# deletes their deliveries.
register_permission_policy(
    AlertDelivery,
    LimitedModelPermissionPolicy(AlertDelivery, {"add", "change", "delete"}),
    exact_class=True,
)


class SubscriptionIndexView(generic.IndexView):
    custom_field_preprocess = {
        field: {"csv": neutralise_formula} for field in ("email", "consent_text")
    }


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    icon = "mail"
    menu_label = _("Subscribers")
    add_to_admin_menu = False
    index_view_class = SubscriptionIndexView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "email",
        "language",
        "programmes_display",
        "confirmed",
        "consent_at",
        "unsubscribed_at",
        "created_at",
    ]
    list_filter = ["language", "confirmed"]
    search_fields = ["email"]
    search_backend_name = None  # a plain database search: subscribers are not indexed
    list_export = [
        "email",
        "language",
        "all_programmes",
        "programmes_display",
        "confirmed",
        "created_at",
        "confirmation_sent_at",
        "consent_at",
        "consent_version",
        "consent_text",
        "unsubscribed_at",
    ]
    export_filename = "alert-subscribers"
    panels = [
        FieldPanel("email", read_only=True),
        FieldPanel("language"),
        FieldPanel("all_programmes"),
        FieldPanel("programmes", widget=forms.CheckboxSelectMultiple),
    ]

    def get_queryset(self, request):
        return Subscription.objects.prefetch_related("programmes")


class AlertDeliveryViewSet(ModelViewSet):
    model = AlertDelivery
    icon = "history"
    menu_label = _("Deliveries")
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "subscription",
        "alert",
        "status",
        "attempts",
        "last_attempt_at",
        "sent_at",
        "last_error",
    ]
    list_filter = ["status"]
    search_fields = ["subscription__email", "alert__call_title"]
    search_backend_name = None
    form_fields = []

    def get_queryset(self, request):
        return AlertDelivery.objects.select_related("subscription", "alert")


class AlertsViewSetGroup(ViewSetGroup):
    menu_label = _("Alerts")
    menu_icon = "mail"
    menu_order = 250
    items = (SubscriptionViewSet("alert_subscriptions"), AlertDeliveryViewSet("alert_deliveries"))


@hooks.register("register_admin_viewset")
def register_alerts_viewsets():
    return AlertsViewSetGroup()
