#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Getting paid, driven through AT-SPI (dogtail), in French (issue 4).

On the screenshot fixture plus a dunning history (journey-dunning-fixture.c),
with FACTURES_TODAY=2026-04-15: read the dashboard totals, record a partial
payment from the "À faire aujourd’hui" queue and watch the totals change,
perform the phone step and log its outcome, produce the mise en demeure through
the file chooser and read its figures back with pdftotext (principal, penalties
recomputed here by hand, 40 € indemnity, deadline, "vaut mise en demeure").
Screenshots of the dashboard go to the build directory.

usage: journey-dunning.py FACTURES_BINARY BUILD_DIR FIXTURE DUNNING_FIXTURE
Exit 77 (skip) without DISPLAY or a session bus, except under CI (env CI set).
"""
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

if not (os.environ.get('DISPLAY') and os.environ.get('DBUS_SESSION_BUS_ADDRESS')):
    print('journey-dunning: needs DISPLAY and a session bus')
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

BINARY, BUILD_DIR, FIXTURE, DUNNING_FIXTURE = sys.argv[1:5]
SHOTS = os.environ.get('JOURNEY_SCREENSHOTS', BUILD_DIR)
set_screenshot_dir(SHOTS)
TODAY = datetime.date(2026, 4, 15)


def absent(parent, name, roles, timeout=10.0):
    deadline = time.time() + timeout
    while True:
        try:
            find(parent, name, roles, timeout=0.5)
        except LookupError:
            return
        if time.time() > deadline:
            raise AssertionError(f'{name!r} is still there')
        time.sleep(0.3)


def cents(text):
    """'1 234,56 €' → 123456"""
    m = re.search(r'(-?[\d \u00a0\u202f]+),(\d\d)', text)
    if not m:
        raise AssertionError(f'no amount in {text!r}')
    return int(re.sub(r'\D', '', m.group(1))) * 100 + int(m.group(2))


def money(c):
    euros, rest = divmod(c, 100)
    s = f'{euros:,}'.replace(',', ' ')
    return f'{s},{rest:02d} €'


def card(window, title, timeout=15.0):
    """The value of a dashboard card, read from its accessible name 'Titre : valeur'."""
    node = find(window, roles=('label',), prefix=title + ' ', timeout=timeout)
    return normalise(node.name)


def penalty_cents(principal, rate_bp, days):
    """round(principal × rate × days / (10000 × 365)), half away from zero (LEGAL.md §3)."""
    num = principal * rate_bp * days
    den = 10000 * 365
    return (2 * num + den) // (2 * den)


def main():
    tmp = tempfile.mkdtemp(prefix='factures-journey-dunning-')
    db = os.path.join(tmp, 'factures.db')
    pdf = os.path.join(tmp, 'mise-en-demeure.pdf')
    env = dict(os.environ, LANGUAGE='fr', LC_ALL='C.UTF-8', FACTURES_TODAY=TODAY.isoformat(),
               GSK_RENDERER=os.environ.get('GSK_RENDERER', 'cairo'))
    env.setdefault('FACTURES_LOCALEDIR', os.path.join(BUILD_DIR, 'po'))
    env.setdefault('GSETTINGS_SCHEMA_DIR', os.path.join(BUILD_DIR, 'data'))
    env.pop('GTK_A11Y', None)

    subprocess.run([FIXTURE, db], env=env, check=True, timeout=60)
    subprocess.run([DUNNING_FIXTURE, db], env=env, check=True, timeout=60)

    app_log = open(os.path.join(tmp, 'app.log'), 'w+', encoding='utf-8', errors='replace')
    proc = subprocess.Popen([BINARY, f'--database={db}'], env=env, stderr=app_log)
    rc = 1
    try:
        app = tree.root.application(os.path.basename(BINARY))
        main_window = frame(app, 'Factures')

        step('dashboard: totals, aging chart, to-do queue')
        outstanding = cents(card(main_window, 'Total à encaisser'))
        overdue = cents(card(main_window, 'En retard'))
        step(f'outstanding {money(outstanding)}, overdue {money(overdue)}')
        # fixture: 1 590,00 + 240,00 + 1 250,50 overdue; 60,00 and 200,00 not yet due
        if overdue != 159000 + 24000 + 125050:
            raise AssertionError(f'overdue total {overdue}')
        if outstanding != overdue + 6000 + 20000:
            raise AssertionError(f'outstanding total {outstanding}')
        chart = find(main_window, 'Balance âgée des créances', roles=('image', 'img'))
        description = normalise(chart.description)
        for expected in (f'Pas encore échu : {money(outstanding - overdue)} (2 factures)',
                         '1–30 jours : 1 250,50 € (1 facture)',
                         '31–60 jours : 240,00 € (1 facture)', '61–90 jours : 1 590,00 € (1 facture)'):
            if normalise(expected) not in description:
                raise AssertionError(f'chart description lacks {expected!r}: {description!r}')
        find(main_window, 'Appeler…', roles=('push button',))
        find(main_window, 'Mise en demeure…', roles=('push button',))
        time.sleep(0.5)
        screenshot('journey-dunning-dashboard.png')

        step('partial payment of F2026-0002 from the to-do queue')
        # GtkMenuButton: an outer node holding the popover, and an inner button that clicks.
        menus = main_window.findChildren(lambda n: n.name == 'Autres actions pour F2026-0002')
        clickable = [n for n in menus if 'click' in n.actions]
        if not clickable:
            raise AssertionError('no clickable "Autres actions pour F2026-0002"')
        clickable[0].doActionNamed('click')
        time.sleep(0.5)
        item = find(menus[0], 'Enregistrer un paiement…', roles=('push button',))
        item.doActionNamed('click')
        payment = frame(app, 'Enregistrer un paiement')
        amount = find(payment, 'Montant', roles=('text', 'entry'))
        if cents(text_of(amount)) != 24000:
            raise AssertionError(f'amount not prefilled with the balance: {text_of(amount)!r}')
        set_text(payment, 'Montant', '100,00')
        time.sleep(0.3)
        click(payment, 'Enregistrer')
        find(payment, 'Paiement enregistré', roles=('label', 'heading'), timeout=10)
        click(payment, 'Fermer')

        deadline = time.time() + 10
        while cents(card(main_window, 'Total à encaisser')) != outstanding - 10000:
            if time.time() > deadline:
                raise AssertionError(f'outstanding did not drop by 100 €: {card(main_window, "Total à encaisser")}')
            time.sleep(0.3)
        if cents(card(main_window, 'En retard')) != overdue - 10000:
            raise AssertionError(f'overdue did not drop by 100 €: {card(main_window, "En retard")}')
        step('totals changed by 100,00 €')

        step('phone step of F2026-0002: script, outcome logged')
        click(main_window, 'Appeler…')
        call = frame(app, 'Appel téléphonique', timeout=10)
        set_text(call, 'Résultat de l’appel', 'Le trésorier paie le solde vendredi')
        click(call, 'Consigner l’appel')
        absent(main_window, 'Appeler…', ('push button',))

        step('formal notice of F2026-0001 through the file chooser')
        click(main_window, 'Mise en demeure…')
        notice = frame(app, 'Mise en demeure', timeout=10)
        click(notice, 'Enregistrer la lettre en PDF…')
        chooser = frame(app, 'Enregistrer la lettre', timeout=15)
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
        set_text(notice, 'Numéro de suivi', '1A 999 888 7776 5')
        click(notice, 'Marquer comme envoyé')
        absent(main_window, 'Mise en demeure…', ('push button',))

        step('promise to pay for F2026-0003: a past date is refused, a later one pauses the ladder')
        menus = main_window.findChildren(lambda n: n.name == 'Autres actions pour F2026-0003')
        [n for n in menus if 'click' in n.actions][0].doActionNamed('click')
        time.sleep(0.5)
        find(menus[0], 'Promesse de paiement…', roles=('push button',)).doActionNamed('click')
        promise = frame(app, 'Promesse de paiement', timeout=10)
        set_text(promise, 'Date promise', '01/04/2026')
        click(promise, 'Enregistrer')
        refusal = frame(app, 'La promesse n’a pas été enregistrée', timeout=10)
        click(refusal, 'Fermer')
        find(main_window, 'Écrire un courriel…', roles=('push button',))   # still to do
        menus = main_window.findChildren(lambda n: n.name == 'Autres actions pour F2026-0003')
        [n for n in menus if 'click' in n.actions][0].doActionNamed('click')
        time.sleep(0.5)
        find(menus[0], 'Promesse de paiement…', roles=('push button',)).doActionNamed('click')
        promise = frame(app, 'Promesse de paiement', timeout=10)
        set_text(promise, 'Date promise', '30/04/2026')
        click(promise, 'Enregistrer')
        absent(main_window, 'Écrire un courriel…', ('push button',))          # paused until then
        find(main_window, 'Aucune relance à envoyer aujourd’hui.', roles=('label',))

        step('read the figures back from the PDF')
        text = normalise(subprocess.run(['pdftotext', '-enc', 'UTF-8', pdf, '-'], check=True,
                                        capture_output=True, text=True).stdout)
        principal = 159000
        days = (TODAY - datetime.date(2026, 2, 9)).days         # from 10 February to 15 April
        interest = penalty_cents(principal, 1215, days)         # H1 2026: ECB 2,15 % + 10 points
        expected = ['MISE EN DEMEURE DE PAYER', 'vaut mise en demeure', 'F2026-0001',
                    'Atelier Dupont SARL', 'Principal restant dû', money(principal),
                    money(interest), 'Indemnité forfaitaire', money(4000),
                    money(principal + interest + 4000), '12,15 %', str(days),
                    'dans un délai de 8 jours, soit au plus tard le 23 avril 2026',
                    'du 10/02/2026 au 15/04/2026']
        missing = [e for e in expected if normalise(e) not in text]
        if missing:
            raise AssertionError(f'the formal notice lacks {missing}:\n{text}')
        subprocess.run(['pdftoppm', '-png', '-r', '80', '-f', '1', '-l', '1', pdf,
                        os.path.join(SHOTS, 'journey-dunning-formal-notice')], check=False)
        time.sleep(0.5)
        screenshot('journey-dunning-after.png')

        assert_no_problems(app_log)

        print('JOURNEY-DUNNING OK')
        rc = 0
    except Exception as e:
        traceback.print_exc()
        print('JOURNEY-DUNNING FAIL:', type(e).__name__, e)
        screenshot('journey-dunning-failure.png')
    finally:
        stop_app(proc, app_log)
        shutil.rmtree(tmp, ignore_errors=True)
    return rc


sys.exit(main())
