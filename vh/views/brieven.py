"""Skeleton: the routes other features link to. Its owner replaces this module."""
from flask import Blueprint, abort

bp = Blueprint("brieven", __name__)


@bp.route("/aanmeldingen/<int:aanmelding_id>/brief", methods=["GET", "POST"])
def nieuw(aanmelding_id):  # placeholder
    abort(404)


@bp.route("/brieven/<int:brief_id>", methods=["GET"])
def toon(brief_id):  # placeholder
    abort(404)


@bp.route("/brieven/<int:brief_id>.pdf", methods=["GET"])
def pdf(brief_id):  # placeholder
    abort(404)
