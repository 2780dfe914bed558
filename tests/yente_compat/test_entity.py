"""yente's tests/test_entity.py against `embargo serve`.

The newest stored version of this file still reads yente's older fixtures
(Q7747 from the live eu_fsf catalog, a person from the parteispenden donations
with two addresses and two payments). The same checks are made here on the
zala fixture: Zakharov is the fetched person; for nesting and the adjacent
pages he is the root, with one address (addressEntity, an outgoing edge) and
ten Ownership records naming him owner (ownershipOwner, an incoming edge,
the counterpart of paymentPayer), each pointing at a company (asset).
Pages are compared with the unpaginated listing instead of pinned ids,
since the fixture's order differs.
"""

import unittest

import harness
from harness import LLC_CST, ZALA, ZAKHAROV, ZAKHAROV_ADDRESS, ZAKHAROV_CAPTION, by_id, get

ENTITY = f"/entities/{ZAKHAROV}"
OWNERSHIP_OF_CST = "ru-770bdf5f22537fa2a94176f53fa87fe28ecf94fa"  # Zakharov owns 50 % of LLC CST
OWNERSHIPS = 10

KNOWN_GAPS = {
}


def ids(items):
    return [d["id"] if isinstance(d, dict) else d for d in items]


class TestEntity(harness.YenteTestCase):
    def check_address(self, addr):
        self.assertEqual(addr["schema"], "Address", addr)
        self.assertIn("Pushkinskaya", addr["properties"]["full"][0], addr)

    def check_ownership(self, own):
        """An Ownership reached from Zakharov: names him (not nested) and nests its asset, LLC CST."""
        self.assertEqual(own["schema"], "Ownership", own)
        self.assertEqual(own["properties"]["owner"], [ZAKHAROV], own)
        assets = own["properties"]["asset"]
        self.assertEqual(len(assets), 1, own)
        asset = assets[0]
        self.assertIsInstance(asset, dict, own)
        self.assertEqual(asset["id"], LLC_CST)
        self.assertEqual(asset["schema"], "Company", asset)
        self.assertIn("LLC CST", asset["properties"]["name"], asset)

    def listing(self, prop_endpoint=False):
        """All ten adjacent ownerships (one default page of 10), in the server's order."""
        if prop_endpoint:
            resp = get(f"{ENTITY}/adjacent/ownershipOwner")
            self.assertStatus(resp, 200)
            return ids(resp.json()["results"])
        resp = get(f"{ENTITY}/adjacent")
        self.assertStatus(resp, 200)
        return ids(resp.json()["adjacent"]["ownershipOwner"]["results"])

    def test_entity_404(self):
        """An unknown entity id is a 404."""
        self.assertStatus(get("/entities/banana"), 404)

    def test_entity_fetch(self):
        """Zakharov's record: Person in zala, more than 5 referents, timestamps, string birthDate, nested Sanction records."""
        resp = get(ENTITY)
        self.assertStatus(resp, 200)
        data = resp.json()
        self.assertEqual(data["id"], ZAKHAROV)
        self.assertEqual(data["schema"], "Person")
        self.assertIn(ZALA, data["datasets"])
        self.assertGreater(len(data["referents"]), 5, data["referents"])
        for key in ("last_change", "first_seen", "last_seen"):
            self.assertTrue(str(data[key]).startswith("20"), (key, data[key]))
        props = data["properties"]
        self.assertIsInstance(props["birthDate"][0], str)
        self.assertIn("sanctions", props, sorted(props))
        sanction = props["sanctions"][0]
        self.assertIsInstance(sanction, dict, sanction)
        self.assertEqual(sanction["schema"], "Sanction")

    def test_entity_not_nested(self):
        """nested=false: addressEntity holds the address id (one), and no incoming edge (ownershipOwner) is listed."""
        resp = get(ENTITY, {"nested": "false"})
        self.assertStatus(resp, 200)
        props = resp.json()["properties"]
        self.assertIn(ZAKHAROV_ADDRESS, props.get("addressEntity", []), sorted(props))
        self.assertEqual(len(props["addressEntity"]), 1)
        self.assertNotIn("ownershipOwner", props)

    def test_entity_nested(self):
        """Default nesting: the address as an entity, and the ten ownerships, each naming Zakharov and nesting its asset."""
        resp = get(ENTITY)
        self.assertStatus(resp, 200)
        props = resp.json()["properties"]
        addr = by_id(self, props.get("addressEntity", []), ZAKHAROV_ADDRESS)
        self.check_address(addr)
        self.assertEqual(len(props["addressEntity"]), 1)
        self.assertEqual(len(props.get("ownershipOwner", [])), OWNERSHIPS, sorted(props))
        self.check_ownership(by_id(self, props["ownershipOwner"], OWNERSHIP_OF_CST))

    def test_adjacent(self):
        """/adjacent: the entity (its caption) and per property a page of results with total, limit 10, offset 0."""
        resp = get(f"{ENTITY}/adjacent")
        self.assertStatus(resp, 200)
        data = resp.json()
        self.assertEqual(data["entity"]["caption"], ZAKHAROV_CAPTION)
        adjacent = data["adjacent"]
        addresses = adjacent["addressEntity"]
        self.check_address(by_id(self, addresses["results"], ZAKHAROV_ADDRESS))
        self.assertEqual(len(addresses["results"]), 1)
        self.assertEqual(addresses["total"]["value"], 1)
        self.assertEqual(addresses["limit"], 10)
        self.assertEqual(addresses["offset"], 0)
        owned = adjacent["ownershipOwner"]
        self.assertEqual(len(owned["results"]), OWNERSHIPS)
        self.assertEqual(owned["total"]["value"], OWNERSHIPS)
        self.check_ownership(by_id(self, owned["results"], OWNERSHIP_OF_CST))

    def test_adjacent_limit(self):
        """limit=1 pages each property to its first result, totals unchanged; the far side of an ownership is not paged."""
        first = self.listing()[0]
        resp = get(f"{ENTITY}/adjacent", {"limit": 1})
        self.assertStatus(resp, 200)
        adjacent = resp.json()["adjacent"]
        self.assertEqual(ids(adjacent["addressEntity"]["results"]), [ZAKHAROV_ADDRESS])
        self.assertEqual(adjacent["addressEntity"]["total"]["value"], 1)
        self.assertEqual(adjacent["addressEntity"]["limit"], 1)
        owned = adjacent["ownershipOwner"]
        self.assertEqual(ids(owned["results"]), [first])
        self.assertEqual(owned["total"]["value"], OWNERSHIPS)
        assets = owned["results"][0]["properties"]["asset"]
        self.assertEqual(len(assets), 1)
        self.assertIsInstance(assets[0], dict)

    def test_adjacent_offset(self):
        """limit=1&offset=1 gives each property's second result (none for the single address), totals unchanged."""
        second = self.listing()[1]
        resp = get(f"{ENTITY}/adjacent", {"limit": 1, "offset": 1})
        self.assertStatus(resp, 200)
        adjacent = resp.json()["adjacent"]
        addresses = adjacent["addressEntity"]
        self.assertEqual(addresses["results"], [])
        self.assertEqual(addresses["total"]["value"], 1)
        self.assertEqual(addresses["limit"], 1)
        self.assertEqual(addresses["offset"], 1)
        owned = adjacent["ownershipOwner"]
        self.assertEqual(ids(owned["results"]), [second])
        self.assertEqual(owned["total"]["value"], OWNERSHIPS)

    def test_adjacent_prop(self):
        """/adjacent/<prop>: 404 for a non-entity property (address); one page for addressEntity and for ownershipOwner."""
        self.assertStatus(get(f"{ENTITY}/adjacent/address"), 404)

        resp = get(f"{ENTITY}/adjacent/addressEntity")
        self.assertStatus(resp, 200)
        data = resp.json()
        self.assertEqual(data["limit"], 10)
        self.assertEqual(data["offset"], 0)
        self.check_address(by_id(self, data["results"], ZAKHAROV_ADDRESS))
        self.assertEqual(len(data["results"]), 1)
        self.assertEqual(data["total"]["value"], 1)

        resp = get(f"{ENTITY}/adjacent/ownershipOwner")
        self.assertStatus(resp, 200)
        data = resp.json()
        self.assertEqual(len(data["results"]), OWNERSHIPS)
        self.assertEqual(data["total"]["value"], OWNERSHIPS)
        self.check_ownership(by_id(self, data["results"], OWNERSHIP_OF_CST))

    def test_adjacent_prop_limit(self):
        """/adjacent/<prop>?limit=1: the first result, total unchanged, the ownership's asset nested."""
        resp = get(f"{ENTITY}/adjacent/addressEntity", {"limit": 1})
        self.assertStatus(resp, 200)
        data = resp.json()
        self.assertEqual(data["limit"], 1)
        self.assertEqual(ids(data["results"]), [ZAKHAROV_ADDRESS])
        self.assertEqual(data["total"]["value"], 1)

        first = self.listing(prop_endpoint=True)[0]
        resp = get(f"{ENTITY}/adjacent/ownershipOwner", {"limit": 1})
        self.assertStatus(resp, 200)
        data = resp.json()
        self.assertEqual(ids(data["results"]), [first])
        self.assertEqual(data["total"]["value"], OWNERSHIPS)
        assets = data["results"][0]["properties"]["asset"]
        self.assertEqual(len(assets), 1)
        self.assertIsInstance(assets[0], dict)

    def test_adjacent_prop_offset(self):
        """/adjacent/<prop>?limit=1&offset=1: the second result (none for the single address), total unchanged."""
        resp = get(f"{ENTITY}/adjacent/addressEntity", {"limit": 1, "offset": 1})
        self.assertStatus(resp, 200)
        data = resp.json()
        self.assertEqual(data["limit"], 1)
        self.assertEqual(data["offset"], 1)
        self.assertEqual(data["results"], [])
        self.assertEqual(data["total"]["value"], 1)

        second = self.listing(prop_endpoint=True)[1]
        resp = get(f"{ENTITY}/adjacent/ownershipOwner", {"limit": 1, "offset": 1})
        self.assertStatus(resp, 200)
        data = resp.json()
        self.assertEqual(ids(data["results"]), [second])
        self.assertEqual(data["total"]["value"], OWNERSHIPS)


harness.apply_known_gaps(TestEntity, KNOWN_GAPS)

if __name__ == "__main__":
    unittest.main()
