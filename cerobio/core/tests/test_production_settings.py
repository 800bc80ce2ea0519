"""Production grows through the environment alone: object storage, nginx cache refreshes, search, the task queue."""




def test_media_go_to_s3_when_a_bucket_is_named(load_production, monkeypatch):
    assert (
        load_production().STORAGES["default"]["BACKEND"]
        == "django.core.files.storage.FileSystemStorage"
    )
    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", "cerobio-media")
    monkeypatch.setenv("AWS_S3_CUSTOM_DOMAIN", "media.cerobio.example")
    production = load_production()
    storage = production.STORAGES["default"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "cerobio-media"
    assert storage["OPTIONS"]["querystring_auth"] is False, (
        "cached pages must not carry expiring links"
    )
    assert production.MEDIA_URL == "https://media.cerobio.example/"
    assert (
        production.STORAGES["staticfiles"]["BACKEND"]
        == "cerobio.core.staticfiles.StaticFilesStorage"
    )


def test_the_s3_storage_builds_public_addresses(load_production, monkeypatch, settings):
    from storages.backends.s3 import S3Storage

    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", "cerobio-media")
    monkeypatch.setenv("AWS_S3_CUSTOM_DOMAIN", "media.cerobio.example")
    options = load_production().STORAGES["default"]["OPTIONS"]
    storage = S3Storage(**options)
    assert storage.url("images/kit.jpg") == "https://media.cerobio.example/images/kit.jpg"


def test_publishing_refreshes_nginx_when_the_secret_is_set(load_production, monkeypatch):
    assert load_production().WAGTAILFRONTENDCACHE == {}
    monkeypatch.setenv("NGINX_CACHE_REFRESH_SECRET", "s3cret")
    monkeypatch.setenv("NGINX_CACHE_SERVERS", "10.0.0.5:443, 10.0.0.6:443")
    monkeypatch.setenv("SITE_URL", "https://cerobio.example")
    monkeypatch.setenv("AWS_CLOUDFRONT_DISTRIBUTION_ID", "E123")
    caches = load_production().WAGTAILFRONTENDCACHE
    assert caches["nginx"]["SECRET"] == "s3cret"
    assert caches["nginx"]["SERVERS"] == ["10.0.0.5:443", "10.0.0.6:443"]
    assert caches["nginx"]["BASE_URL"] == "https://cerobio.example"
    assert caches["cloudfront"]["DISTRIBUTION_ID"] == "E123"


def test_opensearch_through_the_environment(load_production, monkeypatch):
    assert (
        load_production().WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
        == "wagtail.search.backends.database"
    )
    monkeypatch.setenv("SEARCH_URL", "https://search.internal:9200")
    backend = load_production().WAGTAILSEARCH_BACKENDS["default"]
    assert backend["BACKEND"] == "wagtail.search.backends.opensearch2"
    assert backend["URLS"] == ["https://search.internal:9200"]


def test_tasks_go_to_the_database_queue(load_production):
    production = load_production()
    assert production.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert "django_tasks_db" in production.INSTALLED_APPS
