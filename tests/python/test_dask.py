"""embargo.dask on a real 2-process LocalCluster: the development negatives with
listed names planted among them, screened from a snapshot each worker loads
once, must give the in-process answer row for row. Run by CTest (python_dask).
"""

import logging
import os
import tempfile
import unittest
import warnings

import dask.dataframe
import pandas
from distributed import Client, LocalCluster

import embargo
import embargo.dask
from shared_data import NEGATIVES, OFAC_SDN, PLANTED, UN_LIST

NEGATIVES_PER_FILE = 1500
COLUMNS = {"customer_id": "id", "full_name": "name", "date_of_birth": "birth_date"}
# Low enough that a few negatives alert (none does at the default threshold),
# so that comparing the cluster's alerts with the in-process ones compares
# something; candidates down to the cutoff are compared too.
THRESHOLD = 0.6
CUTOFF = 0.5
OPTIONS = {"columns": COLUMNS, "threshold": THRESHOLD, "cutoff": CUTOFF}

# Debian's tornado under Python 3.11, when distributed starts its loop.
warnings.filterwarnings("ignore", category=DeprecationWarning, module="tornado")


def customers():
    """The negatives (their own columns, plus a customer id) with PLANTED rows
    spread among them; returns the frame and the planted rows' ids."""
    parts = [pandas.read_csv(path, nrows=NEGATIVES_PER_FILE, dtype=str, keep_default_na=False)
             for path in NEGATIVES]
    frame = pandas.concat(parts, ignore_index=True)[
        ["full_name", "gender", "date_of_birth", "nationality"]]
    frame.insert(0, "customer_id", [f"n{i}" for i in range(len(frame))])
    planted = {}
    for k, (name, birth_date, country, entity_id) in enumerate(PLANTED):
        at = (k * 2 + 1) * len(frame) // (2 * len(PLANTED))
        row = pandas.DataFrame([{"customer_id": f"p{k}", "full_name": name, "gender": "",
                                 "date_of_birth": birth_date or "", "nationality": country}])
        frame = pandas.concat([frame.iloc[:at], row, frame.iloc[at:]], ignore_index=True)
        planted[f"p{k}"] = entity_id
    return frame, planted


class DaskScreenTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.snapshot = os.path.join(cls.tmp.name, "un.idx")
        cls.screener = embargo.load(lists=[UN_LIST, OFAC_SDN])
        cls.screener.save_snapshot(cls.snapshot)
        cls.frame, cls.planted = customers()
        cls.cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                   dashboard_address=None, local_directory=cls.tmp.name,
                                   silence_logs=logging.ERROR)
        cls.client = Client(cls.cluster)
        cls.loads_before = embargo.dask.warm(cls.client, cls.snapshot)
        ddf = dask.dataframe.from_pandas(cls.frame, npartitions=8)
        cls.result = embargo.dask.screen(ddf, snapshot=cls.snapshot, **OPTIONS).compute()

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        cls.cluster.close()
        cls.tmp.cleanup()

    def test_one_row_per_input_row_in_order(self):
        self.assertEqual(len(self.result), len(self.frame))
        self.assertEqual(list(self.result["customer_id"]), list(self.frame["customer_id"]))
        self.assertEqual(self.result["error"].notna().sum(), 0)

    def test_planted_rows_match_their_entities(self):
        by_id = self.result.set_index("customer_id")
        for customer_id, entity_id in self.planted.items():
            with self.subTest(customer_id=customer_id):
                self.assertTrue(by_id.loc[customer_id, "match"])
                self.assertEqual(by_id.loc[customer_id, "entity_id"], entity_id)
                self.assertGreaterEqual(by_id.loc[customer_id, "score"],
                                        embargo.DEFAULT_THRESHOLD)

    def test_the_negatives_alert_as_in_process(self):
        in_process = self.screener.screen_frame(self.frame, **OPTIONS)
        negative = ~self.frame["customer_id"].isin(list(self.planted))
        on_cluster = self.result.reset_index(drop=True)
        alerts = in_process[negative]["match"].sum()
        self.assertGreater(alerts, 0)
        self.assertLess(alerts / negative.sum(), 0.01)
        self.assertEqual(on_cluster[negative]["match"].sum(), alerts)
        # Row for row: scores, candidates, explanations.
        pandas.testing.assert_frame_equal(on_cluster, in_process.reset_index(drop=True))

    def test_each_worker_loads_the_snapshot_once(self):
        self.assertEqual(sorted(self.loads_before.values()), [1, 1])
        self.assertEqual(self.client.run(embargo.dask.load_count), self.loads_before)

    def test_the_answer_is_a_dask_frame_with_the_result_columns(self):
        ddf = dask.dataframe.from_pandas(self.frame.head(10), npartitions=2)
        screened = embargo.dask.screen(ddf, snapshot=self.snapshot, **OPTIONS)
        self.assertIsInstance(screened, dask.dataframe.DataFrame)
        self.assertEqual(list(screened.columns)[:5], list(self.frame.columns))
        self.assertIn("explanation", screened.columns)
        self.assertEqual(str(screened.dtypes["score"]), "float64")

    def test_a_missing_snapshot_fails_the_computation_with_its_path(self):
        ddf = dask.dataframe.from_pandas(self.frame.head(10), npartitions=1)
        missing = os.path.join(self.tmp.name, "missing.idx")
        # embargo.LoadError, as embargo.load raises (was FileNotFoundError).
        with self.assertRaises(embargo.LoadError) as caught:
            embargo.dask.screen(ddf, snapshot=missing, **OPTIONS).compute()
        self.assertIn("missing.idx: cannot read the snapshot", str(caught.exception))


if __name__ == "__main__":
    unittest.main()
