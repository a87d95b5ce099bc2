#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a source file with translatable strings is missing from
po/POTFILES.in, or when POTFILES.in names a file that does not exist or has
nothing to translate. With --write, rewrites po/POTFILES.in instead."""

import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
listed = [line.strip() for line in (root / 'po' / 'POTFILES.in').read_text().splitlines()
          if line.strip() and not line.startswith('#')]

c_marker = re.compile(r'\b(N?_|g_dngettext|C_|NC_)\s*\(')
ui_marker = re.compile(r'translatable="yes"')


def translatable(path):
    text = path.read_text(encoding='utf-8')
    if path.suffix == '.c':
        return bool(c_marker.search(text))
    if path.suffix == '.ui':
        return bool(ui_marker.search(text))
    return True   # data files: always translated


candidates = [p for p in (root / 'app').rglob('*.c')] + [p for p in (root / 'ui').rglob('*.ui')]
candidates += list((root / 'data').glob('*.in')) + list((root / 'data').glob('*.gschema.xml'))

needed = sorted(str(p.relative_to(root)) for p in candidates if translatable(p))

if '--write' in sys.argv[2:]:
    (root / 'po' / 'POTFILES.in').write_text(
        '# Files with translatable strings; tests/check-potfiles.py keeps this list complete.\n'
        + '\n'.join(needed) + '\n')
    sys.exit(0)

problems = []
for name in needed:
    if name not in listed:
        problems.append(f'missing from po/POTFILES.in: {name}')
for name in listed:
    path = root / name
    if not path.exists():
        problems.append(f'listed in po/POTFILES.in but absent: {name}')
    elif not translatable(path):
        problems.append(f'listed in po/POTFILES.in but has nothing to translate: {name}')

print(f'1..1')
if problems:
    for p in problems:
        print(f'# {p}')
    print('not ok 1 - po/POTFILES.in is complete')
    sys.exit(1)
print(f'ok 1 - po/POTFILES.in lists all {len(needed)} files with translatable strings')
