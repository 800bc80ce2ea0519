"""The demo site: the content folder (`content/`, docs/content.md) turned into records and pages.

This package sits on top of every app (it may import all of them, and none imports it). It reads
the data files, then creates what is missing in one order: the knowledge base, the guide pages,
the identifier rules, the shop and the trust pages. `manage.py load_demo` runs it.
"""
