from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search import admin_views


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [
        path(
            "reports/searches-without-results/",
            admin_views.zero_result_queries,
            name="search_zero_result_queries",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_zero_result_report_menu_item():
    return MenuItem(
        _("Searches without results"),
        reverse("search_zero_result_queries"),
        icon_name="search",
        order=710,
    )
