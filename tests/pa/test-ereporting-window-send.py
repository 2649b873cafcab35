#!/usr/bin/env python3
"""The e-reporting window's « Envoyer » against the local PA (pa-server.py): the success path.

test-ereporting-window covers the window's figures and its refusals, test-ereporting-flow the
command line's send; this one starts the keyring (the client secret) and the local PA with the
DGFiP XSD v3.2, makes the database of ereporting-tool setup, runs test-ereporting-window's
/ereporting/window-send on it (which clicks « Envoyer » for September–October 2027 and waits for
« Sent: ») and checks what the PA received: four FRR flows, valid against the XSD, none refused.
Run in a private D-Bus session, with a display (suite ui).
"""
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request

WINDOW = os.environ['EREPORTING_WINDOW_TEST']
TOOL = os.environ['EREPORTING_TOOL']
PA_TOOL = os.environ['PA_TOOL']
HERE = os.environ.get('PA_TEST_DIR', os.path.dirname(os.path.abspath(__file__)))
CDAR_XSD = os.environ['PA_CDAR_XSD']
XSD = os.environ['PA_EREPORTING_XSD']
SECRET = 's3cr3t-PA'
failures = []
procs = []
tmp = tempfile.mkdtemp(prefix='ereporting-window-send-')


def check(cond, what):
    print(('ok   ' if cond else 'FAIL ') + what, flush=True)
    if not cond:
        failures.append(what)


def env():
    return dict(os.environ, HOME=os.path.join(tmp, 'home'), XDG_RUNTIME_DIR=os.path.join(tmp, 'run'),
                XDG_DATA_HOME=os.path.join(tmp, 'data'), FACTURES_TODAY='2027-11-10')


def start_keyring():
    os.makedirs(os.path.join(tmp, 'home'), exist_ok=True)
    os.makedirs(os.path.join(tmp, 'run'), mode=0o700, exist_ok=True)
    r = subprocess.run(['gnome-keyring-daemon', '--unlock', '--components=secrets'], input='ci-password',
                       capture_output=True, text=True, timeout=30, env=env())
    for line in r.stdout.splitlines():
        if '=' in line:
            k, v = line.split('=', 1)
            os.environ[k] = v
    for _ in range(100):
        r = subprocess.run(['gdbus', 'call', '--session', '-d', 'org.freedesktop.DBus', '-o', '/org/freedesktop/DBus',
                            '-m', 'org.freedesktop.DBus.NameHasOwner', 'org.freedesktop.secrets'],
                           capture_output=True, text=True)
        if 'true' in r.stdout:
            return
        time.sleep(0.05)
    raise SystemExit('no keyring')


def start_server():
    proc = subprocess.Popen(['/usr/bin/python3', os.path.join(HERE, 'pa-server.py'), '--cdar-xsd', CDAR_XSD,
                             '--ereporting-xsd', XSD, '--lifetime', '280', '--client-secret', SECRET],
                            stdout=subprocess.PIPE, stderr=open(os.path.join(tmp, 'server.log'), 'a'), text=True)
    procs.append(proc)
    line = proc.stdout.readline()
    if not line.startswith('READY'):
        raise SystemExit('pa-server did not start')
    return int(line.split()[1])


def state(port):
    with urllib.request.urlopen('http://127.0.0.1:%d/_control/state' % port, timeout=30) as r:
        return json.loads(r.read())


def main():
    if not os.path.exists(XSD):
        if os.environ.get('CI'):
            raise SystemExit('no e-reporting XSD (reference_data) in CI')
        print('no e-reporting XSD (reference_data): skipped')
        sys.exit(77)
    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        print('needs a display: skipped')
        sys.exit(1 if os.environ.get('CI') else 77)
    start_keyring()
    port = start_server()
    base = 'http://127.0.0.1:%d' % port
    db = os.path.join(tmp, 'factures.db')
    r = subprocess.run([TOOL, 'setup', db, base, base + '/oauth2/token'], capture_output=True, text=True,
                       timeout=60, env=env())
    check(r.returncode == 0 and len(r.stdout.split()) == 6, 'fixture made (%s)' % r.stderr.strip())
    r = subprocess.run([PA_TOOL, 'store-secret', base + '/oauth2/token', 'factures-test'], input=SECRET + '\n',
                       capture_output=True, text=True, timeout=60, env=env())
    check(r.returncode == 0, 'secret stored (%s)' % r.stderr.strip())

    e = env()
    e['EREPORTING_WINDOW_DB'] = db
    # no accessibility bus in this private D-Bus session: it would be published on the shared
    # display and outlive the session, and the next GTK test would fail to reach it
    e['GTK_A11Y'] = 'none'
    e['NO_AT_BRIDGE'] = '1'
    r = subprocess.run([WINDOW, '--tap'], capture_output=True, text=True, timeout=120, env=e)
    check(r.returncode == 0, 'the window sent the period (exit %d)\n%s%s' % (r.returncode, r.stdout[-3000:],
                                                                              r.stderr[-3000:]))

    s = state(port)
    frr = [d for d in s.get('deposits', []) if d.get('flowSyntax') == 'FRR']
    check(len(frr) == 4, 'the PA received four FRR flows (%d)' % len(frr))
    check(not s.get('violations'), 'none broke the XSD or the API (%s)' % s.get('violations'))


try:
    main()
finally:
    for p in procs:
        p.kill()
    import shutil
    if failures:
        print('--- server log ---')
        print(open(os.path.join(tmp, 'server.log')).read()[-3000:] if os.path.exists(os.path.join(tmp, 'server.log')) else '')
    shutil.rmtree(tmp, ignore_errors=True)
print('%d failure(s)' % len(failures))
sys.exit(1 if failures else 0)
