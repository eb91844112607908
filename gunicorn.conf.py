"""gunicorn settings for contactguard: production and `bench/api.py` both start from this file.

    gunicorn -c gunicorn.conf.py --bind 0.0.0.0:8000 'admin:create_app()'

gunicorn also reads ./gunicorn.conf.py by itself when started from this folder. Command-line
options override what is set here (`--workers 4`), and so does GUNICORN_CMD_ARGS.
"""

# gthread, never sync: each open conversation page holds a live stream (admin/live.py, one thread)
# for up to LIVE_STREAM_SECONDS, and the sync worker neither runs requests side by side nor keeps
# a connection open between requests (closing one per request costs the server about 0.05 ms, but
# a client about 0.1 ms per request against 0.03 ms with keep-alive; README, "Speed").
worker_class = "gthread"
workers = 2
# workers × threads must exceed the open pages (their live streams) plus the requests in flight.
threads = 32
# Seconds an idle keep-alive connection is kept: the composer checks again within seconds while
# someone types. Behind a load balancer, set it above the balancer's idle timeout instead.
keepalive = 5
