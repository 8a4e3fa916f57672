"""Release text for ``extract``: read a file, strip HTML, split into sentences.

HTML is reduced to text with the standard library's parser; nothing is ever fetched.
Block elements become line breaks, so a headline and a dateline stay lines of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..errors import ParseError
from ..files import read_regular

MAX_BYTES = 5_000_000  # a press release is a few kilobytes; refuse what cannot be one
HEADER_LINES = 3  # where a dateline may be: the first lines of the release

_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
    "section", "article", "header", "footer", "time", "blockquote", "figcaption", "title",
    "main", "aside", "span",
}  # fmt: skip
_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "form",
         "button", "select", "iframe", "header"}  # fmt: skip
_VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "area", "base", "col"}
# Class or id words of page furniture: menus, breadcrumbs, sharing, cookie banners.
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|footer|header|cookies?|share|"
    r"social|related|sidebar|skip|banner|search|subscribe|newsletter|toolbar|language|"
    r"lang-switch)(?:$|[\s_-])",
    re.IGNORECASE,
)
_CONTENT = {"main", "article"}


@dataclass
class Release:
    """The plain text of a release and what its markup said about it."""

    text: str
    lines: list[str]
    title: str | None = None
    url: str | None = None  # canonical address, when the page or text gives one
    meta_date: str | None = None  # a machine-readable date in the markup


class _TextParser(HTMLParser):
    """The page's text without its furniture; the text of its <main> or <article> apart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.content: list[str] = []  # inside <main> or <article>
        self.skipping: list[str] = []  # open elements whose text is skipped
        self.inside = 0  # depth of <main>/<article>
        self.in_title = False
        self.title = ""
        self.heading = ""  # the first <h1>
        self.in_h1 = False
        self.url: str | None = None
        self.meta_date: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        furniture = _FURNITURE.search(f"{a.get('class', '')} {a.get('id', '')}")
        if tag not in _VOID and (tag in _SKIP or furniture or a.get("role") == "navigation"):
            self.skipping.append(tag)
        elif tag == "title":
            self.in_title = True
        elif tag == "h1":
            self.in_h1 = True
        elif tag == "link" and a.get("rel") == "canonical" and a.get("href"):
            self.url = self.url or a["href"]
        elif tag == "meta":
            self._meta(a)
        elif tag == "time" and a.get("datetime"):
            self.meta_date = self.meta_date or a["datetime"][:10]
        if tag in _CONTENT and not self.skipping:
            self.inside += 1
        if tag in _BLOCK:
            self._add("\n")

    def _meta(self, a: dict[str, str]) -> None:
        key = a.get("property") or a.get("name") or ""
        if key == "og:url" and a.get("content"):
            self.url = self.url or a["content"]
        elif key in ("article:published_time", "date", "dc.date") and a.get("content"):
            self.meta_date = self.meta_date or a["content"][:10]

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()
        elif tag == "title":
            self.in_title = False
        elif tag == "h1":
            self.in_h1 = False
        elif tag in _CONTENT and self.inside and not self.skipping:
            self.inside -= 1
        if tag in _BLOCK:
            self._add("\n")

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.in_title:
            self.title += data  # the <title> is metadata, not body text
            return
        if self.in_h1:
            self.heading += data
        self._add(data)

    def _add(self, text: str) -> None:
        if self.skipping:
            return
        self.parts.append(text)
        if self.inside:
            self.content.append(text)

    def text(self) -> str:
        """The <main>/<article> text when the page has one (with its heading first, when
        the heading stands outside it), else all the text that is not furniture."""
        content = "".join(self.content)
        if len(content.strip()) < 200:
            return "".join(self.parts)
        heading = _clean(self.heading)
        if heading and heading not in content:
            return heading + "\n" + content
        return content


def looks_like_html(path: Path, text: str) -> bool:
    if path.suffix.lower() in (".html", ".htm", ".xhtml"):
        return True
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<body", "<article", "<p>", "<div"))


def read_release(path: Path) -> Release:
    """The release in ``path`` as text; ``ParseError`` when it cannot be read."""
    try:
        raw = read_regular(path, MAX_BYTES)
    except OSError as exc:
        raise ParseError(
            f"cannot read the release: {exc.strerror or exc}",
            file=str(path),
            hint="give the path of a saved press release (plain text or HTML)",
        ) from None
    if len(raw) > MAX_BYTES:
        raise ParseError(
            f"the file is larger than {MAX_BYTES // 1_000_000} MB",
            file=str(path),
            hint="a press release is a few kilobytes: save just the article",
        )
    if b"\x00" in raw[:4096]:
        raise ParseError(
            "this is a binary file, not a press release", file=str(path), hint="save it as text"
        )
    text = raw.decode("utf-8-sig", errors="replace")
    return release_from_text(text, html=looks_like_html(path, text))


def release_from_text(text: str, *, html: bool = False) -> Release:
    title = url = meta_date = None
    if html:
        parser = _TextParser()
        parser.feed(text)
        parser.close()
        text = parser.text()
        title = _clean(parser.heading) or _clean(parser.title) or None
        url, meta_date = parser.url, parser.meta_date
    lines = [_clean(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    url = url or _url_line(lines)
    lines = [line for line in lines if not _is_url_line(line)]
    return Release("\n".join(lines), lines, title or _headline(lines), url, meta_date)


def _clean(line: str) -> str:
    return re.sub(r"\s+", " ", line.replace("\u00a0", " ")).strip()


_URL_LINE = re.compile(r"^(?:(?:source|url|link|address)\s*:\s*)?(https?://\S+)$", re.IGNORECASE)


def _is_url_line(line: str) -> bool:
    return bool(_URL_LINE.match(line))


def _url_line(lines: list[str]) -> str | None:
    for line in lines:
        m = _URL_LINE.match(line)
        if m:
            return m.group(1)
    return None


def _headline(lines: list[str]) -> str | None:
    """The first line of the header that reads like a title (five words or more)."""
    for line in lines[:HEADER_LINES]:
        if len(line.split()) >= 5:
            line = re.sub(r"^[A-Z][\w ]{0,20}:\s+", "", line)  # "News: ..." labels
            return re.sub(r"[,\s–-]+\d{1,2}[\s-]\w+[\s-]\d{4}$", "", line).strip() or None
    return None


# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "gen", "lt", "maj", "brig", "col", "adm", "cdr", "capt", "dr", "mr", "mrs", "ms", "st",
    "no", "prof", "amb", "gov", "sen", "rep", "vol", "fig", "e.g", "i.e", "u.s", "u.k", "vs",
    "jr", "sr", "cmdr", "gen.", "hon",
}  # fmt: skip
_MONTH_ABBREVIATIONS = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip
_BREAK = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    line: int  # which line of the release (0 = first): the header is lines 0..2
    foreign: bool = False  # written in another language than English: not read

    @property
    def header(self) -> bool:
        return self.line < HEADER_LINES and not self.text.endswith(".")


def split_sentences(lines: list[str]) -> list[Sentence]:
    out: list[Sentence] = []
    for number, line in enumerate(lines):
        foreign = is_foreign(line)
        for piece in _split_line(line):
            out.append(Sentence(len(out), piece, number, foreign or is_foreign(piece)))
    return out


# Short words frequent in English and in the other languages releases come in. A line is
# foreign when the other languages' words outnumber English ones (names stay neutral).
_ENGLISH = frozenset(
    re.findall(
        r"\w+",
        "the and of to in on with for was were is are by at his her their from as this that "
        "which has have will be an it",
    )
)
_OTHER = frozenset(
    re.findall(
        r"\w+",
        "le la les des du de l d et au aux un une est sont pour avec par dans sur qui que ont "
        "été ce cette ces sa ses leur leurs entre aussi également lors "  # fr
        "der die das und mit für von zu im ist den dem des eine einer "  # de
        "el los las del y con por para una en que se "  # es
        "il gli della delle dei di e per che sono",  # it
    )
)


def is_foreign(text: str) -> bool:
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    english = sum(w in _ENGLISH for w in words)
    other = sum(w in _OTHER and w not in _ENGLISH for w in words)
    return other >= 3 and other > english


def _split_line(line: str) -> list[str]:
    pieces, start = [], 0
    for m in _BREAK.finditer(line):
        before = line[start : m.start()].rsplit(" ", 1)[-1].lower()
        if before.rstrip(".") in _ABBREVIATIONS or re.fullmatch(r"[a-z]", before):
            continue  # "Lt. Gen. Wiermann", "J. Smith"
        if before.rstrip(".") in _MONTH_ABBREVIATIONS and line[m.end() : m.end() + 1].isdigit():
            continue  # "28 Nov. 2019"
        pieces.append(line[start : m.start() + 1].strip())
        start = m.end()
    pieces.append(line[start:].strip())
    return [p for p in pieces if p.strip(" .")]
