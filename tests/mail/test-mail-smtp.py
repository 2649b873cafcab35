#!/usr/bin/python3
"""test-mail-smtp.py — sending and the connection test against local aiosmtpd sinks.

Every server listens on 127.0.0.1 only, is started by this test and stops by itself.
Checks: the message as received (CRLF, subject, attachment SHA-256, English Date
under a French locale), AUTH PLAIN and LOGIN over STARTTLS, implicit TLS, the fault
matrix (message, outbox row failed, document unchanged), retry by hand, the
connection test and its proposal, and that the password appears nowhere (database,
logs with libcurl's verbose output, in clear or base64 as sent in AUTH).
"""
import base64, email, email.policy, glob, hashlib, json, os, re, shutil, subprocess
import sys, tempfile, time

TOOL = os.environ['MAIL_TOOL']
HERE = os.environ.get('MAIL_TEST_DIR', os.path.dirname(os.path.abspath(__file__)))
SINK = os.path.join(HERE, 'smtp_sink.py')
PY = '/usr/bin/python3'
USER, PASSWORD = 'alice', 's3cr3t-é€ pass'
SUBJECT = 'Facture F2026-0001 \u2014 1\u202f234,56\u00a0€'
failures = []
sinks = []
tmp = tempfile.mkdtemp(prefix='mail-smtp-')
log_path = os.path.join(tmp, 'stderr.log')


def check(cond, what):
    print(('ok   ' if cond else 'FAIL ') + what, flush=True)
    if not cond:
        failures.append(what)


def make_cert(name, dns):
    key, cert = os.path.join(tmp, name + '-key.pem'), os.path.join(tmp, name + '.pem')
    san = 'subjectAltName=DNS:%s' % dns + (',IP:127.0.0.1' if dns == 'localhost' else '')
    subprocess.run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key,
                    '-out', cert, '-days', '2', '-subj', '/CN=' + dns, '-addext', san],
                   check=True, capture_output=True, timeout=60)
    return cert, key


def start_sink(mode, *extra):
    out = tempfile.mkdtemp(dir=tmp, prefix=mode + '-')
    proc = subprocess.Popen([PY, SINK, out, mode, '--lifetime', '120'] + list(extra),
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    sinks.append(proc)
    deadline = time.time() + 20
    while time.time() < deadline:
        line = proc.stdout.readline()
        if line.startswith('READY'):
            return int(line.split()[1]), out
        if proc.poll() is not None:
            break
    raise SystemExit('sink %s did not start' % mode)


def free_port():
    import socket
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


def tool(*args, env=None, timeout=90):
    e = dict(os.environ, FACTURES_SMTP_DEBUG='1', FACTURES_SMTP_CA_FILE=CA)
    e.update(env or {})
    r = subprocess.run([TOOL] + [str(a) for a in args], capture_output=True, text=True,
                       timeout=timeout, env=e)
    with open(log_path, 'a') as log:
        log.write(r.stderr)
    if r.returncode != 0:
        raise SystemExit('mail-tool %s failed: %s' % (args[0], r.stderr[-2000:]))
    return r.stdout.strip()


def new_db(port, security, user='-', timeout=5):
    db = os.path.join(tempfile.mkdtemp(dir=tmp, prefix='db-'), 'factures.db')
    number = tool('setup', db, '127.0.0.1', port, security, user, 'camille@example.org', timeout)
    return db, number


# The fault matrix runs in French when the build's catalogue is there (the user's language).
LOCALEDIR = os.environ.get('MAIL_LOCALEDIR', '')
FRENCH = os.path.exists(os.path.join(LOCALEDIR, 'fr', 'LC_MESSAGES', 'factures.mo'))
FR_ENV = {'LANGUAGE': 'fr', 'FACTURES_LOCALEDIR': LOCALEDIR} if FRENCH else {}


def say(english, french):
    return french if FRENCH else english


def send(db, number, password=None):
    args = ['send', db, number] + ([password] if password else [])
    return json.loads(tool(*args, env=FR_ENV))


def state(db, number):
    return json.loads(tool('state', db, number))


def check_message(outdir, db, number, label):
    emls = sorted(glob.glob(os.path.join(outdir, '*.eml')))
    check(len(emls) == 1, label + ': one message received')
    if not emls:
        return
    raw = open(emls[0], 'rb').read()
    lines = raw.split(b'\n')
    check(all(l.endswith(b'\r') for l in lines[:-1]) and raw.endswith(b'\r\n'),
          label + ': every line ends in CRLF')
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    check(msg['Subject'] == SUBJECT, label + ': subject decodes to %r (got %r)' % (SUBJECT, msg['Subject']))
    check(re.fullmatch(r'(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) '
                       r'\d{4} \d\d:\d\d:\d\d [+-]\d{4}', str(msg['Date'])) is not None,
          label + ': RFC 5322 Date in English (%s)' % msg['Date'])
    check(msg['Message-ID'] is not None and msg['Message-ID'].endswith('@example.org>'), label + ': Message-ID')
    check(msg['From'].addresses[0].display_name == 'Camille Martin — Développement', label + ': From name')
    check(msg['To'].addresses[0].addr_spec == 'client@example.org', label + ': To')
    atts = [p for p in msg.iter_attachments()]
    check(len(atts) == 1 and atts[0].get_content_type() == 'application/pdf', label + ': one PDF attached')
    if atts:
        sha = hashlib.sha256(atts[0].get_content()).hexdigest()
        check(sha == state(db, number)['pdf_sha256'], label + ': attachment SHA-256 equals the stored PDF')
        check(atts[0].get_filename() == 'Facture F2026-0001.pdf', label + ': attachment file name')
    body = msg.get_body(('plain',)).get_content()
    check('F2026-0001' in body and '1\u202f234,56\u00a0€' in body and '{' not in body,
          label + ': body from the template, placeholders filled')
    return json.load(open(emls[0][:-4] + '.json'))


def check_failure(db, number, result, code, needle, label):
    st = state(db, number)
    check(not result['ok'] and result['code'] == code,
          label + ': error %s (got %s: %s)' % (code, result['code'], result['message']))
    check(needle.lower() in (result['message'] or '').lower(), label + ': message says %r' % needle)
    check(result['state'] == 'failed' and result['reason'] == result['message'],
          label + ': outbox row failed with the reason')
    check(st['sent_events'] == 0, label + ': no "sent" event')
    return st


try:
    print('fault matrix in', 'French' if FRENCH else 'English (no build catalogue)', flush=True)
    CA, KEY = make_cert('localhost', 'localhost')
    OTHER, OTHER_KEY = make_cert('other', 'other.example')

    # 1. No auth, no TLS (localhost only), under a French locale.
    port, out = start_sink('plain')
    db, number = new_db(port, 'none')
    before = state(db, number)
    r = json.loads(tool('send', db, number, env={'LANGUAGE': 'fr', 'LC_ALL': 'fr_FR.UTF-8', 'LC_TIME': 'fr_FR.UTF-8'}))
    check(r['ok'] and r['state'] == 'sent', 'plain: sent (%s)' % r['message'])
    check(r['reply'] is not None and r['reply'].startswith('250') and 'TEST001' in r['reply'],
          'plain: server reply recorded (%s)' % r['reply'])
    check(r['subject'] == SUBJECT, 'plain: outbox subject is the text the app shows')
    check_message(out, db, number, 'plain')
    after = state(db, number)
    check(after['sent_events'] == 1 and after['hash'] == before['hash'], 'plain: one "sent" event, document unchanged')

    # 2. STARTTLS + AUTH PLAIN, certificate checked with our CA.
    port, out = start_sink('starttls', '--user', USER, '--password', PASSWORD, '--cert', CA, '--key', KEY)
    db, number = new_db(port, 'starttls', USER)
    r = send(db, number, PASSWORD)
    check(r['ok'], 'starttls+PLAIN: sent (%s)' % r['message'])
    env = check_message(out, db, number, 'starttls+PLAIN')
    check(env is not None and env['auth_user'] == USER and env['tls'], 'starttls+PLAIN: authenticated over TLS')
    t = json.loads(tool('test', db, PASSWORD))
    check(t['ok'] and t['authenticated'] and t['tls'], 'test: STARTTLS + AUTH passes (%s)' % t['text'])
    check(len(glob.glob(os.path.join(out, '*.eml'))) == 1, 'test: no message sent by the connection test')
    first_db = db

    # 3. STARTTLS + AUTH LOGIN only.
    port, out = start_sink('starttls', '--user', USER, '--password', PASSWORD, '--cert', CA, '--key', KEY, '--only-login')
    db, number = new_db(port, 'starttls', USER)
    r = send(db, number, PASSWORD)
    check(r['ok'], 'starttls+LOGIN: sent (%s)' % r['message'])
    env = check_message(out, db, number, 'starttls+LOGIN')
    check(env is not None and env['auth_user'] == USER, 'starttls+LOGIN: authenticated')

    # 4. Implicit TLS + AUTH.
    port, out = start_sink('tls', '--user', USER, '--password', PASSWORD, '--cert', CA, '--key', KEY)
    db, number = new_db(port, 'tls', USER)
    r = send(db, number, PASSWORD)
    check(r['ok'], 'implicit TLS: sent (%s)' % r['message'])
    env = check_message(out, db, number, 'implicit TLS')
    tls_port = port

    # 5. Fault matrix.
    port, out = start_sink('starttls', '--user', USER, '--password', PASSWORD, '--cert', CA, '--key', KEY)
    db, number = new_db(port, 'starttls', USER)
    r = send(db, number, 'wrong-password')
    check_failure(db, number, r, 'auth', say('refused the user name or the password (535)',
                                             'refusé le nom d’utilisateur ou le mot de passe (535)'), 'wrong password')
    # Retry by hand with the right password: the same row becomes sent.
    r2 = json.loads(tool('retry', db, r['outbox_id'], PASSWORD))
    st = state(db, number)
    check(r2['ok'] and r2['state'] == 'sent' and st['outbox'][0]['attempts'] == 2 and st['sent_events'] == 1,
          'retry by hand: sent on the second attempt')

    db, number = new_db(port, 'tls', USER)
    r = send(db, number, PASSWORD)
    check_failure(db, number, r, 'tls-mismatch', say('expects STARTTLS, not TLS from the first byte',
                                                     'attend STARTTLS, et non TLS dès le premier octet'),
                  'implicit TLS on a STARTTLS port')
    t = json.loads(tool('test', db, PASSWORD))
    check(not t['ok'] and t['suggested_port'] == port and t['suggested_security'] == 0,
          'test proposes STARTTLS on the same port (%s)' % t['text'])

    db, number = new_db(tls_port, 'starttls', USER, timeout=3)
    t0 = time.time()
    r = send(db, number, PASSWORD)
    check_failure(db, number, r, 'tls-mismatch', say('expects TLS from the first byte, not STARTTLS',
                                                     'attend TLS dès le premier octet, et non STARTTLS'),
                  'STARTTLS on an implicit TLS port')
    check(time.time() - t0 < 20, 'STARTTLS on an implicit TLS port: bounded time')
    t = json.loads(tool('test', db, PASSWORD))
    check(not t['ok'] and t['suggested_port'] == tls_port and t['suggested_security'] == 1,
          'test proposes TLS on the same port (%s)' % t['text'])

    port, out = start_sink('starttls', '--user', USER, '--password', PASSWORD, '--cert', OTHER, '--key', OTHER_KEY)
    db, number = new_db(port, 'starttls', USER)
    r = json.loads(tool('send', db, number, PASSWORD, env=dict(FR_ENV, FACTURES_SMTP_CA_FILE=OTHER)))
    check_failure(db, number, r, 'certificate-host', say('not valid for the name', 'pas valable pour le nom'),
                  'certificate for another host name')

    for mode, code, needle in (('close-in-data', 'closed', say('closed the connection', 'a fermé la connexion')),
                               ('too-large', 'too-large', say('too large (552)', 'trop volumineux (552)')),
                               ('reject-rcpt', 'recipient', say('recipient address', 'adresse de destinataire'))):
        port, out = start_sink(mode)
        db, number = new_db(port, 'none')
        r = send(db, number)
        check_failure(db, number, r, code, needle, mode)

    db, number = new_db(free_port(), 'none')
    r = send(db, number)
    check_failure(db, number, r, 'refused', say('refused the connection', 'a refusé la connexion'),
                  'connection refused')

    port, out = start_sink('silent')
    db, number = new_db(port, 'none', timeout=2)
    t0 = time.time()
    r = send(db, number)
    elapsed = time.time() - t0
    check_failure(db, number, r, 'timeout', say('did not answer within 2 seconds', 'n’a pas répondu en 2 secondes'),
                  'server that never answers')
    check(elapsed < 15, 'time-out within the configured limit (%.1f s)' % elapsed)

    # 6. Off the UI thread: factures_mail_send_async() in a main loop, progress, cancel.
    port, out = start_sink('plain')
    db, number = new_db(port, 'none')
    r = json.loads(tool('send-async', db, number))
    check(r['ok'] and r['state'] == 'sent', 'async: sent (%s)' % r['message'])
    check(r['progress_calls'] >= 1 and abs(r['last_fraction'] - 1.0) < 1e-9, 'async: progress reported up to 100 %')
    check(r['callbacks_in_main_thread'] and r['in_flight_after'] == 0,
          'async: progress and completion in the main thread')
    port, out = start_sink('silent')
    db, number = new_db(port, 'none', timeout=30)
    t0 = time.time()
    r = json.loads(tool('send-async', db, number, 'cancel', env=FR_ENV))
    check(not r['ok'] and r['state'] == 'failed' and time.time() - t0 < 10,
          'async: cancelled quickly, the message stays in the outbox as failed (%s)' % r['message'])

    # 8. The command line never sends a document twice by accident (trial 5 finding 8): a
    # failed message is retried (not a second one queued), a sent document needs --yes.
    if os.environ.get('FACTURES_BIN'):
        import sqlite3

        def cli(db, *args):
            r = subprocess.run([os.environ['FACTURES_BIN'], '--database=' + db] + list(args),
                               capture_output=True, text=True, timeout=90,
                               env=dict(os.environ, FACTURES_SMTP_CA_FILE=CA, **FR_ENV))
            return r.returncode, r.stdout + r.stderr

        db, number = new_db(free_port(), 'none')
        rc, text = cli(db, '--send=' + number)
        st = state(db, number)
        check(rc != 0 and len(st['outbox']) == 1 and st['outbox'][0]['state'] == 'failed',
              'cli resend: the first --send fails and stays in the outbox (%s)' % text.strip())
        port, out = start_sink('plain')
        con = sqlite3.connect(db)
        con.execute('UPDATE mail_account SET port = ?', (port,))
        con.commit()
        con.close()
        rc, text = cli(db, '--send=' + number)
        st = state(db, number)
        check(rc == 0 and len(st['outbox']) == 1 and st['outbox'][0]['state'] == 'sent'
              and st['outbox'][0]['attempts'] == 2,
              'cli resend: the second --send retries the failed message, no second row (%s, %s)'
              % (text.strip(), st['outbox']))
        rc, text = cli(db, '--send=' + number)
        st = state(db, number)
        check(rc != 0 and len(st['outbox']) == 1 and '--yes' in text
              and len(glob.glob(os.path.join(out, '*.eml'))) == 1,
              'cli resend: a document already sent is not sent again without --yes (%s)' % text.strip())
        rc, text = cli(db, '--send=' + number, '--yes')
        st = state(db, number)
        check(rc == 0 and len(st['outbox']) == 2 and len(glob.glob(os.path.join(out, '*.eml'))) == 2,
              'cli resend: --yes sends it again (%s)' % text.strip())

    # 7. The password appears nowhere: databases (and their WAL), logs with libcurl's verbose output.
    forms = [PASSWORD.encode(),
             base64.b64encode(b'\0' + USER.encode() + b'\0' + PASSWORD.encode()),
             base64.b64encode(USER.encode() + b'\0' + USER.encode() + b'\0' + PASSWORD.encode()),
             base64.b64encode(PASSWORD.encode())]
    files = [f for f in glob.glob(os.path.join(tmp, '**', '*'), recursive=True)
             if os.path.isfile(f) and ('factures.db' in f or f == log_path)]
    check(any('AUTH [redacted]' in open(log_path, errors='replace').read() for _ in [0]),
          'the verbose log was captured (AUTH redacted)')
    leaks = [f for f in files for form in forms if form in open(f, 'rb').read()]
    check(files and not leaks, 'password absent from %d databases and logs (%s)' % (len(files), leaks))
finally:
    for p in sinks:
        p.kill()
        p.wait(timeout=10)
    if not failures:
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        print('kept', tmp)

print('%d failure(s)' % len(failures))
sys.exit(1 if failures else 0)
