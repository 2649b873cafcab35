#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 3 journey, through AT-SPI (dogtail), in French:

quote → accepted → 30 % deposit invoice → final invoice citing and deducting
the deposit → partial credit note (one chosen line). On the way: the Numbering
preferences refuse a pattern with a space and say why, the building-trade
option is switched on, the editor's checklist of missing mentions follows the
edits, a credit note above what is left is refused with a French message.
Each issued PDF is read back with pdftotext (the stored original, through
--export-pdf) and checked for its mentions and figures; screenshots of the
quote, the final invoice and the credit note are written to the build dir.

usage: journey-lifecycle.py FACTURES_BINARY BUILD_DIR
Exit 77 (skip) without DISPLAY or a session bus, except under CI.
"""
import datetime
import zoneinfo
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

if not (os.environ.get('DISPLAY') and os.environ.get('DBUS_SESSION_BUS_ADDRESS')):
    print('journey-lifecycle: needs DISPLAY and a session bus')
    sys.exit(1 if os.environ.get('CI') else 77)

from dogtail.config import config  # noqa: E402
config.checkForA11y = False
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

SELLER = {'Nom': 'Paul Martin EI', 'Adresse': '3 rue du Port', 'Code postal': '44000',
          'Ville': 'Nantes', 'SIREN ou SIRET': '73282932000074'}
CLIENT = {'Nom': 'Famille Leroy', 'Adresse': '18 allée des Pins', 'Code postal': '44300',
          'Ville': 'Nantes'}
LINES = [
    ('Pose de carrelage', '20', 'm²', '45'),      # 900,00 €
    ('Fournitures', '1', 'lot', '300'),           # 300,00 €
]
CONDITIONS = 'Travaux sous 15 jours après acceptation.'


def absent(parent, roles=None, contains=(), timeout=10.0):
    """Waits until no node holds every string of @contains."""
    deadline = time.time() + timeout
    while True:
        try:
            find(parent, roles=roles, contains=contains, timeout=0.1)
        except LookupError:
            return
        if time.time() > deadline:
            raise AssertionError(f'still there: {contains!r}')
        time.sleep(0.3)


def dump(node, depth=0, out=None):
    """(role, name) of every node under @node, for failure reports."""
    out = [] if out is None else out
    try:
        if node.name and node.roleName not in ('filler', 'panel'):
            out.append('  ' * depth + f'[{node.roleName}] {node.name!r} {list(node.actions)}')
        for child in node.children:
            dump(child, depth + 1, out)
    except Exception:
        pass
    return out


def window_of(node):
    while node is not None and node.roleName not in ('dialog', 'frame', 'window', 'alert'):
        node = node.parent
    return node


def dismiss(message):
    """Closes the message dialog that shows @message."""
    dialog = window_of(message)
    click(dialog if dialog is not None else message.parent, 'Fermer', ('push button',))


def issue(app, editor, kind):
    click(editor, 'Émettre…')
    click(app, 'Émettre')
    # Issue 11 item 2: the editor closes and the issued document opens in its view.
    deadline = time.time() + 25
    while True:
        issued = [w for w in app.children
                  if w.name.startswith(f'{kind} ') and not w.name.endswith('(brouillon)')]
        drafts = [w for w in app.children if w.name == f'{kind} (brouillon)']
        if issued and not drafts:
            issued = issued[0]
            break
        if time.time() > deadline:
            raise AssertionError(f'{kind} not issued, or its editor stayed open: '
                                 f'{[w.name for w in app.children]}')
        time.sleep(0.3)
    number = issued.name[len(kind) + 1:]
    find(issued, 'Lignes', roles=('label',))           # the view's lines, not the editor's rows
    step(f'issued {kind} {number}, shown in the document view')
    if not re.fullmatch(r'[A-Za-z0-9+\-_/]{1,35}', number):
        raise AssertionError(f'odd number {number!r}')
    return issued, number


def pdf_text(env, db, tmp, number):
    """The stored original, exported by the command line while the window is open."""
    path = os.path.join(tmp, f'{number}.pdf')
    subprocess.run([BINARY, f'--database={db}', f'--export-pdf={number}', f'--output={path}'],
                   env=env, check=True, timeout=30)
    shutil.copy(path, os.path.join(SHOTS, f'journey-lifecycle-{number}.pdf'))
    return normalise(subprocess.run(['pdftotext', '-enc', 'UTF-8', path, '-'], check=True,
                                    capture_output=True, text=True).stdout.replace('\n', ' '))


def expect_in(text, expected, what):
    missing = [e for e in expected if normalise(e) not in text]
    if missing:
        print(text)
        raise AssertionError(f'{what}: missing from the PDF text: {missing}')


def main():
    tmp = tempfile.mkdtemp(prefix='factures-journey-lifecycle-')
    db = os.path.join(tmp, 'factures.db')
    env = dict(os.environ, LANGUAGE='fr', LC_ALL='C.UTF-8',
               GSK_RENDERER=os.environ.get('GSK_RENDERER', 'cairo'))
    env.setdefault('FACTURES_LOCALEDIR', os.path.join(BUILD_DIR, 'po'))
    env.setdefault('GSETTINGS_SCHEMA_DIR', os.path.join(BUILD_DIR, 'data'))
    env.pop('GTK_A11Y', None)
    # the app's today is the date in Europe/Paris (factures_today()): around midnight UTC the
    # container's own date is the day before
    today = datetime.datetime.now(zoneinfo.ZoneInfo('Europe/Paris')).date()
    if env.get('FACTURES_TODAY'):
        today = datetime.date.fromisoformat(env['FACTURES_TODAY'])
    year = today.year

    app_log = open(os.path.join(tmp, 'app.log'), 'w+', encoding='utf-8', errors='replace')
    proc = subprocess.Popen([BINARY, f'--database={db}'], env=env, stderr=app_log)
    rc = 1
    try:
        app = tree.root.application(os.path.basename(BINARY))
        main_window = frame(app, 'Factures')

        step('business profile and client')
        for field, value in SELLER.items():
            set_text(main_window, field, value)
        click(main_window, 'Enregistrer')
        click(main_window, 'Clients')
        click(main_window, 'Nouveau client')
        client_window = frame(app, 'Nouveau client')
        for field, value in CLIENT.items():
            set_text(client_window, field, value)
        click(client_window, 'Enregistrer')

        step('preferences: numbering refuses a space and says why; building trade on')
        menu = find(main_window, 'Menu principal', ('push button', 'toggle button'))
        inner = [c for c in menu.children if c.roleName in ('push button', 'toggle button')]
        (inner[0] if inner else menu).doActionNamed('click')
        click(app, 'Préférences', ('menu item', 'push button'))
        prefs = frame(app, 'Préférences')
        click(prefs, 'Numérotation')
        set_text(prefs, 'Modèle, Devis', 'D {YYYY}-{NNNN}')
        find(prefs, roles=('label',), contains=('Modèle', 'espace'))
        set_text(prefs, 'Modèle, Devis', 'D{YYYY}-{NNNN}-' + 'X' * 30)
        find(prefs, roles=('label',), contains=('35',))
        set_text(prefs, 'Modèle, Devis', 'D{YYYY}-{NNNN}')
        find(prefs, roles=('label',), name=f'D{year}-0001')
        switch = find(prefs, 'Bâtiment', ('check box', 'toggle button', 'switch'))
        switch.doActionNamed(list(switch.actions)[0])
        time.sleep(1.0)
        click(prefs, 'Fermer')

        step('new quote: the checklist follows the edits')
        click(main_window, 'Documents')
        click(main_window, 'Nouveau devis')
        quote = frame(app, 'Devis (brouillon)')
        find(quote, roles=('label',), contains=('pas de client',))
        valid = text_of(find(quote, 'Valable jusqu’au', ('text',)))
        expected_valid = (today + datetime.timedelta(days=30)).strftime('%d/%m/%Y')
        if valid != expected_valid:
            raise AssertionError(f'validity {valid!r}, expected {expected_valid!r}')
        click(quote, 'Choisir le client')
        click(quote, CLIENT['Nom'])
        absent(quote, roles=('label',), contains=('pas de client',))
        for i, (description, quantity, unit, price) in enumerate(LINES, start=1):
            if i > 1:
                click(quote, 'Ajouter une ligne')
            set_text(quote, f'Désignation, ligne {i}', description)
            set_text(quote, f'Quantité, ligne {i}', quantity)
            set_text(quote, f'Unité, ligne {i}', unit)
            set_text(quote, f'Prix unitaire, ligne {i}', price)
        find(quote, roles=('label',), name='Toutes les mentions obligatoires sont présentes')
        conditions = find(quote, 'Conditions', ('text',))
        conditions.text = CONDITIONS
        find(quote, '1 200,00 €', roles=('label',))
        time.sleep(1.0)

        quote, quote_number = issue(app, quote, 'Devis')
        if quote_number != f'D{year}-0001':
            raise AssertionError(f'quote number {quote_number}')
        find(quote, roles=('label',), contains=('Envoyé',))
        time.sleep(1.0)
        screenshot('journey-lifecycle-quote.png')
        text = pdf_text(env, db, tmp, quote_number)
        expect_in(text, ['Devis', quote_number, 'Valable jusqu', expected_valid, CONDITIONS,
                         'Bon pour accord', 'Lu et approuvé', 'Devis reçu avant l\'exécution des travaux',
                         'Date :', 'Signature :', '1 200,00 €', 'Paul Martin EI', CLIENT['Nom'],
                         'TVA non applicable, art. 293 B du CGI'], 'quote')

        step('accept the quote')
        click(quote, 'Accepter…')
        click(app, 'Accepter')
        find(quote, roles=('label',), prefix='Accepté le')

        step('30 % deposit invoice')
        click(quote, 'Facture d’acompte…')
        set_text(app, 'Pourcentage', '30')
        click(app, 'Créer')
        deposit = frame(app, 'Facture d’acompte (brouillon)')
        find(deposit, roles=('label',), name='Toutes les mentions obligatoires sont présentes')
        find(deposit, roles=('label',), contains=(quote_number,))
        deposit, deposit_number = issue(app, deposit, 'Facture d’acompte')
        text = pdf_text(env, db, tmp, deposit_number)
        expect_in(text, ['Facture d\'acompte', deposit_number, f'Acompte de 30 % sur le devis {quote_number}',
                         '360,00 €', 'Devis', quote_number, 'Pénalités de retard'],
                  'deposit invoice')
        click(deposit, 'Fermer')

        step('bad input: a second deposit above what is left of the quote')
        click(quote, 'Facture d’acompte…')
        set_text(app, 'Montant HT (au lieu du pourcentage)', '900')
        click(app, 'Créer')
        message = find(app, roles=('label',), contains=('Acompte', '840,00'))
        step(f'  refused: {normalise(message.name)[:100]}')
        dismiss(message)

        step('bad input: a deposit of 0 % (fifth trial, finding 13: the message names « Pourcentage »)')
        click(quote, 'Facture d’acompte…')
        set_text(app, 'Pourcentage', '0')
        click(app, 'Créer')
        message = find(app, roles=('label',), prefix='Pourcentage', contains=('supérieur à 0',))
        step(f'  refused: {normalise(message.name)[:100]}')
        time.sleep(0.5)
        screenshot('journey-lifecycle-deposit-zero.png')
        dismiss(message)

        step('final invoice citing and deducting the deposit')
        click(quote, 'Facture finale')
        final = frame(app, 'Facture (brouillon)')
        for i, line in enumerate(LINES, start=1):
            got = text_of(find(final, f'Désignation, ligne {i}', ('text',)))
            if got != line[0]:
                raise AssertionError(f'final invoice, line {i}: {got!r}')
        find(final, roles=('label',), contains=(deposit_number, '360,00'))
        final, final_number = issue(app, final, 'Facture')
        find(final, roles=('label',), name='840,00 €')
        time.sleep(1.0)
        screenshot('journey-lifecycle-final.png')
        text = pdf_text(env, db, tmp, final_number)
        expect_in(text, ['Facture', final_number, 'Devis', quote_number, f'Acompte {deposit_number} du',
                         '-360,00 €', 'Net à payer', '840,00 €', '1 200,00 €', 'Pose de carrelage',
                         'Fournitures'], 'final invoice')

        step('bad input: a credit note above the invoice total')
        click(final, 'Avoir…')
        click(app, 'Un montant')
        set_text(app, 'Montant HT', '1300')
        click(app, 'Créer')
        message = find(app, roles=('label',), prefix='Avoir', contains=('1 200,00',))
        step(f'  refused: {normalise(message.name)[:100]}')
        dismiss(message)

        step('bad input: a credit note of 0 (fifth trial, finding 9: refused like -5, not the whole invoice)')
        click(final, 'Avoir…')
        click(app, 'Un montant')
        set_text(app, 'Montant HT', '0')
        click(app, 'Créer')
        message = find(app, roles=('label',), prefix='Montant', contains=('supérieur à 0',))
        step(f'  refused: {normalise(message.name)[:100]}')
        time.sleep(0.5)
        screenshot('journey-lifecycle-credit-zero.png')
        dismiss(message)
        absent(app, roles=('frame',), contains=('Avoir (brouillon)',), timeout=2.0)

        step('partial credit note: the second line')
        click(final, 'Avoir…')
        click(app, 'Les lignes choisies')
        click(app, 'Ligne 2 : Fournitures')
        click(app, 'Créer')
        credit = frame(app, 'Avoir (brouillon)')
        find(credit, roles=('label',), contains=(final_number,))
        credit, credit_number = issue(app, credit, 'Avoir')
        time.sleep(1.0)
        screenshot('journey-lifecycle-credit.png')
        text = pdf_text(env, db, tmp, credit_number)
        expect_in(text, ['Avoir', credit_number, 'Facture d\'origine', final_number,
                         f'Avoir sur la facture n° {final_number}', 'Fournitures', '300,00 €'],
                  'credit note')
        if 'Pose de carrelage' in text:
            raise AssertionError('the partial credit note holds the first line')
        click(credit, 'Fermer')

        step('the final invoice balance fell by the credit note')
        find(final, roles=('label',), name='540,00 €', timeout=10)
        screenshot('journey-lifecycle-final-credited.png')

        assert_no_problems(app_log)

        print('JOURNEY-LIFECYCLE OK')
        rc = 0
    except Exception as e:
        traceback.print_exc()
        print('JOURNEY-LIFECYCLE FAIL:', type(e).__name__, e)
        if os.environ.get('JOURNEY_DUMP'):
            try:
                print('\n'.join(dump(tree.root.application(os.path.basename(BINARY)))[:1500]))
            except Exception:
                pass
        screenshot('journey-lifecycle-failure.png')
    finally:
        stop_app(proc, app_log)
        shutil.rmtree(tmp, ignore_errors=True)
    return rc


sys.exit(main())
