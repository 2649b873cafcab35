#!/usr/bin/python3
"""test-pa-flow.py — the plateforme agréée end to end, through factures-cli.

Runs inside dbus-run-session (meson) with its own unlocked gnome-keyring holding the client
secret. Servers: tests/pa/pa-server.py on 127.0.0.1 (HTTP, and HTTPS with a self-signed
certificate for the TLS fault), started here, stopping by themselves.

Checks:
  - --pa-test passes; fails with the French reason when the secret is wrong;
  - each fault (403, 404, 413, 422 with its errorCode, 429 with Retry-After, 500, 503,
    time-out, token refused, connection refused, TLS certificate) gives its own French
    message, keeps the document in the e-invoicing outbox, deposits nothing and leaves the
    document unchanged; a retry by hand then deposits it once;
  - an expired token (401) is renewed and the deposit goes through once;
  - a lost answer, a malformed answer and a process killed during the deposit neither lose
    nor duplicate it (the trackingId is searched first);
  - a private client's invoice is refused for the PA;
  - the acknowledgement in words ("transmise à la plateforme", "refusée par la plateforme"
    with each reasonCode / reasonMessage);
  - statuses approuvée, refusée, encaissée come back (--pa-sync output, events on the
    documents); refusée opens a dispute (dunning stopped); annulée (220) too, with what to do;
    an unreadable message is kept and reported; a second --pa-sync prints nothing new;
  - every body sent matched the JSON Schemas, every call carried Request-Id = X-Request-Id.
"""
import datetime, hashlib, json, os, signal, socket, sqlite3, subprocess, sys, tempfile, time, urllib.request
import zoneinfo

TOOL = os.environ['PA_TOOL']
CLI = os.environ['FACTURES_CLI']
HERE = os.environ.get('PA_TEST_DIR', os.path.dirname(os.path.abspath(__file__)))
XSD = os.environ['PA_CDAR_XSD']
LOCALEDIR = os.environ.get('PA_LOCALEDIR', '')
FRENCH = os.path.exists(os.path.join(LOCALEDIR, 'fr', 'LC_MESSAGES', 'factures.mo'))
SECRET = 's3cr3t-PA'
failures = []
procs = []
tmp = tempfile.mkdtemp(prefix='pa-flow-')


def check(cond, what):
    print(('ok   ' if cond else 'FAIL ') + what, flush=True)
    if not cond:
        failures.append(what)


def words(en, fr):
    return fr if FRENCH else en


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


def start_server(*extra):
    proc = subprocess.Popen(['/usr/bin/python3', os.path.join(HERE, 'pa-server.py'), '--cdar-xsd', XSD,
                             '--lifetime', '280', '--client-secret', SECRET] + list(extra),
                            stdout=subprocess.PIPE, stderr=open(os.path.join(tmp, 'server.log'), 'a'), text=True)
    procs.append(proc)
    line = proc.stdout.readline()
    if not line.startswith('READY'):
        raise SystemExit('pa-server did not start')
    return int(line.split()[1])


def control(port, path, body=None, scheme='http'):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request('%s://127.0.0.1:%d/_control/%s' % (scheme, port, path), data=data,
                                 headers={'Content-Type': 'application/json'})
    import ssl
    ctx = ssl._create_unverified_context() if scheme == 'https' else None
    with urllib.request.urlopen(req, timeout=30, context=ctx) as r:
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


def setup(base, n, timeout=2):
    db = os.path.join(tempfile.mkdtemp(dir=tmp, prefix='db-'), 'factures.db')
    out = run([TOOL, 'setup', db, base, base + '/oauth2/token', str(n), str(timeout)]).stdout.split('\n')
    numbers = [l for l in out if l and not l.startswith('private')]
    private = [l.split()[1] for l in out if l.startswith('private')][0]
    return db, numbers, private


def store_secret(base, secret=SECRET):
    r = run([TOOL, 'store-secret', base + '/oauth2/token', 'factures-test'], stdin=secret + '\n')
    if r.returncode != 0:
        raise SystemExit('store-secret: ' + r.stderr)


def query(db, sql, *args):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def query_w(db, sql, *args):
    con = sqlite3.connect(db)
    try:
        con.execute(sql, args)
        con.commit()
    finally:
        con.close()


def document_state(db, number):
    """Everything about the document outside the PA tables: row, original, events, disputes."""
    rows = query(db, 'SELECT * FROM documents WHERE number = ?', number)
    doc_id = rows[0][0]
    rows += query(db, 'SELECT * FROM document_originals WHERE document_id = ?', doc_id)
    rows += query(db, 'SELECT * FROM events WHERE document_id = ?', doc_id)
    rows += query(db, 'SELECT * FROM disputes WHERE document_id = ?', doc_id)
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def doc_id(db, number):
    return query(db, 'SELECT id FROM documents WHERE number = ?', number)[0][0]


def outbox(db, number):
    return query(db, 'SELECT o.state, o.flow_id, o.error, o.next_attempt, o.ack_status, o.attempts '
                     'FROM pa_outbox o JOIN documents d ON d.id = o.document_id '
                     'WHERE d.number = ? AND o.kind = \'document\'', number)


def deposits(port, tracking, scheme='http', sha=None):
    return [d for d in control(port, 'state', scheme=scheme)['deposits']
            if d.get('trackingId') == tracking and (sha is None or d.get('sha256') == sha)]


def deposits_of(port, db, number):
    """The deposits of @number of @db: its trackingId (the document id) and its file's sha256
    (several test databases share the server, and their ids)."""
    sha = query(db, "SELECT o.sha256 FROM pa_outbox o JOIN documents d ON d.id = o.document_id "
                    "WHERE d.number = ? AND o.kind = 'document'", number)
    return deposits(port, str(doc_id(db, number)), sha=sha[0][0] if sha else None)


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
    db, numbers, private = setup(base, 4)
    store_secret(base)
    n1, n2, n3, n4 = numbers

    # ---- connection test
    r = cli(db, '--pa-test')
    check(r.returncode == 0 and words('Connection test passed', 'Test de connexion réussi') in r.stdout,
          '--pa-test passes (%s)' % (r.stdout + r.stderr).strip())

    # ---- faults on the deposit of n1: message, outbox kept, nothing deposited, document unchanged
    before = document_state(db, n1)
    faults = [
        ('403', 'deposit', ('(403', 'subscription'), ('(403', 'abonnement')),
        ('404', 'deposit', ('(404', '/flow-service'), ('(404', '/flow-service')),
        ('413', 'deposit', ('(413', 'too large'), ('(413', 'trop volumineux')),
        ('422', 'deposit', ('422, UNPROCESSABLE_ENTITY', 'BR-FR-12'), ('422, UNPROCESSABLE_ENTITY', 'BR-FR-12')),
        ('429', 'deposit', ('(429)', 'wait 7 seconds'), ('(429)', 'attendre 7 secondes')),
        ('500', 'deposit', ('internal error (500', 'never deposited twice'), ('erreur interne (500', 'jamais déposé deux fois')),
        ('503', 'deposit', ('unavailable for now (503', 'later'), ('indisponible pour le moment (503', 'plus tard')),
        ('timeout', 'deposit', ('did not answer within 2 seconds',), ('n’a pas répondu en 2 secondes',)),
        ('token-401', 'token', ('refused the client ID or the secret',), ('refusé l’identifiant client ou le secret',)),
    ]
    for fault, route, en, fr in faults:
        control(port, 'fault', {'route': route, 'fault': fault, 'count': 1})
        r = cli(db, '--pa-send=' + n1, timeout=30)
        expected = fr if FRENCH else en
        row = outbox(db, n1)
        check(r.returncode == 1 and all(e in r.stderr for e in expected),
              'fault %s: its own message (%s)' % (fault, r.stderr.strip()[:300]))
        check(len(row) == 1 and row[0][0] in ('failed', 'sending') and row[0][1] is None and row[0][2],
              'fault %s: kept in the outbox with its reason (%s)' % (fault, row))
        check(deposits(port, str(doc_id(db, n1))) == [], 'fault %s: nothing deposited' % fault)
        check(document_state(db, n1) == before, 'fault %s: document unchanged' % fault)
    row = outbox(db, n1)
    # ---- an expired token is renewed once, then the deposit goes through, once
    control(port, 'fault', {'route': 'deposit', 'fault': '401', 'count': 1})
    r = cli(db, '--pa-send=' + n1)
    check(r.returncode == 0, 'expired token: renewed, deposited (%s)' % (r.stdout + r.stderr).strip()[:300])
    check(len(deposits(port, str(doc_id(db, n1)))) == 1, 'n1 deposited exactly once after the faults')
    row = outbox(db, n1)
    check(row and row[0][0] == 'sent' and row[0][1], 'n1 is sent with its flowId (%s)' % (row,))

    # ---- connection refused, TLS certificate
    closed = 'http://127.0.0.1:%d' % free_port()
    db_r, nums_r, _ = setup(closed, 1)
    store_secret(closed)
    r = cli(db_r, '--pa-send=' + nums_r[0])
    check(r.returncode == 1 and words('refused the connection', 'a refusé la connexion') in r.stderr,
          'connection refused: its own message (%s)' % r.stderr.strip()[:300])
    check(outbox(db_r, nums_r[0])[0][0] == 'failed', 'connection refused: kept in the outbox')
    cert, key = os.path.join(tmp, 'cert.pem'), os.path.join(tmp, 'key.pem')
    subprocess.run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert,
                    '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
                   check=True, capture_output=True, timeout=60)
    tls_port = start_server('--cert', cert, '--key', key)
    tls_base = 'https://127.0.0.1:%d' % tls_port
    db_t, nums_t, _ = setup(tls_base, 1)
    store_secret(tls_base)
    r = cli(db_t, '--pa-send=' + nums_t[0])
    check(r.returncode == 1 and words('is not trusted', 'n’est pas reconnu') in r.stderr,
          'TLS certificate: its own message (%s)' % r.stderr.strip()[:300])
    check(outbox(db_t, nums_t[0])[0][0] == 'failed', 'TLS certificate: kept in the outbox')
    check(deposits(tls_port, str(doc_id(db_t, nums_t[0])), scheme='https') == [], 'TLS certificate: nothing deposited')

    # ---- a private client's invoice does not go through the PA
    r = cli(db, '--pa-send=' + private)
    check(r.returncode == 1 and words('send it by e-mail', 'envoyez-la par e-mail') in r.stderr,
          'private client refused for the PA (%s)' % r.stderr.strip()[:300])
    check(query(db, 'SELECT count(*) FROM pa_outbox o JOIN documents d ON d.id = o.document_id '
                    'WHERE d.number = ?', private)[0][0] == 0, 'private client: nothing queued')

    # ---- lost answer, malformed answer, killed during the deposit: never twice
    control(port, 'fault', {'route': 'deposit', 'fault': 'lost', 'count': 1})
    r = cli(db, '--pa-send=' + n2)
    check(r.returncode == 1 and words('cut before the platform answered', 'coupée avant la réponse') in r.stderr,
          'lost answer: its own message (%s)' % r.stderr.strip()[:300])
    check(outbox(db, n2)[0][0] == 'sending', 'lost answer: the row may be at the PA (sending)')
    control(port, 'fault', {'route': 'deposit', 'fault': 'malformed', 'count': 1})
    r = cli(db, '--pa-send=' + n3)
    check(r.returncode == 1 and words('cannot be read', 'illisible') in r.stderr,
          'malformed answer: its own message (%s)' % r.stderr.strip()[:300])
    control(port, 'fault', {'route': 'deposit', 'fault': 'slow', 'count': 1})
    p = subprocess.Popen([CLI, '--database=' + db, '--pa-send=' + n4], env=env(),
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        if len(deposits(port, str(doc_id(db, n4)))) == 1:
            break
        time.sleep(0.05)
    p.send_signal(signal.SIGKILL)
    p.wait()
    check(outbox(db, n4)[0][0] == 'sending', 'killed during the deposit: the row stays (sending)')
    # Another run at once leaves it alone (the killed process's lease, its time-out, runs on).
    r = cli(db, '--pa-send=' + n4)
    check(r.returncode == 1 and len(deposits(port, str(doc_id(db, n4)))) == 1,
          'while its lease runs, the row is not taken again (%s)' % r.stderr.strip()[:200])
    time.sleep(4.5)

    # ---- sync: the three are found at the PA, not deposited again; acknowledgements
    r = cli(db, '--pa-sync')
    lines = [l.split('\t') for l in r.stdout.splitlines()]
    check(r.returncode == 0, '--pa-sync after the faults (%s)' % (r.stdout + r.stderr).strip()[:400])
    for n in (n1, n2, n3, n4):
        check(len(deposits(port, str(doc_id(db, n)))) == 1, '%s deposited exactly once' % n)
        row = outbox(db, n)
        check(row[0][0] == 'sent' and row[0][4] == 'Ok', '%s sent and acknowledged Ok (%s)' % (n, row))
    transmitted = words('transmitted to the platform', 'transmise à la plateforme')
    check(all([n, transmitted, '-'] in lines for n in (n2, n3, n4)),
          'the acknowledgements are printed tab separated (%s)' % lines)

    # ---- two syncs at once: the row is claimed by one, deposited once
    # (its own server: every test database's first invoice has the same id and bytes)
    port_c = start_server()
    base_c = 'http://127.0.0.1:%d' % port_c
    db_c, nums_c, _ = setup(base_c, 1)
    store_secret(base_c)
    run([TOOL, 'enqueue', db_c, nums_c[0]])
    control(port_c, 'fault', {'route': 'deposit', 'fault': 'slow', 'count': 1})
    procs2 = [subprocess.Popen([CLI, '--database=' + db_c, '--pa-sync'], env=env(), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outs = [p2.communicate(timeout=60) for p2 in procs2]
    check(len(deposits_of(port_c, db_c, nums_c[0])) <= 1,
          'three syncs at once: at most one deposit (%s)' % (outs,))
    time.sleep(4.5)
    r = cli(db_c, '--pa-sync')
    check(len(deposits_of(port_c, db_c, nums_c[0])) == 1 and outbox(db_c, nums_c[0])[0][0] == 'sent',
          'then found at the PA and marked sent, deposited once (%s)' % (r.stdout + r.stderr).strip()[:300])

    # ---- acknowledgement Error with reasons (a fresh database, one invoice)
    db_e, nums_e, _ = setup(base, 1)
    control(port, 'fault', {'route': 'deposit', 'fault': 'ack-error', 'count': 1})
    cli(db_e, '--pa-send=' + nums_e[0])
    r = cli(db_e, '--pa-sync')
    refused = words('refused by the platform', 'refusée par la plateforme')
    check(any(l.startswith(nums_e[0] + '\t' + refused + '\tInvalidSchema : BR-FR-10') and 'OtherTechnicalError' in l
              for l in r.stdout.splitlines()),
          'acknowledgement Error: words and each reasonCode / reasonMessage (%s)' % r.stdout.strip())

    # ---- lifecycle statuses
    seller = query(db, "SELECT json_extract (seller, '$.party.siren') FROM documents WHERE number = ?", n1)[0][0]
    for number, code, extra in ((n1, 205, {}),
                                (n2, 210, {'reason_code': 'TX_TVA_ERR', 'reason': 'Taux de TVA erroné'}),
                                (n3, 212, {'amounts': [['150.00', '0']]}),
                                (n4, 207, {'reason_code': 'QTE_ERR', 'reason': 'Quantité contestée'})):
        body = {'invoice': number, 'code': code, 'seller': seller or '123456782'}
        body.update(extra)
        check(control(port, 'lifecycle', body)['ok'], 'the server made a CDAR %d that passes the XSD' % code)
    control(port, 'lifecycle', {'invoice': n1, 'code': 205, 'unreadable': True})
    control(port, 'lifecycle', {'invoice': 'F1999-9999', 'code': 205})
    before_sync = {n: document_state(db, n) for n in (n1, n2, n3)}
    r = cli(db, '--pa-sync')
    lines = [l.split('\t') for l in r.stdout.splitlines()]
    check(r.returncode == 0, '--pa-sync with statuses (%s)' % (r.stdout + r.stderr).strip()[:400])
    check([n1, words('approved', 'approuvée'), '-'] in lines, 'approuvée printed')
    check(any(l[:2] == [n2, words('refused', 'refusée')] and l[2].startswith('TX_TVA_ERR : Taux de TVA erroné — ') and
              words('credit note', 'avoir') in l[2] for l in lines), 'refusée printed with its reason and what to do')
    check([n3, words('cashed', 'encaissée'), '-'] in lines, 'encaissée printed')
    check(any(l[:2] == [n4, words('disputed', 'en litige')] and l[2].startswith('QTE_ERR : Quantité contestée')
              for l in lines), 'en litige printed with its reason')
    unreadable = words('unreadable message kept', 'message illisible conservé')
    check(sum(1 for l in lines if l[1] == unreadable) == 2, 'the unreadable and the unknown messages are reported')
    for n, code in ((n1, 205), (n2, 210), (n3, 212), (n4, 207)):
        ev = query(db, "SELECT json_extract (data, '$.code'), json_extract (data, '$.sender_role') FROM events "
                       "WHERE document_id = ? AND kind = 'pa-status'", doc_id(db, n))
        check(ev == [(code, 'SE' if code == 212 else 'BY')], '%s: a pa-status event %d on the document (%s)' % (n, code, ev))
    check(query(db, 'SELECT count(*) FROM disputes WHERE document_id = ? AND closed IS NULL', doc_id(db, n2))[0][0] == 1,
          'refusée: the invoice leaves the dunning ladder (open dispute)')
    check(query(db, 'SELECT count(*) FROM disputes WHERE document_id = ? AND closed IS NULL', doc_id(db, n4))[0][0] == 1,
          'en litige: the dunning ladder pauses (open dispute)')
    check(query(db, 'SELECT count(*) FROM disputes WHERE document_id = ?', doc_id(db, n1))[0][0] == 0,
          'approuvée: no dispute')
    # The dunning plan as the command line prints it: every step stopped for refusée, planned for approuvée.
    plan = lambda n: [l.split('\t')[-1] for l in cli(db, '--dunning-plan=' + n).stdout.splitlines()]
    stopped, planned = words('Stopped', 'Arrêté'), words('Planned', 'Prévu')
    p2, p1 = plan(n2), plan(n1)
    check(p2 and all(x == stopped for x in p2), 'refusée: every dunning step stopped (%s)' % p2)
    check(p1 and all(x == planned for x in p1), 'approuvée: the dunning steps stay planned (%s)' % p1)
    kept = query(db, "SELECT length (content), error FROM pa_inbox WHERE state = 'unreadable'")
    check(len(kept) == 2 and all(k[0] > 0 and k[1] for k in kept), 'unreadable messages kept with their bytes (%s)' % kept)
    r = cli(db, '--pa-sync')
    check(r.returncode == 0 and r.stdout.strip() == '', 'a second --pa-sync prints nothing new (%r)' % r.stdout)
    # Approved after the dispute: the ladder runs again; the refused invoice stays out of it.
    control(port, 'lifecycle', {'invoice': n4, 'code': 205, 'seller': seller or '123456782'})
    cli(db, '--pa-sync')
    p4, p2 = plan(n4), plan(n2)
    check(p4 and all(x == planned for x in p4), 'en litige then approuvée: the dunning steps run again (%s)' % p4)
    check(p2 and all(x == stopped for x in p2), 'refusée stays out of the reminders (%s)' % p2)
    check(all(query(db, "SELECT count(*) FROM events WHERE document_id = ? AND kind = 'pa-status'", doc_id(db, n))[0][0] == 1
              for n in (n1, n2, n3)), 'no status recorded twice')

    # ---- a payment recorded → "encaissée" (212) sent once, through the outbox, as CDAR
    # the app's today is the date in Europe/Paris (factures_today()), not the container's
    today = datetime.datetime.now(zoneinfo.ZoneInfo('Europe/Paris')).date().isoformat()
    r = cli(db, '--record-payment=' + n1, '--date=' + today, '--method=virement')
    check(r.returncode == 0, 'payment recorded on %s (%s)' % (n1, (r.stdout + r.stderr).strip()[:200]))
    r = cli(db, '--pa-sync')
    lines = [l.split('\t') for l in r.stdout.splitlines()]
    cashed = [l for l in lines if l[0] == n1 and '212' in l[1]]
    check(r.returncode == 0 and len(cashed) == 1, '212 sent once on the payment (%s)' % lines)
    cdv = deposits(port, 'cdv-%d-212' % doc_id(db, n1))
    check(len(cdv) == 1 and cdv[0]['flowSyntax'] == 'CDAR' and cdv[0]['processingRule'] == 'NotApplicable',
          'the 212 went as one CDAR flow (%s)' % cdv)
    if cdv:
        with urllib.request.urlopen('http://127.0.0.1:%d/_control/file/%s' % (port, cdv[0]['flowId']), timeout=30) as f:
            body = f.read().decode()
        paid = query(db, 'SELECT sum (amount) FROM payment_allocations WHERE document_id = ?', doc_id(db, n1))[0][0]
        check('<ram:ProcessConditionCode>212</ram:ProcessConditionCode>' in body and
              '<ram:TypeCode>MEN</ram:TypeCode>' in body and
              '>%d.%02d</ram:ValueAmount>' % (paid // 100, paid % 100) in body,
              'the 212 carries the amount received (MEN, %d cents)' % paid)
    r = cli(db, '--pa-sync')
    check(r.stdout.strip() == '' and len(deposits(port, 'cdv-%d-212' % doc_id(db, n1))) == 1,
          'a second --pa-sync sends no second 212 (%r)' % r.stdout)
    # The setting turns it off.
    query_w(db, 'UPDATE pa_account SET report_payments = 0')
    r = cli(db, '--record-payment=' + n4, '--date=' + today, '--method=virement')
    r = cli(db, '--pa-sync')
    check(deposits(port, 'cdv-%d-212' % doc_id(db, n4)) == [], 'report_payments off: no 212 (%r)' % r.stdout)

    # ---- supplier invoices: into Achats through the importer; a broken one kept and reported
    cii = os.path.join(os.path.dirname(os.path.dirname(XSD)), '..', '01_en16931_cii', 'examples', 'CII_example1.xml')
    cii = os.path.normpath(cii)
    control(port, 'supplier', {'path': cii, 'name': 'CII_example1.xml', 'syntax': 'CII'})
    control(port, 'supplier', {'content_b64': 'PGludm9pY2U+YnJva2VuPC9pbnZvaWNl', 'name': 'broken.xml', 'syntax': 'CII'})
    r = cli(db, '--pa-sync')
    lines = [l.split('\t') for l in r.stdout.splitlines()]
    received = [l for l in lines if l[1] == words('supplier invoice received', 'facture fournisseur reçue')]
    check(r.returncode == 0 and len(received) == 1, 'a supplier invoice arrives (%s)' % lines)
    purchases = query(db, "SELECT number, direction FROM imported_invoices")
    check(len(purchases) == 1 and received and purchases[0][0] in received[0][2],
          'it is in Achats (imported_invoices %s)' % purchases)
    check(any(l[1] == words('unreadable supplier invoice kept', 'facture fournisseur illisible conservée') for l in lines),
          'a broken supplier invoice is kept and reported')
    r = cli(db, '--pa-sync')
    check(r.stdout.strip() == '' and len(query(db, "SELECT 1 FROM imported_invoices")) == 1,
          'a second --pa-sync imports nothing again')

    # ---- the supplier invoice disputed with a reason, through the outbox (CDAR 207, role BY)
    number = purchases[0][0] if purchases else '12115118'
    dump = lambda: hashlib.sha256(subprocess.run(['sqlite3', db, '.dump'], capture_output=True).stdout).hexdigest()
    before = dump()
    r = cli(db, '--pa-respond=' + number, '--pa-status=207')
    check(r.returncode == 1 and words('Reason code:', 'Code motif') in r.stderr and dump() == before,
          'a dispute without a reason code is refused, database unchanged (%s)' % r.stderr.strip())
    r = cli(db, '--pa-respond=' + number, '--pa-status=212', '--pa-reason-code=AUTRE')
    check(r.returncode == 1 and words('Status:', 'Statut') in r.stderr and dump() == before,
          'a status the buyer cannot send is refused (%s)' % r.stderr.strip())
    r = cli(db, '--pa-respond=' + number, '--pa-status=207', '--pa-reason-code=QTE_ERR',
            '--reason=Quantité livrée : 5 au lieu de 6')
    check(r.returncode == 0, 'dispute queued (%s)' % (r.stdout + r.stderr).strip())
    r = cli(db, '--pa-sync')
    lines = [l.split('\t') for l in r.stdout.splitlines()]
    check(r.returncode == 0 and any(l[0] == number and '207' in l[1] for l in lines), 'dispute sent (%s)' % lines)
    imported_id = query(db, 'SELECT id FROM imported_invoices WHERE number = ?', number)[0][0]
    flows = deposits(port, 'cdv-p%d-207' % imported_id)
    check(len(flows) == 1 and flows[0]['flowSyntax'] == 'CDAR', 'one CDAR 207 deposited (%s)' % flows)
    if flows:
        with urllib.request.urlopen('http://127.0.0.1:%d/_control/file/%s' % (port, flows[0]['flowId']), timeout=30) as f:
            body = f.read().decode()
        check('<ram:ReasonCode>QTE_ERR</ram:ReasonCode>' in body and '<ram:RoleCode>BY</ram:RoleCode>' in body and
              '<ram:ProcessConditionCode>207</ram:ProcessConditionCode>' in body and
              'Quantité livrée : 5 au lieu de 6' in body,
              'the 207 carries the reason code and text, sent as the buyer')
    r = cli(db, '--pa-respond=' + number, '--pa-status=207', '--pa-reason-code=QTE_ERR')
    cli(db, '--pa-sync')
    check(len(deposits(port, 'cdv-p%d-207' % imported_id)) == 1, 'the same dispute is not sent twice')
    # The PA tells that the supplier's platform received our answer: a status about a purchase.
    control(port, 'lifecycle', {'invoice': number, 'code': 202, 'seller': '123456789'})
    r = cli(db, '--pa-sync')
    check([number, words('received by the platform', 'reçue par la plateforme'), '-'] in
          [l.split('\t') for l in r.stdout.splitlines()], 'a status about a purchase is read, not unreadable (%s)' % r.stdout)

    # ---- suspendue (208) asks to complete the invoice; complétée (209) goes back as the seller
    control(port, 'lifecycle', {'invoice': n1, 'code': 208, 'reason_code': 'JUSTIF_ABS',
                                'reason': 'Bon de livraison manquant', 'seller': seller or '123456782'})
    r = cli(db, '--pa-sync')
    lines = [l.split('\t') for l in r.stdout.splitlines()]
    check(any(l[:2] == [n1, words('suspended', 'suspendue')] and '--pa-status=209' in l[2] for l in lines),
          'suspendue printed with what to do (%s)' % lines)
    r = cli(db, '--pa-respond=' + n1, '--pa-status=209', '--reason=Bon de livraison joint')
    check(r.returncode == 0, 'complétée queued (%s)' % (r.stdout + r.stderr).strip())
    r = cli(db, '--pa-sync')
    flows = deposits(port, 'cdv-%d-209' % doc_id(db, n1))
    check(len(flows) == 1, 'complétée (209) deposited once (%s)' % r.stdout.strip())

    # ---- flows sharing one updatedAt across a page edge (100 a page) are all read
    port_p = start_server()
    base_p = 'http://127.0.0.1:%d' % port_p
    db_p, nums_p, private_p = setup(base_p, 1)
    store_secret(base_p)
    for i in range(98):
        control(port_p, 'lifecycle', {'invoice': 'X-%03d' % i, 'code': 205, 'unreadable': True})
    control(port_p, 'clock', {'freeze': True})
    for i in range(5):
        control(port_p, 'lifecycle', {'invoice': 'Y-%03d' % i, 'code': 205, 'unreadable': True})
    control(port_p, 'clock', {'freeze': False})
    r = cli(db_p, '--pa-sync')
    kept = query(db_p, "SELECT count(*) FROM pa_inbox")[0][0]
    unread = [l for l in r.stdout.splitlines() if words('unreadable message kept', 'message illisible conservé') in l]
    check(r.returncode == 0 and kept == 103 and len(unread) == 103,
          '103 flows, 5 sharing an updatedAt across the page edge: all read once (%d kept, %d lines)'
          % (kept, len(unread)))
    # Issued since the account was saved: deposited by the sync itself; the private client's is not.
    check(len(deposits_of(port_p, db_p, nums_p[0])) == 1 and outbox(db_p, nums_p[0])[0][0] == 'sent',
          'an invoice issued since the account was saved goes by the sync itself')
    check(query(db_p, 'SELECT count(*) FROM pa_outbox o JOIN documents d ON d.id = o.document_id '
                      'WHERE d.number = ?', private_p)[0][0] == 0, 'the private client’s invoice does not')

    # ---- annulée (220, PA.md §2): a pa-status event, printed with what to do, and the invoice
    # leaves the dunning ladder as after a refusal (its own server: a fresh database's first invoice)
    port_a = start_server()
    base_a = 'http://127.0.0.1:%d' % port_a
    db_a, nums_a, _ = setup(base_a, 1)
    store_secret(base_a)
    cli(db_a, '--pa-sync')
    na = nums_a[0]
    check(len(deposits_of(port_a, db_a, na)) == 1, '%s deposited before its cancellation' % na)
    seller_a = query(db_a, "SELECT json_extract (seller, '$.party.siren') FROM documents WHERE number = ?", na)[0][0]
    check(control(port_a, 'lifecycle', {'invoice': na, 'code': 220, 'seller': seller_a or '123456782',
                                        'reason': 'Facture émise par erreur'})['ok'],
          'the server made a CDAR 220 that passes the XSD')
    r = cli(db_a, '--pa-sync')
    lines = [l.split('\t') for l in r.stdout.splitlines()]
    check(r.returncode == 0 and any(l[:2] == [na, words('cancelled', 'annulée')] and
                                    l[2].startswith('Facture émise par erreur — ') and
                                    words('credit note', 'avoir') in l[2] for l in lines),
          'annulée printed with its reason and what to do (%s)' % lines)
    ev = query(db_a, "SELECT json_extract (data, '$.code'), json_extract (data, '$.sender_role'), "
                     "json_extract (data, '$.reason') FROM events WHERE document_id = ? AND kind = 'pa-status'",
               doc_id(db_a, na))
    check(ev == [(220, 'SE', 'Facture émise par erreur')], 'annulée: a pa-status event 220 on the document (%s)' % ev)
    check(query(db_a, 'SELECT count(*) FROM disputes WHERE document_id = ? AND closed IS NULL', doc_id(db_a, na))[0][0] == 1,
          'annulée: the invoice leaves the dunning ladder (open dispute)')
    pa_ = [l.split('\t')[-1] for l in cli(db_a, '--dunning-plan=' + na).stdout.splitlines()]
    check(pa_ and all(x == words('Stopped', 'Arrêté') for x in pa_), 'annulée: every dunning step stopped (%s)' % pa_)

    # ---- wrong secret
    store_secret(base, 'not-the-secret')
    r = cli(db, '--pa-test')
    check(r.returncode == 1 and words('refused the client ID or the secret', 'refusé l’identifiant client ou le secret') in r.stderr,
          'wrong secret: --pa-test says so (%s)' % r.stderr.strip()[:300])

    # ---- every request matched the schemas and carried Request-Id = X-Request-Id
    state = control(port, 'state')
    check(state['violations'] == [], 'no schema, sha256 or Request-Id violation (%s)' % state['violations'][:3])
    secret_seen = any(SECRET in open(os.path.join(tmp, f), errors='replace').read() for f in ('cli.log',))
    check(not secret_seen, 'the secret appears in no output')
    secret_in_db = any(SECRET.encode() in open(path, 'rb').read() for path in (db,))
    check(not secret_in_db, 'the secret is not in the database')


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
