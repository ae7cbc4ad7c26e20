"""gunicorn's settings file, read from the directory it is started in (`make serve`, the systemd
unit of docs/deploy.md, scripts/bench_http.py). Command-line options still win."""

import gc
import threading
import time


def post_worker_init(worker):
    """Each worker builds the search's Thai dictionary (the registry's names: 20 s at 50,000
    agencies on a busy machine) in the background as soon as it starts, instead of inside the first
    search it serves; a search arriving before it is done waits for the same build.

    Then everything the worker holds so far (the dictionaries are over a million small objects) is
    moved out of the garbage collector's sight with `gc.freeze()`: a full collection walked them
    all, a 100–360 ms pause in whichever request happened to trigger it (docs/benchmarks.md,
    "Broad searches"). They live as long as the worker does, so there is nothing to collect."""
    from django.db import connection

    from coordination.search.segmenter import segmenter_warm

    def warm():
        started = time.monotonic()
        try:
            segmenter_warm()
            gc.freeze()
            worker.log.info("search dictionary ready in %.1f s", time.monotonic() - started)
        except Exception:  # the first search builds it then, and reports what went wrong
            worker.log.exception("warming the search dictionary failed")
        finally:
            connection.close()  # this thread's own connection

    threading.Thread(target=warm, name="warm-search-dictionary", daemon=True).start()
