#!/usr/bin/env python3
"""test-features-module.py — `factures` loads the libraries of its later features on first use (issue 12)

Usage: test-features-module.py FACTURES

The window's first frame must not wait for poppler, qpdf, libxml2, libqrencode, GMime, curl,
libsecret and libofx and their dependencies (src/factures-features.c): `factures` must not need
them itself (no DT_NEEDED entry), and the first use of one of those features (here
--check-facturx, through the window's own command line) must load the module
factures-features.so that holds them and work.
"""
import os
import subprocess
import sys
import tempfile

LATER = ('libpoppler', 'libqpdf', 'libxml2', 'libqrencode', 'libgmime', 'libcurl', 'libsecret', 'libofx')


def main():
    factures = sys.argv[1]
    dynamic = subprocess.run(['readelf', '-d', factures], check=True, stdout=subprocess.PIPE, text=True).stdout
    needed = [line.split('[')[1].rstrip(']') for line in dynamic.splitlines() if '(NEEDED)' in line]
    early = [lib for lib in needed if lib.startswith(LATER)]
    if early:
        print('factures needs before main: %s' % ', '.join(early))
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        xml = os.path.join(tmp, 'facture.xml')
        with open(xml, 'w') as f:
            f.write('<?xml version="1.0"?><facture/>\n')
        env = dict(os.environ, G_MESSAGES_DEBUG='all', LC_ALL='C.UTF-8')
        proc = subprocess.run([factures, '--database=' + os.path.join(tmp, 'f.db'), '--check-facturx=' + xml],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if 'features module loaded from' not in proc.stdout + proc.stderr:
            print('the features module was not loaded:\n' + proc.stderr[-2000:])
            return 1
        if proc.returncode < 0 or 'cannot load' in proc.stderr:
            print('--check-facturx failed (%d):\n%s' % (proc.returncode, proc.stderr[-2000:]))
            return 1
        print('factures needs %d libraries; --check-facturx loaded the features module (exit %d): %s'
              % (len(needed), proc.returncode, (proc.stdout + proc.stderr).strip().splitlines()[-1]))
    return 0


if __name__ == '__main__':
    sys.exit(main())
