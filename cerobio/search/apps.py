from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "cerobio.search"
    label = "sitesearch"
    verbose_name = "Site search"
