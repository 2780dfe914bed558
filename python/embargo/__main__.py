"""python3 -m embargo: screen from the command line with the Python package.

    python3 -m embargo --lists PATH [PATH...] --name "Kim Song Chol" [--birth-date ...]
    python3 -m embargo --snapshot lists.idx --input customers.csv [--map full_name=name]

With --name: one JSON object, {"query", "matches", "warnings"}. With --input
(a CSV file with a header, UTF-8; "-" for stdin): one JSON line per row, as
`embargo screen --input` writes them. Exit status: 0 screened, 1 the lists or
the input could not be read, 2 a bad argument or an unusable --name, 3 some rows not screened.
"""

import argparse
import csv
import json
import sys
import warnings

import embargo


def _arguments(argv):
    p = argparse.ArgumentParser(prog="python3 -m embargo", description=__doc__.split("\n")[0])
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--lists", nargs="+", metavar="PATH", help="list files or folders")
    source.add_argument("--snapshot", metavar="FILE", help="an index file (embargo index build)")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--name", help="screen one party by this name")
    what.add_argument("--input", metavar="CSV", help="screen every row of a CSV file")
    p.add_argument("--birth-date")
    p.add_argument("--country", "--nationality", dest="country")
    p.add_argument("--schema")
    p.add_argument("--gender")
    p.add_argument("--id-number")
    p.add_argument("--imo")
    p.add_argument("--map", action="append", default=[], metavar="HEADER=FIELD",
                   help="read a CSV column as a field (repeatable)")
    p.add_argument("--threshold", type=float, default=embargo.DEFAULT_THRESHOLD)
    p.add_argument("--cutoff", type=float)
    p.add_argument("--limit", type=int, default=embargo.DEFAULT_LIMIT)
    p.add_argument("--dataset", action="append", dest="datasets", metavar="NAME",
                   help="only entities of this dataset (repeatable)")
    p.add_argument("--date-order", choices=["dmy", "mdy", "ymd"])
    p.add_argument("--threads", type=int, default=0, help="0: every core")
    return p.parse_args(argv)


def _mapping(pairs):
    mapping = {}
    for pair in pairs:
        header, sep, field = pair.partition("=")
        if not sep or not header or not field:
            raise ValueError(f"bad --map '{pair}': expected header=field")
        mapping[header] = field
    return mapping


def _screen_one(screener, args, options):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", embargo.QueryWarning)
        matches = screener.screen(args.name, birth_date=args.birth_date, country=args.country,
                                  schema=args.schema, gender=args.gender,
                                  id_number=args.id_number, imo=args.imo, **options)
    query = {k: v for k, v in (("name", args.name), ("birth_date", args.birth_date),
                               ("country", args.country), ("schema", args.schema),
                               ("gender", args.gender), ("id_number", args.id_number),
                               ("imo", args.imo)) if v is not None}
    answer = {"query": query, "matches": matches, "warnings": [str(w.message) for w in caught]}
    print(json.dumps(answer, ensure_ascii=False, indent=2))
    return 0


def _screen_file(screener, args, options):
    with (sys.stdin if args.input == "-" else open(args.input, newline="",
                                                   encoding="utf-8-sig")) as f:
        rows = list(csv.DictReader(f))
    answers = screener.screen_batch(rows, columns=_mapping(args.map), threads=args.threads,
                                    **options)
    for answer in answers:
        print(json.dumps(answer, ensure_ascii=False))
    not_screened = sum(1 for a in answers if "error" in a)
    print(f"screened {len(answers) - not_screened} of {len(answers)} rows, {not_screened} not "
          f"screened, {sum(1 for a in answers if any(m['match'] for m in a['matches']))} with "
          "alerts", file=sys.stderr)
    return 3 if not_screened else 0


def main(argv=None):
    args = _arguments(argv)
    try:
        screener = (embargo.load(snapshot=args.snapshot) if args.snapshot
                    else embargo.load(lists=args.lists))
    except embargo.LoadError as e:
        print(f"python3 -m embargo: {e}", file=sys.stderr)
        return 1
    options = {"threshold": args.threshold, "cutoff": args.cutoff, "limit": args.limit,
               "datasets": args.datasets, "date_order": args.date_order}
    try:
        if args.name is not None:
            return _screen_one(screener, args, options)
        return _screen_file(screener, args, options)
    except OSError as e:
        print(f"python3 -m embargo: {e}", file=sys.stderr)
        return 1
    except ValueError as e:  # QueryError is a ValueError
        print(f"python3 -m embargo: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
