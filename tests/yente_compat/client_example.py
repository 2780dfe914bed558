#!/usr/bin/env python3
"""A client of the yente API that makes the calls yente's example clients make.

yente's repository documents its API for clients with the scripts in its
`examples/` folder (its README only points to the online documentation).
This script is not a copy of them: it makes the same HTTP calls, with the
same request shapes, headers and parameters, and reads the same response
fields, so that running it against `embargo serve` shows whether those
examples would run unchanged against embargo. It mirrors:

  examples/match_api.py   POST /match/sanctions with a batch {"queries":
      {"q1": <Person: two names in two scripts, birthDate 1951>,
       "q2": <Company: name, jurisdiction "Russia">}}, the header
      "Authorization: Apikey <key>" with the key from OPENSANCTIONS_API_KEY
      ("Apikey None" when unset, as the example sends it), fails on any
      non-2xx status (raise_for_status), then reads
      responses.q1 / responses.q2 and prints q2's "query" and each of q2's
      "results" with pprint.
  examples/match_eval.py  the same batch without any header; on a non-2xx
      status prints the JSON body and exits 1; else prints every response's
      "query" and, per result, " ->" schema caption score match.
  examples/match_perf.py  a batch of three queries (the two above and a
      Person with twenty spellings of one name) posted repeatedly with the
      query parameter fuzzy=True, then fuzzy=False (requests writes a bool
      parameter as "True"/"False"); prints FAIL <status> for a non-2xx
      answer and TOOK <seconds> FUZZY <bool> per round.
  examples/load_test.py   from 10 threads sharing one keep-alive session, at
      random: the three-query batch to POST /match/sanctions (logs an error
      unless 200; collects every result "id"), GET /search/default with
      q from a fixed list ("petr~2 aven", "bla/blubb", ...) and
      limit=randint(0, 500) (logs an error unless 2xx or without "results";
      collects every result "id"), GET /entities/<a collected id> (status
      not checked), starting from the ids Q7747 and Q19077.

Standard library only. `requests`, which the examples use, is replaced by
`Session` below, which sends what requests sends for these calls: a JSON
body as json.dumps() gives it (ASCII, ", " and ": " separators) with
Content-Type: application/json, query parameters URL-encoded with bools as
"True"/"False", requests' default headers (Accept: */*, Accept-Encoding:
gzip, deflate, Connection: keep-alive, a User-Agent), one persistent
connection per thread, and gzip/deflate answers decoded.

The examples hard-code the hosted API's address; here it is --url (default
$YENTE_URL, else http://localhost:8000). The dataset in their paths is
--dataset for /match (default "sanctions") and --search-dataset for /search
(default "default"). --batch FILE sends another batch (same shape: queries
named q1 and q2) in place of the two example queries, e.g. to query names
that the data served holds.

    python3 client_example.py [--url URL] [--steps match_api,match_eval,...]

Exit status: 0 when every call the examples check succeeded; match_api
raises (status 1 with a traceback) and match_eval exits 1 as the examples
do; a failed match_perf or load_test call, which the examples only print or
log, also makes the status 1 here.
"""

import argparse
import gzip
import http.client
import json
import logging
import os
import random
import ssl
import sys
import threading
import time
import urllib.parse
import zlib
from concurrent.futures import ThreadPoolExecutor
from pprint import pprint

log = logging.getLogger("client_example")

# The example queries (the same entities as yente's examples describe).
EXAMPLE_1 = {
    "schema": "Person",
    "properties": {
        "name": ["Arkadiii Romanovich Rotenberg", "Ротенберг Аркадий"],
        "birthDate": ["1951"],
    },
}
EXAMPLE_2 = {
    "schema": "Company",
    "properties": {
        "name": ["Stroygazmontazh"],
        "jurisdiction": ["Russia"],
    },
}
EXAMPLE_3 = {
    "properties": {
        "name": [
            "ERMAKOV Valery Nikolaevich",
            "Ermacov Valeryi Nycolaevych",
            "Ermakov Valerij Nikolaevich",
            "Ermakov Valerij Nikolaevič",
            "Ermakov Valerijj Nikolaevich",
            "Ermakov Valeriy Nikolaevich",
            "Ermakov Valery Nykolaevych",
            "Ermakov Valeryi Nykolaevych",
            "Ermakov Valeryy Nikolaevich",
            "Ermakov Valeryy Nykolaevych",
            "Ermakov Valerȳĭ Nȳkolaevȳch",
            "Iermakov Valerii Mykolaiovych",
            "Jermakov Valerij Mikolajovich",
            "Jermakov Valerij Mikolajovič",
            "Jermakov Valerij Mykolajovyč",
            "Yermakov Valerii Mykolaiovych",
            "Yermakov Valerij Mykolajovych",
            "Yermakov Valeriy Mykolayovych",
            "Êrmakov Valerìj Mikolajovič",
            "ЕРМАКОВ Валерий Николаевич",
        ]
    },
    "schema": "Person",
}
BATCH = {"queries": {"q1": EXAMPLE_1, "q2": EXAMPLE_2}}
PERF_BATCH = {"queries": {"q1": EXAMPLE_1, "q2": EXAMPLE_2, "q3": EXAMPLE_3}}

# load_test's search queries and the entity ids it starts from.
SEARCH_QUERIES = ["vladimir putin", "hamas", "ukraine", "petr~2 aven", "bla/blubb"]
START_ENTITY_IDS = ["Q7747", "Q19077"]

STEPS = ("match_api", "match_eval", "match_perf", "load_test")
USER_AGENT = "python-requests/2.28.1"  # the version Debian ships


class HTTPError(Exception):
    """What requests' raise_for_status() raises."""

    def __init__(self, message, response):
        super().__init__(message)
        self.response = response


class Response:
    def __init__(self, status_code, reason, headers, content, url):
        self.status_code = status_code
        self.reason = reason
        self.headers = headers  # lower-cased names
        self.content = content
        self.url = url

    @property
    def ok(self):
        return self.status_code < 400

    @property
    def text(self):
        return self.content.decode("utf-8", errors="replace")

    def json(self):
        return json.loads(self.content)

    def raise_for_status(self):
        kind = "Client" if 400 <= self.status_code < 500 else "Server"
        if self.status_code >= 400:
            raise HTTPError(f"{self.status_code} {kind} Error: {self.reason} for url: {self.url}", self)


class Session:
    """requests.Session for these calls: keep-alive connections, one per thread."""

    def __init__(self, base_url, timeout=60):
        parts = urllib.parse.urlsplit(base_url)
        if parts.scheme not in ("http", "https"):
            raise ValueError(f"not an http(s) URL: {base_url}")
        self.base_url = base_url.rstrip("/")
        self.scheme = parts.scheme
        self.host = parts.hostname
        self.port = parts.port
        self.prefix = parts.path.rstrip("/")
        self.timeout = timeout
        self.connects = 0  # connections opened, over all threads
        self._lock = threading.Lock()
        self._local = threading.local()

    def _connection(self):
        conn = getattr(self._local, "conn", None)
        if conn is None:
            if self.scheme == "https":
                conn = http.client.HTTPSConnection(self.host, self.port, timeout=self.timeout,
                                                   context=ssl.create_default_context())
            else:
                conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            self._local.conn = conn
            self._local.fresh = True
            with self._lock:
                self.connects += 1
        return conn

    def _drop(self):
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
        self._local.conn = None

    def close(self):
        self._drop()

    def request(self, method, path, params=None, json_body=None, headers=None):
        target = self.prefix + path
        if params:
            target += "?" + urllib.parse.urlencode(params, doseq=True)
        hdrs = {
            "User-Agent": USER_AGENT,
            "Accept-Encoding": "gzip, deflate",
            "Accept": "*/*",
            "Connection": "keep-alive",
        }
        body = None
        if json_body is not None:
            body = json.dumps(json_body, allow_nan=False).encode("utf-8")
            hdrs["Content-Type"] = "application/json"
        elif method in ("POST", "PUT", "PATCH"):
            body = b""
        hdrs.update(headers or {})
        for attempt in (0, 1):
            conn = self._connection()
            reused = not self._local.fresh
            self._local.fresh = False
            try:
                conn.request(method, target, body=body, headers=hdrs)
                resp = conn.getresponse()
                content = resp.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # The server closed a kept-alive connection: urllib3 retries once, as here.
                self._drop()
                if attempt == 0 and reused:
                    continue
                raise
            except Exception:
                self._drop()
                raise
            break
        if resp.will_close:
            self._drop()
        encoding = (resp.getheader("Content-Encoding") or "").strip().lower()
        if encoding == "gzip":
            content = gzip.decompress(content)
        elif encoding == "deflate":
            try:
                content = zlib.decompress(content)
            except zlib.error:
                content = zlib.decompress(content, -zlib.MAX_WBITS)
        response_headers = {k.lower(): v for k, v in resp.getheaders()}
        return Response(resp.status, resp.reason, response_headers, content, self.base_url + target)

    def get(self, path, params=None, headers=None):
        return self.request("GET", path, params=params, headers=headers)

    def post(self, path, json=None, params=None, headers=None):
        return self.request("POST", path, params=params, json_body=json, headers=headers)


def match_api(session, api_key, batch=BATCH, dataset="sanctions", out=sys.stdout):
    """examples/match_api.py: the batch with an API key; returns the responses."""
    headers = {"Authorization": f"Apikey {api_key}"}
    response = session.post(f"/match/{dataset}", json=batch, headers=headers)
    response.raise_for_status()
    responses = response.json().get("responses")
    example_1_response = responses.get("q1")
    example_2_response = responses.get("q2")
    if example_1_response is None:
        raise KeyError("responses has no q1")
    pprint(example_2_response["query"], stream=out)
    for result in example_2_response["results"]:
        pprint(result, stream=out)
    return responses


def match_eval(session, batch=BATCH, dataset="sanctions", out=sys.stdout):
    """examples/match_eval.py: prints each query and its results; False when the call failed."""
    response = session.post(f"/match/{dataset}", json=batch)
    if not response.ok:
        pprint(response.json(), stream=out)
        return False
    responses = response.json().get("responses")
    for key, results in responses.items():
        print(results["query"], file=out)
        for res in results["results"]:
            print(" ->", res["schema"], res["caption"], res["score"], res["match"], file=out)
    return True


def match_perf(session, rounds=100, batch=PERF_BATCH, dataset="sanctions", out=sys.stdout):
    """examples/match_perf.py: the batch `rounds` times with fuzzy=True, then False; returns the failed statuses."""
    failed = []
    for fuzzy in (True, False):
        start = time.time()
        for _ in range(rounds):
            params = {"fuzzy": fuzzy}
            response = session.post(f"/match/{dataset}", json=batch, params=params)
            if not response.ok:
                print("FAIL", response.status_code, file=out)
                failed.append((fuzzy, response.status_code, response.text[:300]))
                continue
        end = time.time()
        print("TOOK", end - start, "FUZZY", fuzzy, file=out)
    return failed


def load_test(session, calls=1000, seed=0, queries=SEARCH_QUERIES, entity_ids=START_ENTITY_IDS,
              batch=PERF_BATCH, dataset="sanctions", search_dataset="default", workers=10):
    """examples/load_test.py, `calls` random calls (the example makes 100000).

    Returns what it saw: the errors the example logs, the count of each call,
    the ids collected and the statuses of the entity fetches.
    """
    rng = random.Random(seed)
    rng_lock = threading.Lock()
    ids = list(dict.fromkeys(entity_ids))
    seen = {"errors": [], "calls": {"match": 0, "search": 0, "entity": 0},
            "entity_status": {}, "ids": ids}
    lock = threading.Lock()

    def note(kind):
        with lock:
            seen["calls"][kind] += 1

    def collect(entity_id):
        with lock:
            if entity_id not in ids:
                ids.append(entity_id)

    def error(message):
        log.error(message)
        with lock:
            seen["errors"].append(message)

    def match_call():
        note("match")
        response = session.post(f"/match/{dataset}", json=batch)
        if response.status_code != 200:
            error(f"Failed [/match/{dataset}]: {response.status_code} {response.text[:300]}")
            return
        responses = response.json().get("responses")
        for resp in responses.values():
            for result in resp.get("results", []):
                collect(result["id"])

    def search_call():
        note("search")
        with rng_lock:
            q = rng.choice(queries)
            limit = rng.randint(0, 500)
        params = {"q": q, "limit": limit}
        response = session.get(f"/search/{search_dataset}", params=params)
        if not response.ok:
            error(f"Failed: /search/{search_dataset} q={q!r} limit={limit}: {response.status_code} {response.text[:300]}")
            return
        data = response.json()
        if "results" not in data:
            error(f"Invalid response: {data!r}")
            return
        for result in data["results"]:
            collect(result["id"])

    def entity_call():
        note("entity")
        with rng_lock, lock:
            entity_id = rng.choice(list(ids))
        response = session.get(f"/entities/{urllib.parse.quote(entity_id)}")
        with lock:
            statuses = seen["entity_status"].setdefault(entity_id, [])
            statuses.append(response.status_code)

    apis = [match_call, search_call, entity_call, entity_call]

    def pool_target(num):
        with rng_lock:
            api = rng.choice(apis)
        try:
            api()
        except (ConnectionError, http.client.HTTPException, OSError) as err:
            log.warning("HTTP error: %s", err)
            with lock:
                seen["errors"].append(f"HTTP error: {err}")
            time.sleep(0.1)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for _ in pool.map(pool_target, range(calls)):
            pass
    return seen


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default=os.environ.get("YENTE_URL", "http://localhost:8000"))
    parser.add_argument("--dataset", default="sanctions", help="dataset in /match/<dataset>")
    parser.add_argument("--search-dataset", default="default", help="dataset in /search/<dataset>")
    parser.add_argument("--batch", help="JSON file: a batch {\"queries\": {\"q1\": ..., \"q2\": ...}} to send in place of the examples'")
    parser.add_argument("--steps", default=",".join(STEPS), help=f"comma-separated, of {', '.join(STEPS)}")
    parser.add_argument("--rounds", type=int, default=100, help="match_perf rounds per fuzzy value")
    parser.add_argument("--calls", type=int, default=1000, help="load_test calls")
    parser.add_argument("--seed", type=int, default=0, help="load_test's random choices")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(name)s %(levelname)s %(message)s")

    steps = [s.strip() for s in args.steps.split(",") if s.strip()]
    unknown = [s for s in steps if s not in STEPS]
    if unknown:
        parser.error(f"unknown steps: {', '.join(unknown)}")
    batch = BATCH
    if args.batch:
        with open(args.batch, encoding="utf-8") as f:
            batch = json.load(f)

    session = Session(args.url)
    status = 0
    if "match_api" in steps:
        print("== match_api")
        match_api(session, os.environ.get("OPENSANCTIONS_API_KEY"), batch=batch, dataset=args.dataset)
    if "match_eval" in steps:
        print("== match_eval")
        if not match_eval(session, batch=batch, dataset=args.dataset):
            return 1
    if "match_perf" in steps:
        print("== match_perf")
        if match_perf(session, rounds=args.rounds, dataset=args.dataset):
            status = 1
    if "load_test" in steps:
        print("== load_test")
        seen = load_test(session, calls=args.calls, seed=args.seed, dataset=args.dataset,
                         search_dataset=args.search_dataset)
        print("calls:", json.dumps(seen["calls"], sort_keys=True))
        print("errors:", len(seen["errors"]))
        if seen["errors"]:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
