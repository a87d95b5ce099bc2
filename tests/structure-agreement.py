#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Per-field agreement of `panel-brief inspect --json` with a corpus folder's
expected.csv, so that a change to structure reading can be measured.

Usage: structure-agreement.py PANEL_BRIEF_BINARY FOLDER [FOLDER...]

Prints, for each folder, each field's agreement and the files read exactly,
then every disagreement; exits 1 if any field of any file disagrees."""

import csv
import json
import os
import subprocess
import sys

FIELDS = ['framework', 'local_authority', 'inspection_start', 'inspection_end',
          'lead_inspector', 'overall_effectiveness', 'impact_of_leaders',
          'help_and_protection', 'children_in_care', 'care_leavers', 'adoption',
          'cic_and_care_leavers_combined']
TYPES = {'sif': 'sif_inspection', 'ilacs': 'ilacs_inspection'}


def read(binary, pdf):
    out = subprocess.run([binary, 'inspect', '--json', pdf], capture_output=True,
                         text=True, timeout=60, check=True).stdout
    data = json.loads(out)
    got = {
        'framework': next((k for k, v in TYPES.items() if v == data['type']), data['type']),
        'local_authority': data['local_authority'] or '',
        'inspection_start': data['inspection_start'] or '',
        'inspection_end': data['inspection_end'] or '',
        'lead_inspector': data['lead_inspector'] or '',
        'cic_and_care_leavers_combined': 'yes' if data['cic_and_care_leavers_combined'] else 'no',
    }
    for field in FIELDS[5:11]:
        got[field] = data['judgements'].get(field, '')
    return got, data.get('reasons', [])


def main():
    binary = sys.argv[1]
    failed = False
    for folder in sys.argv[2:]:
        with open(os.path.join(folder, 'expected.csv'), newline='') as f:
            rows = list(csv.DictReader(f))
        agree = {field: 0 for field in FIELDS}
        exact = 0
        wrong = []
        for row in rows:
            got, reasons = read(binary, os.path.join(folder, row['file']))
            misses = [field for field in FIELDS if got[field] != row[field]]
            for field in FIELDS:
                agree[field] += field not in misses
            exact += not misses
            for field in misses:
                wrong.append(f"  {row['file']}: {field} expected {row[field]!r}, read {got[field]!r}"
                             f" ({'; '.join(reasons)})")
        n = len(rows)
        total = sum(agree.values())
        print(f"{folder}: {exact}/{n} files exact, {100.0 * total / (n * len(FIELDS)):.1f}% of fields")
        for field in FIELDS:
            print(f"  {field:32} {agree[field]:3}/{n}")
        print('\n'.join(wrong))
        failed = failed or bool(wrong)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
