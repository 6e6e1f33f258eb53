"""Mounted under each language prefix: /fr/alerts/, /en/alerts/, …"""

from django.urls import path

from alerts import views

app_name = "alerts"

urlpatterns = [
    path("", views.subscribe_view, name="subscribe"),
    path("check-your-inbox/", views.check_inbox_view, name="check_inbox"),
    path("confirm/<str:token>/", views.confirm_view, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe_view, name="unsubscribe"),
]
