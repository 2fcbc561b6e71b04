"""gunicorn wsgi:app   ·   flask --app wsgi <command>"""
from vh import create_app

app = create_app()
