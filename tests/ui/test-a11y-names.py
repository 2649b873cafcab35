#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every control has a name a screen reader can say, in French (AT-SPI, dogtail).

Walks the accessible tree of the main window (all its views), of a new invoice's
editor, of the Preferences window and of a new client's editor, and fails on:
- a control (button, toggle, check box, combo box, menu item, text field…) whose
  accessible name is a GTK or libadwaita type name ("GtkMenuButton", "GtkToggleButton",
  "GtkImage"…): GTK 4.8 falls back to the type name when a widget has no label;
- the text of a hidden page, such as the "cannot open the database" status page,
  which must not be in the tree while it is not shown;
- in the main window, an « Annuler » button while nothing can be cancelled (the Banque view's
  import progress, hidden: a journey took its « Annuler » for a toast's).

usage: test-a11y-names.py FACTURES_BINARY FIXTURE BUILD_DIR
Exit 77 (skip) without DISPLAY or a session bus, except under CI.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

if not (os.environ.get('DISPLAY') and os.environ.get('DBUS_SESSION_BUS_ADDRESS')):
    print('test-a11y-names: needs DISPLAY and a session bus')
    sys.exit(1 if os.environ.get('CI') else 77)

from dogtail.config import config  # noqa: E402
config.checkForA11y = False
config.logDebugToFile = False
config.logDebugToStdOut = False
config.searchCutoffCount = 20
config.searchBackoffDuration = 0.5
from dogtail import tree  # noqa: E402
from atspi_journey import click, find, frame, step  # noqa: E402

BINARY, FIXTURE, BUILD_DIR = sys.argv[1:4]

CONTROLS = {'push button', 'toggle button', 'check box', 'radio button', 'combo box', 'menu item',
            'check menu item', 'radio menu item', 'text', 'entry', 'password text', 'spin button',
            'slider', 'switch', 'link', 'page tab'}
TYPE_NAME = re.compile(r'^(Gtk|Adw|Factures)[A-Z][A-Za-z]*$')
HIDDEN_TEXTS = ('Impossible d’ouvrir la base de données',)
HIDDEN_BUTTONS = ('Annuler',)


def offenders(root, idle=False):
    """(path, role, name) of every bad node under @root; @idle: no « Annuler » button either."""
    bad = []

    def walk(node, path, depth):
        if depth > 60:
            return
        try:
            role, name = node.roleName, node.name or ''
            children = list(node.children)
        except Exception:
            return
        here = f'{path}/{role}'
        if role in CONTROLS and TYPE_NAME.match(name):
            bad.append((here, role, name))
        if any(text in name for text in HIDDEN_TEXTS):
            bad.append((here, role, name))
        # (GTK 4.8 names a button with a mnemonic twice: "_Annuler Annuler")
        if idle and role == 'push button' and set(name.replace('_', '').split()) & set(HIDDEN_BUTTONS):
            bad.append((here, role, name))
        for child in children:
            walk(child, here, depth + 1)

    walk(root, '', 0)
    return bad


def check(window, what, idle=False):
    time.sleep(1.0)
    bad = offenders(window, idle)
    for path, role, name in bad:
        print(f'{what}: {role} named {name!r} at {path}')
    step(f'{what}: {len(bad)} unnamed or hidden node(s)')
    return len(bad)


def main():
    tmp = tempfile.mkdtemp(prefix='factures-a11y-')
    db = os.path.join(tmp, 'factures.db')
    subprocess.run([FIXTURE, db], check=True)
    env = dict(os.environ, LANGUAGE='fr', LC_ALL='C.UTF-8', FACTURES_TODAY='2026-04-15',
               GSETTINGS_BACKEND='memory', GSK_RENDERER=os.environ.get('GSK_RENDERER', 'cairo'))
    env.setdefault('FACTURES_LOCALEDIR', os.path.join(BUILD_DIR, 'po'))
    env.pop('GTK_A11Y', None)
    app_log = open(os.path.join(tmp, 'app.log'), 'w+', encoding='utf-8', errors='replace')
    proc = subprocess.Popen([BINARY, f'--database={db}', '--view=documents'], env=env, stderr=app_log)
    failures = 0
    try:
        app = tree.root.application(os.path.basename(BINARY))
        main_window = frame(app, 'Factures')
        find(main_window, 'Nouvelle facture', ('push button',))
        failures += check(main_window, 'main window', idle=True)
        # (the Banque view, built on its first visit, then another view shown)
        click(main_window, 'Banque')
        time.sleep(1.0)
        click(main_window, 'Documents')
        failures += check(main_window, 'main window after the Banque view', idle=True)

        click(main_window, 'Nouvelle facture')
        editor = frame(app, 'Facture (brouillon)')
        find(editor, 'Ajouter une ligne', ('push button',))
        failures += check(editor, 'invoice editor')

        menu = find(main_window, 'Menu principal', ('push button', 'toggle button'))
        inner = [c for c in menu.children if c.roleName in ('push button', 'toggle button')]
        (inner[0] if inner else menu).doActionNamed('click')
        click(app, 'Préférences', ('menu item', 'push button'))
        prefs = frame(app, 'Préférences')
        failures += check(prefs, 'preferences')
        click(prefs, 'Fermer')

        click(main_window, 'Clients')
        click(main_window, 'Nouveau client')
        client = frame(app, 'Nouveau client')
        find(client, 'Enregistrer', ('push button',))
        failures += check(client, 'client editor')
    except Exception:
        traceback.print_exc()
        failures += 1
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        app_log.seek(0)
        log = app_log.read()
        if re.search(r'-CRITICAL \*\*|-WARNING \*\*', log):
            print(log)
            failures += 1
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
