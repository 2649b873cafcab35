#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 17 journey (urssaf-ui), through AT-SPI (dogtail), in French: a quarter declared and the
ceiling gauge seen.

On the screenshot fixture (FACTURES_TODAY=2026-04-15), a quarterly declarant was paid
F2026-0001 (1 590,00 €) and F2026-0002 (240,00 €) in the first quarter (recorded with the
command line). In the window's « Année » view (Alt+5), the 1st quarter is proposed; its BNC box
reads 1 830 € with its copy button; « Marquer comme déclarée… » asks the day, which is refused
before the end of the quarter (the store's French message) and taken on 10/04/2026; the view then
reads « Déclarée le 10 avril 2026. ». The gauge « Plafond du régime micro (services) » is there
with its value (1 830 € of 83 600 €: 2,1 %), and the charts say their figures. The command line
reads the quarter back as declared. Screenshots journey-year-*.png; the app logs no critical or
warning.

usage: journey-year.py FACTURES_BINARY BUILD_DIR UI_FIXTURE
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
    print('journey-year: needs DISPLAY and a session bus')
    sys.exit(1 if os.environ.get('CI') else 77)

from dogtail.config import config  # noqa: E402
config.checkForA11y = False
config.logDebugToFile = False
config.logDebugToStdOut = False
config.searchCutoffCount = 20
config.searchBackoffDuration = 0.5
from dogtail import tree  # noqa: E402
from atspi_journey import (  # noqa: E402
    assert_no_problems, click, find, frame, normalise, screenshot, set_screenshot_dir, set_text,
    step, stop_app)

BINARY, BUILD_DIR, UI_FIXTURE = sys.argv[1:4]
SHOTS = os.environ.get('JOURNEY_SCREENSHOTS', BUILD_DIR)
set_screenshot_dir(SHOTS)


def main():
    tmp = tempfile.mkdtemp(prefix='factures-journey-year-')
    db = os.path.join(tmp, 'factures.db')
    env = dict(os.environ, LANGUAGE='fr', LC_ALL='C.UTF-8', FACTURES_TODAY='2026-04-15',
               GSK_RENDERER=os.environ.get('GSK_RENDERER', 'cairo'))
    env.setdefault('FACTURES_LOCALEDIR', os.path.join(BUILD_DIR, 'po'))
    env.setdefault('GSETTINGS_SCHEMA_DIR', os.path.join(BUILD_DIR, 'data'))
    env.pop('GTK_A11Y', None)

    subprocess.run([UI_FIXTURE, db], env=env, check=True, timeout=60)
    for args in (['--urssaf-set=quarterly=1'],
                 # (dated before the fixture's invoices: the warning stops without --yes, trial 5 finding 4)
                 ['--record-payment=F2026-0001', '--date=2026-02-20', '--method=virement', '--yes'],
                 ['--record-payment=F2026-0002', '--date=2026-03-05', '--method=virement', '--yes']):
        subprocess.run([BINARY, f'--database={db}'] + args, env=env, check=True, timeout=30,
                       stdout=subprocess.DEVNULL)

    app_log = open(os.path.join(tmp, 'app.log'), 'w+', encoding='utf-8', errors='replace')
    proc = subprocess.Popen([BINARY, f'--database={db}'], env=env, stderr=app_log)
    rc = 1
    try:
        app = tree.root.application(os.path.basename(BINARY))
        main_window = frame(app, 'Factures')

        step('the « Année » view: the 1st quarter proposed, its box and copy button')
        click(main_window, 'Année')
        find(main_window, '1er trimestre 2026', ('label',))
        find(main_window, 'Autres prestations de services (BNC)', ('label',))
        find(main_window, '1 830 €', ('label',))
        find(main_window, 'Copier 1830 (Autres prestations de services (BNC))', ('push button',))
        find(main_window, 'Pas encore déclarée.', ('label',))

        step('« Marquer comme déclarée… »: a day before the end of the quarter is refused')
        click(main_window, 'Marquer comme déclarée…')
        find(app, roles=('label',), prefix='Marquer 1er trimestre 2026 comme déclaré')
        set_text(app, 'Date de déclaration', '15/03/2026')
        click(app, 'Marquer comme déclarée')
        heading = find(app, 'Non marquée comme déclarée', ('label',))
        refusal = toplevel(heading)
        find(refusal, roles=('label',), prefix='Date de déclaration')
        time.sleep(0.5)
        screenshot('journey-year-refused.png')
        click(refusal, 'Fermer')                 # the dialog's, not the window's close button

        step('declared on 10/04/2026: « Déclarée le 10 avril 2026. »')
        click(main_window, 'Marquer comme déclarée…')
        set_text(app, 'Date de déclaration', '10/04/2026')
        click(app, 'Marquer comme déclarée')
        find(main_window, 'Déclarée le 10 avril 2026.', ('label',))

        step('the ceiling gauge and the charts')
        gauge = find(main_window, 'Plafond du régime micro (services)', ('level bar',))
        value = gauge.queryValue().currentValue
        # 1 830 € of 83 600 €: 2,1 % (tenths of a percent, rounded down as the core does)
        if abs(value - 0.021) > 0.00001:
            raise AssertionError(f'gauge at {value}, expected 0.021')
        find(main_window, '2,1 %', ('label',))
        chart = find(main_window, 'Encaissements cumulés face aux plafonds et aux seuils de TVA',
                     ('image',))
        if 'fin mars : 1 830,00 €' not in normalise(chart.description):
            raise AssertionError(f'chart description: {chart.description!r}')
        time.sleep(1.0)
        screenshot('journey-year.png')

        step('the command line reads the quarter back as declared')
        out = subprocess.run([BINARY, f'--database={db}', '--urssaf', '--period=2026-Q1'],
                             env=env, check=True, timeout=30, capture_output=True, text=True).stdout
        if 'Déclarée le 10/04/2026' not in out:
            raise AssertionError(out)

        assert_no_problems(app_log)
        print('YEAR JOURNEY OK')
        rc = 0
    except Exception as e:
        traceback.print_exc()
        print("YEAR JOURNEY FAIL:", type(e).__name__, e, "app exit status:", proc.poll())
        screenshot('journey-year-failure.png')
    finally:
        stop_app(proc, app_log)
        shutil.rmtree(tmp, ignore_errors=True)
    return rc


def toplevel(node):
    """The window (dialog) that holds @node."""
    while node.parent is not None and node.parent.roleName != 'application':
        node = node.parent
    return node


if __name__ == '__main__':
    sys.exit(main())
