"""Batch input for the engine: rows as a list of dicts or a pandas DataFrame,
turned into columns of cells, (field, values) pairs, for
``_embargo.Screener.screen_columns``, which reads each cell as the CLI reads a
batch file's cell (python/bindings/row_fields.h).

Keys (dict keys, DataFrame column names) are the CLI's batch columns, read
as the CLI reads a header: case, spaces and '-' do not matter, and the common
other names are read too (full_name and customer_name for name; DOB,
date_of_birth and birthdate for birth_date; imo_number). Others can be
mapped onto them (``columns={"Kunde": "name"}``, the CLI's ``--map``). Keys
that are neither are left out with one QueryWarning per batch, as the CLI
warns of an unknown column.
"""

import warnings

from . import _embargo

FIELDS = ("id", "name", "schema", "birth_date", "nationality", "country", "gender", "id_number",
          "imo")


class QueryWarning(UserWarning):
    """A row's field was ignored or read more than one way, or a key was unknown."""


def is_dataframe(rows):
    """Whether ``rows`` is a pandas DataFrame (pandas not imported when absent)."""
    kind = type(rows)
    return kind.__name__ == "DataFrame" and kind.__module__.startswith("pandas.")


def plan(keys, columns=None):
    """The field each key goes to, as (key, field) pairs, and the unknown keys.

    ``columns`` maps keys onto fields; a mapping onto anything but a field is a
    ValueError. A key that names a field is used as that field unless mapped.
    """
    mapping = dict(columns or {})
    for key, field in mapping.items():
        if field not in FIELDS:
            raise ValueError(f"columns: '{key}' mapped to unknown field '{field}' "
                             f"(fields: {', '.join(FIELDS)})")
    pairs, unknown = [], []
    for key in keys:
        field = mapping.get(key, key if key in FIELDS else None)
        if field is None and isinstance(key, str):
            field = _embargo.column_field(key)
        if field is None:
            unknown.append(key)
        else:
            pairs.append((key, field))
    return pairs, unknown


def warn_unknown(unknown, stacklevel):
    for key in unknown:
        warnings.warn(f"ignoring unknown column '{key}' (map it with columns={{{key!r}: FIELD}})",
                      QueryWarning, stacklevel=stacklevel + 1)


def frame_plan(frame_columns, columns=None):
    """plan() for a DataFrame's columns: every mapped column must exist and one
    must give the name, as the CLI requires of a header."""
    keys = list(frame_columns)
    missing = [key for key in (columns or {}) if key not in keys]
    if missing:
        raise ValueError(f"columns: no column {', '.join(repr(k) for k in missing)} in the frame")
    pairs, unknown = plan(keys, columns)
    if not any(field == "name" for _, field in pairs):
        raise ValueError("no 'name' column in the frame (map one with columns={COLUMN: 'name'})")
    return pairs, unknown


def frame_columns(frame, pairs):
    """The cells of a DataFrame's planned columns, by position (names may repeat)."""
    position = {}
    for i, key in enumerate(frame.columns):
        position.setdefault(key, i)
    return [(field, frame.iloc[:, position[key]].tolist()) for key, field in pairs]


def to_columns(rows, columns=None, warn=True, stacklevel=2):
    """(pairs of (field, cells), row count) for a DataFrame or an iterable of dicts."""
    if is_dataframe(rows):
        pairs, unknown = frame_plan(rows.columns, columns)
        if warn:
            warn_unknown(unknown, stacklevel + 1)
        return frame_columns(rows, pairs), len(rows)
    rows = list(rows)
    keys = {}
    for i, row in enumerate(rows):
        if not hasattr(row, "get") or not hasattr(row, "keys"):
            raise TypeError(f"row {i}: expected a dict of fields, got {type(row).__name__}")
        for key in row.keys():
            keys.setdefault(key, None)
    pairs, unknown = plan(keys, columns)
    if warn:
        warn_unknown(unknown, stacklevel + 1)
    return [(field, [row.get(key) for row in rows]) for key, field in pairs], len(rows)


def _is_missing(value):
    return value is None or (isinstance(value, float) and value != value) or \
        type(value).__name__ in ("NAType", "NaTType")


def _text_or_missing(value):
    if _is_missing(value) or isinstance(value, (str, bytes)):
        return True
    if isinstance(value, (list, tuple)):
        return all(_is_missing(v) or isinstance(v, (str, bytes)) for v in value)
    return False


def take_non_text_names(cells):
    """Rows whose name cell is not text (a number, a bool, a dict...), as
    {row: "int 1"}; those cells become None so that they are not screened as
    their str() (1 alerted on the alias 1-P)."""
    bad = {}
    for field, values in cells:
        if field != "name":
            continue
        for i, value in enumerate(values):
            if not _text_or_missing(value):
                bad.setdefault(i, f"{type(value).__name__} {str(value)[:40]!r}")
                values[i] = None
    return bad

