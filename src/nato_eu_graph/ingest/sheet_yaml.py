"""Reading a YAML fact sheet safely, keeping the line of every mapping and key.

Safe loading with limits on size, nesting and node count; text must be UTF-8. The
lines let every later error (resolution, shapes) point at the place in the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..errors import ParseError
from .parse import MAX_LITERAL_CHARS, MAX_NESTING

MAX_NODES = 200_000  # YAML nodes in one sheet: far beyond any real sheet, bounds memory


class Mapping(dict[str, Any]):
    """A YAML mapping that remembers its line and the line of each key."""

    line: int = 0
    key_lines: dict[str, int]


def load_yaml(raw: bytes, file: str) -> Any:
    """Safe YAML, scalars kept as strings, aliases and custom tags refused, lines kept."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: fast on big scalars
    text = decode(raw, file)
    try:
        _check_events(yaml.parse(text, Loader=loader), file)
        node = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ParseError(
            f"YAML syntax error: {exc.problem or exc}",
            file=file,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
            hint="check indentation and quoting at that place",
        ) from None
    except yaml.YAMLError as exc:
        raise ParseError(
            f"YAML error: {exc}", file=file, hint="save it as plain UTF-8 text"
        ) from None
    counter = [0]
    return _convert(node, file, counter) if node is not None else Mapping()


def _check_events(events: Iterable[Any], file: str) -> None:
    """One streaming pass before anything is built: no aliases, no deep nesting (the
    composer recurses), no giant scalars. Stops at the first problem."""
    import yaml

    depth = 0
    for event in events:
        line = _mark_line(event.start_mark)
        if isinstance(event, yaml.AliasEvent):
            raise ParseError(
                "YAML aliases (*name) are not allowed in fact sheets",
                file=file,
                line=line,
                hint="write the value out in full",
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_NESTING:
                raise ParseError(
                    f"the sheet nests deeper than {MAX_NESTING} levels",
                    file=file,
                    line=line,
                    hint="a fact sheet needs three or four levels",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.ScalarEvent) and len(event.value) > MAX_LITERAL_CHARS:
            raise ParseError(
                f"a value of {len(event.value):,} characters is longer than the limit "
                f"of {MAX_LITERAL_CHARS:,}",
                file=file,
                line=line,
                hint="keep long texts in the source page, not in the sheet",
            )


def _mark_line(mark: Any) -> int | None:
    return int(mark.line) + 1 if mark is not None else None


def _convert(node: Any, file: str, counter: list[int]) -> Any:
    import yaml

    counter[0] += 1
    if counter[0] > MAX_NODES:
        raise ParseError(
            f"the sheet has more than {MAX_NODES} YAML nodes",
            file=file,
            hint="split it into smaller sheets",
        )
    line = node.start_mark.line + 1
    if node.tag not in _PLAIN_TAGS:
        raise ParseError(
            f"YAML tag {node.tag!r} is not allowed", file=file, line=line, hint="remove the tag"
        )
    if isinstance(node, yaml.MappingNode):
        out = Mapping()
        out.line, out.key_lines = line, {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in out:
                raise ParseError(
                    f"the key {key!r} appears twice in one mapping",
                    file=file,
                    line=key_node.start_mark.line + 1,
                    hint="keep one of them",
                )
            out.key_lines[key] = key_node.start_mark.line + 1
            out[key] = _convert(value_node, file, counter)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(v, file, counter) for v in node.value]
    return None if node.tag.endswith(":null") else str(node.value)


_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{t}"
    for t in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp")
}


def decode(raw: bytes, file: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ParseError(
            f"invalid UTF-8 (byte 0x{raw[exc.start]:02x})",
            file=file,
            line=line,
            hint="save the file as UTF-8",
        ) from None
