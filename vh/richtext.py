"""Rich text in, safe HTML out: bleach with a small allow-list (architecture.md, convention 6).

Text typed in a plain textarea (no editor, works without JavaScript) becomes paragraphs and line
breaks; HTML pasted from elsewhere keeps only p, br, strong, em, ul, ol, li, without attributes.
Everything else is stripped; the content of script and style elements is dropped entirely.
"""
from __future__ import annotations

import html as html_lib
import re

import bleach

TOEGELATEN = ["p", "br", "strong", "em", "ul", "ol", "li"]
_BLOK = re.compile(r"<\s*(p|ul|ol|li|br)\b", re.IGNORECASE)
_GEVAARLIJK = re.compile(r"<\s*(script|style)\b[^>]*>.*?<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL)


def schoon(html: str | None) -> str:
    """Sanitised HTML: only the allow-listed tags, no attributes, no comments."""
    text = _GEVAARLIJK.sub("", html or "")
    return bleach.clean(text, tags=TOEGELATEN, attributes={}, protocols=[], strip=True,
                        strip_comments=True).strip()


def naar_html(tekst: str | None) -> str:
    """User input → safe HTML. Plain text gets <p> per paragraph and <br> per line break."""
    html = schoon(tekst)
    if not html or _BLOK.search(html):
        return html
    paragrafen = [p.strip() for p in re.split(r"\n\s*\n", html.replace("\r\n", "\n")) if p.strip()]
    return "".join("<p>" + p.replace("\n", "<br>") + "</p>" for p in paragrafen)


def naar_tekst(html: str | None) -> str:
    """Back to plain text for a textarea (a correction starts from the earlier version)."""
    text = re.sub(r"<br\s*/?>", "\n", html or "", flags=re.IGNORECASE)
    text = re.sub(r"</p>\s*", "\n\n", text, flags=re.IGNORECASE)
    text = re.sub(r"</li>\s*", "\n", text, flags=re.IGNORECASE)
    # The stored HTML escapes &, < and >; the textarea escapes again when rendered.
    text = html_lib.unescape(bleach.clean(text, tags=[], strip=True))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def is_leeg(html: str | None) -> bool:
    return not bleach.clean(html or "", tags=[], strip=True).strip()
