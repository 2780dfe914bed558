"""Shared set-up for the yente compatibility suite.

One `embargo serve` is started per test run (lazily, by the first test class
that needs it) over yente's two test fixtures and stopped when the run ends.

Environment:
  EMBARGO_BIN    the binary (default: build/embargo under the repository)
  EMBARGO_DATA   the reference data folder (default: ../shared/data beside the
                 repository); the fixtures are read from its opensanctions/
  EMBARGO_SERVE_ARGS  extra arguments for `embargo serve` (split on spaces)
  YENTE_COMPAT_LOG    keep the server's log in this file (default: a temp file,
                      printed when the server fails to start)

yente's tests load each fixture file as one dataset named by its manifest
(`zala`, and here `t1` in place of yente's `parteispenden`, whose data are not
available locally). yente rewrites every entity's `datasets` to the loaded
dataset names it knows, so a zala entity reads `datasets: ["zala"]` whatever
source lists its own record names. The manifest below mirrors that; it is
written to a temp file and passed with `--manifest` once `embargo serve
--help` offers that option. Until then the files are passed with `--lists`
and embargo names each dataset itself: the difference shows as failures.
"""

import atexit
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

UPDATE_TOKEN = "test"  # yente test settings' update token
ZALA = "zala"  # yente's fixture dataset (conftest ZALA_MANIFEST)
T1 = "t1"  # second local dataset: stands in for yente's parteispenden

# Entities of the zala fixture the tests name.
ZAKHAROV = "NK-aU5ybkbRFJucf8YMwsJvDw"
ZAKHAROV_CAPTION = "Alexander Vyacheslavovich ZAKHAROV"
ZAKHAROV_REFERENT = "ofac-45937"
ZAKHAROV_ADDRESS = "addr-a300b5bf407e387d2cf1f1a2f74b8178edde276e"
LLC_CST = "NK-abdzbEBkqyT29GyREbiURZ"


def binary_path():
    return os.environ.get("EMBARGO_BIN") or os.path.join(REPO, "build", "embargo")


def data_dir():
    return os.environ.get("EMBARGO_DATA") or os.path.join(os.path.dirname(REPO), "shared", "data")


def fixture_path(name):
    return os.path.join(data_dir(), "opensanctions", name + ".ftm.json")


def manifest_text():
    """yente's manifest for the two fixture datasets, in its YAML form."""
    lines = ["schedule: null", "datasets:"]
    for name, title, version in (
        (ZALA, "Zala Test Dataset", None),
        (T1, "OpenSanctions t1 sample (EU FSF)", "100"),
    ):
        lines.append(f"  - name: {name}")
        lines.append(f"    title: {title}")
        lines.append(f"    path: {fixture_path(name)}")
        if version is not None:
            lines.append(f'    version: "{version}"')
        lines.append("    load: true")
    return "\n".join(lines) + "\n"


class Server:
    def __init__(self, extra_args=()):
        self.extra_args = list(extra_args)  # more `embargo serve` options, e.g. --api-keys FILE
        self.proc = None
        self.base = None
        self.tmp = None
        self.log_path = None
        self.command = None

    def start(self):
        binary = binary_path()
        if not os.access(binary, os.X_OK):
            raise RuntimeError(f"embargo binary not found or not executable: {binary} (set EMBARGO_BIN)")
        for name in (ZALA, T1):
            if not os.path.isfile(fixture_path(name)):
                raise RuntimeError(f"fixture missing: {fixture_path(name)} (set EMBARGO_DATA)")
        self.tmp = tempfile.mkdtemp(prefix="yente_compat_")
        manifest = os.path.join(self.tmp, "manifest.yml")
        with open(manifest, "w", encoding="utf-8") as f:
            f.write(manifest_text())
        help_text = subprocess.run([binary, "serve", "--help"], capture_output=True, text=True).stdout
        args = [binary, "serve"]
        if "--manifest" in help_text:
            args += ["--manifest", manifest]
        else:
            args += ["--lists", fixture_path(ZALA), "--lists", fixture_path(T1)]
        if "--update-token" in help_text:
            args += ["--update-token", UPDATE_TOKEN]
        args += ["--listen", "127.0.0.1:0"]
        args += self.extra_args
        args += os.environ.get("EMBARGO_SERVE_ARGS", "").split()
        self.command = args
        self.log_path = os.environ.get("YENTE_COMPAT_LOG") or os.path.join(self.tmp, "serve.log")
        log = open(self.log_path, "w", encoding="utf-8")
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=log, text=True, cwd=REPO)
        log.close()
        port = self._read_port(timeout=60)
        self.base = f"http://127.0.0.1:{port}"
        self._wait_ready(timeout=120)

    def _read_port(self, timeout):
        found = {}

        def reader():
            for line in self.proc.stdout:
                m = re.search(r"http://127\.0\.0\.1:(\d+)", line)
                if m and "port" not in found:
                    found["port"] = int(m.group(1))
            # keep draining so the server never blocks on a full pipe

        threading.Thread(target=reader, daemon=True).start()
        deadline = time.time() + timeout
        while time.time() < deadline:
            if "port" in found:
                return found["port"]
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("embargo serve did not report its port:\n" + self._log_tail())

    def _wait_ready(self, timeout):
        deadline = time.time() + timeout
        last = None
        while time.time() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                r = request("GET", "/readyz", server=self)
                last = r.status
                if r.status == 200 and r.json().get("status") == "ok":
                    return
            except OSError as exc:
                last = exc
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"embargo serve not ready ({last}):\n" + self._log_tail())

    def _log_tail(self):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                return "".join(f.readlines()[-30:])
        except OSError:
            return ""

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None
        if self.tmp and not os.environ.get("YENTE_COMPAT_LOG"):
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None


_server = None
_server_error = None


def server():
    """The one server of this run, started on first use."""
    global _server, _server_error
    if _server_error is not None:
        raise RuntimeError(_server_error)
    if _server is None:
        s = Server()
        try:
            s.start()
        except Exception as exc:  # remembered: every class fails fast, not after 120 s each
            _server_error = str(exc)
            raise
        _server = s
        atexit.register(stop_server)
    return _server


def stop_server():
    global _server
    if _server is not None:
        _server.stop()
        _server = None


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # http.client.HTTPMessage: case-insensitive .get
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")

    def json(self):
        return json.loads(self.body)

    def __repr__(self):
        return f"<{self.status} {self.text[:600]}>"


_opener = urllib.request.build_opener()


def request(method, path, params=None, json_body=None, form=None, headers=None, server=None):
    """One HTTP request to the server; never raises for an HTTP status."""
    srv = server or globals()["server"]()
    url = srv.base + path
    if params:
        url += ("&" if "?" in path else "?") + urllib.parse.urlencode(params, doseq=True)
    data = None
    hdrs = dict(headers or {})
    if json_body is not None:
        data = json.dumps(json_body).encode("utf-8")
        hdrs.setdefault("Content-Type", "application/json")
    elif form is not None:
        data = urllib.parse.urlencode(form).encode("utf-8")
        hdrs.setdefault("Content-Type", "application/x-www-form-urlencoded")
    elif method == "POST":
        data = b""
    req = urllib.request.Request(url, data=data, headers=hdrs, method=method)
    try:
        with _opener.open(req, timeout=60) as resp:
            return Response(resp.status, resp.headers, resp.read())
    except urllib.error.HTTPError as err:
        return Response(err.code, err.headers, err.read())


def get(path, params=None, headers=None):
    return request("GET", path, params=params, headers=headers)


def post(path, params=None, json=None, form=None, headers=None):
    return request("POST", path, params=params, json_body=json, form=form, headers=headers)


# FollowTheMoney's schemata (followthemoney.model.schemata), for the shape check.
FTM_SCHEMATA = frozenset(
    """Address Airplane Analyzable Article Assessment Asset Associate Audio BankAccount Call
    CallForTenders Company Contract ContractAward CourtCase CourtCaseParty CryptoWallet Debt
    Directorship Document Documentation EconomicActivity Email Employment Event Family Folder
    HyperText Identification Image Interest Interval LegalEntity License Mention Message Note
    Occupancy Organization Ownership Package Page Pages Passport Payment Person PlainText Position
    Project ProjectParticipant PublicBody RealEstate Representation Sanction Security Similar
    Succession Table TaxRoll Thing Transaction Trip UnknownLink UserAccount Value Vehicle Vessel
    Video Workbook""".split()
)

ENTITY_KEYS = ("id", "caption", "schema", "properties", "datasets", "referents", "target",
               "first_seen", "last_seen", "last_change")
_SECONDS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")
_DATASET_NAME = re.compile(r"^[a-z0-9_]+$")


def check_timestamp(tc, value, where=""):
    """yente's wire form for first_seen/last_seen/last_change: 2023-04-20T18:00:25."""
    tc.assertIsInstance(value, str, where)
    tc.assertRegex(value, _SECONDS, f"{where}: not YYYY-MM-DDTHH:MM:SS without zone")


def check_entity_shape(tc, data, where="entity"):
    """The fields every yente EntityResponse carries, with their types (conftest's check)."""
    tc.assertIsInstance(data, dict, where)
    missing = [k for k in ENTITY_KEYS if k not in data]
    tc.assertEqual(missing, [], f"{where}: missing keys; has {sorted(data)}")
    tc.assertTrue(isinstance(data["id"], str) and data["id"], f"{where}: id")
    tc.assertTrue(isinstance(data["caption"], str) and data["caption"], f"{where}: caption")
    tc.assertIn(data["schema"], FTM_SCHEMATA, f"{where}: schema")
    tc.assertIsInstance(data["properties"], dict, f"{where}: properties")
    for prop, values in data["properties"].items():
        tc.assertIsInstance(values, list, f"{where}.properties.{prop}")
        for value in values:
            if isinstance(value, dict):
                check_entity_shape(tc, value, f"{where}.properties.{prop}[]")
            else:
                tc.assertIsInstance(value, str, f"{where}.properties.{prop}[]")
    tc.assertIsInstance(data["datasets"], list, f"{where}: datasets")
    for name in data["datasets"]:
        tc.assertRegex(name, _DATASET_NAME, f"{where}: dataset name")
    tc.assertIsInstance(data["referents"], list, f"{where}: referents")
    for ref in data["referents"]:
        tc.assertIsInstance(ref, str, f"{where}: referents[]")
    tc.assertIsInstance(data["target"], bool, f"{where}: target")
    for key in ("first_seen", "last_seen", "last_change"):
        if data[key] is not None:
            check_timestamp(tc, data[key], f"{where}.{key}")


def by_id(tc, items, entity_id):
    """The one entity with this id in a list of entity dicts."""
    found = [d for d in items if isinstance(d, dict) and d.get("id") == entity_id]
    tc.assertEqual(len(found), 1, f"{entity_id} in {[d.get('id') if isinstance(d, dict) else d for d in items]}")
    return found[0]


class YenteTestCase(unittest.TestCase):
    maxDiff = 2000

    @classmethod
    def setUpClass(cls):
        server()

    def assertStatus(self, resp, status):
        self.assertEqual(resp.status, status, resp)


DIFFERENCE_PREFIX = "deliberate difference (docs/YENTE.md): "


def apply_differences(cls, differences):
    """Skip the tests named in a file's DIFFERENCES: where embargo deliberately
    answers otherwise than yente, each with its reason (listed in docs/YENTE.md)."""
    for name, reason in differences.items():
        method = getattr(cls, name, None)
        if method is None:
            raise AttributeError(f"DIFFERENCES names {name}, which {cls.__name__} does not have")
        setattr(cls, name, unittest.skip(DIFFERENCE_PREFIX + reason)(method))
    return cls


def apply_known_gaps(cls, gaps):
    """Mark the tests named in a file's KNOWN_GAPS as expected failures.

    YENTE_COMPAT_IGNORE_GAPS=1 leaves them unmarked, to see how each one fails.
    """
    ignore = os.environ.get("YENTE_COMPAT_IGNORE_GAPS") == "1"
    for name in gaps:
        method = getattr(cls, name, None)
        if method is None:
            raise AttributeError(f"KNOWN_GAPS names {name}, which {cls.__name__} does not have")
        if not ignore:
            setattr(cls, name, unittest.expectedFailure(method))
    return cls


if __name__ == "__main__":
    s = server()
    print("serving", s.base, "command:", " ".join(s.command))
    stop_server()
    sys.exit(0)
