from django.apps import AppConfig


class ImagesConfig(AppConfig):
    name = "cerobio.images"
    label = "images"
    verbose_name = "Images"
