"""yente's example clients (its examples/ folder) against `embargo serve`.

client_example.py, beside this file, makes the calls that yente's
examples/match_api.py, match_eval.py, match_perf.py and load_test.py make,
with the same request shapes, headers and parameters, and reads the same
response fields (see its docstring). Here it runs, as a script and imported,
against the suite's server over the fixtures, and against a second server
started with an API keys file, since match_api.py sends
"Authorization: Apikey <OPENSANCTIONS_API_KEY>".

Expected results are what the examples would print against yente over the
same data: the example's own names (Rotenberg, Stroygazmontazh, Ermakov) are
in neither fixture, so they are answered with no match; the same calls with
names the zala fixture lists (Zakharov, Kalashnikov Concern) find them.
"""

import ast
import io
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import unittest

import client_example
import harness
from harness import ZALA, ZAKHAROV, ZAKHAROV_CAPTION

SCRIPT = os.path.join(harness.HERE, "client_example.py")
KALASHNIKOV = "NK-nR5AXM9AVPq4pQaSPSaVam"
KALASHNIKOV_CAPTION = "JSC Kalashnikov Concern"

# The example batch's shape (q1 a Person with names in two scripts and a birth
# year, q2 a Company with name and jurisdiction), with entities zala lists.
LISTED_BATCH = {
    "queries": {
        "q1": {
            "schema": "Person",
            "properties": {
                "name": ["Alexander Vyacheslavovich Zakharov", "Захаров Александр"],
                "birthDate": ["1965"],
            },
        },
        "q2": {
            "schema": "Company",
            "properties": {
                "name": ["Kalashnikov Concern"],
                "jurisdiction": ["Russia"],
            },
        },
    }
}
LISTED_SEARCHES = ["zakharov", "kalashnikov", "zala aero"]

KNOWN_GAPS = {}
KNOWN_KEY_GAPS = {}


def example_datasets(session, headers=None):
    """The datasets of the examples' paths: /match/sanctions and /search/default.

    The examples name the hosted API's collections. The fixtures' server
    offers both; were it to offer neither (a manifest of only zala and t1,
    where yente would answer 404 too), the loaded zala stands in.
    """
    resp = session.get("/catalog", headers=headers)
    resp.raise_for_status()
    names = {d.get("name") for d in resp.json().get("datasets", [])}
    match = "sanctions" if "sanctions" in names else ("default" if "default" in names else ZALA)
    search = "default" if "default" in names else match
    return match, search


def run_script(base, *args, env_extra=None):
    """client_example.py as a subprocess; OPENSANCTIONS_API_KEY only as env_extra gives it."""
    env = dict(os.environ)
    env.pop("OPENSANCTIONS_API_KEY", None)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, SCRIPT, "--url", base, *args], capture_output=True,
                          text=True, env=env, timeout=300)


class TestClientExample(harness.YenteTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.base = harness.server().base
        cls.session = client_example.Session(cls.base)
        cls.match_ds, cls.search_ds = example_datasets(cls.session)
        cls.tmp = tempfile.mkdtemp(prefix="yente_client_")

    @classmethod
    def tearDownClass(cls):
        cls.session.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def script(self, *args, **kwargs):
        return run_script(self.base, "--dataset", self.match_ds, "--search-dataset", self.search_ds,
                          *args, **kwargs)

    def listed_batch_file(self):
        path = os.path.join(self.tmp, "listed_batch.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(LISTED_BATCH, f, ensure_ascii=False)
        return path

    def test_example_script_runs(self):
        """The four examples' calls as a script: exit 0; match_api prints q2's query as yente parses it (jurisdiction 'ru'), no result for the absent names, no failed call."""
        proc = self.script("--rounds", "2", "--calls", "200")
        self.assertEqual(proc.returncode, 0, proc.stdout[-2000:] + proc.stderr[-3000:])
        out = proc.stdout
        api = out.split("== match_api\n", 1)[1].split("== match_eval\n", 1)[0]
        query = ast.literal_eval(api.strip())  # pprint of a dict of str and lists
        self.assertEqual(query["schema"], "Company")
        self.assertEqual(query["properties"]["name"], ["Stroygazmontazh"])
        self.assertEqual(query["properties"]["jurisdiction"], ["ru"])
        evals = out.split("== match_eval\n", 1)[1].split("== match_perf\n", 1)[0].splitlines()
        self.assertEqual(len(evals), 2, evals)  # two query lines, no " ->" result line
        self.assertIn("'birthDate': ['1951']", evals[0])
        self.assertIn("Ротенберг Аркадий", evals[0])
        perf = out.split("== match_perf\n", 1)[1].split("== load_test\n", 1)[0]
        self.assertNotIn("FAIL", perf)
        self.assertEqual([l.split()[-1] for l in perf.splitlines() if l.startswith("TOOK ")], ["True", "False"])
        self.assertIn("errors: 0", out)

    def test_match_api_example_batch(self):
        """match_api.py's batch: q1 and q2 answered; the queries read back as sent (Russia -> ru); no match for names the fixtures lack."""
        responses = client_example.match_api(self.session, "unused", dataset=self.match_ds,
                                             out=io.StringIO())
        self.assertEqual(sorted(responses), ["q1", "q2"])
        q1 = responses["q1"]["query"]
        self.assertEqual(q1["schema"], "Person")
        self.assertEqual(sorted(q1["properties"]["name"]), sorted(client_example.EXAMPLE_1["properties"]["name"]))
        self.assertEqual(q1["properties"]["birthDate"], ["1951"])
        q2 = responses["q2"]["query"]
        self.assertEqual(q2["schema"], "Company")
        self.assertEqual(q2["properties"]["jurisdiction"], ["ru"])
        for name, resp in responses.items():
            self.assertIsInstance(resp["results"], list, name)
            self.assertEqual([r["id"] for r in resp["results"] if r["match"]], [], name)

    def test_match_api_finds_listed(self):
        """match_api.py's calls with zala's Zakharov (two scripts, birth year) and Kalashnikov Concern (jurisdiction Russia): each is the top result, a match."""
        printed = io.StringIO()
        responses = client_example.match_api(self.session, "unused", batch=LISTED_BATCH,
                                             dataset=self.match_ds, out=printed)
        for name, entity_id, caption in (("q1", ZAKHAROV, ZAKHAROV_CAPTION),
                                         ("q2", KALASHNIKOV, KALASHNIKOV_CAPTION)):
            results = responses[name]["results"]
            self.assertTrue(results, name)
            top = results[0]
            self.assertEqual(top["id"], entity_id, [r["id"] for r in results])
            self.assertEqual(top["caption"], caption)
            self.assertIs(top["match"], True, top["score"])
            self.assertGreater(top["score"], 0.7)
            harness.check_entity_shape(self, top, f"{name}.results[0]")
        self.assertIn(f"'id': '{KALASHNIKOV}'", printed.getvalue())  # q2's results are printed

    def test_match_eval_prints_listed(self):
        """match_eval.py as a script over the listed batch: a ' -> schema caption score match' line for each, True."""
        proc = self.script("--steps", "match_eval", "--batch", self.listed_batch_file())
        self.assertEqual(proc.returncode, 0, proc.stdout[-2000:] + proc.stderr[-3000:])
        lines = [l for l in proc.stdout.splitlines() if l.startswith(" -> ")]
        for schema, caption in (("Person", ZAKHAROV_CAPTION), ("Company", KALASHNIKOV_CAPTION)):
            hits = [l for l in lines if l.startswith(f" -> {schema} {caption} ")]
            self.assertTrue(hits, lines)
            self.assertTrue(hits[0].endswith(" True"), hits[0])
            float(hits[0].split()[-2])  # the score prints as a number

    def test_match_eval_reports_refusal(self):
        """match_eval.py on a refused call prints the JSON error body and exits 1 (an unknown dataset: 404)."""
        proc = run_script(self.base, "--steps", "match_eval", "--dataset", "no_such_dataset")
        self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)
        self.assertIn("'detail':", proc.stdout)

    def test_match_perf_fuzzy(self):
        """match_perf.py's three-query batch with fuzzy=True and fuzzy=False (yente ignores the parameter): every call 200."""
        failed = client_example.match_perf(self.session, rounds=3, dataset=self.match_ds,
                                           out=io.StringIO())
        self.assertEqual(failed, [])
        resp = self.session.post(f"/match/{self.match_ds}", json=client_example.PERF_BATCH,
                                 params={"fuzzy": True})
        self.assertEqual(resp.status_code, 200, resp.text[:500])
        responses = resp.json()["responses"]
        self.assertEqual(sorted(responses), ["q1", "q2", "q3"])
        self.assertEqual(len(responses["q3"]["query"]["properties"]["name"]), 20)
        self.assertEqual([r["id"] for r in responses["q3"]["results"] if r["match"]], [])

    def test_load_test_example_queries(self):
        """load_test.py's mix from 10 threads, its own queries (limit 0..500, 'petr~2 aven', 'bla/blubb'): no error; its start ids Q7747, Q19077 are 404."""
        seen = client_example.load_test(self.session, calls=300, seed=1, dataset=self.match_ds,
                                        search_dataset=self.search_ds)
        self.assertEqual(seen["errors"], [])
        self.assertTrue(all(n > 0 for n in seen["calls"].values()), seen["calls"])
        for entity_id, statuses in seen["entity_status"].items():
            expected = 404 if entity_id in client_example.START_ENTITY_IDS else 200
            self.assertEqual(set(statuses), {expected}, entity_id)

    def test_load_test_listed_names(self):
        """load_test.py's mix with names zala lists: no error; the ids it collects from search and match are fetched with 200."""
        seen = client_example.load_test(self.session, calls=300, seed=2, queries=LISTED_SEARCHES,
                                        batch=LISTED_BATCH, dataset=self.match_ds,
                                        search_dataset=self.search_ds)
        self.assertEqual(seen["errors"], [])
        self.assertIn(ZAKHAROV, seen["ids"])
        self.assertIn(KALASHNIKOV, seen["ids"])
        fetched = {i: set(s) for i, s in seen["entity_status"].items()
                   if i not in client_example.START_ENTITY_IDS}
        self.assertTrue(fetched, seen["entity_status"])
        self.assertEqual({i: s for i, s in fetched.items() if s != {200}}, {})

    def test_search_shape(self):
        """load_test.py's search reads results[].id: /search/default?q=zakharov&limit=7 finds Zakharov; limit=0 is a 200 with a results list."""
        resp = self.session.get(f"/search/{self.search_ds}", params={"q": "zakharov", "limit": 7})
        self.assertEqual(resp.status_code, 200, resp.text[:500])
        ids = [r["id"] for r in resp.json()["results"]]
        self.assertIn(ZAKHAROV, ids)
        resp = self.session.get(f"/search/{self.search_ds}", params={"q": "bla/blubb", "limit": 0})
        self.assertEqual(resp.status_code, 200, resp.text[:500])
        self.assertIsInstance(resp.json()["results"], list)

    def test_keep_alive(self):
        """The examples' requests session keeps its connection: five calls from one thread use one connection."""
        session = client_example.Session(self.base)
        try:
            for _ in range(5):
                resp = session.post(f"/match/{self.match_ds}", json=client_example.BATCH)
                self.assertEqual(resp.status_code, 200)
            self.assertEqual(session.connects, 1)
        finally:
            session.close()


class TestClientExampleApiKey(unittest.TestCase):
    """match_api.py against a server that checks API keys (`embargo serve --api-keys FILE`)."""

    maxDiff = 2000

    @classmethod
    def setUpClass(cls):
        harness.server()  # the suite's server first: a broken binary fails once, there
        cls.key = "yente-example-" + secrets.token_hex(12)
        cls.tmp = tempfile.mkdtemp(prefix="yente_client_keys_")
        line = subprocess.run([harness.binary_path(), "keys", "hash", cls.key], capture_output=True,
                              text=True, check=True).stdout.strip()
        keys_file = os.path.join(cls.tmp, "api-keys")
        with open(keys_file, "w", encoding="utf-8") as f:
            f.write("# test key for yente's example client\n" + line + "\n")
        cls.server = harness.Server(extra_args=["--api-keys", keys_file])
        try:
            cls.server.start()
        except Exception:
            shutil.rmtree(cls.tmp, ignore_errors=True)
            raise
        cls.session = client_example.Session(cls.server.base)
        cls.match_ds, cls.search_ds = example_datasets(cls.session, {"Authorization": f"ApiKey {cls.key}"})

    @classmethod
    def tearDownClass(cls):
        cls.session.close()
        cls.server.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def script(self, *args, **kwargs):
        return run_script(self.server.base, "--dataset", self.match_ds, *args, **kwargs)

    def test_match_api_with_key(self):
        """match_api.py as a script with OPENSANCTIONS_API_KEY set ('Authorization: Apikey <key>'): exit 0, q2's query printed."""
        proc = self.script("--steps", "match_api", env_extra={"OPENSANCTIONS_API_KEY": self.key})
        self.assertEqual(proc.returncode, 0, proc.stdout[-2000:] + proc.stderr[-3000:])
        self.assertIn("'jurisdiction': ['ru']", proc.stdout)

    def test_match_api_without_key(self):
        """match_api.py without OPENSANCTIONS_API_KEY sends 'Apikey None': raise_for_status fails on 401."""
        proc = self.script("--steps", "match_api")
        self.assertNotEqual(proc.returncode, 0, proc.stdout)
        self.assertIn("401 Client Error", proc.stderr)

    def test_documented_scheme(self):
        """'Authorization: ApiKey <key>' as yente's docs write it: the listed batch finds Zakharov; a wrong key or none is 401."""
        resp = self.session.post(f"/match/{self.match_ds}", json=LISTED_BATCH,
                                 headers={"Authorization": f"ApiKey {self.key}"})
        self.assertEqual(resp.status_code, 200, resp.text[:500])
        self.assertEqual(resp.json()["responses"]["q1"]["results"][0]["id"], ZAKHAROV)
        for headers in ({"Authorization": "ApiKey not-the-key-0123456789"}, {}):
            resp = self.session.post(f"/match/{self.match_ds}", json=LISTED_BATCH, headers=headers)
            self.assertEqual(resp.status_code, 401, (headers, resp.text[:500]))

    def test_keyed_search_and_entity(self):
        """The search and entity calls of load_test.py with the key: 200, Zakharov found and fetched."""
        auth = {"Authorization": f"Apikey {self.key}"}
        resp = self.session.get(f"/search/{self.search_ds}", params={"q": "zakharov", "limit": 5},
                                headers=auth)
        self.assertEqual(resp.status_code, 200, resp.text[:500])
        self.assertIn(ZAKHAROV, [r["id"] for r in resp.json()["results"]])
        resp = self.session.get(f"/entities/{ZAKHAROV}", headers=auth)
        self.assertEqual(resp.status_code, 200, resp.text[:500])
        self.assertEqual(resp.json()["id"], ZAKHAROV)


harness.apply_known_gaps(TestClientExample, KNOWN_GAPS)
harness.apply_known_gaps(TestClientExampleApiKey, KNOWN_KEY_GAPS)
