#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a pack exported as DOCX with python-docx, as Word would: the parts
must use Word's heading and quote styles, hold a real contents field, a real
grades table whose header row repeats and whose rows never split, a running
header and a footer with page fields, and say who wrote it and how it is
classified in its properties and in its body.

Usage: check-docx.py FILE [--title T] [--author A] [--subject S]
                          [--classification C] [--columns N] [--merged N]
                          [--exempt TEXT] [--tables N] [--whole-words]
                          [--pages N] QUOTE..."""

import argparse
import sys

import docx
from docx.oxml.ns import qn

parser = argparse.ArgumentParser()
parser.add_argument("file")
parser.add_argument("--title")
parser.add_argument("--author")
parser.add_argument("--subject")
parser.add_argument("--classification")
parser.add_argument("--columns", type=int, help="inspections in the grades table")
parser.add_argument("--merged", type=int, help="cells over two rows in the grades table")
parser.add_argument("--exempt", help="words the cover's exempt statement holds")
parser.add_argument("--tables", type=int, default=1, help="grades tables the inspections are shared between")
parser.add_argument("--whole-words", action="store_true",
                    help="every word of the grades tables fits its column on one line")
parser.add_argument("--pages", type=int,
                    help="pages LibreOffice lays the document out on: the footer's stored page count")
parser.add_argument("quotes", nargs="*")
args = parser.parse_intermixed_args()

document = docx.Document(args.file)
body = document.element.body
styles = [p.style.name for p in document.paragraphs]
texts = [p.text for p in document.paragraphs]

assert "Title" in styles, styles
assert "Heading 1" in styles, styles
assert "Quote" in styles, styles
for quote in args.quotes:
    assert any(quote == t for t, s in zip(texts, styles) if s == "Quote"), quote

# Sections flow on: nothing forces a page break.
assert not body.findall(".//" + qn("w:pageBreakBefore")), "a forced page break"
assert not [b for b in body.iter(qn("w:br")) if b.get(qn("w:type")) == "page"], "a page break"

# A real contents field, begun, separated and ended, listing headings.
instructions = [t.text for t in body.iter(qn("w:instrText"))]
assert any(i.strip().startswith("TOC \\o") for i in instructions), instructions
kinds = [c.get(qn("w:fldCharType")) for c in body.iter(qn("w:fldChar"))]
assert kinds.count("begin") == kinds.count("end") >= 1, kinds
assert document.settings.element.find(qn("w:updateFields")) is not None, "Word is not asked to update the contents"
# Its stored result gives each entry's page, as Word writes it: a PAGEREF
# field to a bookmark the document has, with a page number, for readers
# (LibreOffice) that show the stored result as it is.
bookmarks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
entries = [p for p in body.iter(qn("w:p")) if p.find(qn("w:pPr") + "/" + qn("w:pStyle")) is not None
           and p.find(qn("w:pPr") + "/" + qn("w:pStyle")).get(qn("w:val")) == "TOC1"]
assert entries, "no contents entries"
for entry in entries:
    pageref = [i.text.split() for i in entry.iter(qn("w:instrText")) if i.text.split()[0] == "PAGEREF"]
    assert len(pageref) == 1 and pageref[0][1] in bookmarks, pageref
    number = "".join(t.text for t in entry.iter(qn("w:t")) if t.text.isdigit())
    assert number.isdigit() and int(number) >= 1, "no page number in a contents entry"

# "Prepared by" and "Classification" in the body: the cover's details.
cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
assert "Classification" in cells, cells
if args.author:
    assert "Prepared by" in cells and args.author in cells, cells
if args.classification:
    assert args.classification in cells, cells
if args.exempt:
    assert any(args.exempt in t for t in texts), "no exempt statement"

# The grades: one table (or --tables), its header row repeated, no row
# split.
grades = [t for t in document.tables if t.rows[0].cells[0].text == "Judgement"]
if args.columns is not None:
    assert len(grades) == args.tables, len(grades)
    assert sum(len(t.columns) - 1 for t in grades) == args.columns, [len(t.columns) for t in grades]
    restarts = 0
    for table in grades:
        rows = table._tbl.findall(qn("w:tr"))
        assert rows[0].find(qn("w:trPr")).find(qn("w:tblHeader")) is not None, "the header row does not repeat"
        for row in rows:
            assert row.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None, "a row may split"
        merges = [m.get(qn("w:val")) for m in table._tbl.iter(qn("w:vMerge"))]
        restarts += merges.count("restart")
    assert restarts == (args.merged or 0), restarts

# Arial's advance widths (those of Helvetica, whose metrics it shares), in
# thousandths of an em; anything else as wide as the widest letter.
REGULAR = dict(zip("abcdefghijklmnopqrstuvwxyz", [556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,
                                                  556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500]))
REGULAR.update(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", [667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
                                                  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611]))
BOLD = dict(zip("abcdefghijklmnopqrstuvwxyz", [556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889,
                                               611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500]))
BOLD.update(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", [722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
                                               722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611]))
for table in (REGULAR, BOLD):
    table.update({d: 556 for d in "0123456789"})
    table.update({",": 278, ".": 278, "’": 222})


def word_twips(word, bold, half_points):
    widths = BOLD if bold else REGULAR
    return sum(widths.get(c, 1000) for c in word) * half_points / 2 / 1000 * 20


# Each word of a grades table on one line of its cell: no column narrower
# than its widest word and the cell's margins (108 twips each side), so that
# Word and LibreOffice never break "improvement" or "September" inside.
if args.whole_words:
    assert grades, "no grades table"
    for table in grades:
        grid = [int(c.get(qn("w:w"))) for c in table._tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]
        assert sum(grid) <= 11906 - 2 * 1247, ("wider than the page's text", sum(grid))
        for row in table._tbl.findall(qn("w:tr")):
            for column, cell in enumerate(row.findall(qn("w:tc"))):
                for r in cell.iter(qn("w:r")):
                    properties = r.find(qn("w:rPr"))
                    size = properties.find(qn("w:sz")) if properties is not None else None
                    bold = properties is not None and properties.find(qn("w:b")) is not None
                    half_points = int(size.get(qn("w:val"))) if size is not None else 22
                    text = "".join(t.text or "" for t in r.iter(qn("w:t")))
                    for word in text.split():
                        need = word_twips(word, bold, half_points) + 2 * 108
                        assert need <= grid[column], (word, need, grid[column])

# The running header and footer, on every page: page numbers as fields.
section = document.sections[0]
header = section.header
footer = section.footer
assert not header.is_linked_to_previous and not footer.is_linked_to_previous
header_text = "\n".join(p.text for p in header.paragraphs)
if args.title:
    assert args.title in header_text, header_text
footer_fields = " ".join(t.text for t in footer._element.iter(qn("w:instrText")))
assert "PAGE" in footer_fields and "NUMPAGES" in footer_fields, footer_fields


def field_results(element):
    """Each complex field under element: its code, whether it is marked
    dirty, and the result stored between its separate and end marks."""
    fields = []
    current = None
    for node in element.iter(qn("w:fldChar"), qn("w:instrText"), qn("w:t")):
        if node.tag == qn("w:fldChar"):
            kind = node.get(qn("w:fldCharType"))
            if kind == "begin":
                current = {"code": "", "dirty": node.get(qn("w:dirty")) == "true", "result": "", "in": "code"}
            elif kind == "separate":
                current["in"] = "result"
            elif kind == "end":
                fields.append(current)
                current = None
        elif current is not None and node.tag == qn("w:instrText"):
            current["code"] += node.text or ""
        elif current is not None and current["in"] == "result":
            current["result"] += node.text or ""
    return fields


# Word and LibreOffice work the page fields out again (they are dirty);
# a viewer that shows their stored results reads the right page count.
footer_results = {f["code"].strip(): f for f in field_results(footer._element)}
for code in ("PAGE", "NUMPAGES"):
    assert footer_results[code]["dirty"], footer_results
assert footer_results["PAGE"]["result"] == "1", footer_results
assert int(footer_results["NUMPAGES"]["result"]) >= 1, footer_results
app_part = document.part.package.part_related_by(
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties")
app_xml = app_part.blob.decode("utf-8")
assert "<Pages>%s</Pages>" % footer_results["NUMPAGES"]["result"] in app_xml, app_xml
if args.pages is not None:
    assert footer_results["NUMPAGES"]["result"] == str(args.pages), (footer_results, args.pages)

# Properties: the pack's author, never the program; the classification.
core = document.core_properties
assert core.author != "Panel Brief", core.author
if args.title:
    assert core.title == args.title, core.title
if args.author:
    assert core.author == args.author, core.author
if args.subject:
    assert core.subject == args.subject, core.subject
assert core.language == "en-GB", core.language
custom = document.part.package.part_related_by(
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties")
custom_xml = custom.blob.decode("utf-8")
assert 'name="Classification"' in custom_xml, custom_xml
if args.classification:
    assert args.classification.replace("&", "&amp;") in custom_xml, custom_xml

print("ok:", len(document.paragraphs), "paragraphs,", len(document.tables), "tables")
