#!/usr/bin/python3
"""test-pa-directory.py — the PA's Directory Service and public buyers (issue 15 items 1 and 3),
through factures-cli --pa-lookup / --pa-send against tests/pa/pa-server.py.

Runs inside dbus-run-session (meson) with its own unlocked gnome-keyring holding the client
secret. Checks:
  - without a directory address, nothing is looked up (French reason, exit 1, database unchanged);
    a mistyped SIREN is refused the same way;
  - a client Enabled (its address), one Disabled, one Upcoming, one unknown (204), a SIRET's own
    line; each printed and cached in pa_directory with its date;
  - the faults 401 (even with a new token), 404, 206 (partial), time-out: each its French
    message; a failure leaves the cache as it was;
  - BT-49 of an invoice issued after the lookup: the directory's address when it differs from
    the SIREN, the SIREN otherwise (and when the line is not Enabled);
  - --pa-send of an invoice to a client the directory shows as not receiving: the warning, with
    what to do; none for a client Enabled;
  - an administration's invoice: refused for the PA (Chorus Pro portal) while the account does
    not route B2G, deposited with processingRule B2G once it does;
  - every directory search body matched its JSON Schema, with Request-Id = X-Request-Id.
"""
import hashlib, json, os, re, sqlite3, subprocess, sys, tempfile, time, urllib.request

TOOL = os.environ['PA_TOOL']
CLI = os.environ['FACTURES_CLI']
HERE = os.environ.get('PA_TEST_DIR', os.path.dirname(os.path.abspath(__file__)))
XSD = os.environ['PA_CDAR_XSD']
LOCALEDIR = os.environ.get('PA_LOCALEDIR', '')
FRENCH = os.path.exists(os.path.join(LOCALEDIR, 'fr', 'LC_MESSAGES', 'factures.mo'))
SECRET = 's3cr3t-PA'
failures = []
procs = []
tmp = tempfile.mkdtemp(prefix='pa-directory-')


def check(cond, what):
    print(('ok   ' if cond else 'FAIL ') + what, flush=True)
    if not cond:
        failures.append(what)


def words(en, fr):
    return fr if FRENCH else en


def start_server():
    proc = subprocess.Popen(['/usr/bin/python3', os.path.join(HERE, 'pa-server.py'), '--cdar-xsd', XSD,
                             '--lifetime', '280', '--client-secret', SECRET],
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


def env():
    e = dict(os.environ, HOME=os.path.join(tmp, 'home'), XDG_RUNTIME_DIR=os.path.join(tmp, 'run'))
    if FRENCH:
        e.update(LANGUAGE='fr', LANG='fr_FR.UTF-8', LC_ALL='C.UTF-8', FACTURES_LOCALEDIR=LOCALEDIR)
    return e


def run(args, stdin=None, timeout=60):
    r = subprocess.run(args, input=stdin, capture_output=True, text=True, timeout=timeout, env=env())
    with open(os.path.join(tmp, 'cli.log'), 'a') as log:
        log.write('$ %s\n%s%s\n' % (' '.join(args[1:]), r.stdout, r.stderr))
    return r


def cli(db, *args, timeout=60):
    return run([CLI, '--database=' + db] + list(args), timeout=timeout)


def query(db, sql, *args):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def dump(db):
    r = subprocess.run(['sqlite3', db, '.dump'], capture_output=True, text=True)
    return hashlib.sha256(r.stdout.encode()).hexdigest()


def cache(db, siren):
    rows = query(db, 'SELECT status, address, partial, looked_up, name, entity_type FROM pa_directory '
                     'WHERE siren = ?', siren)
    return rows[0] if rows else None


def bt49(db, number):
    xml = run([TOOL, 'cii', db, number]).stdout
    m = re.search(r'<ram:BuyerTradeParty>.*?<ram:URIUniversalCommunication>\s*<ram:URIID schemeID="([^"]*)">([^<]*)<',
                  xml, re.S)
    return (m.group(1), m.group(2)) if m else None


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


def main():
    start_keyring()
    port = start_server()
    base = 'http://127.0.0.1:%d' % port
    db = os.path.join(tmp, 'factures.db')
    run([TOOL, 'setup', db, base, base + '/oauth2/token', '1', '2'])
    r = run([TOOL, 'store-secret', base + '/oauth2/token', 'factures-test'], stdin=SECRET + '\n')
    if r.returncode != 0:
        raise SystemExit('store-secret: ' + r.stderr)

    # ---- no directory address: nothing is looked up; a mistyped SIREN is refused
    before = dump(db)
    r = cli(db, '--pa-lookup=552081317')
    check(r.returncode == 1 and words('directory service address', 'adresse du service annuaire') in r.stderr,
          'no directory address: nothing looked up, said why (%s)' % r.stderr.strip())
    r = cli(db, '--pa-lookup=55208131')
    check(r.returncode == 1 and words('SIREN or SIRET', 'SIREN ou SIRET') in r.stderr,
          'mistyped SIREN refused in French (%s)' % r.stderr.strip())
    check(dump(db) == before and not any(q['route'] == 'directory' for q in control(port, 'state')['requests']),
          'database unchanged, no request to the directory')

    # …nor without a PA account at all
    bare = os.path.join(tmp, 'bare.db')
    src, dst = sqlite3.connect(db), sqlite3.connect(bare)
    src.backup(dst)
    src.close()
    dst.execute('DELETE FROM pa_account')
    dst.commit()
    dst.close()
    before_bare = dump(bare)
    r = cli(bare, '--pa-lookup=552081317')
    check(r.returncode == 1 and words('No plateforme agréée is set up', 'Aucune plateforme agréée n’est configurée') in r.stderr
          and dump(bare) == before_bare, 'no PA account: nothing looked up, said why (%s)' % r.stderr.strip())

    r = run([TOOL, 'directory', db, base + '/directory-service', '0'])
    check(r.returncode == 0, 'directory address saved (%s)' % r.stderr.strip())

    # ---- the fixtures
    r = cli(db, '--pa-lookup=552 081 317')
    row = cache(db, '552081317')
    check(r.returncode == 0 and '552081317_FACTURES' in r.stdout and 'Enabled' in r.stdout and
          words('receives e-invoices', 'reçoit les factures électroniques') in r.stdout,
          'Enabled: status and address printed (%s)' % r.stdout.strip())
    check(row is not None and row[0] == 'Enabled' and row[1] == '552081317_FACTURES' and row[2] == 0 and
          row[4] == 'SOCIETE CLIENTE', 'Enabled: cached with its address and name (%s)' % (row,))
    today = time.strftime('%Y-%m-%d', time.gmtime())
    check(row is not None and re.fullmatch(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ', row[3]) and row[3][:10] == today,
          'cached with the date of the lookup (%s)' % (row[3] if row else None))
    check(row is not None and row[3][:10] in r.stdout, 'the date of the lookup is printed')

    r = cli(db, '--pa-lookup=404833048')
    row = cache(db, '404833048')
    check(r.returncode == 0 and 'Disabled' in r.stdout and row and row[0] == 'Disabled',
          'Disabled: printed and cached (%s)' % r.stdout.strip())
    r = cli(db, '--pa-lookup=383474814')
    row = cache(db, '383474814')
    check(r.returncode == 0 and 'Upcoming' in r.stdout and row and row[0] == 'Upcoming',
          'Upcoming: printed and cached')
    r = cli(db, '--pa-lookup=303265045')
    row = cache(db, '303265045')
    check(r.returncode == 0 and words('not in the directory', 'absent de l’annuaire') in r.stdout and
          row and row[0] == 'Unknown' and row[1] is None,
          'unknown (204): "not in the directory", cached as Unknown (%s)' % r.stdout.strip())
    r = cli(db, '--pa-lookup=130005481')
    row = cache(db, '130005481')
    check(r.returncode == 0 and row and row[5] == 'Public' and 'Chorus Pro' in r.stdout,
          'a public buyer is said to go through Chorus Pro (%s)' % r.stdout.strip())
    r = cli(db, '--pa-lookup=443061841')
    check(r.returncode == 0 and cache(db, '443061841')[1] == '443061841', 'Enabled at the bare SIREN')

    # ---- faults: French message, exit 1, the cache kept
    kept = cache(db, '552081317')
    faults = [
        ('401', 2, ('(401', 'client ID'), ('(401', 'identifiant client')),
        ('404', 1, ('(404', '/directory-service'), ('(404', '/directory-service')),
        ('timeout', 1, ('did not answer within 2 seconds', 'Refresh'), ('n’a pas répondu dans les 2 secondes', 'Actualiser')),
    ]
    for fault, count, en, fr in faults:
        control(port, 'fault', {'route': 'directory', 'fault': fault, 'count': count})
        r = cli(db, '--pa-lookup=552081317', timeout=90)
        expected = words(en, fr)
        check(r.returncode == 1 and all(e in r.stderr for e in expected) and 'curl' not in r.stderr.lower()
              and 'timed out' not in r.stderr,
              'fault %s: French message (%s)' % (fault, r.stderr.strip()[:300]))
        check(cache(db, '552081317') == kept, 'fault %s: the cache is kept' % fault)
    control(port, 'fault', {'route': 'directory', 'fault': '206', 'count': 1})
    r = cli(db, '--pa-lookup=552081317')
    row = cache(db, '552081317')
    check(r.returncode == 0 and '(206)' in r.stderr and
          words('only part of its lines', 'qu’une partie de ses lignes') in r.stderr and row[2] == 1,
          '206: partial answer explained and cached as partial (%s)' % r.stderr.strip()[:300])
    r = cli(db, '--pa-lookup=552081317')
    row = cache(db, '552081317')
    check(r.returncode == 0 and row[0] == 'Enabled' and row[2] == 0 and row[3] >= kept[3],
          'refreshed: Enabled again, not partial, date kept up to date')

    # ---- a SIRET: its own line
    r = cli(db, '--pa-lookup=55208131700018')
    check(r.returncode == 0 and 'Disabled' in r.stdout and '55208131700018' in r.stdout,
          'SIRET: the facility\'s own line (%s)' % r.stdout.strip())
    cli(db, '--pa-lookup=552081317')

    # ---- BT-49 at issue: replaced only when different (and only when Enabled)
    n_diff = run([TOOL, 'client', db, 'Société Annuaire', '552081317', 'company']).stdout.strip()
    n_same = run([TOOL, 'client', db, 'Société Même Adresse', '443061841', 'company']).stdout.strip()
    n_off = run([TOOL, 'client', db, 'Société Désactivée', '404833048', 'company']).stdout.strip()
    n_none = run([TOOL, 'client', db, 'Société Inconnue', '303265045', 'company']).stdout.strip()
    check(bt49(db, n_diff) == ('0225', '552081317_FACTURES'), 'BT-49: the directory\'s address when it differs (%s)'
          % (bt49(db, n_diff),))
    check(bt49(db, n_same) == ('0225', '443061841'), 'BT-49: the SIREN when the address is the same')
    check(bt49(db, n_off) == ('0225', '404833048'), 'BT-49: the SIREN when the line is disabled')
    check(bt49(db, n_none) == ('0225', '303265045'), 'BT-49: the SIREN when not in the directory')

    # ---- the deposit check: a client not Enabled is flagged with what to do
    r = cli(db, '--pa-send=' + n_off)
    check(r.returncode == 0 and words('does not receive e-invoices', 'ne reçoit pas les factures électroniques') in r.stderr
          and words('send the invoice by e-mail', 'envoyez la facture par courriel') in r.stderr,
          'deposit to a Disabled client: flagged with what to do (%s)' % r.stderr.strip()[:300])
    r = cli(db, '--pa-send=' + n_none)
    check(r.returncode == 0 and words('is not in the directory', 'n’est pas dans l’annuaire') in r.stderr,
          'deposit to a client not in the directory: flagged (%s)' % r.stderr.strip()[:300])
    r = cli(db, '--pa-send=' + n_diff)
    check(r.returncode == 0 and r.stderr.strip() == '', 'deposit to an Enabled client: no warning (%s)' % r.stderr.strip())

    # ---- an administration: the portal while the PA does not route B2G, then B2G
    n_admin = run([TOOL, 'client', db, 'Mairie de Test', '130005481', 'public', 'SERV-FACT-42']).stdout.strip()
    check(n_admin != '', 'an administration\'s invoice with its service code is issued')
    before = dump(db)
    r = cli(db, '--pa-send=' + n_admin)
    deposited = [d for d in control(port, 'state')['deposits'] if d.get('processingRule') == 'B2G']
    check(r.returncode == 1 and 'Chorus Pro' in r.stderr and not deposited and dump(db) == before,
          'no B2G routing: refused, pointing to the Chorus Pro portal, nothing deposited (%s)' % r.stderr.strip()[:300])
    run([TOOL, 'directory', db, base + '/directory-service', '1'])
    r = cli(db, '--pa-send=' + n_admin)
    deposited = [d for d in control(port, 'state')['deposits'] if d.get('processingRule') == 'B2G']
    check(r.returncode == 0 and len(deposited) == 1, 'B2G routing: deposited once with processingRule B2G (%s)'
          % (r.stdout + r.stderr).strip()[:300])
    xml = run([TOOL, 'cii', db, n_admin]).stdout
    check('<ram:BuyerReference>SERV-FACT-42</ram:BuyerReference>' in xml and 'EJ-2027-000123' in xml,
          'the administration\'s CII carries BT-10 and BT-13')

    state = control(port, 'state')
    check(state['violations'] == [], 'no schema or Request-Id violation (%s)' % state['violations'][:3])
    check(sum(1 for q in state['requests'] if q['route'] == 'directory') >= 10, 'the directory was asked')


try:
    main()
finally:
    for p in procs:
        p.kill()
    import shutil
    if failures:
        print('--- cli log ---')
        print(open(os.path.join(tmp, 'cli.log')).read()[-6000:] if os.path.exists(os.path.join(tmp, 'cli.log')) else '')
    shutil.rmtree(tmp, ignore_errors=True)
print('%d failure(s)' % len(failures))
sys.exit(1 if failures else 0)
