"""Reading the YAML that volunteers write (data/, i18n/, front matter), safely and once.

- libyaml's parser where it is installed (several times faster than pure Python);
- dates stay the strings the volunteer wrote ("2026-11-22"), so schemas see the text;
- anchors and aliases (&a / *a) are refused with their line: nobody needs them in this data,
  and a few nested ones (a "billion laughs") would take gigabytes to expand;
- a file over MAX_BYTES is refused before it is parsed;
- a key written twice in one mapping is refused (YAML would silently keep the last);
- the composed node is kept, so a schema error can name the line it is on.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from pravo.problems import Problem

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_BYTES = 1024 * 1024  # the largest data file today is about 80 KB


class _Loader(Loader):
    """SafeLoader without the timestamp resolver: a date stays a string."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in Loader.yaml_implicit_resolvers.items()
}


@dataclass
class YamlFile:
    path: Path
    node: yaml.Node | None
    data: object


class YamlError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(problem.message)


def _duplicate_key(node: yaml.Node) -> yaml.Node | None:
    """The first key written twice in one mapping (YAML would silently keep the last), or None."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen = set()
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        return key
                    seen.add(key.value)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack += current.value
    return None


def _shared_node(node: yaml.Node) -> yaml.Node | None:
    """The first node reached twice (an alias), or None."""
    seen: set[int] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            return current
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack += [key, value]
        elif isinstance(current, yaml.SequenceNode):
            stack += current.value
    return None


def parse(text: str, path: Path, first_line: int = 1) -> YamlFile:
    """Parse `text` (from `path`, starting at `first_line` of it); raises YamlError with a Problem."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise YamlError(Problem(path, None, f"the file is over {MAX_BYTES // 1024} KB",
                                "split it, or ask a maintainer: data files this large are not expected"))
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        shared = _shared_node(node) if node is not None else None
        if shared is not None:
            raise YamlError(Problem(path, shared.start_mark.line + first_line,
                                    "YAML anchors and aliases (&name / *name) are not allowed here",
                                    "write the value out in full where it is needed"))
        duplicate = _duplicate_key(node) if node is not None else None
        if duplicate is not None:
            raise YamlError(Problem(path, duplicate.start_mark.line + first_line,
                                    f"the key `{duplicate.value}` is written twice (YAML keeps only the last one)",
                                    "remove one of them, or merge what they say"))
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise YamlError(Problem(path, mark.line + first_line if mark else first_line,
                                f"not valid YAML ({getattr(error, 'problem', None) or error})",
                                "check the indentation, and put text containing `:`, `#` or `[` in quotes")) from None
    finally:
        loader.dispose()
    return YamlFile(path, node, data)


def read(path: Path) -> YamlFile:
    """Read and parse one file; not UTF-8 or unreadable is a YamlError too."""
    if path.stat().st_size > MAX_BYTES:
        raise YamlError(Problem(path, None, f"the file is over {MAX_BYTES // 1024} KB",
                                "split it, or ask a maintainer: data files this large are not expected"))
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise YamlError(Problem(path, None, "the file is not UTF-8 (файл не в кодировке UTF-8)",
                                "save it as UTF-8")) from None
    return parse(text, path)


def node_line(node: yaml.Node | None, keys) -> int | None:
    """1-based line of the node at a JSON path (keys and list indexes), or of the nearest parent."""
    if node is None:
        return None
    for step in keys:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == step:
                    node = value
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            break
    return node.start_mark.line + 1
