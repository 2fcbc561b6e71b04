"""Page or fragment, decided in one place (architecture.md, convention 3)."""
from __future__ import annotations

from flask import make_response, redirect, render_template, request
from .fragments import render_block  # also a block the template inherits from its frame


def is_htmx() -> bool:
    """An htmx request that is not boosted and not a history restore."""
    h = request.headers
    return (h.get("HX-Request") == "true" and h.get("HX-Boosted") != "true"
            and h.get("HX-History-Restore-Request") != "true")


def is_fragment_request() -> bool:
    """An htmx request aimed at an element with an id: it wants a part of the page. (The
    follow-up of HX-Location targets the body, which has no id: it gets the whole page.)"""
    return is_htmx() and bool(request.headers.get("HX-Target"))


def render(template: str, block: str | dict[str, str] | None = None, *, status: int = 200, **ctx):
    """The whole page, or for an htmx request just `block`.

    `block` may map HX-Target ids to block names, for screens with more than one swappable
    region; an unknown target gets the whole page."""
    name = block
    if isinstance(block, dict):
        name = block.get(request.headers.get("HX-Target", ""))
    if name and is_fragment_request():
        body = render_block(template, name, **ctx)
    else:
        body = render_template(template, **ctx)
    response = make_response(body, status)
    response.vary.add("HX-Request")
    return response


def redirect_after_post(location: str):
    """303 for a plain form; for an htmx request HX-Location, so htmx loads it without a reload."""
    if is_htmx():
        response = make_response("", 204)
        response.headers["HX-Location"] = location
        return response
    return redirect(location, 303)

