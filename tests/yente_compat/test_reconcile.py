"""yente's tests/test_reconcile.py (zala fixture version) against `embargo serve`.

The OpenRefine reconciliation API: metadata, queries and extend posted as
form fields holding JSON, and the suggest/extend-property helpers.
"""

import json
import unicodedata
import unittest

import harness
from harness import ZALA, ZAKHAROV, get, post

RECONCILE = f"/reconcile/{ZALA}"

RECONCILE_GAP = "no /reconcile routes: 404 {\"detail\":\"not found\"}"

KNOWN_GAPS = {
}


def ascii_fold(text):
    """Latin transliteration is not in the standard library: fold accents only."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


class TestReconcile(harness.YenteTestCase):
    def test_reconcile_metadata(self):
        """GET /reconcile/zala: service metadata with an opensanctions.org identifierSpace, >3 defaultTypes, suggest and extend."""
        resp = get(RECONCILE)
        self.assertStatus(resp, 200)
        data = resp.json()
        self.assertTrue(data["identifierSpace"].startswith("https://www.opensanctions.org"), data)
        self.assertGreater(len(data["defaultTypes"]), 3, data)
        self.assertIn("suggest", data)
        self.assertIn("extend", data)

    def test_reconcile_post_query(self):
        """A posted 'queries' form field ({"mutti": {"query": "Alexander ZAKHAROV"}}) answers Zakharov first."""
        queries = {"mutti": {"query": "Alexander ZAKHAROV"}}
        resp = post(RECONCILE, form={"queries": json.dumps(queries)})
        self.assertStatus(resp, 200)
        res = resp.json()["mutti"]["result"]
        self.assertEqual(res[0]["id"], ZAKHAROV, res)

    def test_reconcile_post_extend(self):
        """A posted 'extend' (ids + name, birthDate) returns meta for both properties and Zakharov's names in rows."""
        query = {"ids": [ZAKHAROV], "properties": [{"id": "name"}, {"id": "birthDate"}]}
        resp = post(RECONCILE, form={"extend": json.dumps(query)})
        self.assertStatus(resp, 200)
        data = resp.json()
        self.assertEqual(len(data["meta"]), 2)
        self.assertEqual(data["meta"][0]["id"], "name", data["meta"])
        self.assertIn(ZAKHAROV, data["rows"])
        self.assertIn("name", data["rows"][ZAKHAROV])
        names = data["rows"][ZAKHAROV]["name"]
        self.assertGreater(len(names), 0)
        self.assertIn("zakharov", "".join(n["str"] for n in names).lower())

    def test_reconcile_invalid(self):
        """A query with an unknown type (Banana) is a 400."""
        resp = post(RECONCILE, form={"queries": json.dumps({"mutti": {"type": "Banana"}})})
        self.assertStatus(resp, 400)

    def test_reconcile_suggest_entity_no_prefix(self):
        """Entity suggest without prefix: an empty result list."""
        resp = get(f"{RECONCILE}/suggest/entity")
        self.assertStatus(resp, 200)
        data = resp.json()
        self.assertIn("result", data)
        self.assertEqual(len(data["result"]), 0)

    def test_reconcile_suggest_entity_prefix(self):
        """Entity suggest for 'alexander zak': Zakharov first, his name spelt Aleksandr."""
        resp = get(f"{RECONCILE}/suggest/entity", {"prefix": "alexander zak"})
        self.assertStatus(resp, 200)
        res = resp.json()["result"]
        self.assertGreater(len(res), 0)
        self.assertEqual(res[0]["id"], ZAKHAROV, res)
        name = ascii_fold(res[0]["name"])
        self.assertIn("aleksandr", name.lower())

    def test_reconcile_suggest_entity_prefix_dummy(self):
        """Entity suggest for 'banana man': nothing."""
        resp = get(f"{RECONCILE}/suggest/entity", {"prefix": "banana man"})
        self.assertStatus(resp, 200)
        self.assertEqual(len(resp.json()["result"]), 0)

    def test_reconcile_suggest_property_no_prefix(self):
        """Property suggest without prefix: an empty result list."""
        resp = get(f"{RECONCILE}/suggest/property")
        self.assertStatus(resp, 200)
        data = resp.json()
        self.assertIn("result", data)
        self.assertEqual(len(data["result"]), 0)

    def test_reconcile_suggest_property_prefix(self):
        """Property suggest for 'country' includes LegalEntity:mainCountry and Thing:country."""
        resp = get(f"{RECONCILE}/suggest/property", {"prefix": "country"})
        self.assertStatus(resp, 200)
        data = resp.json()
        self.assertIn("result", data)
        self.assertGreater(len(data["result"]), 1)
        found = [r["id"] for r in data["result"]]
        self.assertIn("LegalEntity:mainCountry", found)
        self.assertIn("Thing:country", found)

    def test_reconcile_suggest_property_prefix_dummy(self):
        """Property suggest for 'banana': nothing."""
        resp = get(f"{RECONCILE}/suggest/property", {"prefix": "banana"})
        self.assertStatus(resp, 200)
        data = resp.json()
        self.assertIn("result", data)
        self.assertEqual(len(data["result"]), 0)

    def test_reconcile_suggest_type_no_prefix(self):
        """Type suggest without prefix: an empty result list."""
        resp = get(f"{RECONCILE}/suggest/type")
        self.assertStatus(resp, 200)
        data = resp.json()
        self.assertIn("result", data)
        self.assertEqual(len(data["result"]), 0)

    def test_reconcile_suggest_type_prefix(self):
        """Type suggest for 'organ': exactly Organization."""
        resp = get(f"{RECONCILE}/suggest/type", {"prefix": "organ"})
        self.assertStatus(resp, 200)
        data = resp.json()
        self.assertIn("result", data)
        self.assertEqual(len(data["result"]), 1, data)
        self.assertEqual(data["result"][0]["id"], "Organization")

    def test_reconcile_suggest_type_prefix_dummy(self):
        """Type suggest for 'banana': nothing."""
        resp = get(f"{RECONCILE}/suggest/type", {"prefix": "banana"})
        self.assertStatus(resp, 200)
        data = resp.json()
        self.assertIn("result", data)
        self.assertEqual(len(data["result"]), 0)

    def test_reconcile_extend_properties(self):
        """Extend-property proposals for LegalEntity with limit=5: type and limit echoed, 5 properties including name and country."""
        resp = get(f"{RECONCILE}/extend/property", {"limit": 5, "type": "LegalEntity"})
        self.assertStatus(resp, 200)
        data = resp.json()
        self.assertEqual(data.get("type"), "LegalEntity", data)
        self.assertEqual(data["limit"], 5)
        props = data["properties"]
        self.assertEqual(len(props), 5)
        found = [p["id"] for p in props]
        self.assertIn("name", found)
        self.assertIn("country", found)

    def test_reconcile_extend_properties_invalid_type(self):
        """Extend-property proposals for an unknown type (Banana) are a 400."""
        self.assertStatus(get(f"{RECONCILE}/extend/property", {"limit": 5, "type": "Banana"}), 400)


harness.apply_known_gaps(TestReconcile, KNOWN_GAPS)

if __name__ == "__main__":
    unittest.main()
