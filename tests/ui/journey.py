#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The main job end to end, driven through AT-SPI (dogtail), in French.

From an empty database: fill the business profile in the welcome form, create
a client, write a 3-line invoice, issue it (confirming), export the PDF through
the file chooser, then check the PDF text with pdftotext. Screenshots of the
editor and of the Documents page are written to the build directory.

usage: journey.py FACTURES_BINARY BUILD_DIR
Environment (set by tests/ui/meson.build): LANGUAGE=fr LC_ALL=C.UTF-8,
FACTURES_LOCALEDIR, GSETTINGS_SCHEMA_DIR, GSK_RENDERER=cairo.
Exit 77 (skip) without DISPLAY or a session bus, except under CI (env CI set).
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
    # pyatspi would abort (SIGTRAP) without a bus; run under xvfb-run + dbus-run-session.
    print('journey: needs DISPLAY and a session bus')
    sys.exit(1 if os.environ.get('CI') else 77)

from dogtail.config import config  # noqa: E402
config.checkForA11y = False        # else a silent sys.exit(1): toolkit-accessibility is false
config.logDebugToFile = False
config.logDebugToStdOut = False
config.searchCutoffCount = 20
config.searchBackoffDuration = 0.5
from dogtail import tree  # noqa: E402
from atspi_journey import (  # noqa: E402
    assert_no_problems, click, find, frame, normalise, screenshot,
    set_screenshot_dir, set_text, step, stop_app, text_of
)

BINARY = sys.argv[1]
BUILD_DIR = sys.argv[2]
SHOTS = os.environ.get('JOURNEY_SCREENSHOTS', BUILD_DIR)
set_screenshot_dir(SHOTS)

SELLER = {'Nom': 'Marie Durand EI', 'Adresse': '12 rue des Lilas', 'Code postal': '69003',
          'Ville': 'Lyon', 'SIREN ou SIRET': '73282932000074'}
CLIENT = {'Nom': 'Atelier Dupont SARL', 'Adresse': '5 avenue Foch', 'Code postal': '75016',
          'Ville': 'Paris'}
LINES = [
    ('Conception du logo', '1', 'forfait', '450'),
    ('Développement du site vitrine', '3', 'jour', '380,00'),
    ('Hébergement annuel', '1', 'an', '89,90'),
]
TOTAL = '1 679,90 €'   # 450 + 1 140 + 89,90, franchise en base: TTC = HT


def main():
    tmp = tempfile.mkdtemp(prefix='factures-journey-')
    db = os.path.join(tmp, 'factures.db')
    pdf = os.path.join(tmp, 'facture-exportee.pdf')
    env = dict(os.environ, LANGUAGE='fr', LC_ALL='C.UTF-8',
               GSK_RENDERER=os.environ.get('GSK_RENDERER', 'cairo'))
    env.setdefault('FACTURES_LOCALEDIR', os.path.join(BUILD_DIR, 'po'))
    env.setdefault('GSETTINGS_SCHEMA_DIR', os.path.join(BUILD_DIR, 'data'))
    env.pop('GTK_A11Y', None)                    # GTK_A11Y=none would hide the app

    app_log = open(os.path.join(tmp, 'app.log'), 'w+', encoding='utf-8', errors='replace')
    proc = subprocess.Popen([BINARY, f'--database={db}'], env=env, stderr=app_log)
    rc = 1
    try:
        app = tree.root.application(os.path.basename(BINARY))
        main_window = frame(app, 'Factures')

        step('welcome form: business profile')
        for field, value in SELLER.items():
            set_text(main_window, field, value)
        click(main_window, 'Enregistrer')

        step('client')
        click(main_window, 'Clients')
        click(main_window, 'Nouveau client')
        client_window = frame(app, 'Nouveau client')
        for field, value in CLIENT.items():
            set_text(client_window, field, value)
        click(client_window, 'Enregistrer')

        step('new invoice from the Documents page')
        click(main_window, 'Documents')
        click(main_window, 'Nouvelle facture')
        editor = frame(app, 'Facture (brouillon)')

        click(editor, 'Choisir le client')
        click(editor, CLIENT['Nom'])
        find(editor, prefix=CLIENT['Nom'], roles=('label',))

        step('bad input: refused as typed, with a French message naming the field')
        bad = [('Prix unitaire, ligne 1', '12,3,4', ('Prix unitaire, ligne 1', '12,3,4')),
               ('Quantité, ligne 1', '0', ('Quantité, ligne 1', 'quantité')),
               ('Désignation, ligne 1', 'x' * 20000, ('Désignation, ligne 1',)),
               ('Date d’émission', '31/02/2026', ('Date d’émission', '31/02/2026'))]
        issue_date = text_of(find(editor, 'Date d’émission', ('text',)))
        for field, value, words in bad:
            set_text(editor, field, value)
            # The message under the field: a label, or the alert label of a form row.
            message = find(editor, roles=('label', 'notification', 'alert'), prefix=words[0],
                           contains=words[1:] + (' : ',))
            step(f'  {field}: {normalise(message.name)[:90]}')
        set_text(editor, 'Date d’émission', issue_date)

        for i, (description, quantity, unit, price) in enumerate(LINES, start=1):
            if i > 1:
                click(editor, 'Ajouter une ligne')
            set_text(editor, f'Désignation, ligne {i}', description)
            set_text(editor, f'Quantité, ligne {i}', quantity)
            set_text(editor, f'Unité, ligne {i}', unit)
            set_text(editor, f'Prix unitaire, ligne {i}', price)

        # The live totals follow the lines.
        find(editor, TOTAL, roles=('label',))
        find(editor, 'TVA non applicable, art. 293 B du CGI', roles=('label',))
        time.sleep(1.0)                          # the preview follows after ~300 ms
        screenshot('journey-editor-draft.png')

        step('issue')
        click(editor, 'Émettre…')
        # The AdwMessageDialog "Émettre cette facture ?" answers with "Annuler" / "Émettre".
        click(app, 'Émettre')
        # Issue 11 item 2: the editor gives way to the document view of the issued invoice.
        view = frame(app, prefix='Facture F', timeout=20)
        number = view.name[len('Facture '):]
        step(f'issued as {number}: the editor closed, the document view shows it')
        deadline = time.time() + 10
        while any(w.name == 'Facture (brouillon)' for w in app.children):
            if time.time() > deadline:
                raise AssertionError('the editor stayed open after issuing')
            time.sleep(0.3)
        find(view, 'Paiements', roles=('label',))
        if not re.fullmatch(r'[A-Za-z0-9+\-_/]{1,35}', number):
            raise AssertionError(f'odd invoice number {number!r}')
        time.sleep(1.0)
        screenshot('journey-document-issued.png')

        step('export the PDF through the file chooser')
        click(view, 'Exporter en PDF')
        chooser = frame(app, 'Exporter en PDF', timeout=15)
        # Without portals GtkFileChooserNative shows a GtkFileChooserDialog: type
        # the full path into its name entry (the only text field of a save dialog
        # before the location bar is opened).
        name_entry = None
        for candidate in ('Nom', 'Nom :', 'Nom\u00a0:', 'Name'):
            try:
                name_entry = find(chooser, candidate, roles=('text', 'entry'), timeout=2)
                break
            except LookupError:
                continue
        if name_entry is None:
            name_entry = find(chooser, roles=('text', 'entry'))
        name_entry.text = pdf
        click(chooser, 'Enregistrer')

        deadline = time.time() + 20
        while not (os.path.exists(pdf) and os.path.getsize(pdf) > 0):
            if time.time() > deadline:
                raise AssertionError(f'{pdf} was not written')
            time.sleep(0.3)
        time.sleep(0.5)

        step('check the PDF text')
        text = normalise(subprocess.run(['pdftotext', '-enc', 'UTF-8', pdf, '-'],
                                        check=True, capture_output=True,
                                        text=True).stdout)
        expected = [number, CLIENT['Nom'], SELLER['Nom'], normalise(TOTAL),
                    'TVA non applicable, art. 293 B du CGI', '450,00 €', '1 140,00 €',
                    '89,90 €'] + [line[0] for line in LINES]
        missing = [e for e in expected if e not in text]
        if missing:
            print(text)
            raise AssertionError(f'missing from the PDF text: {missing}')
        shutil.copy(pdf, os.path.join(SHOTS, 'journey-invoice.pdf'))

        # An issued document exports its stored original, byte for byte: the same
        # bytes as the command line's copy (which runs while the window is open).
        original = os.path.join(tmp, 'original.pdf')
        subprocess.run([BINARY, f'--database={db}', f'--export-pdf={number}',
                        f'--output={original}'], env=env, check=True, timeout=30)
        with open(pdf, 'rb') as a, open(original, 'rb') as b:
            if a.read() != b.read():
                raise AssertionError('the exported PDF is not the stored original')

        step('duplicate the issued invoice into a new draft')
        menu = find(view, 'Menu du document', ('push button', 'toggle button'))
        inner = [c for c in menu.children if c.roleName in ('push button', 'toggle button')]
        (inner[0] if inner else menu).doActionNamed('click')
        click(app, 'Dupliquer dans un nouveau brouillon', ('menu item', 'push button'))
        duplicate = frame(app, 'Facture (brouillon)')
        for i, line in enumerate(LINES, start=1):
            got = text_of(find(duplicate, f'Désignation, ligne {i}', ('text',)))
            if got != line[0]:
                raise AssertionError(f'duplicate, line {i}: {got!r}')
        click(duplicate, 'Fermer')

        step('documents page')
        click(view, 'Fermer')                    # no window manager: the view covers the main window
        click(main_window, 'Documents')
        find(main_window, number, roles=('label',))
        time.sleep(0.5)
        screenshot('journey-documents.png')

        # The app must get through the journey without a GLib/GTK critical or warning.
        assert_no_problems(app_log)

        print('JOURNEY OK')
        rc = 0
    except Exception as e:
        traceback.print_exc()
        print('JOURNEY FAIL:', type(e).__name__, e)
        screenshot('journey-failure.png')
    finally:
        stop_app(proc, app_log)
        shutil.rmtree(tmp, ignore_errors=True)
    return rc


sys.exit(main())
