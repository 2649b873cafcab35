#!/usr/bin/python3
"""smtp_sink.py OUTDIR MODE [--user U --password P] [--cert C --key K] [--lifetime S]

A local SMTP server for the tests, on 127.0.0.1 and a free port, that stops by
itself after --lifetime seconds. Prints "READY <port>" once listening. Each
accepted message is written to OUTDIR/NNN.eml (the bytes received) and NNN.json
(envelope, auth user, TLS flag).

MODE: plain (no TLS, no auth), starttls (STARTTLS required, AUTH PLAIN/LOGIN after
it), tls (implicit TLS, AUTH), close-in-data (drops the connection during DATA),
too-large (552 at the end of DATA), reject-rcpt (550 to RCPT), silent (accepts
connections and never answers).
"""
import argparse, asyncio, json, os, socket, ssl, sys, threading, time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword, SMTP


class Handler:
    def __init__(self, outdir, mode):
        self.outdir, self.mode, self.count = outdir, mode, 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.mode == 'reject-rcpt':
            return '550 5.1.1 <%s>: Recipient address rejected: User unknown' % address
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        if self.mode == 'close-in-data':
            server.transport.close()
            return None
        if self.mode == 'too-large':
            return '552 5.3.4 Message size exceeds fixed maximum message size'
        self.count += 1
        base = os.path.join(self.outdir, '%03d' % self.count)
        with open(base + '.eml', 'wb') as f:
            f.write(envelope.original_content)
        auth = session.auth_data
        with open(base + '.json', 'w') as f:
            json.dump({'mail_from': envelope.mail_from, 'rcpt_tos': envelope.rcpt_tos,
                       'auth_user': auth.login.decode() if isinstance(auth, LoginPassword) else None,
                       'tls': session.ssl is not None}, f)
        return '250 2.0.0 Ok: queued as TEST%03d' % self.count


def main():
    p = argparse.ArgumentParser()
    p.add_argument('outdir')
    p.add_argument('mode')
    p.add_argument('--user')
    p.add_argument('--password')
    p.add_argument('--cert')
    p.add_argument('--key')
    p.add_argument('--lifetime', type=float, default=60)
    p.add_argument('--only-login', action='store_true')
    a = p.parse_args()

    def stop_later():
        time.sleep(a.lifetime)
        os._exit(0)
    threading.Thread(target=stop_later, daemon=True).start()

    probe = socket.socket()
    probe.bind(('127.0.0.1', 0))
    port = probe.getsockname()[1]

    if a.mode == 'silent':
        probe.listen(8)
        print('READY', port, flush=True)
        conns = []
        while True:
            c, _ = probe.accept()
            conns.append(c)     # never answer, never close
    probe.close()

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and a.user is not None
              and auth_data.login.decode() == a.user and auth_data.password.decode() == a.password)
        return AuthResult(success=ok, handled=False, auth_data=auth_data)

    context = None
    if a.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(a.cert, a.key)
    kwargs = dict(hostname='127.0.0.1', port=port)
    if a.user:
        kwargs.update(authenticator=authenticator, auth_required=True,
                      auth_require_tls=a.mode == 'starttls')  # implicit TLS: aiosmtpd does not see it
        if a.only_login:
            kwargs['auth_exclude_mechanism'] = ['PLAIN']
    if a.mode == 'tls':
        kwargs['ssl_context'] = context
    elif context is not None:
        kwargs.update(tls_context=context, require_starttls=True)
    controller = Controller(Handler(a.outdir, a.mode), **kwargs)
    controller.start()
    print('READY', port, flush=True)
    while True:
        time.sleep(3600)


if __name__ == '__main__':
    main()
