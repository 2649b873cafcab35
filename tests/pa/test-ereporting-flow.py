#!/usr/bin/python3
"""test-ereporting-flow.py — the e-reporting (Flux 10) handed to the local PA, through factures-cli.

Runs inside dbus-run-session (meson) with its own unlocked gnome-keyring holding the client
secret; tests/pa/pa-server.py on 127.0.0.1 checks every FRR file against the DGFiP e-reporting
XSD v3.2 (xmllint), computes its flowType from the block it holds and checks the processingRule.

Checks:
  - bad periods are refused in French (a month that begins no two-month period, before
    September 2027, not begun, not a month, not over for a send; --ereporting without
    --period), exit 1, the database unchanged (dump identical);
  - --ereporting --period=2027-09 prints the XML on stdout and records nothing;
  - --send-to-pa hands 10.1, 10.2, 10.3, 10.4 as four FRR flows (B2BInt, B2BInt, B2C, B2C) with
    the flowTypes of PA.md §1.3; the PA took them (no violation); the report and each flow are
    recorded with the PA's flowId; the file is written and said;
  - a second send of the period is a correction (TypeCode RE);
  - an empty period sends nothing and says so;
  - a refusal by the PA (422) is recorded as failed, said in French, exit 1.
"""
import hashlib, json, os, socket, sqlite3, subprocess, sys, tempfile, time, urllib.request
import xml.etree.ElementTree as ET

TOOL = os.environ['EREPORTING_TOOL']
PA_TOOL = os.environ['PA_TOOL']
CLI = os.environ['FACTURES_CLI']
HERE = os.environ.get('PA_TEST_DIR', os.path.dirname(os.path.abspath(__file__)))
CDAR_XSD = os.environ['PA_CDAR_XSD']
XSD = os.environ['PA_EREPORTING_XSD']
LOCALEDIR = os.environ.get('PA_LOCALEDIR', '')
FRENCH = os.path.exists(os.path.join(LOCALEDIR, 'fr', 'LC_MESSAGES', 'factures.mo'))
SECRET = 's3cr3t-PA'
TODAY = '2027-11-10'
failures = []
procs = []
tmp = tempfile.mkdtemp(prefix='ereporting-flow-')


def check(cond, what):
    print(('ok   ' if cond else 'FAIL ') + what, flush=True)
    if not cond:
        failures.append(what)


def words(en, fr):
    return fr if FRENCH else en


def env():
    e = dict(os.environ, HOME=os.path.join(tmp, 'home'), XDG_RUNTIME_DIR=os.path.join(tmp, 'run'),
             XDG_DATA_HOME=os.path.join(tmp, 'data'), FACTURES_TODAY=TODAY)
    if FRENCH:
        e.update(LANGUAGE='fr', LANG='fr_FR.UTF-8', LC_ALL='C.UTF-8', FACTURES_LOCALEDIR=LOCALEDIR)
    return e


def run(args, stdin=None, timeout=60, today=None):
    e = env()
    if today:
        e['FACTURES_TODAY'] = today
    r = subprocess.run(args, input=stdin, capture_output=True, text=True, timeout=timeout, env=e)
    with open(os.path.join(tmp, 'cli.log'), 'a') as log:
        log.write('$ %s\n%s%s\n' % (' '.join(args[1:]), r.stdout, r.stderr))
    return r


def cli(db, *args, today=None):
    return run([CLI, '--database=' + db] + list(args), today=today)


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


def control(port, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request('http://127.0.0.1:%d/_control/%s' % (port, path), data=data,
                                 headers={'Content-Type': 'application/json'})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())


def query(db, sql, *args):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def dump(db):
    return hashlib.sha256(subprocess.run(['sqlite3', db, '.dump'], capture_output=True).stdout).hexdigest()


def main():
    if not os.path.exists(XSD):
        if os.environ.get('CI'):
            raise SystemExit('no e-reporting XSD (reference_data) in CI')
        print('no e-reporting XSD (reference_data): skipped')
        sys.exit(77)
    start_keyring()
    port = start_server()
    base = 'http://127.0.0.1:%d' % port
    db = os.path.join(tmp, 'factures.db')
    numbers = run([TOOL, 'setup', db, base, base + '/oauth2/token']).stdout.split()
    check(len(numbers) == 6, 'fixture made (%s)' % numbers)
    r = run([PA_TOOL, 'store-secret', base + '/oauth2/token', 'factures-test'], stdin=SECRET + '\n')
    check(r.returncode == 0, 'secret stored (%s)' % r.stderr)

    # ---- bad periods: refused in French, nothing written
    before = dump(db)
    for period, en, fr in [
            ('2027-10', 'begin in January, March, May, July, September and November', 'commencent en janvier, mars, mai, juillet, septembre et novembre'),
            ('2027-07', 'begins on 1 September 2027', 'commence le 1er septembre 2027'),
            ('2028-01', 'has not begun yet', 'n’a pas encore commencé'),
            ('sept-2027', 'is not a period', 'n’est pas une période'),
            ('2027-09-11', 'write the month as YYYY-MM', 'écrivez le mois sous la forme AAAA-MM'),
            ('2027-11', 'is not over', 'n’est pas terminée')]:
        r = cli(db, '--ereporting', '--period=' + period, '--send-to-pa')
        check(r.returncode == 1 and words('Period: ', 'Période\u00a0: ') in r.stderr and words(en, fr) in r.stderr,
              'period %s refused in words (%s)' % (period, r.stderr.strip()))
    r = cli(db, '--ereporting')
    check(r.returncode == 1 and words('needs --period', 'demande --period') in r.stderr,
          '--ereporting without --period refused (%s)' % r.stderr.strip())
    check(dump(db) == before, 'the refusals left the database unchanged')
    check(control(port, 'state')['deposits'] == [], 'nothing deposited by the refusals')

    # ---- to stdout: the XML, nothing recorded
    r = cli(db, '--ereporting', '--period=2027-09')
    check(r.returncode == 0 and r.stdout.startswith('<?xml'), 'the report on stdout (%s)' % r.stderr.strip())
    root = ET.fromstring(r.stdout.encode())
    check(root.tag == 'Report' and len(root.findall('./TransactionsReport/Transactions')) == 3
          and len(root.findall('./TransactionsReport/Invoice')) == 1, 'the report holds 10.1 and 10.3')
    check(query(db, 'SELECT count(*) FROM ereporting_reports')[0][0] == 0, 'printing records nothing')

    # ---- sent to the PA
    out = os.path.join(tmp, 'ereporting-2027-09.xml')
    r = cli(db, '--ereporting', '--period=2027-09', '--send-to-pa', '--output=' + out)
    check(r.returncode == 0, 'sent (%s%s)' % (r.stdout, r.stderr))
    check(os.path.exists(out) and words('Report written to', 'Rapport écrit dans') in r.stdout,
          'the file is written and said')
    check(words('to confirm', 'à confirmer') in r.stdout, 'the output says the route is to confirm')
    state = control(port, 'state')
    check(state['violations'] == [], 'no violation at the PA (%s)' % state['violations'][:3])
    frr = [f for f in state['deposits'] if f.get('flowSyntax') == 'FRR']
    got = sorted((f['flowType'], f['processingRule']) for f in frr)
    want = sorted([('UnitaryCustomerTransactionReport', 'B2BInt'), ('UnitaryCustomerPaymentReport', 'B2BInt'),
                   ('AggregatedCustomerTransactionReport', 'B2C'), ('AggregatedCustomerPaymentReport', 'B2C')])
    check(got == want, 'four FRR flows, one per block, with their flowType and processingRule (%s)' % got)
    rows = query(db, 'SELECT f.block, f.flow_type, f.processing_rule, f.state, f.flow_id, r.type_code, r.file '
                     'FROM ereporting_flows f JOIN ereporting_reports r ON r.id = f.report_id ORDER BY f.id')
    check([x[0] for x in rows] == ['10.1', '10.2', '10.3', '10.4'] and all(x[3] == 'sent' for x in rows),
          'each block recorded as sent (%s)' % rows)
    check(sorted(x[4] for x in rows) == sorted(f['flowId'] for f in frr), 'the PA\'s flowIds are recorded')
    check(all(x[5] == 'IN' and x[6] == out for x in rows), 'an initial report (IN), its file recorded')
    check(sorted((x[1], x[2]) for x in rows) == want, 'the flowTypes recorded')

    # ---- again: a correction
    r = cli(db, '--ereporting', '--period=2027-09', '--send-to-pa')
    check(r.returncode == 0, 'sent again (%s)' % r.stderr.strip())
    last = query(db, 'SELECT type_code, file FROM ereporting_reports ORDER BY id DESC LIMIT 1')[0]
    check(last[0] == 'RE', 'the second report of the period is a correction (RE)')
    check(last[1] and last[1].startswith(os.path.join(tmp, 'data', 'factures', 'e-reporting'))
          and os.path.exists(last[1]), 'without --output the file goes to the e-reporting folder (%s)' % last[1])

    # ---- the periodicity: a bad word refused, nothing written; monthly saved, then back
    before = dump(db)
    r = cli(db, '--ereporting-periodicity=weekly')
    check(r.returncode == 1 and words('is not one of bimonthly, monthly or decadal',
                                      'n’est pas bimonthly, monthly ni decadal') in r.stderr,
          'a bad periodicity refused (%s)' % r.stderr.strip())
    check(dump(db) == before, 'the refusal left the database unchanged')
    r = cli(db, '--ereporting-periodicity=monthly')
    check(r.returncode == 0 and query(db, 'SELECT periodicity FROM ereporting_settings')[0][0] == 1,
          'monthly saved (%s)' % r.stdout.strip())
    r = cli(db, '--ereporting', '--period=2027-10')
    check(r.returncode == 0 and '<EndDate>20271031</EndDate>' in r.stdout and '<StartDate>20271001</StartDate>' in r.stdout,
          'a monthly period is one month')
    r = cli(db, '--calendar', '--from=2027-09-01')
    check(r.returncode == 0 and ('2027-11-30\tE-reporting ' + words('octobre 2027', 'octobre 2027')) in r.stdout,
          'the calendar has the monthly e-reporting deadlines')
    cli(db, '--ereporting-periodicity=bimonthly')

    # ---- an empty period
    r = cli(db, '--ereporting', '--period=2028-01', '--send-to-pa', today='2028-03-05')
    check(r.returncode == 0 and words('Nothing was sent', 'Rien n’a été envoyé') in r.stdout,
          'an empty period sends nothing and says so (%s)' % r.stdout.strip())

    # ---- the PA refuses
    control(port, 'fault', {'route': 'deposit', 'fault': '422', 'count': 10})
    r = cli(db, '--ereporting', '--period=2027-09', '--send-to-pa')
    check(r.returncode == 1 and words('was not wholly sent', 'n’a pas été entièrement envoyé') in r.stderr,
          'a refusal is said (%s)' % r.stderr.strip()[:300])
    # the advice fits an e-reporting file, not an issued invoice (trial finding T20)
    check(words('refused the e-reporting file', 'a refusé le fichier d’e-reporting') in r.stderr
          and words('issue a credit note', 'émettez un avoir') not in r.stderr,
          'the refusal gives the e-reporting advice (%s)' % r.stderr.strip()[:400])
    failed = query(db, "SELECT count(*) FROM ereporting_flows WHERE state = 'failed' AND error IS NOT NULL")[0][0]
    check(failed == 4, 'each refused block recorded as failed (%d)' % failed)


try:
    main()
finally:
    for p in procs:
        p.kill()
    import shutil
    if failures:
        print('--- cli log ---')
        print(open(os.path.join(tmp, 'cli.log')).read()[-6000:] if os.path.exists(os.path.join(tmp, 'cli.log')) else '')
        print('--- server log ---')
        print(open(os.path.join(tmp, 'server.log')).read()[-3000:] if os.path.exists(os.path.join(tmp, 'server.log')) else '')
    shutil.rmtree(tmp, ignore_errors=True)
print('%d failure(s)' % len(failures))
sys.exit(1 if failures else 0)
