from django.apps import AppConfig


class ImagesConfig(AppConfig):
    name = "cerobio.images"
    label = "images"
    verbose_name = "Images"

    def ready(self):
        from cerobio.core.purge import new_version_on_change

        new_version_on_change("images.CerobioImage")
