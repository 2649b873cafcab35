#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every wrong value is said on its field (issue 11 finding 5), through AT-SPI, in French.

From an empty database: types a wrong value into every field of the business
profile (the welcome form) and, after a valid profile, of a new client, then asks to
save. Each field must then carry its message as its accessible description (what a
screen reader says on the field), the message naming the field, and the same text
must be shown under the field in a label with the alert role (AT-SPI
"notification"); nothing is saved. (GTK 4.8 cannot move the focus through AT-SPI:
the check on leaving a field is in test-forms.c.) Screenshots: form-errors-*.png in BUILD_DIR.

usage: test-form-errors.py FACTURES_BINARY BUILD_DIR
Exit 77 (skip) without DISPLAY or a session bus, except under CI.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

if not (os.environ.get('DISPLAY') and os.environ.get('DBUS_SESSION_BUS_ADDRESS')):
    print('test-form-errors: needs DISPLAY and a session bus')
    sys.exit(1 if os.environ.get('CI') else 77)

from dogtail.config import config  # noqa: E402
config.checkForA11y = False
config.logDebugToFile = False
config.logDebugToStdOut = False
config.searchCutoffCount = 20
config.searchBackoffDuration = 0.5
from dogtail import tree  # noqa: E402
from atspi_journey import (  # noqa: E402
    choose_row, click, find, frame, normalise, screenshot, set_screenshot_dir, set_text, step)

BINARY, BUILD_DIR = sys.argv[1:3]
set_screenshot_dir(os.environ.get('JOURNEY_SCREENSHOTS', BUILD_DIR))

# field title → (wrong value, a word the message must hold besides its field)
PROFILE = {
    'Nom': ('Marie Durand', 'EI'),
    'Adresse': ('a' * 400, 'Adresse'),
    'Code postal': ('690', '690'),
    'Ville': ('v' * 150, 'Ville'),
    'Adresse électronique': ('pas une adresse', 'pas une adresse'),
    'Téléphone': ('04 72 AB', '04 72 AB'),
    'SIREN ou SIRET': ('12345', '12345'),
    'Assurance professionnelle': ('z' * 600, 'Assurance'),
    'IBAN': ('FR76 1234', 'IBAN'),
    'BIC': ('XX', 'BIC'),
    'Taux des pénalités de retard': ('abc', 'pénalités'),
}
PROFILE_OK = {'Nom': 'Marie Durand EI', 'Adresse': '12 rue des Lilas', 'Code postal': '69003',
              'Ville': 'Lyon', 'Adresse électronique': '', 'Téléphone': '',
              'SIREN ou SIRET': '73282932000074', 'Assurance professionnelle': '',
              'IBAN': '', 'BIC': '', 'Taux des pénalités de retard': ''}
CLIENT = {
    'Nom': ('', 'Nom'),
    'Adresse': ('a' * 400, 'Adresse'),
    'Code postal': ('750', '750'),
    'Ville': ('v' * 150, 'Ville'),
    'Adresse électronique': ('pas une adresse', 'pas une adresse'),
    'Téléphone': ('04 72 AB', '04 72 AB'),
    'SIREN ou SIRET': ('12345', '12345'),
    'Numéro de TVA': ('FR00 123', 'TVA'),
    'Notes': ('n' * 2100, 'Notes'),
}


def check_said(window, field, word):
    node = find(window, field, ('text',))
    said = normalise(node.description or '')
    if not said:
        raise AssertionError(f'{field}: no message said on the field')
    if word not in said:
        raise AssertionError(f'{field}: the message {said!r} lacks {word!r}')
    if ' : ' not in said and '\u00a0:' not in (node.description or ''):
        raise AssertionError(f'{field}: the message {said!r} names no field')
    # …and shown under it, in a label with the alert role.
    shown = find(window, roles=('notification', 'alert', 'label'), prefix=said[:40], timeout=5)
    step(f'  {field}: {said[:80]} [{shown.roleName}]')
    return said


def fill(window, values):
    for field, value in values.items():
        set_text(window, field, value)


def main():
    tmp = tempfile.mkdtemp(prefix='factures-form-errors-')
    db = os.path.join(tmp, 'factures.db')
    env = dict(os.environ, LANGUAGE='fr', LC_ALL='C.UTF-8',
               GSK_RENDERER=os.environ.get('GSK_RENDERER', 'cairo'))
    env.setdefault('FACTURES_LOCALEDIR', os.path.join(BUILD_DIR, '..', '..', 'po'))
    env.pop('GTK_A11Y', None)
    app_log = open(os.path.join(tmp, 'app.log'), 'w+', encoding='utf-8', errors='replace')
    proc = subprocess.Popen([BINARY, f'--database={db}'], env=env, stderr=app_log)
    rc = 1
    try:
        app = tree.root.application(os.path.basename(BINARY))
        main_window = frame(app, 'Factures')

        step('profile: a wrong value in every field')
        fill(main_window, {k: v for k, (v, _) in PROFILE.items()})
        click(main_window, 'Enregistrer')
        time.sleep(0.5)
        for field, (_, word) in PROFILE.items():
            check_said(main_window, field, word)
        screenshot('form-errors-profile.png')

        step('profile: right values, the messages go, saved')
        fill(main_window, PROFILE_OK)
        for field in PROFILE:
            node = find(main_window, field, ('text',))
            if node.description:
                raise AssertionError(f'{field}: still says {node.description!r}')
        click(main_window, 'Enregistrer')

        step('client: a wrong value in every field')
        click(main_window, 'Clients')
        click(main_window, 'Nouveau client')
        client = frame(app, 'Nouveau client')
        # A business: a private person has no identifiers to give (issue 13, vat-ui).
        choose_row(client, 'Catégorie', 1)
        fill(client, {k: v for k, (v, _) in CLIENT.items()})
        click(client, 'Enregistrer')
        time.sleep(0.5)
        for field, (_, word) in CLIENT.items():
            check_said(client, field, word)
        screenshot('form-errors-client.png')
        # Refused: the window stays.
        frame(app, 'Nouveau client', timeout=2)
        rc = 0
    except Exception:
        traceback.print_exc()
        screenshot('form-errors-failure.png')
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        app_log.seek(0)
        log = app_log.read()
        if 'CRITICAL' in log or 'WARNING' in log:
            print(log)
        shutil.rmtree(tmp, ignore_errors=True)
    return rc


if __name__ == '__main__':
    sys.exit(main())
