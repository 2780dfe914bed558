#!/usr/bin/env python3
"""Dask screening throughput (names/s) on this machine, with 1 and 2 workers.

    PYTHONPATH=build/python /usr/bin/python3 bench/dask_throughput.py
        [--lists ../shared/data] [--snapshot FILE] [--clusters 1x1 2x1 1x2] [--repeat 3]
        [--rows N]

Writes a snapshot of the lists (every reference list by default) to a
temporary folder unless --snapshot names one, then screens the development
negatives (both files, 50,000 rows) with embargo.dask.screen on a LocalCluster
per --clusters entry (worker processes x threads per worker: 1x1, 2x1 and
1x2 by default), the snapshot loaded on every worker first
(embargo.dask.warm), four partitions per worker thread. The figure is rows /
wall time of .compute(), results gathered to the client, the best of --repeat
runs; the in-process Screener.screen_frame on 1 thread and on every core is
shown beside it. Not run in CI: minutes, and it wants a quiet machine.
"""

import argparse
import logging
import os
import sys
import tempfile
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared", "data")

import dask.dataframe  # noqa: E402
import pandas  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402

import embargo  # noqa: E402
import embargo.dask  # noqa: E402

warnings.filterwarnings("ignore", category=DeprecationWarning, module="tornado")
COLUMNS = {"full_name": "name", "date_of_birth": "birth_date"}


def customers():
    paths = [os.path.join(SHARED, "negatives", f"negatives-{k}-dev.csv") for k in ("global", "us")]
    frame = pandas.concat([pandas.read_csv(p, dtype=str, keep_default_na=False) for p in paths],
                          ignore_index=True)
    return frame[["full_name", "gender", "date_of_birth", "nationality"]]


def best_of(repeat, run):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def in_process(snapshot, frame, repeat):
    screener = embargo.load(snapshot=snapshot)
    screener.screen_frame(frame.head(1000), columns=COLUMNS)  # first-use tables
    for threads in (1, 0):
        seconds = best_of(repeat, lambda: screener.screen_frame(frame, columns=COLUMNS,
                                                                threads=threads))
        label = "1 thread" if threads == 1 else f"{os.cpu_count()} threads"
        print(f"in-process screen_frame, {label:>10}: {len(frame) / seconds:9,.0f} names/s "
              f"({seconds:.2f} s)")


def on_cluster(snapshot, frame, shape, repeat, tmp):
    workers, threads = (int(n) for n in shape.split("x"))
    with LocalCluster(n_workers=workers, threads_per_worker=threads, processes=True,
                      dashboard_address=None, local_directory=tmp,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        start = time.perf_counter()
        embargo.dask.warm(client, snapshot)
        load = time.perf_counter() - start
        ddf = dask.dataframe.from_pandas(frame, npartitions=4 * workers * threads)
        screened = embargo.dask.screen(ddf, snapshot=snapshot, columns=COLUMNS)
        screened.head(10, npartitions=1)  # first-use tables on a worker
        seconds = best_of(repeat, screened.compute)
        alerts = int(screened["match"].sum().compute())
        label = f"{workers} worker(s) x {threads} thread(s)"
        print(f"dask, {label:>27}: {len(frame) / seconds:9,.0f} names/s ({seconds:.2f} s; "
              f"snapshot load on the workers {load:.2f} s; {alerts} alerts)")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--lists", nargs="+", default=[SHARED])
    p.add_argument("--snapshot")
    p.add_argument("--clusters", nargs="+", default=["1x1", "2x1", "1x2"],
                   metavar="WORKERSxTHREADS", help="worker processes x threads per worker")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--rows", type=int, help="only the first ROWS customers")
    args = p.parse_args()
    frame = customers()
    if args.rows:
        frame = frame.head(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        snapshot = args.snapshot
        if snapshot is None:
            snapshot = os.path.join(tmp, "lists.idx")
            screener = embargo.load(lists=args.lists)
            screener.save_snapshot(snapshot)
            print(f"snapshot: {screener.entity_count:,} entities, {screener.name_count:,} names "
                  f"from {len(screener.datasets)} datasets")
        print(f"customers: {len(frame):,} rows (development negatives), machine: "
              f"{os.cpu_count()} cores")
        in_process(snapshot, frame, args.repeat)
        for shape in args.clusters:
            on_cluster(snapshot, frame, shape, args.repeat, tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
