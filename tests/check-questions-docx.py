#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a member's questions exported as DOCX with python-docx, as Word
would: the title in Word's Title style, one "Question N" heading (Heading 1)
for each question, each question's lines as paragraphs, and each citation.

Usage: check-questions-docx.py FILE N_QUESTIONS [--line TEXT]... [--citation TEXT]..."""

import sys

import docx

path, expected = sys.argv[1], int(sys.argv[2])
lines, citations = [], []
args = sys.argv[3:]
while args:
    flag, value, args = args[0], args[1], args[2:]
    (lines if flag == "--line" else citations).append(value)

document = docx.Document(path)
paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
texts = [t for _, t in paragraphs]

assert paragraphs[0] == ("Title", "Panel Brief questions for the meeting"), paragraphs[0]
headings = [t for s, t in paragraphs if s == "Heading 1"]
assert headings == ["Question %d" % (i + 1) for i in range(expected)], headings
for line in lines:
    assert line in texts, line
for citation in citations:
    assert "Citation: " + citation in texts, citation
print("ok:", len(paragraphs), "paragraphs,", len(headings), "questions")
