#!/usr/bin/env python3
"""Run the yente compatibility suite and print counts per ported file.

    python3 tests/yente_compat/run.py [-v] [--gaps] [test_match test_search ...]

-v      one line per test
--gaps  also list the known gaps (expected failures) with their reasons

Exit status 0 when nothing failed: every test passed, was skipped as not
portable, or failed as a listed known gap. A known gap that passes is a
failure (remove it from that file's KNOWN_GAPS).
"""

import argparse
import importlib
import os
import sys
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree

FILES = ["test_match", "test_search", "test_entity", "test_app", "test_base", "test_reconcile", "test_client"]
COLUMNS = ("pass", "fail", "error", "gap", "unexpected", "difference", "not portable")


class Recorder(unittest.TextTestResult):
    """Remembers each test's outcome, keyed by its module."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.outcomes = []  # (module, test name, outcome, detail)

    def _note(self, test, outcome, detail=""):
        module = type(test).__module__
        name = getattr(test, "_testMethodName", str(test))
        self.outcomes.append((module, name, outcome, detail))

    def addSuccess(self, test):
        super().addSuccess(test)
        self._note(test, "pass")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._note(test, "fail", self._exc_info_to_string(err, test))

    def addError(self, test, err):
        super().addError(test, err)
        self._note(test, "error", self._exc_info_to_string(err, test))

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        kind = "difference" if reason.startswith(harness_difference_prefix()) else "not portable"
        self._note(test, kind, reason)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._note(test, "gap")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._note(test, "unexpected", "passes: remove it from KNOWN_GAPS")


def harness_difference_prefix():
    import harness
    return harness.DIFFERENCE_PREFIX


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--gaps", action="store_true", help="list the known gaps and their reasons")
    parser.add_argument("files", nargs="*", help="test files (module names) to run; default all")
    args = parser.parse_args()

    files = [f[:-3] if f.endswith(".py") else f for f in (args.files or FILES)]
    modules = [importlib.import_module(name) for name in files]
    suite = unittest.TestSuite(unittest.defaultTestLoader.loadTestsFromModule(m) for m in modules)

    import harness

    started = time.time()
    try:
        server = harness.server()
    except Exception as exc:
        print(f"yente_compat: cannot start the server: {exc}", file=sys.stderr)
        return 2
    boot = time.time() - started
    print("server:", " ".join(server.command), f"({boot:.1f} s to ready)")

    runner = unittest.TextTestRunner(resultclass=Recorder, verbosity=2 if args.verbose else 1,
                                     stream=sys.stdout)
    try:
        result = runner.run(suite)
    finally:
        harness.stop_server()
    elapsed = time.time() - started

    counts = {m: dict.fromkeys(COLUMNS, 0) for m in files}
    for module, _, outcome, _ in result.outcomes:
        counts[module][outcome] += 1
    width = max(len(m) for m in files) + 2
    print()
    print("file".ljust(width) + "".join(c.rjust(14) for c in COLUMNS) + "ported".rjust(10))
    totals = dict.fromkeys(COLUMNS, 0)
    for m in files:
        row = counts[m]
        ported = sum(row.values()) - row["not portable"]
        print(f"{m}.py".ljust(width) + "".join(str(row[c]).rjust(14) for c in COLUMNS) + str(ported).rjust(10))
        for c in COLUMNS:
            totals[c] += row[c]
    print("total".ljust(width) + "".join(str(totals[c]).rjust(14) for c in COLUMNS)
          + str(sum(totals.values()) - totals["not portable"]).rjust(10))
    print("gap = expected failure listed in KNOWN_GAPS; unexpected = a listed gap that passes; "
          "difference = a deliberate difference (DIFFERENCES, docs/YENTE.md)")

    if args.gaps:
        print()
        for m in modules:
            for name, reason in getattr(m, "KNOWN_GAPS", {}).items():
                print(f"{m.__name__}.{name}: {reason}")
    print(f"\n{len(result.outcomes)} tests in {elapsed:.1f} s")
    ok = not (totals["fail"] or totals["error"] or totals["unexpected"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
