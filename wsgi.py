"""The WSGI entry point: `gunicorn wsgi:app` (`make run` adds --preload).

The search index's facts are read here, before gunicorn forks its workers when it
preloads, so every worker shares those arrays copy-on-write and answers its first search
without reading 100,000 stored documents first."""

from directory import create_app
from directory.warmup import warm

app = create_app()
warm(app)
