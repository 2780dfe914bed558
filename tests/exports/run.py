#!/usr/bin/env python3
"""The auditor's exports, read by a program that is not embargo's.

An `embargo alerts export --out FILE.xlsx` workbook opened with openpyxl (the
library spreadsheet tools in Python use): the sheet, its header and every
row equal the CSV export of the same alerts, number columns hold numbers,
the header row is frozen and filterable. A screening certificate parsed
with Python's HTML parser: well formed, no script, and naming the input
file's SHA-256 and the list versions. Run by ctest (`exports`):
    EMBARGO_BIN=build/embargo EMBARGO_DATA=../shared/data tests/exports/run.py
"""
import csv
import hashlib
import html.parser
import io
import os
import subprocess
import sys
import tempfile

import openpyxl

EMBARGO = os.environ["EMBARGO_BIN"]
DATA = os.environ["EMBARGO_DATA"]


def run(*args):
    done = subprocess.run([EMBARGO, *args], capture_output=True, text=True)
    if done.returncode not in (0, 3):
        sys.exit(f"embargo {' '.join(args)}: exit {done.returncode}\n{done.stderr}")
    return done.stdout


class Page(html.parser.HTMLParser):
    """Collects the text and counts unclosed and script elements."""

    VOID = {"meta", "br", "hr", "img", "input", "link", "col", "wbr"}

    def __init__(self):
        super().__init__()
        self.open, self.text, self.scripts, self.problems = [], [], 0, []

    def handle_starttag(self, tag, attrs):
        self.scripts += tag == "script"
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.open[-1] if self.open else None}>")
        else:
            self.open.pop()

    def handle_data(self, data):
        self.text.append(data)


def main():
    with tempfile.TemporaryDirectory() as work:
        store = os.path.join(work, "store.db")
        run("import", "--store", store, os.path.join(DATA, "un/consolidated-2026-02-27.xml"))
        customers = os.path.join(work, "customers.csv")
        with open(customers, "w", encoding="utf-8") as f:
            f.write("id,name,birth_date\nc-ri,리원호,1964-07-17\nc-yun,YUN HO JIN,\n"
                    "c-abbasi,Фереидун Аббаси Давани,\nc-plain,Margarethe Vollenweider,1970-01-01\n")
        run("customers", "import", customers, "--store", store)
        run("rescreen", "--store", store, "--threads", "1")
        first = run("alerts", "list", "--store", store, "--format", "json").splitlines()[0]
        alert_id = first.split('"id":', 1)[1].split(",", 1)[0]
        run("alerts", "decide", alert_id, "--store", store, "--status", "escalated",
            "--note", "ask the branch, \"quoted\", and a comma")
        xlsx = os.path.join(work, "alerts.xlsx")
        run("alerts", "export", "--store", store, "--out", xlsx)
        csv_rows = list(csv.reader(io.StringIO(run("alerts", "export", "--store", store))))

        book = openpyxl.load_workbook(xlsx)
        assert book.sheetnames == ["alerts"], book.sheetnames
        sheet = book["alerts"]
        rows = [[("" if c is None else c) for c in row] for row in sheet.iter_rows(values_only=True)]
        assert len(rows) == len(csv_rows) >= 4, (len(rows), len(csv_rows))
        header = csv_rows[0]
        assert rows[0] == header, rows[0]
        numeric = {"alert", "customer_row", "version", "score", "decision"} & set(header)
        assert numeric, header
        for got, want in zip(rows[1:], csv_rows[1:]):
            for name, g, w in zip(header, got, want):
                if name in numeric and w != "":
                    assert isinstance(g, (int, float)), (name, g)
                    assert abs(float(g) - float(w)) < 1e-9, (name, g, w)
                else:
                    assert str(g) == w, (name, g, w)
        assert sheet.freeze_panes == "A2", sheet.freeze_panes
        # Columns open wide enough for their longest cell.
        name_column = openpyxl.utils.get_column_letter(header.index("customer_name") + 1)
        assert sheet.column_dimensions[name_column].width >= len("Фереидун Аббаси Давани"), \
            sheet.column_dimensions[name_column].width
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:"), sheet.auto_filter.ref
        decided = [r for r in rows[1:] if "quoted" in " ".join(map(str, r))]
        assert len(decided) == 1, decided
        hangul = [r for r in rows[1:] if "리원호" in r]
        assert hangul, "the Hangul customer name survives the workbook"

        batch = os.path.join(work, "batch.csv")
        with open(batch, "w", encoding="utf-8") as f:
            f.write("id,name\nk1,YUN HO JIN\nk2,Margarethe Vollenweider\n")
        certificate = os.path.join(work, "certificate.html")
        run("screen", "--store", store, "--input", batch, "--output",
            os.path.join(work, "results.jsonl"), "--certificate", certificate)
        page = Page()
        with open(certificate, encoding="utf-8") as f:
            page.feed(f.read())
        page.close()
        assert not page.problems and not page.open, (page.problems, page.open)
        assert page.scripts == 0
        text = " ".join(page.text)
        with open(batch, "rb") as f:
            assert hashlib.sha256(f.read()).hexdigest() in text
        assert "un_sc_sanctions" in text and "2026-02-27" in text, text[:500]
        assert "ALERT k1 'YUN HO JIN'" in text, "the alert is on the certificate"
    print("exports: the workbook, the CSV and the certificate agree")


main()
