#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the rooms of app/core stay apart (HACKING.md, "Layers"):

1. no file of the core includes a GTK or libadwaita header;
2. in app/core/structure, only the adapter (pb-structure-pdf.c, and the
   header that declares it) includes poppler;
3. no file of the core includes a header of the command line or the
   widgets;
4. the includes between rooms run one way only: following #include "…"
   from room to room never comes back to where it started.

A file's room is its folder under app/core, but for the structure reader's
adapter, which the build makes a library of its own (structure-pdf).  The
build gives each room only the rooms beneath it, so it refuses most wrong
includes already; this test says the rule in one place and catches cycles.
Prints TAP; exits 1 on any failure."""

import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.')
app = root / 'app'
core = app / 'core'

ADAPTER = {'pb-structure-pdf.c', 'pb-structure-pdf.h'}
GTK = re.compile(r'^\s*#\s*include\s*[<"](gtk|gdk|gsk|adwaita|libadwaita-1)[/.]', re.M)
POPPLER = re.compile(r'^\s*#\s*include\s*[<"](poppler[^>"]*)[>"]', re.M)
LOCAL = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)


def room_of(path):
    parts = path.relative_to(app).parts
    if parts[0] == 'core':
        return 'structure-pdf' if path.name in ADAPTER else parts[1]
    if parts[0] == 'ui' and len(parts) > 2:
        return 'ui/' + parts[1]
    return parts[0]


sources = sorted(p for p in app.rglob('*') if p.suffix in ('.c', '.h'))
by_name = {}
for path in sources:
    by_name.setdefault(path.name, []).append(path)

core_files = [p for p in sources if core in p.parents]
results = []

# 1. GTK and libadwaita stay out of the core.
bad = [f'{p.relative_to(root)}: includes {m.group(1)}'
       for p in core_files for m in GTK.finditer(p.read_text())]
results.append(('the core includes no GTK or libadwaita header', bad))

# 2. Only the adapter sees poppler in the structure room.
bad = [f'{p.relative_to(root)}: includes {m.group(1)}'
       for p in core_files
       if (core / 'structure') in p.parents and p.name not in ADAPTER
       for m in POPPLER.finditer(p.read_text())]
results.append(('only pb-structure-pdf.c sees poppler in app/core/structure', bad))

# 3 and 4. The graph of rooms, from each file's #include "…" lines.
edges = {}      # (room, room) -> [why]
bad = []
for path in core_files:
    here = room_of(path)
    for m in LOCAL.finditer(path.read_text()):
        for target in by_name.get(pathlib.PurePath(m.group(1)).name, []):
            there = room_of(target)
            if core not in target.parents:
                bad.append(f'{path.relative_to(root)}: includes {target.relative_to(root)}')
            elif there != here:
                edges.setdefault((here, there), []).append(
                    f'{path.relative_to(root)} includes {target.name}')
results.append(('the core includes nothing of app/cli or app/ui', bad))

graph = {}
for a, b in edges:
    graph.setdefault(a, set()).add(b)
    graph.setdefault(b, set())

# Tarjan's strongly connected components: a component of more than one
# room is a cycle between rooms.
index, low, stack, on_stack, components = {}, {}, [], set(), []


def visit(v):
    index[v] = low[v] = len(index)
    stack.append(v)
    on_stack.add(v)
    for w in sorted(graph[v]):
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on_stack:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        component = []
        while True:
            w = stack.pop()
            on_stack.discard(w)
            component.append(w)
            if w == v:
                break
        components.append(component)


for v in sorted(graph):
    if v not in index:
        visit(v)

bad = []
for component in components:
    if len(component) > 1:
        rooms = set(component)
        bad.append('a cycle between the rooms ' + ', '.join(sorted(rooms)) + ':')
        for (a, b), why in sorted(edges.items()):
            if a in rooms and b in rooms:
                bad.extend(f'  {a} -> {b}: {w}' for w in why[:3])
                if len(why) > 3:
                    bad.append(f'  {a} -> {b}: and {len(why) - 3} more')
results.append(('the includes between rooms have no cycle', bad))

print(f'1..{len(results)}')
for number, (name, problems) in enumerate(results, 1):
    print(f'{"not ok" if problems else "ok"} {number} - {name}')
    for problem in problems:
        print(f'# {problem}')
sys.exit(1 if any(problems for _, problems in results) else 0)
