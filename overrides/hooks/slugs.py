"""Readable, stable heading anchors in both alphabets: #что-делать-при-задержании.

Python-Markdown's default slugify drops non-Latin letters, so every Russian
heading became #_1, #_2 … — anchors that change whenever a heading is added and
that nobody can cite. Set here rather than in mkdocs.yml so the configuration
stays plain YAML that any tool (and the tests) can read safely.
"""
from pymdownx.slugs import slugify


def on_config(config):
    config.mdx_configs.setdefault("toc", {})["slugify"] = slugify(case="lower")
    return config
