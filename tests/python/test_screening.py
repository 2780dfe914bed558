"""The embargo Python package: loading lists and snapshots, screening one name,
a batch of dicts and a pandas DataFrame, errors, and the GIL released while
the engine screens. Run by CTest (python_screening) with the built package on
PYTHONPATH."""

import datetime
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import unittest

import pandas

import embargo
from shared_data import NEGATIVES, PLANTED, UN_LIST


def negatives(count):
    """The first `count` development negatives as rows with the CLI's keys."""
    frame = pandas.read_csv(NEGATIVES[0], nrows=count, dtype=str, keep_default_na=False)
    return [{"name": r.full_name, "birth_date": r.date_of_birth, "gender": r.gender,
             "nationality": r.nationality} for r in frame.itertuples()]


class LoadTest(unittest.TestCase):
    def test_loads_the_un_list(self):
        screener = embargo.load(lists=UN_LIST)
        self.assertEqual([d["name"] for d in screener.datasets], ["un_sc_sanctions"])
        self.assertEqual(screener.entity_count, 730 + 273)
        self.assertGreater(screener.name_count, screener.entity_count)

    def test_a_missing_list_raises_with_its_path(self):
        path = os.path.join(tempfile.gettempdir(), "no-such-list-embargo.xml")
        with self.assertRaises(embargo.LoadError) as caught:
            embargo.load(lists=[path])
        self.assertIn(path, str(caught.exception))
        self.assertEqual(caught.exception.file, path)

    def test_a_cut_short_list_raises_with_its_path(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "un-cut.xml")
            with open(UN_LIST, "rb") as f:
                data = f.read()
            with open(path, "wb") as f:
                f.write(data[: len(data) // 2])
            with self.assertRaises(embargo.LoadError) as caught:
                embargo.load(lists=[path])
            self.assertTrue(str(caught.exception).startswith(path + ":"), str(caught.exception))
            self.assertGreater(caught.exception.line, 0)

    def test_a_damaged_snapshot_raises_with_its_path(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "lists.idx")
            embargo.load(lists=UN_LIST).save_snapshot(path)
            with open(path, "r+b") as f:
                f.truncate(os.path.getsize(path) // 2)
            with self.assertRaises(embargo.LoadError) as caught:
                embargo.load(snapshot=path)
            self.assertIn(path, str(caught.exception))

    def test_a_snapshot_screens_as_the_lists_do(self):
        from_lists = embargo.load(lists=UN_LIST)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "lists.idx")
            from_lists.save_snapshot(path)
            from_snapshot = embargo.load(snapshot=path)
        rows = [{"name": n, "birth_date": d, "country": c} for n, d, c, _ in PLANTED]
        self.assertEqual(from_snapshot.screen_batch(rows), from_lists.screen_batch(rows))

    def test_lists_or_snapshot_one_of_them(self):
        with self.assertRaises(TypeError):
            embargo.load()
        with self.assertRaises(TypeError):
            embargo.load(lists=UN_LIST, snapshot="x.idx")


class ScreenTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.screener = embargo.load(lists=[UN_LIST])

    def test_a_listed_person_is_the_top_hit_with_an_explanation(self):
        matches = self.screener.screen("Paek Chang-ho", birth_date="1964-06-18", country="KP")
        top = matches[0]
        self.assertEqual(top["entity_id"], "un_sc_sanctions-KPi.006")
        self.assertEqual(top["dataset"], "un_sc_sanctions")
        self.assertEqual(top["schema"], "Person")
        self.assertGreaterEqual(top["score"], embargo.DEFAULT_THRESHOLD)
        self.assertTrue(top["match"])
        explanation = top["explanation"]
        self.assertEqual(explanation["query_name"], "Paek Chang-ho")
        aligned = {(a["query"], a["candidate"]) for a in explanation["alignment"]}
        self.assertIn(("paek", "paek"), aligned)
        features = {f["feature"]: f["value"] for f in explanation["features"]}
        self.assertIn("name_match", features)
        self.assertGreater(features["birth_date"], 0)

    def test_every_planted_name_finds_its_entity(self):
        for name, birth_date, country, entity_id in PLANTED:
            with self.subTest(name=name):
                matches = self.screener.screen(name, birth_date=birth_date, country=country)
                self.assertEqual(matches[0]["entity_id"], entity_id)
                self.assertTrue(matches[0]["match"])

    def test_an_unreadable_field_is_ignored_with_a_warning(self):
        with self.assertWarns(embargo.QueryWarning) as caught:
            matches = self.screener.screen("Paek Chang-ho", country="Atlantis")
        self.assertIn("Atlantis", str(caught.warning))
        self.assertEqual(matches[0]["entity_id"], "un_sc_sanctions-KPi.006")

    def test_a_blank_name_raises(self):
        with self.assertRaises(embargo.QueryError):
            self.screener.screen("  ")

    def test_a_dataset_filter_keeps_its_dataset_and_refuses_an_unknown_one(self):
        matches = self.screener.screen("Paek Chang-ho", datasets="un_sc_sanctions")
        self.assertEqual(matches[0]["entity_id"], "un_sc_sanctions-KPi.006")
        # A new user's trial: a misspelt or unloaded dataset screened against
        # nothing and returned [], which clears every customer.
        for datasets in ("us_ofac", ["un_sc_sanctions", "us_ofac_sdn"]):
            with self.assertRaises(ValueError) as caught:
                self.screener.screen("Paek Chang-ho", datasets=datasets)
            self.assertIn("loaded are un_sc_sanctions", str(caught.exception))

    def test_the_limit_and_cutoff_bound_the_candidates(self):
        matches = self.screener.screen("Kim Chol", cutoff=0.3, limit=3)
        self.assertEqual(len(matches), 3)
        self.assertEqual([m["score"] for m in matches],
                         sorted((m["score"] for m in matches), reverse=True))

    def test_an_entity_is_found_by_id(self):
        entity = self.screener.entity("un_sc_sanctions-KPi.006")
        self.assertEqual(entity["source_id"], "KPi.006")
        self.assertIsNone(self.screener.entity("no-such-id"))

    def test_a_screener_is_not_pickled_but_points_to_embargo_dask(self):
        import pickle

        with self.assertRaises(TypeError) as caught:
            pickle.dumps(self.screener)
        self.assertIn("embargo.dask.screen", str(caught.exception))

    def test_options_of_the_wrong_type_raise_type_errors_that_name_them(self):
        for options in ({"threshold": "high"}, {"limit": None}, {"limit": 2.5},
                        {"limit": "3"}, {"cutoff": "0.5"}):
            with self.assertRaises(TypeError) as caught:
                self.screener.screen("Paek Chang-ho", **options)
            self.assertIn(next(iter(options)), str(caught.exception))
        with self.assertRaises(ValueError):
            self.screener.screen_batch([{"name": "Paek Chang-ho"}], threads=-1)
        with self.assertRaises(TypeError):
            self.screener.screen_frame([{"name": "Paek Chang-ho"}])
        with self.assertRaises(TypeError):
            self.screener.entity(5)

    def test_bad_options_raise(self):
        with self.assertRaises(ValueError):
            self.screener.screen("Paek Chang-ho", threshold=1.5)
        with self.assertRaises(ValueError):
            self.screener.screen("Paek Chang-ho", date_order="yyyy")
        with self.assertRaises(ValueError):  # would hide alerts from 0.5 to 0.9
            self.screener.screen("Paek Chang-ho", threshold=0.5, cutoff=0.9)


class BatchTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.screener = embargo.load(lists=[UN_LIST])

    ROWS = [
        {"id": "c1", "name": "Paek Chang-ho", "birth_date": "1964-06-18", "nationality": "KP"},
        {"id": "c2", "name": "Jon Myong Guk", "birth_date": "the day after", "country": "Atlantis"},
        {"id": "c3", "name": "   "},
        {"id": "c4", "name": "Ingeborg Abrahamsen", "birth_date": "1972-11-21", "gender": "F"},
        {"name": "Kang Mun Kil", "birth_date": datetime.date(1963, 2, 9)},
    ]

    def check_answers(self, answers):
        self.assertEqual([a["id"] for a in answers], ["c1", "c2", "c3", "c4", "5"])
        self.assertEqual(answers[0]["matches"][0]["entity_id"], "un_sc_sanctions-KPi.006")
        self.assertEqual(answers[0]["warnings"], [])
        # Unreadable fields: ignored, the name still screened.
        self.assertEqual(answers[1]["matches"][0]["entity_id"], "un_sc_sanctions-KPi.018")
        self.assertEqual(len(answers[1]["warnings"]), 2, answers[1]["warnings"])
        self.assertTrue(any("Atlantis" in w for w in answers[1]["warnings"]))
        # No usable name: an error entry, not a dropped row.
        self.assertIn("name", answers[2]["error"])
        self.assertEqual(answers[2]["matches"], [])
        self.assertNotIn("error", answers[3])
        self.assertEqual(answers[3]["matches"], [])
        self.assertEqual(answers[4]["matches"][0]["entity_id"], "un_sc_sanctions-KPi.019")

    def test_a_list_of_dicts(self):
        self.check_answers(self.screener.screen_batch(self.ROWS))

    def test_a_dataframe_with_mapped_and_unknown_columns(self):
        frame = pandas.DataFrame(self.ROWS).rename(columns={"name": "full_name"})
        frame["segment"] = "retail"
        with self.assertWarns(embargo.QueryWarning) as caught:
            answers = self.screener.screen_batch(frame, columns={"full_name": "name"})
        self.assertIn("'segment'", str(caught.warning))
        # pandas gives NaN for the id the last row lacks: numbered as the CLI does.
        self.check_answers(answers)

    def test_a_dataframe_without_a_name_column_raises(self):
        with self.assertRaises(ValueError):
            self.screener.screen_batch(pandas.DataFrame({"Kunde": ["Paek Chang-ho"]}))

    def test_headers_are_read_as_the_cli_reads_them(self):
        # DOB, Full Name, Date of Birth...: the CLI's header names; Python
        # ignored them (a DOB dropped, or no name column at all).
        plain = self.screener.screen_batch(
            [{"name": "Paek Chang-ho", "birth_date": "1964-06-18", "country": "KP"}])
        for keys in (("full_name", "DOB", "Nationality"), ("Name", "Date of Birth", "country"),
                     ("customer_name", "birthdate", "NATIONALITY")):
            row = dict(zip(keys, ("Paek Chang-ho", "1964-06-18", "KP")))
            self.assertEqual(self.screener.screen_batch([row]), plain, keys)
            frame = self.screener.screen_frame(pandas.DataFrame([row]))
            self.assertEqual(frame["entity_id"][0], "un_sc_sanctions-KPi.006", keys)

    def test_a_name_that_is_not_text_is_the_row_problem(self):
        # 1 alerted at 0.92 on the alias 1-P; a dict on a firm's name.
        answers = self.screener.screen_batch(
            [{"name": 1}, {"name": 1.0}, {"name": True}, {"name": {"a": 1}}, {"name": "Paek Chang-ho"}])
        for answer in answers[:4]:
            self.assertEqual(answer["matches"], [])
            self.assertIn("name must be text", answer["error"])
        self.assertNotIn("error", answers[4])
        with self.assertRaises(embargo.QueryError):
            self.screener.screen(1)

    def test_dates_numbers_and_lists_read_as_the_cli_reads_text(self):
        as_text = self.screener.screen_batch(
            [{"name": "Kang Mun Kil", "birth_date": "1963-02-09", "country": "KP;CN"}])
        as_values = self.screener.screen_batch(
            [{"name": ["Kang Mun Kil"], "birth_date": pandas.Timestamp("1963-02-09 10:30"),
              "country": ["KP", "CN"]}])
        self.assertEqual(as_values, as_text)
        by_imo = self.screener.screen_batch(
            pandas.DataFrame({"name": [None, " "], "imo": [9166778.0, float("nan")]}))
        self.assertEqual(len(by_imo), 2)
        self.assertNotIn("error", by_imo[0])
        self.assertIn("error", by_imo[1])

    def test_text_that_is_no_utf8_is_the_row_problem_not_an_exception(self):
        answers = self.screener.screen_batch([
            {"name": "Kim\udcff"},  # a lone surrogate (text decoded with surrogateescape)
            {"name": b"Kim \xff"},  # bytes that are no UTF-8
            {"name": "Paek Chang-ho", "country": "K\udcffP"},
        ])
        self.assertIn("error", answers[0])
        self.assertIn("error", answers[1])
        self.assertNotIn("error", answers[2])
        self.assertEqual(answers[2]["matches"][0]["entity_id"], "un_sc_sanctions-KPi.006")

    def test_a_batch_screens_as_single_queries_do(self):
        rows = [{"name": n, "birth_date": d, "country": c} for n, d, c, _ in PLANTED]
        batch = self.screener.screen_batch(rows, threads=2)
        for row, answer in zip(rows, batch):
            self.assertEqual(answer["matches"], self.screener.screen(**row))

    def test_screen_frame_adds_the_best_candidate(self):
        frame = pandas.DataFrame(self.ROWS, index=[10, 11, 12, 13, 14])
        out = self.screener.screen_frame(frame)
        self.assertEqual(list(out.index), [10, 11, 12, 13, 14])
        self.assertEqual(list(out["id"][:4]), ["c1", "c2", "c3", "c4"])
        self.assertEqual(list(out["match"]), [True, True, False, False, True])
        self.assertEqual(out.loc[10, "entity_id"], "un_sc_sanctions-KPi.006")
        self.assertGreaterEqual(out.loc[10, "score"], embargo.DEFAULT_THRESHOLD)
        self.assertEqual(json.loads(out.loc[10, "explanation"])["query_name"], "Paek Chang-ho")
        self.assertIn("Atlantis", out.loc[11, "warnings"])
        self.assertIsNotNone(out.loc[12, "error"])
        self.assertTrue(pandas.isna(out.loc[13, "score"]))
        self.assertIsNone(out.loc[13, "entity_id"])

    def test_screen_frame_keeps_a_repeated_index(self):
        frame = pandas.DataFrame(self.ROWS[:2], index=[7, 7])
        out = self.screener.screen_frame(frame)
        self.assertEqual(list(out["entity_id"]),
                         ["un_sc_sanctions-KPi.006", "un_sc_sanctions-KPi.018"])

    def test_an_empty_batch_gives_no_answers(self):
        self.assertEqual(self.screener.screen_batch([]), [])
        out = self.screener.screen_frame(pandas.DataFrame({"name": []}))
        self.assertEqual(len(out), 0)
        self.assertIn("score", out.columns)

    def test_screen_frame_refuses_to_overwrite_a_column(self):
        with self.assertRaises(ValueError):
            self.screener.screen_frame(pandas.DataFrame({"name": ["x"], "score": [1]}))


class GilTest(unittest.TestCase):
    def test_python_threads_run_while_a_batch_screens(self):
        screener = embargo.load(lists=[UN_LIST])
        rows = negatives(20000)
        ticks = []
        stop = threading.Event()

        def count():
            n = 0
            while not stop.is_set():
                n += 1
                if n % 1000 == 0:
                    ticks.append(time.monotonic())

        counter = threading.Thread(target=count)
        counter.start()
        time.sleep(0.05)
        start = time.monotonic()
        answers = screener.screen_batch(rows, threads=1)
        end = time.monotonic()
        stop.set()
        counter.join()
        self.assertEqual(len(answers), len(rows))
        during = [t for t in ticks if start <= t <= end]
        gaps = [b - a for a, b in zip([start] + during, during + [end])]
        # With the GIL held by the engine, the counter would stop for the
        # whole screening; released, it never waits long.
        self.assertGreater(end - start, 0.2, "the batch is too quick to tell")
        self.assertLess(max(gaps), (end - start) / 2, f"longest pause {max(gaps):.3f} s")


class CommandLineTest(unittest.TestCase):
    def run_module(self, *args):
        return subprocess.run([sys.executable, "-m", "embargo", *args], capture_output=True,
                              text=True, timeout=120)

    def test_screens_a_name_to_json(self):
        done = self.run_module("--lists", UN_LIST, "--name", "Paek Chang-ho", "--birth-date",
                               "1964-06-18", "--country", "Atlantis")
        self.assertEqual(done.returncode, 0, done.stderr)
        answer = json.loads(done.stdout)
        self.assertEqual(answer["matches"][0]["entity_id"], "un_sc_sanctions-KPi.006")
        self.assertTrue(any("Atlantis" in w for w in answer["warnings"]))

    def test_screens_a_csv_to_json_lines(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "batch.csv")
            with open(path, "w", encoding="utf-8") as f:
                f.write("full_name,birth_date\nPaek Chang-ho,1964-06-18\n,\n")
            done = self.run_module("--lists", UN_LIST, "--input", path, "--map",
                                   "full_name=name")
        self.assertEqual(done.returncode, 3, done.stderr)
        lines = [json.loads(line) for line in done.stdout.splitlines()]
        self.assertEqual(len(lines), 2)
        self.assertEqual(lines[0]["matches"][0]["entity_id"], "un_sc_sanctions-KPi.006")
        self.assertIn("error", lines[1])

    def test_a_list_that_does_not_load_exits_1_with_its_path(self):
        done = self.run_module("--lists", "/nonexistent/list.xml", "--name", "x")
        self.assertEqual(done.returncode, 1)
        self.assertIn("/nonexistent/list.xml", done.stderr)


if __name__ == "__main__":
    unittest.main()
