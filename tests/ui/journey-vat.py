#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 13 journey, through AT-SPI (dogtail), in French: an invoice to a German business.

A translator in franchise en base (art. 293 B) enters its intra-community VAT number in the
first-run form (art. 286 ter 5°: needed to sell services reverse-charged in another member
state), creates a German business client with the client editor (country chosen by typing
in the searchable chooser, VAT number checked for the German format), writes an invoice for
it: the line's VAT treatment proposed is "Autoliquidation" with its legal basis, without
typing it. The invoice is issued; its stored PDF, read back with pdftotext, shows
"Autoliquidation" and both VAT numbers. Screenshots journey-vat-*.png go to the build dir.
The app must log no critical or warning.

usage: journey-vat.py FACTURES_BINARY BUILD_DIR
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
    print('journey-vat: needs DISPLAY and a session bus')
    sys.exit(1 if os.environ.get('CI') else 77)

from dogtail.config import config  # noqa: E402
config.checkForA11y = False
config.logDebugToFile = False
config.logDebugToStdOut = False
config.searchCutoffCount = 20
config.searchBackoffDuration = 0.5
from dogtail import tree  # noqa: E402
from atspi_journey import (  # noqa: E402
    choose_row, choose_searched, click, find, frame, normalise, screenshot, set_screenshot_dir,
    set_text, step)

BINARY = sys.argv[1]
BUILD_DIR = sys.argv[2]
SHOTS = os.environ.get('JOURNEY_SCREENSHOTS', BUILD_DIR)
set_screenshot_dir(SHOTS)

SELLER_VAT = 'FR44732829320'
SELLER = {'Nom': 'Paul Martin EI', 'Adresse': '3 rue du Port', 'Code postal': '44000',
          'Ville': 'Nantes', 'SIREN ou SIRET': '73282932000074',
          'Numéro de TVA': 'FR 44 732 829 320'}
CLIENT_VAT = 'DE123456788'
# The name of category AE in the window (factures_vat_category_label()).
REVERSE_CHARGE = os.environ.get('JOURNEY_VAT_AE', 'Autoliquidation')
CLIENT = {'Nom': 'Übersetzungsbüro Weber GmbH', 'Adresse': 'Friedrichstraße 12',
          'Code postal': '10117', 'Ville': 'Berlin'}


def pdf_text(env, db, tmp, number):
    """The stored original, exported by the command line while the window is open."""
    path = os.path.join(tmp, f'{number}.pdf')
    subprocess.run([BINARY, f'--database={db}', f'--export-pdf={number}', f'--output={path}'],
                   env=env, check=True, timeout=30)
    shutil.copy(path, os.path.join(SHOTS, 'journey-vat-invoice.pdf'))
    subprocess.run(['pdftoppm', '-png', '-r', '80', '-f', '1', '-l', '1', path,
                    os.path.join(SHOTS, 'journey-vat-invoice')], check=False)
    return normalise(subprocess.run(['pdftotext', '-enc', 'UTF-8', path, '-'], check=True,
                                    capture_output=True, text=True).stdout.replace('\n', ' '))


def main():
    tmp = tempfile.mkdtemp(prefix='factures-journey-vat-')
    db = os.path.join(tmp, 'factures.db')
    env = dict(os.environ, LANGUAGE='fr', LC_ALL='C.UTF-8',
               GSK_RENDERER=os.environ.get('GSK_RENDERER', 'cairo'))
    env.setdefault('FACTURES_LOCALEDIR', os.path.join(BUILD_DIR, 'po'))
    env.setdefault('GSETTINGS_SCHEMA_DIR', os.path.join(BUILD_DIR, 'data'))
    env.pop('GTK_A11Y', None)

    app_log = open(os.path.join(tmp, 'app.log'), 'w+', encoding='utf-8', errors='replace')
    proc = subprocess.Popen([BINARY, f'--database={db}'], env=env, stderr=app_log)
    rc = 1
    try:
        app = tree.root.application(os.path.basename(BINARY))
        main_window = frame(app, 'Factures')

        step('first run: a translator in franchise, with its intra-community VAT number')
        for field, value in SELLER.items():
            set_text(main_window, field, value)
        click(main_window, 'Enregistrer')

        step('a German business client: country searched by name, VAT number checked')
        click(main_window, 'Clients')
        click(main_window, 'Nouveau client')
        client_window = frame(app, 'Nouveau client')
        choose_row(client_window, 'Catégorie', 1)      # Entreprise
        find(find(client_window, 'Catégorie', ('combo box',)), 'Entreprise', ('label',))
        for field, value in CLIENT.items():
            set_text(client_window, field, value)
        choose_searched(client_window, 'Pays', 'Allem', 'Allemagne')
        # Abroad: the legal identifier of its country, and the VAT number of its format.
        find(client_window, 'Identifiant légal', ('text', 'entry'))
        set_text(client_window, 'Numéro de TVA', 'DE 12345')
        click(client_window, 'Enregistrer')                  # refused: the message under it
        find(client_window, roles=('label', 'notification', 'alert'), prefix='Numéro de TVA : ')
        set_text(client_window, 'Numéro de TVA', '123456788')   # the digits: "DE" is added
        set_text(client_window, 'Identifiant légal', 'HRB 123456 B')
        time.sleep(0.5)
        screenshot('journey-vat-client.png')
        click(client_window, 'Enregistrer')

        step('an invoice for it: reverse charge proposed, not typed')
        click(main_window, 'Documents')
        click(main_window, 'Nouvelle facture')
        editor = frame(app, 'Facture (brouillon)')
        click(editor, 'Choisir le client')
        click(app, CLIENT['Nom'])
        set_text(editor, 'Désignation, ligne 1', 'Traduction FR → DE, manuel utilisateur')
        set_text(editor, 'Quantité, ligne 1', '12')
        set_text(editor, 'Unité, ligne 1', 'page')
        set_text(editor, 'Prix unitaire, ligne 1', '35')
        find(editor, roles=('label',), prefix=f'Proposé : {REVERSE_CHARGE} (art. 259-1°')
        # The VAT choice of the line shows it (its button's label).
        vat = find(editor, 'Taux de TVA, ligne 1', ('combo box', 'push button', 'toggle button'))
        find(vat, REVERSE_CHARGE, ('label',))
        find(editor, '420,00 €', roles=('label',))
        time.sleep(1.0)
        screenshot('journey-vat-editor.png')

        step('issued; the PDF says Autoliquidation and shows both VAT numbers')
        click(editor, 'Émettre…')
        click(app, 'Émettre')
        deadline = time.time() + 25
        while True:
            issued = [w for w in app.children
                      if w.name.startswith('Facture ') and not w.name.endswith('(brouillon)')]
            drafts = [w for w in app.children if w.name == 'Facture (brouillon)']
            if issued and not drafts:
                issued = issued[0]
                break
            if time.time() > deadline:
                raise AssertionError(f'not issued: {[w.name for w in app.children]}')
            time.sleep(0.3)
        number = issued.name[len('Facture '):]
        if not re.fullmatch(r'[A-Za-z0-9+\-_/]{1,35}', number):
            raise AssertionError(f'odd number {number!r}')
        text = pdf_text(env, db, tmp, number)
        compact = text.replace(' ', '')
        for expected in ('Autoliquidation',):
            if expected not in text:
                print(text)
                raise AssertionError(f'{expected!r} missing from the PDF')
        for number_ in (SELLER_VAT, CLIENT_VAT):
            if number_ not in compact:
                print(text)
                raise AssertionError(f'VAT number {number_} missing from the PDF')
        step(f'  {number}: Autoliquidation, {SELLER_VAT}, {CLIENT_VAT}')

        app_log.flush()
        app_log.seek(0)
        bad = [line for line in app_log.read().splitlines()
               if '-CRITICAL **' in line or '-WARNING **' in line]
        if bad:
            raise AssertionError('the app logged:\n' + '\n'.join(bad[:20]))

        print('VAT JOURNEY OK')
        rc = 0
    except Exception as e:
        traceback.print_exc()
        print('VAT JOURNEY FAIL:', type(e).__name__, e)
        screenshot('journey-vat-failure.png')
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
        app_log.seek(0)
        sys.stderr.write(app_log.read())
        app_log.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return rc


if __name__ == '__main__':
    sys.exit(main())
