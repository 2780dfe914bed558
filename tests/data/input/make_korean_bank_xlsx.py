#!/usr/bin/env python3
"""Writes korean-bank-customers.xlsx from korean-bank-customers.csv, as Excel
would save it: sheet 1 "고객목록" holds the rows (shared strings; zero-padded
ISO birth dates as real date cells, other dates as the text typed; 19780622
as a number), sheet 2 "메모" a note. Run from this folder; Python 3 only."""
import csv
import datetime
import re
import zipfile
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

with open("korean-bank-customers.csv", encoding="utf-8") as f:
    rows = list(csv.reader(f))

strings, index = [], {}


def shared(text):
    if text not in index:
        index[text] = len(strings)
        strings.append(text)
    return index[text]


def column(i):
    return chr(ord("A") + i)


def cell(ref, value, header):
    if value == "":
        return ""
    if not header and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            serial = (datetime.date.fromisoformat(value) - datetime.date(1899, 12, 30)).days
            return f'<c r="{ref}" s="1"><v>{serial}</v></c>'
        except ValueError:  # 1974-01-32 stays the text typed
            pass
    if not header and re.fullmatch(r"\d{8}", value):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="s"><v>{shared(value)}</v></c>'


def sheet(table):
    out = []
    for r, row in enumerate(table, start=1):
        cells = "".join(cell(f"{column(i)}{r}", v, r == 1) for i, v in enumerate(row))
        out.append(f'<row r="{r}">{cells}</row>')
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>{"".join(out)}</sheetData></worksheet>'


customers = sheet(rows)
note = sheet([["메모"], ["2026년 12월 고객 확인 대상"]])
sst = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
parts = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="고객목록" sheetId="1" r:id="rId1"/><sheet name="메모" sheetId="2" r:id="rId2"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="{REL}/styles" Target="styles.xml"/></Relationships>',
    "xl/styles.xml": f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>',
    "xl/worksheets/sheet1.xml": customers,
    "xl/worksheets/sheet2.xml": note,
    "xl/sharedStrings.xml": f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>',
}
with zipfile.ZipFile("korean-bank-customers.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, content in parts.items():
        info = zipfile.ZipInfo(name, date_time=(2026, 12, 1, 0, 0, 0))
        z.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
