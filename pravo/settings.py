"""What a deployment decides: its public address and its contact for corrections and the press.

Set by whoever publishes a copy of the site (environment variables, read by mkdocs.yml and by
scripts/build.py). A production build refuses to start without both (`check_production`): a
published site must say where readers send corrections, and its cards, feed and canonical links
must carry its real address. A preview build (`make preview`, PRAVO_PREVIEW=1) may go without.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

PLACEHOLDER_SITE_URL = "https://pravo.example.org/"
EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
HANDLE = re.compile(r"^@[A-Za-z0-9_]{4,32}$")  # a Telegram username
URL = re.compile(r"^https://[^\s<>\"'()\\`]+$")


@dataclass(frozen=True)
class Settings:
    site_url: str = PLACEHOLDER_SITE_URL
    contact: str = ""

    @classmethod
    def from_environment(cls) -> Settings:
        return cls(site_url=os.environ.get("PRAVO_SITE_URL") or PLACEHOLDER_SITE_URL,
                   contact=os.environ.get("PRAVO_CONTACT", "").strip())


def contact_link(contact: str) -> str | None:
    """The address a contact opens: mailto: for an e-mail, t.me for @handle, the https address as it is;
    None for anything else."""
    if EMAIL.match(contact):
        return "mailto:" + contact
    if HANDLE.match(contact):
        return "https://t.me/" + contact[1:]
    if URL.match(contact):
        return contact
    return None


def check_production(settings: Settings) -> list[str]:
    """What stops a production build, each with how to set it."""
    problems = []
    if settings.site_url.rstrip("/") == PLACEHOLDER_SITE_URL.rstrip("/"):
        problems.append("PRAVO_SITE_URL is not set: cards, the feed and canonical links would carry the placeholder "
                        f"{PLACEHOLDER_SITE_URL} — set it to the public address, e.g. "
                        "PRAVO_SITE_URL=https://pravo.example.net/ make build (DEPLOY.md)")
    if not settings.contact:
        problems.append("PRAVO_CONTACT is not set: a published site must say where readers send corrections and "
                        "journalists their questions — set an e-mail address, a Telegram @handle or an https:// "
                        "address you read, e.g. PRAVO_CONTACT=corrections@example.net make build (DEPLOY.md)")
    elif contact_link(settings.contact) is None:
        problems.append(f"PRAVO_CONTACT={settings.contact!r} is neither an e-mail address, a Telegram @handle nor "
                        "an https:// address — write one of those")
    return problems
