"""Getting a server ready before it forks: read the search index's facts (the arrays every
search, count and filter uses) once, then close what must not cross a fork (the index's
open files, database connections) and freeze the objects made so far, so gunicorn's
preloaded workers share them copy-on-write instead of each reading its own copy."""

import gc
import logging
import time

from . import catalogue, search
from .extensions import db
from .search.languages import load_dictionaries

log = logging.getLogger(__name__)
WARM_SEARCH = "/search?q=support&near=92630"


def warm(app):
    """Read the index's facts and the category counts, then make the process fork-safe."""
    started = time.perf_counter()
    with app.app_context():
        try:
            search.store().snapshot()
            load_dictionaries()  # spelling's word lists: ~2 s, shared by the workers
            catalogue.category_counts()
            for name in app.jinja_env.list_templates(extensions=("html",)):
                app.jinja_env.get_template(name)  # compiled once, not per worker
            # One search as a person would make it: loads the ZIP gazetteer and fills
            # SQLAlchemy's statement caches, which a first visitor would otherwise wait for.
            app.test_client().get(WARM_SEARCH, headers={"Accept-Language": "en"})
        except Exception:  # a server without its index yet still starts; searches build it
            log.exception("Could not read the search index before serving")
        finally:
            search.store().detach()
            db.session.remove()
            db.engine.dispose()
    gc.collect()
    gc.freeze()  # the collector then leaves these pages alone in the workers
    log.info("Search index facts read in %.1f s", time.perf_counter() - started)
