from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "cerobio.demo"
    label = "demo"
    verbose_name = "Demo content"
