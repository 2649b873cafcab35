#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The logo's other way in (issue 11 item 10): --import-json of a profile whose logo is a
6000 x 6000 PNG stores a PNG of at most 600 px on its long side, like the preferences.

usage: test-logo-import.py FACTURES_BINARY FIXTURE
The fixture writes a database with a profile; its logo is set with the sqlite3 shell.
"""
import os
import shutil
import subprocess
import sys
import tempfile

import gi
gi.require_version('GdkPixbuf', '2.0')
from gi.repository import GdkPixbuf  # noqa: E402

FACTURES, FIXTURE = sys.argv[1:3]


def run(*args):
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        print(f'{args[0]} failed ({result.returncode}): {result.stderr}')
        sys.exit(1)
    return result.stdout


def main():
    if shutil.which('sqlite3') is None:
        print('test-logo-import: sqlite3 is missing')
        return 1 if os.environ.get('CI') else 77
    tmp = tempfile.mkdtemp(prefix='factures-logo-')
    try:
        db = os.path.join(tmp, 'factures.db')
        big = os.path.join(tmp, 'big.png')
        run(FIXTURE, db)
        pixbuf = GdkPixbuf.Pixbuf.new(GdkPixbuf.Colorspace.RGB, False, 8, 6000, 6000)
        pixbuf.fill(0x2060a0ff)
        pixbuf.savev(big, 'png', [], [])
        run('sqlite3', db, f"UPDATE profile SET logo = readfile('{big}')")
        run(FACTURES, f'--database={db}', f'--export-json={tmp}/all.json')
        run(FACTURES, f'--database={tmp}/imported.db', f'--import-json={tmp}/all.json')
        out = os.path.join(tmp, 'out.png')
        run('sqlite3', f'{tmp}/imported.db', f"SELECT writefile('{out}', logo) FROM profile")
        fmt, width, height = GdkPixbuf.Pixbuf.get_file_info(out)
        if fmt is None or fmt.get_name() != 'png':
            print(f'the imported logo is not a PNG: {fmt and fmt.get_name()}')
            return 1
        if max(width, height) > 600 or (width, height) != (600, 600):
            print(f'the imported logo is {width} x {height}, expected 600 x 600')
            return 1
        print(f'ok: a 6000 x 6000 logo imported as {width} x {height}')
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
