#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Lists the public functions of the core (declared in app/core/*/*.h, not
starting with an underscore) whose definition has no gtk-doc comment
("/**" block naming the function) right above it. Exits 1 when there is
any, so that a test keeps every public contract written down."""

import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.')
core = root / 'app' / 'core'

declared = set()
for header in core.rglob('*.h'):
    if header.name.endswith('-private.h'):
        continue
    text = re.sub(r'/\*.*?\*/', '', header.read_text(), flags=re.S)
    for m in re.finditer(r'^[A-Za-z][\w \*]*?\b(pb_\w+)\s*\(', text, re.M):
        name = m.group(1)
        if not name.endswith('_get_type') and not name.endswith('_quark'):
            declared.add(name)

documented = set()
defined = {}
for source in core.rglob('*.c'):
    text = source.read_text()
    for m in re.finditer(r'/\*\*\s*\n\s*\*\s*(pb_\w+):', text):
        documented.add(m.group(1))
    for m in re.finditer(r'^(pb_\w+)\s*\(', text, re.M):
        defined[m.group(1)] = source.relative_to(root)

missing = sorted(n for n in declared if n in defined and n not in documented)
for name in missing:
    print(f'{defined[name]}: {name}')
print(f'{len(declared & set(defined)) - len(missing)} of {len(declared & set(defined))} public core '
      f'functions documented', file=sys.stderr)
sys.exit(1 if missing else 0)
