#!/usr/bin/python3
# test-deadline-notification.py FACTURES FIXTURE — the tax deadline notification (issue 17
# item 4)
#
# A fake org.freedesktop.Notifications server on the session bus records what the app sends.
# On 30 April 2026 (the URSSAF declaration of March falls due, not marked done) the first
# start sends "N tax deadlines are due"; a second start the same day does not (once a day,
# not at every start); a start the next working day sends it again; once every deadline is
# marked done (deadline_marks), none is sent.
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import subprocess
import sys
import tempfile

import gi
gi.require_version('Gio', '2.0')
from gi.repository import Gio, GLib

FACTURES, FIXTURE = sys.argv[1], sys.argv[2]

XML = '''<node><interface name="org.freedesktop.Notifications">
<method name="Notify"><arg type="s" direction="in"/><arg type="u" direction="in"/>
<arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="s" direction="in"/>
<arg type="as" direction="in"/><arg type="a{sv}" direction="in"/><arg type="i" direction="in"/>
<arg type="u" direction="out"/></method>
<method name="GetCapabilities"><arg type="as" direction="out"/></method>
<method name="CloseNotification"><arg type="u" direction="in"/></method>
<method name="GetServerInformation"><arg type="s" direction="out"/><arg type="s" direction="out"/>
<arg type="s" direction="out"/><arg type="s" direction="out"/></method>
<signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
<signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
</interface></node>'''

received = []
loop = GLib.MainLoop()


def on_call(conn, sender, path, iface, method, params, invocation):
    if method == 'Notify':
        received.append(params.unpack())
        invocation.return_value(GLib.Variant('(u)', (len(received),)))
    elif method == 'GetCapabilities':
        invocation.return_value(GLib.Variant('(as)', (['body'],)))
    elif method == 'GetServerInformation':
        invocation.return_value(GLib.Variant('(ssss)', ('fake', 'factures-tests', '1', '1.2')))
    else:
        invocation.return_value(None)


bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
node = Gio.DBusNodeInfo.new_for_xml(XML)
bus.register_object('/org/freedesktop/Notifications', node.interfaces[0], on_call, None, None)
owned = []
Gio.bus_own_name_on_connection(bus, 'org.freedesktop.Notifications', Gio.BusNameOwnerFlags.NONE,
                               lambda *a: owned.append(True), lambda *a: owned.append(False))
ctx = GLib.MainContext.default()
while not owned:
    ctx.iteration(True)
if not owned[0]:
    print('SKIP: another notification server owns the name')
    sys.exit(77)



def start(db, today, seconds=12):
    """Starts the app on @db at @today; the summaries of the notifications it sent."""
    before = len(received)
    env = dict(os.environ, FACTURES_TODAY=today)
    env.pop('FACTURES_NOTIFICATIONS', None)      # this test runs its own server
    app = subprocess.Popen([FACTURES, '--database=' + db], env=env)
    timeout = GLib.timeout_add_seconds(seconds, loop.quit)
    loop.run()
    app.terminate()
    app.wait(10)
    return [r[3] for r in received[before:]]


def deadline_notes(summaries):
    return [s for s in summaries if 'tax deadline' in s]


failures = 0


def check(ok, what):
    global failures
    print(('ok: ' if ok else 'FAIL: ') + what)
    if not ok:
        failures += 1


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, 'fixture.db')
    subprocess.run([FIXTURE, db], check=True, stdout=subprocess.DEVNULL)

    first = deadline_notes(start(db, '2026-04-30'))
    check(len(first) == 1 and first[0].endswith(('deadline is due', 'deadlines are due')),
          'first start of the day: %r' % first)
    second = deadline_notes(start(db, '2026-04-30'))
    check(second == [], 'second start the same day: nothing (%r)' % second)
    third = deadline_notes(start(db, '2026-05-04'))
    check(len(third) == 1, 'the next working day: sent again (%r)' % third)
    days = subprocess.run(['sqlite3', db, 'SELECT group_concat (day) FROM deadline_notified'],
                          capture_output=True, text=True).stdout.strip()
    check(days == '2026-04-30,2026-05-04', 'days recorded: %s' % days)

    # every deadline of the queue marked done: no notification
    subprocess.run(['sqlite3', db,
                    "INSERT INTO deadline_marks (kind, period, done, recorded) "
                    "SELECT k, d, 1, '2026-05-05' FROM (SELECT 'urssaf' k, date ('2026-01-01', '+' || n || ' days') d "
                    "FROM (WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 400) "
                    "SELECT n FROM c)) UNION ALL SELECT k, d, 1, '2026-05-05' FROM (SELECT kind k, d FROM "
                    "(SELECT 'vl-option' kind UNION SELECT 'periodicity' UNION SELECT 'income-tax' UNION SELECT 'cfe' "
                    "UNION SELECT 'des' UNION SELECT 'vat') JOIN (SELECT date ('2026-01-01', '+' || n || ' days') d "
                    "FROM (WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 400) SELECT n FROM c)))"],
                   check=True)
    fourth = deadline_notes(start(db, '2026-05-05'))
    check(fourth == [], 'every deadline done: nothing (%r)' % fourth)

sys.exit(1 if failures else 0)
