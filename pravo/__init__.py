"""Pravo's own Python tools that run outside MkDocs (see pravo/audit.py)."""
