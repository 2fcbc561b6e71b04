"""Skeleton: the routes other features link to. Its owner replaces this module."""
from flask import Blueprint, abort

bp = Blueprint("politie", __name__)


@bp.route("/aanmelden/politie", methods=["GET", "POST"])
def kort():  # placeholder
    abort(404)


@bp.route("/aanmelden/politie-import", methods=["GET", "POST"])
def import_csv():  # placeholder
    abort(404)
