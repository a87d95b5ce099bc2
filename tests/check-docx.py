#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a pack exported as DOCX with python-docx, as Word would: the parts
must use Word's heading and quote styles and hold a real table.

Usage: check-docx.py FILE QUOTE..."""

import sys

import docx

document = docx.Document(sys.argv[1])
styles = [p.style.name for p in document.paragraphs]
texts = [p.text for p in document.paragraphs]

assert "Title" in styles, styles
assert "Heading 1" in styles, styles
assert "Quote" in styles, styles
assert len(document.tables) >= 1, "no table"
assert document.tables[0].rows[0].cells[0].text == "Judgement"
for quote in sys.argv[2:]:
    assert any(quote == t for t, s in zip(texts, styles) if s == "Quote"), quote
print("ok:", len(document.paragraphs), "paragraphs,", len(document.tables), "tables")
