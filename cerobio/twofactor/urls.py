"""The pages between the password and the admin; mounted at /admin/two-factor/ in cerobio/urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("enrol/", views.enrol, name="twofactor_enrol"),
    path("verify/", views.verify, name="twofactor_verify"),
]
