"""Screening a Dask DataFrame of customers on a Dask cluster.

    import dask.dataframe as dd
    from distributed import Client
    import embargo.dask

    client = Client("tcp://scheduler:8786")
    customers = dd.read_parquet("customers/")
    screened = embargo.dask.screen(customers, snapshot="/shared/lists.idx",
                                   columns={"full_name": "name", "dob": "birth_date"})
    alerts = screened[screened.match].compute()

Each partition is screened by Screener.screen_frame, so the result is the
input's columns plus the best candidate's (embargo._frame): score, match,
entity_id, entity_caption, matched_name, dataset, explanation (JSON text),
warnings, error; one row per input row. Every worker process loads the
snapshot once and keeps it, keyed by its path and the file's identity (a
snapshot replaced in place is loaded again); the path must name the file on
every worker (a shared file system, or the same path on each machine).
Dask supplies the parallelism: each partition is screened on `threads`
threads (1 by default), so run workers with one thread per core.
"""

import os
import threading

import embargo
from embargo import _frame, _rows

__all__ = ["screen", "warm"]

_lock = threading.Lock()  # guards _screeners and _loads
_screeners = {}  # real path -> ((mtime_ns, size, inode), Screener)
_loads = 0


def _identity(path):
    st = os.stat(path)
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def snapshot_screener(path):
    """This process's Screener for the snapshot at ``path``, loaded on first use."""
    global _loads
    real = os.path.realpath(path)
    with _lock:
        try:
            identity = _identity(real)
        except OSError as e:  # as embargo.load reports a file it cannot read
            reason = f"cannot read the snapshot: {e.strerror}"
            raise embargo.LoadError({"text": f"{path}: {reason}", "file": path, "line": 0,
                                     "column": 0, "message": reason}) from None
        cached = _screeners.get(real)
        if cached is not None and cached[0] == identity:
            return cached[1]
        _screeners.pop(real, None)  # an older version of the file: let it go first
        screener = embargo.load(snapshot=real)
        _screeners[real] = (identity, screener)
        _loads += 1
        return screener


def load_count():
    """How many snapshots this process has loaded (for tests and monitoring)."""
    with _lock:
        return _loads


def _screen_partition(partition, snapshot, columns, options):
    screener = snapshot_screener(snapshot)
    answers = screener._answers(partition, columns, warn=False, **options)
    return _frame.result_frame(partition, answers)


def screen(frame, snapshot, *, columns=None, threshold=embargo.DEFAULT_THRESHOLD, cutoff=None,
           limit=embargo.DEFAULT_LIMIT, datasets=None, threads=1, date_order=None):
    """A lazy Dask DataFrame: ``frame`` with each row's best candidate added.

    ``snapshot``: the index file (``embargo index build``), made absolute here;
    it must be readable at that path on every worker. ``columns`` maps the
    frame's columns onto the fields (as Screener.screen_batch); unknown columns
    are kept in the output and warned of once, here. The screening options are
    Screener.screen_frame's.
    """
    if not hasattr(frame, "map_partitions"):
        raise TypeError(f"frame must be a Dask DataFrame (dask.dataframe.from_pandas(...) makes "
                        f"one of a pandas frame), got {type(frame).__name__}")
    pairs, unknown = _rows.frame_plan(frame.columns, columns)
    _rows.warn_unknown(unknown, stacklevel=2)
    _frame.check_columns(frame.columns)
    embargo._check_options(threshold, cutoff, limit, date_order, threads)
    options = {"threshold": threshold, "cutoff": cutoff, "limit": limit,
               "datasets": embargo._dataset_list(datasets), "threads": threads,
               "date_order": date_order}
    return frame.map_partitions(_screen_partition, os.path.abspath(os.fspath(snapshot)),
                                dict(columns or {}), options,
                                meta=_frame.result_meta(frame._meta))


def warm(client, snapshot):
    """Loads the snapshot on every worker of ``client`` now, rather than with
    the first partition each screens; returns {worker address: load count}."""
    path = os.path.abspath(os.fspath(snapshot))
    return client.run(_warm_worker, path)


def _warm_worker(path):
    snapshot_screener(path)
    return load_count()
