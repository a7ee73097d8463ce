"""Discreet mode (`extra.discreet: true`, or PRAVO_DISCREET=true): neutral tab icon and logo.

The neutral tab title and site name come from i18n/*.yml (`discreet.*`) in the
templates; this hook swaps the pictures, which live in the theme configuration.
"""


def on_config(config):
    if config.extra.get("discreet"):
        config.theme["favicon"] = "assets/images/neutral.svg"
        config.theme["icon"]["logo"] = "material/note-text-outline"
    return config
