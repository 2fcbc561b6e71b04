from flask import Blueprint

bp = Blueprint("beheer", __name__)
