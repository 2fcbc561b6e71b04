"""gunicorn settings for vh: `gunicorn -c gunicorn.conf.py wsgi:app` (make run does this).

Every value can be overridden from the environment (GUNICORN_CMD_ARGS, or the VH_* below)."""
import multiprocessing
import os

bind = os.environ.get("VH_BIND", f"127.0.0.1:{os.environ.get('PORT', '5000')}")
# Sync workers: each request holds one database connection for its duration. 2 × cores + 1 is
# gunicorn's rule of thumb; on SQLite more workers only queue on its single writer.
workers = int(os.environ.get("VH_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("VH_WORKER_TIMEOUT", 60))  # the largest police CSV takes well under this
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then (memory of big imports), not all at once.
max_requests = 2000
max_requests_jitter = 200
# Requests beyond 5 MB are refused by the app itself (VH_MAX_UPLOAD_BYTES); limit header sizes here.
limit_request_line = 8190
limit_request_fields = 100
# Access log to stdout without query strings (%(U)s is the path only): URLs carry ids, never names,
# but a query string could carry a search term.
accesslog = os.environ.get("VH_ACCESS_LOG", "-")
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("VH_LOG_LEVEL", "info")
# Behind a reverse proxy on the same host (README: Caddy); see also VH_TRUSTED_PROXIES.
forwarded_allow_ips = os.environ.get("VH_FORWARDED_ALLOW_IPS", "127.0.0.1")
