"""The `demo` fixture still works for a test pytest-django runs after a transactional test's flush.

pytest-django runs tests whose database use it cannot see at collection (a fixture asked for with
`request.getfixturevalue`) after the transactional tests, whose flush removes Wagtail's root page and
renumbers the content types. CI once failed on exactly that, on PostgreSQL.
"""

from django.test import Client


def test_demo_fixture_after_a_flush(request):
    home = request.getfixturevalue("demo")
    assert home.slug == "home"
    assert Client().get("/").status_code == 200
