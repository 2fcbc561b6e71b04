"""Rich text: a small allow-list through bleach, and plain text ↔ simple HTML for textareas.

Users type in a plain textarea (no editor, no JavaScript): a blank line starts a new paragraph,
a line starting with "- " is a bullet. `sanitize()` is the only way rich text gets stored.
"""
from __future__ import annotations

import html
import re

import bleach

TAGS = ["p", "br", "strong", "em", "ul", "ol", "li"]
MAX_LENGTH = 20_000


# script and style are removed with their content (bleach alone would keep the content as text).
_GEVAARLIJK = re.compile(r"<\s*(script|style)\b[^>]*>.*?<\s*/\s*\1\s*>", re.I | re.S)


def sanitize(text: str) -> str:
    """Keep only p, br, strong, em, ul, ol, li (no attributes); everything else is removed/escaped."""
    text = _GEVAARLIJK.sub("", text or "")
    return bleach.clean(text, tags=TAGS, attributes={}, protocols=[], strip=True,
                        strip_comments=True).strip()


def is_leeg(value: str | None) -> bool:
    """True when sanitised HTML holds no visible text (e.g. only <p></p> or <br>)."""
    return not bleach.clean(value or "", tags=[], strip=True).strip()


_BLOCK = re.compile(r"^\s*<(p|ul|ol)[\s>]", re.I)


def tekst_naar_html(text: str) -> str:
    """Plain text of a textarea → sanitised HTML. Blocks that already are HTML are kept (sanitised)."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", text) if b.strip()]
    parts = []
    for block in blocks:
        if _BLOCK.match(block):
            parts.append(block)
            continue
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if lines and all(line.startswith(("- ", "* ", "• ")) for line in lines):
            parts.append("<ul>" + "".join(f"<li>{_inline(line[2:].strip())}</li>" for line in lines) + "</ul>")
        else:
            parts.append("<p>" + "<br>".join(_inline(line) for line in lines) + "</p>")
    return sanitize("\n".join(parts))


def van_tekst(text: str | None) -> str:
    """Plain text of a textarea → sanitised HTML, or "" when no visible text is left (so
    `if not van_tekst(...)` is the one "empty?" test of a text someone typed)."""
    value = tekst_naar_html(text)
    return "" if is_leeg(value) else value


def _inline(line: str) -> str:
    """Escape a line but let the allowed inline tags (<strong>, <em>) through."""
    escaped = html.escape(line, quote=False)
    return re.sub(r"&lt;(/?)(strong|em)&gt;", r"<\1\2>", escaped, flags=re.I)


def html_naar_tekst(value: str) -> str:
    """Sanitised HTML → the plain text shown in a textarea (inverse of `tekst_naar_html`)."""
    value = sanitize(value)
    value = re.sub(r"<br\s*/?>", "\n", value, flags=re.I)
    value = re.sub(r"<li>", "- ", value, flags=re.I)
    value = re.sub(r"</li>\s*", "\n", value, flags=re.I)
    value = re.sub(r"</(p|ul|ol)>\s*", "\n\n", value, flags=re.I)
    value = re.sub(r"<(p|ul|ol)>\s*", "", value, flags=re.I)
    value = re.sub(r"\n{3,}", "\n\n", value)
    return html.unescape(value).strip()
