from django.apps import AppConfig


class TwoFactorConfig(AppConfig):
    name = "cerobio.twofactor"
    label = "twofactor"
    verbose_name = "Two-factor authentication"
