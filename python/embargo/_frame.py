"""Screening answers as DataFrame columns: one output row per input row, the
input's columns first, then the best candidate's facts. Used by
Screener.screen_frame and, per partition, by embargo.dask.screen, so both give
the same frame.

    score           the best candidate's score; NaN when none reached the cutoff
    match           whether that score reaches the threshold (an alert)
    entity_id       the best candidate's entity id (None when there is none)
    entity_caption  its caption (primary name)
    matched_name    the listed name that matched
    dataset         the dataset the entity was loaded as
    explanation     the best match's explanation as JSON text (aligned tokens,
                    unmatched parts, every feature's contribution)
    warnings        how the row's fields were read, "; "-joined (None: none)
    error           why the row was not screened (None when it was)
"""

import json
import math

RESULT_COLUMNS = (
    ("score", "float64"),
    ("match", "bool"),
    ("entity_id", "object"),
    ("entity_caption", "object"),
    ("matched_name", "object"),
    ("dataset", "object"),
    ("explanation", "object"),
    ("warnings", "object"),
    ("error", "object"),
)


def check_columns(frame_columns):
    """A ValueError when the input already has a column the answer adds."""
    taken = [name for name, _ in RESULT_COLUMNS if name in set(frame_columns)]
    if taken:
        raise ValueError(f"the frame already has column(s) {', '.join(taken)}, which screening "
                         "adds: rename them first")


def _values(answer):
    best = answer["matches"][0] if answer["matches"] else None
    warnings = "; ".join(answer["warnings"]) or None
    error = answer.get("error")
    if best is None:
        return (math.nan, False, None, None, None, None, None, warnings, error)
    return (best["score"], best["match"], best["entity_id"], best["caption"], best["matched_name"],
            best["dataset"], json.dumps(best["explanation"], ensure_ascii=False), warnings, error)


def result_frame(frame, answers):
    """``frame`` (pandas) with the result columns added, from the parsed answers."""
    import pandas

    out = frame.copy()
    values = list(zip(*(_values(a) for a in answers))) if answers else [[]] * len(RESULT_COLUMNS)
    for (name, dtype), column in zip(RESULT_COLUMNS, values):
        # By position: the frame's index may repeat labels.
        out[name] = pandas.Series(list(column), dtype=dtype).to_numpy()
    return out


def result_meta(meta):
    """The empty frame a result has, for Dask's ``meta``."""
    return result_frame(meta.iloc[0:0], [])
