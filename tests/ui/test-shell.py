#!/usr/bin/python3
"""The window's shell (issue 11 items 7, 9 and 11), driven through AT-SPI (dogtail), in French.

1. First run, from an empty database: the welcome form, then a page that says what to do
   next (no all-zero dashboard under a toast); "Ajouter le premier client" opens the client
   editor on the Clients view. Screenshot first-run-next-steps.png.
2. On the fixture database (something overdue) with last-view=clients in GSettings: the
   window opens on the overdue view; the main menu has "Raccourcis clavier" (which opens the
   shortcuts window, screenshots main-menu.png, shortcuts.png) and "À propos de Factures" (the about window),
   and no "Quitter"; a new invoice made dirty, then app.quit (Ctrl+Q, sent over D-Bus):
   the close prompt's "Enregistrer" saves the draft; the app exits with status 0 and logs no
   critical or warning (G_DEBUG=fatal-criticals from the test environment).

usage: test-shell.py FACTURES FIXTURE BUILD_DIR
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback

if not (os.environ.get('DISPLAY') and os.environ.get('DBUS_SESSION_BUS_ADDRESS')):
    print('test-shell: needs DISPLAY and a session bus')
    sys.exit(1 if os.environ.get('CI') else 77)

from dogtail.config import config  # noqa: E402
config.checkForA11y = False
config.logDebugToFile = False
config.logDebugToStdOut = False
config.searchCutoffCount = 20
config.searchBackoffDuration = 0.5
from dogtail import tree  # noqa: E402
import pyatspi  # noqa: E402
from atspi_journey import (  # noqa: E402
    click, find, frame, logged_problems, screenshot, set_screenshot_dir, set_text, step, stop_app,
)

BINARY, FIXTURE, BUILD_DIR = sys.argv[1], sys.argv[2], sys.argv[3]
SHOTS = os.environ.get('JOURNEY_SCREENSHOTS', BUILD_DIR)
SELLER = {'Nom': 'Marie Durand EI', 'Adresse': '12 rue des Lilas', 'Code postal': '69003',
          'Ville': 'Lyon', 'SIREN ou SIRET': '73282932000074'}
APP_ID = 'org.example.Factures'


def gaction(name):
    """Activates app.NAME of the running (unique) instance over D-Bus, as Ctrl+Q would."""
    subprocess.run(['gdbus', 'call', '--session', '--dest', APP_ID, '--object-path',
                    '/' + APP_ID.replace('.', '/'), '--method', 'org.gtk.Actions.Activate',
                    name, '[]', '{}'], check=True, stdout=subprocess.DEVNULL, timeout=10)


def open_menu(main_window):
    menu = find(main_window, 'Menu principal', ('push button', 'toggle button'))
    inner = [c for c in menu.children if c.roleName in ('push button', 'toggle button')]
    (inner[0] if inner else menu).doActionNamed('click')
    time.sleep(0.5)


def first_run(tmp, env):
    db = os.path.join(tmp, 'first.db')
    log = open(os.path.join(tmp, 'first.log'), 'w+', encoding='utf-8', errors='replace')
    proc = subprocess.Popen([BINARY, f'--database={db}'], env=env, stderr=log)
    try:
        app = tree.root.application(os.path.basename(BINARY))
        main_window = frame(app, 'Factures')
        step('first run: welcome form')
        for field, value in SELLER.items():
            set_text(main_window, field, value)
        click(main_window, 'Enregistrer')
        step('first run: the next steps page')
        find(main_window, 'Votre profil d’entreprise est enregistré', ('label', 'heading'))
        find(main_window, 'Ajouter le premier client', ('push button',))
        find(main_window, 'Rédiger la première facture', ('push button',))
        time.sleep(0.5)
        screenshot('first-run-next-steps.png')
        click(main_window, 'Ajouter le premier client')
        frame(app, 'Nouveau client')
        step('first run: the client editor is open')
        if proc.poll() is not None:
            raise AssertionError(f'the app exited with status {proc.returncode}')
        bad = logged_problems(log)
        if bad:
            raise AssertionError('criticals or warnings: ' + ' | '.join(bad))
    finally:
        stop_app(proc, log)


def shell(tmp, env):
    data = os.path.join(tmp, 'xdg')
    os.makedirs(os.path.join(data, 'factures'))
    db = os.path.join(data, 'factures', 'factures.db')
    subprocess.run([FIXTURE, db], check=True, stdout=subprocess.DEVNULL)
    env = dict(env, XDG_DATA_HOME=data, GSETTINGS_BACKEND='keyfile',
               XDG_CONFIG_HOME=os.path.join(tmp, 'config'))
    env.pop('FACTURES_NON_UNIQUE', None)          # a unique instance: app.quit over D-Bus
    subprocess.run(['gsettings', 'set', APP_ID, 'last-view', 'clients'], env=env, check=True)
    log = open(os.path.join(tmp, 'shell.log'), 'w+', encoding='utf-8', errors='replace')
    proc = subprocess.Popen([BINARY], env=env, stderr=log)
    try:
        app = tree.root.application(os.path.basename(BINARY))
        main_window = frame(app, 'Factures')
        step('something overdue: opens on the overdue view, not on the last one (clients)')
        overdue_tab = find(main_window, 'En retard', ('page tab', 'toggle button', 'radio button'))
        states = overdue_tab.getState()
        if not any(states.contains(s) for s in (pyatspi.STATE_CHECKED, pyatspi.STATE_SELECTED,
                                                 pyatspi.STATE_PRESSED)):
            raise AssertionError(f'the overdue view is not the one shown ({overdue_tab.roleName})')

        step('main menu: keyboard shortcuts, about, no quit')
        open_menu(main_window)
        find(app, 'Raccourcis clavier', ('menu item', 'push button'))
        screenshot('main-menu.png')
        for forbidden in ('Quitter',):
            try:
                find(app, forbidden, ('menu item', 'push button'), timeout=1)
                raise AssertionError(f'“{forbidden}” is in the main menu')
            except LookupError:
                pass
        click(app, 'Raccourcis clavier', ('menu item', 'push button'))
        shortcuts = frame(app, 'Raccourcis clavier')
        find(shortcuts, 'Nouvelle facture', ('label',))
        find(shortcuts, 'Afficher les raccourcis', ('label',))
        time.sleep(0.8)
        screenshot('shortcuts.png')
        open_menu(main_window)
        click(app, 'À propos de Factures', ('menu item', 'push button'))
        frame(app, prefix='À propos')
        step('the about window is open')

        step('a dirty new invoice, then Ctrl+Q: the close prompt saves the draft')
        gaction('new-invoice')
        editor = frame(app, 'Facture (brouillon)')
        click(editor, 'Choisir le client')
        click(editor, 'Atelier Dupont SARL')
        find(editor, prefix='Atelier Dupont SARL', roles=('label',))
        set_text(editor, 'Désignation, ligne 1', 'Brouillon gardé à la fermeture')
        set_text(editor, 'Quantité, ligne 1', '1')
        set_text(editor, 'Prix unitaire, ligne 1', '100')
        time.sleep(0.5)
        gaction('quit')
        prompt = find(app, 'Enregistrer', ('push button',))
        prompt.doActionNamed('click')
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            left = [(c.roleName, c.name, [n.name for n in c.findChildren(lambda n: n.roleName == 'label')][:6])
                    for c in app.children]
            raise AssertionError(f'the app did not exit after quitting; windows left: {left}')
        if proc.returncode != 0:
            raise AssertionError(f'exit status {proc.returncode} after quitting')
        bad = logged_problems(log)
        if bad:
            raise AssertionError('criticals or warnings: ' + ' | '.join(bad))
        with sqlite3.connect(db) as conn:
            n = conn.execute("SELECT count(*) FROM lines WHERE description = "
                             "'Brouillon gardé à la fermeture'").fetchone()[0]
        if n != 1:
            raise AssertionError(f'the draft was not saved ({n} lines)')
        step('quit: status 0, no critical, the draft saved')
    finally:
        stop_app(proc, log)


def main():
    set_screenshot_dir(SHOTS)
    tmp = tempfile.mkdtemp(prefix='factures-shell-')
    env = dict(os.environ, LANGUAGE='fr', LC_ALL='C.UTF-8', FACTURES_TODAY='2026-04-15',
               GSK_RENDERER=os.environ.get('GSK_RENDERER', 'cairo'))
    env.setdefault('FACTURES_LOCALEDIR', os.path.join(BUILD_DIR, 'po'))
    env.pop('GTK_A11Y', None)
    failures = 0
    for name, part in (('first run', first_run), ('shell', shell)):
        try:
            part(tmp, env)
            print(f'ok: {name}')
        except Exception:
            traceback.print_exc()
            print(f'FAIL: {name}')
            failures += 1
    shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
