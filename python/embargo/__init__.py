"""embargo: sanctions screening from Python.

    import embargo
    screener = embargo.load(lists=["../shared/data/un/consolidated-2026-02-27.xml"])
    screener = embargo.load(snapshot="lists.idx")        # written by `embargo index build`
    screener.screen("Kim Song Chol", birth_date="1968-03-15", country="KP")
    screener.screen_batch([{"name": "...", "birth_date": "..."}, ...])   # or a DataFrame
    screener.screen_frame(customers_df)                  # a DataFrame with result columns

A Screener is an immutable snapshot of the lists, screened by C++ (embargo's
engine) with the GIL released; share one between threads freely. Results are
dicts in the JSON shape of the CLI's batch output and the HTTP API's matches.
Loading failures raise LoadError ("file:line: reason"). embargo.dask screens a
Dask DataFrame on a cluster.
"""

import json
import numbers
import os
import warnings

from embargo import _embargo
from embargo._rows import FIELDS, QueryWarning, to_columns
from embargo import _frame
from embargo import _rows

__all__ = ["DEFAULT_THRESHOLD", "FIELDS", "LoadError", "QueryError", "QueryWarning", "Screener",
           "load"]

DEFAULT_THRESHOLD = _embargo.DEFAULT_THRESHOLD
DEFAULT_LIMIT = 5
_DATE_ORDERS = ("dmy", "mdy", "ymd")


class LoadError(Exception):
    """A list or snapshot could not be loaded, or a snapshot not written.

    str() is the engine's message, "file:line:column: reason" with the parts it
    knows; ``file``, ``line``, ``column`` (0 = unknown) and ``reason`` hold them.
    """

    def __init__(self, error):
        super().__init__(error["text"])
        self.file = error["file"]
        self.line = error["line"]
        self.column = error["column"]
        self.reason = error["message"]

    def __reduce__(self):  # rebuilt from its parts across processes (a Dask worker's error)
        return (LoadError, ({"text": str(self), "file": self.file, "line": self.line,
                             "column": self.column, "message": self.reason},))


class QueryError(ValueError):
    """A single query could not be screened (no usable name or identifier)."""


def _paths(lists):
    if isinstance(lists, (str, bytes, os.PathLike)):
        return [os.fsdecode(lists)]
    return [os.fsdecode(p) for p in lists]


def load(lists=None, *, snapshot=None, dataset=None, max_file_bytes=None):
    """A Screener over list files or folders (``lists``) or a snapshot file.

    ``lists``: a path or paths; formats are detected from content, folders are
    read recursively (as ``embargo screen --lists``). ``snapshot``: an index file
    written by ``embargo index build`` or Screener.save_snapshot. ``dataset``
    names FtM / embargo-format files that name no dataset. Raises LoadError.
    """
    if (lists is None) == (snapshot is None):
        raise TypeError("load() takes lists=... or snapshot=..., one of them")
    if snapshot is not None:
        engine, error = _embargo.load_snapshot(os.fsdecode(snapshot))
    else:
        limit = _embargo.DEFAULT_MAX_FILE_BYTES if max_file_bytes is None else int(max_file_bytes)
        engine, error = _embargo.load_lists(_paths(lists), dataset or "", limit)
    if error is not None:
        raise LoadError(error)
    return Screener(engine)


def _is_number(value):
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _is_count(value):
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _check_options(threshold, cutoff, limit, date_order, threads=0):
    if not _is_number(threshold):
        raise TypeError(f"threshold must be a number in [0, 1], got {threshold!r}")
    if cutoff is not None and not _is_number(cutoff):
        raise TypeError(f"cutoff must be a number in [0, 1] or None, got {cutoff!r}")
    if not _is_count(limit):
        raise TypeError(f"limit must be an integer (at least 1), got {limit!r}")
    if not _is_count(threads) or threads < 0:
        raise ValueError(f"threads must be an integer, 0 for every core, got {threads!r}")
    if date_order is not None and not isinstance(date_order, str):
        raise TypeError(f"date_order must be one of {', '.join(_DATE_ORDERS)}, got {date_order!r}")
    if not 0 <= threshold <= 1:
        raise ValueError(f"threshold must be in [0, 1], got {threshold}")
    if cutoff is not None and not 0 <= cutoff <= 1:
        raise ValueError(f"cutoff must be in [0, 1], got {cutoff}")
    if cutoff is not None and cutoff > threshold:
        raise ValueError(f"cutoff {cutoff} is above the threshold {threshold}: the alerts "
                         "between them would be hidden")
    if int(limit) < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    if date_order is not None and date_order.lower() not in _DATE_ORDERS:
        raise ValueError(f"date_order must be one of {', '.join(_DATE_ORDERS)}, got {date_order!r}")


def _dataset_list(datasets):
    if datasets is None:
        return []
    return [datasets] if isinstance(datasets, str) else list(datasets)


class Screener:
    """Screens names and parties against one loaded snapshot of the lists.

    Immutable; safe to use from several threads at once. Screening options,
    on every method: ``threshold`` (a match at or above it is an alert),
    ``cutoff`` (candidates below are dropped; None: the threshold), ``limit``
    (candidates per row), ``datasets`` (only entities in these datasets),
    ``date_order`` ("dmy", "mdy", "ymd": how to read 03/04/1987; None keeps both
    readings).
    """

    __slots__ = ("_engine",)

    def __init__(self, engine):
        self._engine = engine

    def __reduce__(self):
        raise TypeError("an embargo.Screener cannot be pickled (sent to another process): load it "
                        "there, e.g. embargo.dask.screen(frame, snapshot=PATH) loads the snapshot "
                        "once on each worker")

    def __repr__(self):
        names = ", ".join(d["name"] for d in self.datasets)
        return f"<embargo.Screener {self.entity_count} entities, {self.name_count} names: {names}>"

    @property
    def datasets(self):
        """The datasets loaded: name, format, path, version_date, entity and name counts."""
        return self._engine.datasets

    @property
    def entity_count(self):
        return self._engine.entity_count

    @property
    def name_count(self):
        return self._engine.name_count

    def entity(self, entity_id):
        """The listed entity with this id as a dict (the store's entity JSON), or None."""
        if not isinstance(entity_id, str):
            raise TypeError(f"entity_id must be a str, got {type(entity_id).__name__}")
        text = self._engine.entity_json(entity_id)
        return None if text is None else json.loads(text)

    def save_snapshot(self, path):
        """Writes the index file ``embargo index build`` writes; LoadError on failure."""
        error = self._engine.save_snapshot(os.fsdecode(path))
        if error is not None:
            raise LoadError(error)

    def screen(self, name, *, birth_date=None, country=None, nationality=None, schema=None,
               gender=None, id_number=None, imo=None, threshold=DEFAULT_THRESHOLD, cutoff=None,
               limit=DEFAULT_LIMIT, datasets=None, date_order=None):
        """The candidates for one party, best first: a list of match dicts.

        Fields are read leniently, as the CLI's: what cannot be read is ignored
        with a QueryWarning. A party with no usable name (and no identifier)
        raises QueryError. Each match: entity_id, caption, dataset, schema,
        source_id, matched_name, score, match (score >= threshold), explanation.
        """
        row = {"name": name, "birth_date": birth_date, "country": country,
               "nationality": nationality, "schema": schema, "gender": gender,
               "id_number": id_number, "imo": imo}
        answer = self._answers([row], None, threshold, cutoff, limit, datasets, 1, date_order)[0]
        if "error" in answer:
            raise QueryError(answer["error"])
        for text in answer["warnings"]:
            warnings.warn(text, QueryWarning, stacklevel=2)
        return answer["matches"]

    def screen_batch(self, rows, *, columns=None, threshold=DEFAULT_THRESHOLD, cutoff=None,
                     limit=DEFAULT_LIMIT, datasets=None, threads=0, date_order=None):
        """One answer per row, in order: {"id", "matches", "warnings"}, plus "error"
        for a row that was not screened (no usable name), whose matches are empty.

        ``rows``: an iterable of dicts or a pandas DataFrame whose keys are the
        CLI's batch columns (id, name, schema, birth_date, nationality, country,
        gender, id_number, imo); ``columns`` maps other keys onto them. A row
        without an id gets its number (1-based). ``threads``: 0 for every core.
        """
        return self._answers(rows, columns, threshold, cutoff, limit, datasets, threads,
                             date_order, stacklevel=3)

    def screen_frame(self, frame, *, columns=None, threshold=DEFAULT_THRESHOLD, cutoff=None,
                     limit=DEFAULT_LIMIT, datasets=None, threads=0, date_order=None):
        """``frame`` (pandas) with the best candidate of each row added as columns:
        score, match, entity_id, entity_caption, matched_name, dataset,
        explanation (JSON text), warnings, error (see embargo._frame)."""
        if not _rows.is_dataframe(frame):
            raise TypeError(f"screen_frame takes a pandas DataFrame, got {type(frame).__name__} "
                            "(screen_batch takes a list of dicts)")
        _frame.check_columns(frame.columns)
        answers = self._answers(frame, columns, threshold, cutoff, limit, datasets, threads,
                                date_order, stacklevel=3)
        return _frame.result_frame(frame, answers)

    def _answers(self, rows, columns, threshold, cutoff, limit, datasets, threads, date_order,
                 warn=True, stacklevel=2):
        _check_options(threshold, cutoff, limit, date_order, threads)
        datasets = _dataset_list(datasets)
        if datasets:
            # A misspelt dataset would screen against nothing and clear every row.
            loaded = sorted(d["name"] for d in self.datasets)
            for name in datasets:
                if name not in loaded:
                    raise ValueError(f"unknown dataset {name!r}: loaded are {', '.join(loaded)}")
        cells, count = to_columns(rows, columns, warn=warn, stacklevel=stacklevel + 1)
        not_text = _rows.take_non_text_names(cells)
        texts = self._engine.screen_columns(cells, count, float(threshold),
                                            None if cutoff is None else float(cutoff), int(limit),
                                            datasets, int(threads),
                                            (date_order or "").lower())
        answers = [json.loads(t) for t in texts]
        for row, what in not_text.items():
            note = f"name must be text, got {what}"
            if "error" in answers[row]:
                answers[row]["error"] = note
            else:
                answers[row].setdefault("warnings", []).append(note + ": ignored")
        return answers
