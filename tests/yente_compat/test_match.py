"""yente's tests/test_match.py (zala fixture version) against `embargo serve`.

Each test keeps yente's name. Parts that patch yente internals (mock.patch of
search_entities, LogicV2.compare, settings) are dropped; what the client sees
is kept.
"""

import itertools
import string
import unittest

import harness
from harness import ZALA, ZAKHAROV, ZAKHAROV_REFERENT, post

# A person as a client would describe Zakharov.
ZAKHAROV_QUERY = {
    "schema": "Person",
    "properties": {
        "name": ["Alexander Vyacheslavovich ZAKHAROV"],
        "birthDate": ["1965"],
        "country": "Russia",
    },
}

# His name in several scripts and spellings, as one query.
ZAKHAROV_NAMES = {
    "schema": "Person",
    "properties": {
        "name": [
            "Alexander Vyacheslavovich ZAKHAROV",
            "Aleksandr Vyacheslavovich Zakharov",
            "Александр Вячеславович Захаров",
            "Александр ЗАХАРОВ",
            "Захаров Александр Вячеславович",
            "Zakharov Aleksandr Vyacheslavovich",
            "Aleksandr Vjačeslavovič Zacharov",
        ]
    },
}

MATCH = f"/match/{ZALA}"

DIFFERENCES = {
    "test_match_logic_v2_with_algorithm_config": (
        "embargo runs one scoring algorithm (embargo-v1) and lists it once, yente's algorithm names as its aliases; a yente name selects it, and logic-v2's config keys are refused by name (400) rather than accepted without effect"
    ),
}


KNOWN_GAPS = {
}


def responses(resp):
    return resp.json()["responses"]


class TestMatch(harness.YenteTestCase):
    def test_match_zakharov(self):
        """Three identical queries in one batch; the first answer is Zakharov, well-formed, country read as 'ru'."""
        query = {"queries": {"vv": ZAKHAROV_QUERY, "xx": ZAKHAROV_QUERY, "zz": ZAKHAROV_QUERY}}
        resp = post(MATCH, json=query)
        self.assertStatus(resp, 200)
        res = responses(resp)["vv"]
        self.assertEqual(res["query"]["schema"], "Person")
        self.assertEqual(res["query"]["properties"]["country"][0], "ru")
        self.assertGreater(res["total"]["value"], 0, res["total"])
        top = res["results"][0]
        self.assertEqual(top["id"], ZAKHAROV, top["id"])
        harness.check_entity_shape(self, top)

    def test_match_zakharov_name_based_mode(self):
        """An unknown algorithm is a 400; algorithm=name-based finds Zakharov first with score > 0.7."""
        query = {"queries": {"vv": ZAKHAROV_QUERY}}
        resp = post(MATCH, params={"algorithm": "neural-net"}, json=query)
        self.assertStatus(resp, 400)

        resp = post(MATCH, params={"algorithm": "name-based"}, json=query)
        self.assertStatus(resp, 200)
        res = responses(resp)["vv"]
        self.assertEqual(res["query"]["schema"], "Person")
        self.assertEqual(res["query"]["properties"]["country"][0], "ru")
        self.assertGreater(res["total"]["value"], 0)
        top = res["results"][0]
        self.assertEqual(top["id"], ZAKHAROV)
        self.assertGreater(top["score"], 0.70, top["score"])
        harness.check_entity_shape(self, top)

    def test_match_no_schema(self):
        """A query without schema is a 422; an unknown schema in a batch of otherwise good queries is a 400 for the request."""
        resp = post(MATCH, json={"queries": {"fail": {"properties": {"name": "Banana"}}}})
        self.assertStatus(resp, 422)

        query = {
            "queries": {
                "fail": {"schema": "xxx", "properties": {"name": "Banana"}},
                "ok1": {"schema": "Person", "properties": {"name": ["Vladimir Putin"]}},
                "ok2": {"schema": "Person", "properties": {"name": ["John Doe"]}},
            }
        }
        resp = post(MATCH, json=query)
        self.assertStatus(resp, 400)

    def test_match_name_clause_limit(self):
        """900 names in one query is refused with a 400 and a detail (yente's exact Elasticsearch clause message is not compared)."""
        names = ["token" + "".join(t) for t in itertools.islice(itertools.product(string.ascii_lowercase, repeat=3), 900)]
        query = {"queries": {"large": {"schema": "Person", "properties": {"name": names}}}}
        resp = post(MATCH, json=query)
        self.assertStatus(resp, 400)
        self.assertIn("detail", resp.json())

    def test_match_many_names_logic_v1(self):
        """Many spellings with algorithm=logic-v1 find something, and as many results with fuzzy=false."""
        query = {"queries": {"q": ZAKHAROV_NAMES}}
        resp = post(MATCH, params={"algorithm": "logic-v1"}, json=query)
        self.assertStatus(resp, 200)
        results = responses(resp)["q"]["results"]
        self.assertGreater(len(results), 0)

        resp = post(MATCH, params={"fuzzy": "false", "algorithm": "logic-v1"}, json=query)
        self.assertStatus(resp, 200)
        results2 = responses(resp)["q"]["results"]
        self.assertEqual(len(results), len(results2))

    def test_match_many_names(self):
        """Many spellings with algorithm=best find something, and as many results with fuzzy=false."""
        query = {"queries": {"q": ZAKHAROV_NAMES}}
        resp = post(MATCH, params={"algorithm": "best"}, json=query)
        self.assertStatus(resp, 200)
        results = responses(resp)["q"]["results"]
        self.assertGreater(len(results), 0)

        resp = post(MATCH, params={"fuzzy": "false", "algorithm": "best"}, json=query)
        self.assertStatus(resp, 200)
        results2 = responses(resp)["q"]["results"]
        self.assertEqual(len(results), len(results2))

    def test_match_exclude_dataset(self):
        """exclude_dataset=zala on /match/zala leaves no results."""
        resp = post(MATCH, params={"algorithm": "name-based", "exclude_dataset": ZALA},
                    json={"queries": {"vv": ZAKHAROV_QUERY}})
        self.assertStatus(resp, 200)
        self.assertEqual(len(responses(resp)["vv"]["results"]), 0)

    def test_match_include_dataset(self):
        """include_dataset keeps only the named datasets (unknown names allowed); exclude_dataset wins over it."""
        query = {"queries": {"vv": ZAKHAROV_QUERY}}
        params = {"algorithm": "name-based", "include_dataset": ["ae_local_terrorists", "mx_governors"]}
        resp = post(MATCH, params=params, json=query)
        self.assertStatus(resp, 200)
        self.assertEqual(len(responses(resp)["vv"]["results"]), 0)

        params = {"algorithm": "name-based", "include_dataset": [ZALA, "ae_local_terrorists"]}
        resp = post(MATCH, params=params, json=query)
        self.assertStatus(resp, 200)
        self.assertGreater(len(responses(resp)["vv"]["results"]), 0)

        params = {
            "algorithm": "name-based",
            "include_dataset": [ZALA, "mx_governors", "ae_local_terrorists"],
            "exclude_dataset": ZALA,
        }
        resp = post(MATCH, params=params, json=query)
        self.assertStatus(resp, 200)
        self.assertEqual(len(responses(resp)["vv"]["results"]), 0)

    def test_match_logic_v2_with_algorithm_config(self):
        """A known logic-v2 config option (nm_number_mismatch) is accepted; an unknown one is a 400 (the mock of the scorer is dropped)."""
        query = {"queries": {"vv": ZAKHAROV_QUERY}, "config": {"nm_number_mismatch": 0.4}}
        resp = post(MATCH, params={"algorithm": "logic-v2"}, json=query)
        self.assertStatus(resp, 200)

        query = {"queries": {"vv": ZAKHAROV_QUERY}, "config": {"invalid_option": 0.4}}
        resp = post(MATCH, params={"algorithm": "logic-v2"}, json=query)
        self.assertStatus(resp, 400)

    def test_filter_topic(self):
        """topics=crime.cyber filters Zakharov (a sanctioned person) out."""
        resp = post(MATCH, params={"algorithm": "name-based", "topics": "crime.cyber"},
                    json={"queries": {"vv": ZAKHAROV_QUERY}})
        self.assertStatus(resp, 200)
        self.assertEqual(len(responses(resp)["vv"]["results"]), 0)

    def test_id_pass_through(self):
        """The query's own id comes back in the answer's query."""
        body = dict(ZAKHAROV_NAMES)
        body["id"] = "zakharov"
        resp = post(MATCH, json={"queries": {"no1": body}})
        self.assertStatus(resp, 200)
        res = responses(resp)["no1"]
        self.assertEqual(res["query"]["schema"], "Person")
        self.assertEqual(res["query"]["id"], "zakharov")

    def test_match_name_without_spaces(self):
        """A name written without spaces ('alexandervyacheslavovichzakharov') still finds Zakharov first."""
        query = {"queries": {"a": {"schema": "Person", "properties": {"name": ["alexandervyacheslavovichzakharov"]}}}}
        resp = post(MATCH, json=query)
        self.assertStatus(resp, 200)
        res = responses(resp)["a"]
        self.assertGreater(len(res["results"]), 0, res)
        self.assertEqual(res["results"][0]["id"], ZAKHAROV)

    def test_fuzzy_names(self):
        """A misspelt name ('Aiexandvr Zakharom') retrieves Zakharov first at threshold 0.2 with logic-v2."""
        query = {"queries": {"a": {"schema": "Person", "properties": {"name": "Aiexandvr Zakharom"}}}}
        resp = post(MATCH, params={"threshold": 0.2, "algorithm": "logic-v2"}, json=query)
        self.assertStatus(resp, 200)
        res = responses(resp)["a"]
        self.assertGreater(len(res["results"]), 0, res)
        self.assertEqual(res["results"][0]["id"], ZAKHAROV)

    def test_fuzzy_names_first_letter(self):
        """Edits at the first letter of both name parts ('Zlexander Sakharov') still retrieve Zakharov first."""
        query = {"queries": {"a": {"schema": "Person", "properties": {"name": "Zlexander Sakharov"}}}}
        resp = post(MATCH, params={"algorithm": "logic-v2", "threshold": 0.2}, json=query)
        self.assertStatus(resp, 200)
        res = responses(resp)["a"]
        self.assertGreater(len(res["results"]), 0, res)
        self.assertEqual(res["results"][0]["id"], ZAKHAROV)

    def test_match_numeric_property_value(self):
        """A number as a property value (birthDate: [1965]) is accepted and echoed as the string '1965'."""
        query = {"queries": {"q": {"schema": "Person",
                                   "properties": {"name": ["Alexander Zakharov"], "birthDate": [1965]}}}}
        resp = post(MATCH, json=query)
        self.assertStatus(resp, 200)
        res = responses(resp)["q"]
        self.assertIn("1965", res["query"]["properties"].get("birthDate", []), res["query"])

    def test_exclude_entity_ids(self):
        """exclude_entity_ids drops Zakharov by his id, and also by one of his referents (ofac-45937)."""
        query = {"queries": {"q": ZAKHAROV_QUERY}}
        resp = post(MATCH, json=query)
        self.assertEqual(responses(resp)["q"]["results"][0]["id"], ZAKHAROV)

        resp = post(MATCH, params={"exclude_entity_ids": [ZAKHAROV]}, json=query)
        self.assertStatus(resp, 200)
        self.assertEqual(len(responses(resp)["q"]["results"]), 0)

        resp = post(MATCH, params={"exclude_entity_ids": [ZAKHAROV_REFERENT]}, json=query)
        self.assertStatus(resp, 200)
        self.assertEqual(len(responses(resp)["q"]["results"]), 0)

    def test_match_candidate_search_skips_total(self):
        """A match answer's total equals the number of results it returns, and is not zero (the spy on yente's search call is dropped)."""
        resp = post(MATCH, json={"queries": {"q": ZAKHAROV_QUERY}})
        self.assertStatus(resp, 200)
        res = responses(resp)["q"]
        self.assertEqual(res["total"]["value"], len(res["results"]))
        self.assertGreater(len(res["results"]), 0)


harness.apply_differences(TestMatch, DIFFERENCES)
harness.apply_known_gaps(TestMatch, KNOWN_GAPS)

if __name__ == "__main__":
    unittest.main()
