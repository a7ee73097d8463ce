"""Pravo's own logic, free of any site engine: the data in data/ and i18n/, the page markers,
the volunteer checks and the post-build pipeline. overrides/hooks/pravo_mkdocs.py hands MkDocs'
events to it; ARCHITECTURE.md draws the whole flow."""
