"""Data files checked against their JSON Schemas in data/schemas/, each error with its line.

jsonschema (Draft 2020-12) is engine-neutral and well kept; the composed YAML node maps an
error's JSON path back to the line the volunteer wrote.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

import jsonschema
from referencing import Registry, Resource

from pravo.problems import Problem
from pravo.yamlfile import YamlFile, node_line


@functools.lru_cache(maxsize=8)
def _validators(schemas: Path, stamp: tuple) -> dict[str, jsonschema.Draft202012Validator]:
    loaded = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(schemas.glob("*.schema.json"))}
    registry = Registry().with_resources((name, Resource.from_contents(s)) for name, s in loaded.items())
    return {name: jsonschema.Draft202012Validator(s, registry=registry) for name, s in loaded.items()}


def validator(root: Path, name: str) -> jsonschema.Draft202012Validator:
    schemas = root / "data" / "schemas"
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(schemas.glob("*.schema.json")))
    return _validators(schemas, stamp)[name]


def _hint(error: jsonschema.ValidationError, schema_name: str) -> str:
    if error.validator == "required":
        return f"add the missing field (see data/schemas/{schema_name} and the entries around it)"
    if error.validator == "additionalProperties":
        return f"remove or rename the field; allowed fields are listed in data/schemas/{schema_name}"
    if error.validator == "pattern":
        return (f"write it in the form the schema expects ({error.schema.get('pattern')}); "
                "dates as \"2026-11-22\" in quotes; addresses with no spaces, quotes or brackets")
    if error.validator == "enum":
        return f"use one of: {', '.join(map(str, error.schema['enum']))}"
    if error.validator == "type":
        return f"this must be a {error.schema['type']}"
    if error.validator in ("maxLength", "maxItems"):
        return "make it shorter"
    return "compare with a correct entry in the same file"


def check(root: Path, document: YamlFile, schema_name: str) -> list[Problem]:
    """Every schema error of the document, one problem each, in file order.

    For an error inside an `anyOf`/`allOf`, jsonschema reports the best match; an error deep in a
    list is reported once, not once per alternative."""
    errors = sorted(validator(root, schema_name).iter_errors(document.data),
                    key=lambda e: (node_line(document.node, e.absolute_path) or 0, list(map(str, e.absolute_path))))
    problems = []
    for error in errors:
        best = jsonschema.exceptions.best_match([error])
        place = "/".join(map(str, best.absolute_path)) or "the file"
        problems.append(Problem(document.path, node_line(document.node, best.absolute_path),
                                f"{place}: {best.message}", _hint(best, schema_name)))
    return problems
