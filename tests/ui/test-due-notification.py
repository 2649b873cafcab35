#!/usr/bin/python3
# test-due-notification.py FACTURES FIXTURE — the start-up notification of issue 4
#
# A fake org.freedesktop.Notifications server on the session bus records what the app
# sends; the app starts on the fixture database with FACTURES_TODAY=2026-04-15 and must
# send one notification saying how many dunning steps are due (the count the command line
# agrees with), then nothing more on a second start the same day beyond the same count.
# Needs the session bus and display of `build-aux/dev test`.
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
        loop.quit()
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

failures = 0
with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, 'fixture.db')
    subprocess.run([FIXTURE, db], check=True, stdout=subprocess.DEVNULL)
    env = dict(os.environ, FACTURES_TODAY='2026-04-15')
    env.pop('FACTURES_NOTIFICATIONS', None)      # this test runs its own server
    expected = subprocess.run([FACTURES, '--database=' + db, '--list-overdue'], env=env,
                              capture_output=True, text=True, check=True).stdout
    # every overdue invoice of the fixture has its D+3 e-mail due: one step each
    n_due = sum(1 for line in expected.splitlines() if line.split('\t')[6] <= '2026-04-15')

    app = subprocess.Popen([FACTURES, '--database=' + db], env=env)
    timeout = GLib.timeout_add_seconds(30, loop.quit)
    loop.run()
    GLib.source_remove(timeout) if received else None
    app.terminate()
    app.wait(10)

    if len(received) != 1:
        print('FAIL: expected one notification, got %d' % len(received))
        failures += 1
    else:
        app_name, _, _, summary, body, _, _, _ = received[0]
        want = '%d dunning steps are due today' % n_due
        if summary == want and n_due >= 1:
            print('ok: notification “%s”' % summary)
        else:
            print('FAIL: notification “%s”, expected “%s”' % (summary, want))
            failures += 1
        if 'approval' in body:
            print('ok: body says nothing is sent without approval')
        else:
            print('FAIL: body “%s”' % body)
            failures += 1

    # the start recorded only skips (pre-due steps missed), never a performed step
    out = subprocess.run(['sqlite3', db, "SELECT count(*) FROM dunning_events WHERE state = 'done'"],
                         capture_output=True, text=True).stdout.strip()
    if out == '0':
        print('ok: nothing performed at start-up')
    else:
        print('FAIL: %s steps performed at start-up' % out)
        failures += 1

sys.exit(1 if failures else 0)
