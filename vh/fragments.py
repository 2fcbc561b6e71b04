"""Render one block of a template, also a block the template inherits (for `vh.htmx.render`).

jinja2-fragments' `render_block` finds only the blocks a template defines itself: a screen that
extends a frame (`{% extends "dossier/_dossier.html" %}`) and fills only the frame's inner block
cannot be asked for the frame's own block (`content`, the whole `#scherm`). This renders such a
block as `{% extends %}` would: the frame's block, with the screen's overrides of the blocks
nested in it. A block the template defines itself goes to jinja2-fragments unchanged.

Only a static `{% extends "name" %}` is followed. As with jinja2-fragments, top-level statements
of the templates (`{% set %}`, `{% from … import %}`) do not run for a fragment.
"""
from __future__ import annotations

from collections.abc import Iterator

from flask import current_app
from jinja2 import Template, nodes
from jinja2_fragments import BlockNotFoundError
from jinja2_fragments.flask import render_block as _render_own_block


def _parents(template: Template) -> Iterator[Template]:
    env, name, seen = template.environment, template.name, set()
    while name and name not in seen:
        seen.add(name)
        source = env.loader.get_source(env, name)[0]
        extends = env.parse(source, name).find(nodes.Extends)
        if extends is None or not isinstance(extends.template, nodes.Const):
            return
        name = extends.template.value
        yield env.get_template(name)


def render_block(template_name: str, block_name: str, **context) -> str:
    app = current_app._get_current_object()
    env = app.jinja_env
    template = env.get_template(template_name)
    if block_name in template.blocks:
        return _render_own_block(template_name, block_name, **context)
    app.update_template_context(context)
    ctx = template.new_context(context)
    for parent in _parents(template):  # nearest first, as {% extends %} stacks them
        for name, block in parent.blocks.items():
            ctx.blocks.setdefault(name, []).append(block)
    if block_name not in ctx.blocks:
        raise BlockNotFoundError(block_name, template_name)
    try:
        return env.concat(ctx.blocks[block_name][0](ctx))
    except Exception:
        return env.handle_exception()
