"""Page or fragment, and the answer to a change, decided in one place (architecture.md,
convention 3). The htmx request headers are read through htmx-flask's `request.htmx`
(`create_app` installs its request class); the response headers are set with its
`make_response`. No other module reads or writes an HX-* header."""
from __future__ import annotations

from collections.abc import Callable, Mapping

from flask import flash, redirect, render_template
from htmx_flask import make_response, request

from .fragments import render_block  # also a block the template inherits from its frame

Block = str | Mapping[str, str] | None


def is_htmx() -> bool:
    """An htmx request that is not boosted and not a history restore."""
    hx = request.htmx
    return bool(hx) and not hx.boosted and not hx.history_restore_request


def is_fragment_request() -> bool:
    """An htmx request aimed at an element with an id: it wants a part of the page. (The
    follow-up of HX-Location targets the body, which has no id: it gets the whole page.)"""
    return is_htmx() and bool(request.htmx.target)


def fragment_block(block: Block) -> str | None:
    """The block this request wants of `block` (a name, or HX-Target id → name), or None for
    the whole page: not a fragment request, no block, or an unknown target."""
    if not block or not is_fragment_request():
        return None
    if isinstance(block, Mapping):
        return block.get(request.htmx.target or "")
    return block


def render(template: str, block: Block = None, *, status: int = 200, push_url: str | None = None,
           retarget: str | None = None, reswap: str | None = None, **ctx):
    """The whole page, or for an htmx request just `block`.

    `block` may map HX-Target ids to block names, for screens with more than one swappable
    region; an unknown target gets the whole page. `push_url`, `retarget` and `reswap` become
    HX-Push-Url, HX-Retarget and HX-Reswap, and only on a fragment (a whole page ignores them)."""
    name = fragment_block(block)
    if name:
        response = make_response(render_block(template, name, **ctx), status, push_url=push_url,
                                 retarget=retarget, reswap=reswap)
    else:
        response = make_response(render_template(template, **ctx), status)
    response.vary.add("HX-Request")
    return response


def redirect_after_post(location: str, *, target: str | None = None, swap: str | None = None,
                        reload: bool = False):
    """303 for a plain form. For an htmx request: HX-Location, so htmx loads `location` without
    a reload (into `target` with `swap` when given, else the whole body), or with `reload`
    HX-Redirect, a full page load (a new screen that shares nothing with this one)."""
    if not is_htmx():
        return redirect(location, 303)
    if reload:
        return make_response("", 204, redirect=location)
    if target:
        return make_response("", 204, location={"path": location, "target": target,
                                                "swap": swap or "innerHTML"})
    return make_response("", 204, location=location)


def answer(message: str | None, location: str, *, template: str | None = None, block: Block = None,
           context: Callable[[], dict] | None = None, key: str = "melding", category: str = "success",
           status: int = 200, target: str | None = None, swap: str | None = None,
           reload: bool = False, **ctx):
    """The one answer to a change, saying the same `message` on both paths.

    An htmx request for a known block of `template` gets that block, rendered with
    `context()` (called only then, so a plain POST does not pay for it) + `ctx` + the message
    as `key` (default `melding`). Any other request gets the message as a flash and
    `redirect_after_post(location, target=, swap=, reload=)`: 303 for a plain form, HX-Location
    (or HX-Redirect) for htmx, whose follow-up GET shows the flash on the page at `location`."""
    if template and fragment_block(block):
        values = {**(context() if context else {}), **ctx, key: message}
        return render(template, block, status=status, **values)
    if message:
        flash(message, category)
    return redirect_after_post(location, target=target, swap=swap, reload=reload)
