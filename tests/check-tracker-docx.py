#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a pack's recommendations table from a DOCX with python-docx, as
Word would: one table headed "Recommendation", its header row repeated and
no row split, each status cell shaded in its RAG colour and saying both the
status and the colour in words; and words that must or must not be in the
document at all.

Usage: check-tracker-docx.py FILE [--rows N] [--status WORDS COLOUR FILL]...
                             [--absent TEXT]... [--present TEXT]... [--widest-first]"""

import argparse

import docx
from docx.oxml.ns import qn

parser = argparse.ArgumentParser()
parser.add_argument("file")
parser.add_argument("--rows", type=int, help="recommendations in the table")
parser.add_argument("--status", nargs=3, action="append", default=[],
                    metavar=("WORDS", "COLOUR", "FILL"),
                    help="a status cell that must be there: its words, its colour's name, its shading")
parser.add_argument("--widest-first", action="store_true",
                    help="the recommendation's column at least 40% of the table and the widest")
parser.add_argument("--absent", action="append", default=[])
parser.add_argument("--present", action="append", default=[])
args = parser.parse_args()

document = docx.Document(args.file)
body = document.element.body
all_text = "\n".join(t.text or "" for t in body.iter(qn("w:t")))

for text in args.absent:
    assert text not in all_text, "should not be there: " + text
for text in args.present:
    assert text in all_text, "missing: " + text

tables = [t for t in document.tables if t.rows[0].cells[0].text == "Recommendation"]
assert len(tables) == 1, len(tables)
table = tables[0]
headings = [c.text for c in table.rows[0].cells]
assert headings == ["Recommendation", "Owner", "Due", "Status", "Updated", "Evidence"], headings

rows = table._tbl.findall(qn("w:tr"))
assert rows[0].find(qn("w:trPr")).find(qn("w:tblHeader")) is not None, "the header row does not repeat"
for row in rows:
    assert row.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None, "a row may split"
if args.rows is not None:
    assert len(rows) - 1 == args.rows, len(rows) - 1

if args.widest_first:
    grid = [int(col.get(qn("w:w"))) for col in table._tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]
    assert grid[0] >= 0.4 * sum(grid), grid
    assert all(grid[0] > width for width in grid[1:]), grid

# Each status cell: the status and its colour in words, and the shading.
cells = []
for row in table.rows[1:]:
    cell = row.cells[3]
    shading = cell._tc.find(qn("w:tcPr")).find(qn("w:shd"))
    lines = [p.text for p in cell.paragraphs]
    cells.append((lines, shading.get(qn("w:fill")) if shading is not None else None))
for words, colour, fill in args.status:
    assert any(lines[:2] == [words, colour] and shown == fill for lines, shown in cells), (words, colour, fill, cells)

print("ok:", len(rows) - 1, "recommendations")
