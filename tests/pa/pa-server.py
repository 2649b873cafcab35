#!/usr/bin/python3
"""pa-server.py — a local plateforme agréée for the tests (AFNOR XP Z12-013 Flow Service).

Listens on 127.0.0.1 only (port 0: any free port, printed as "READY <port>" on stdout),
stops by itself after --lifetime seconds. Routes (PA.md §1.3):

  POST /oauth2/token                    OAuth2 client credentials (form or Basic)
  GET  /v1/healthcheck
  POST /v1/flows                        multipart: flowInfo (JSON) + file; sha256 checked;
                                        FRR (e-reporting) checked against the DGFiP XSD
  POST /v1/flows/search                 {limit, where:{updatedAfter, trackingId, …}}
  GET  /v1/flows/{flowId}?docType=      Metadata (JSON) | Original (the bytes)
  POST /directory-service/v1/directory-line/search   Directory Service (PA.md §1.4, issue 15):
  POST /directory-service/v1/siren/search            the fixtures of DIRECTORY_LINES and
       LEGAL_UNITS; a SIREN not there answers 204; the body is checked against
       directory-search.schema.json. Faults on route "directory": 401, 403, 404, 500, 503,
       timeout, malformed, and 206 (the answer is a reduced set: one line, status 206).

Every body received is checked against the JSON Schemas beside this file (flowinfo,
search, token); a CDAR file received is checked with xmllint against the CDAR D22B XSD.
A body that fails is answered 400 and listed in /_control/state "violations".

Control routes, used by the tests only:
  POST /_control/fault      {"route": "token|health|deposit|search|get|any", "fault": F, "count": n}
       F: 401 (the tokens expire: the next call meets a 401), token-401 (the token URL refuses
       the credentials), 403, 404, 413, 422, 429 (Retry-After: 7), 500, 503, timeout
       (no answer for 60 s), malformed (a 2xx with broken JSON), lost (deposit kept, then the
       connection is closed without an answer), slow (deposit kept, answer after 60 s),
       ack-error (the deposit is acknowledged Error)
  POST /_control/lifecycle  {"invoice", "date" (YYYYMMDD), "code", "seller", "buyer",
                             "reason_code", "reason", "unreadable": bool} → a CDAR In flow
  POST /_control/supplier   {"path" or "content_b64", "name", "syntax"} → a SupplierInvoice In flow
  POST /_control/clock      {"freeze": bool}: while frozen, new flows share one updatedAt
  GET  /_control/state      {"deposits": [...], "violations": [...], "requests": [...]}
"""
import argparse, asyncio, base64, datetime, hashlib, json, os, ssl, subprocess, sys, tempfile, uuid

from aiohttp import web
import jsonschema

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdar_build  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def load_schema(name):
    with open(os.path.join(HERE, name + '.schema.json'), encoding='utf-8') as f:
        return json.load(f)


SCHEMAS = {n: load_schema(n) for n in ('flowinfo', 'search', 'token', 'directory-search')}

# The Directory Service's fixtures (issue 15): directory lines by SIREN (AFNOR 1.2.0 fields).
DIRECTORY_LINES = {
    # Enabled, with an address that differs from the bare SIREN (an addressing suffix), and a
    # facility's line that is disabled.
    '552081317': [
        {'addressingIdentifier': '552081317_FACTURES', 'siren': '552081317', 'addressingSuffix': 'FACTURES',
         'platformType': 'WK', 'directoryLineStatus': 'Enabled'},
        {'addressingIdentifier': '55208131700018', 'siren': '552081317', 'siret': '55208131700018',
         'platformType': 'WK', 'directoryLineStatus': 'Disabled'},
    ],
    # Enabled at the bare SIREN (the address the CII already writes).
    '443061841': [{'addressingIdentifier': '443061841', 'siren': '443061841', 'platformType': 'WK',
                   'directoryLineStatus': 'Enabled'}],
    '404833048': [{'addressingIdentifier': '404833048', 'siren': '404833048', 'platformType': 'WK',
                   'directoryLineStatus': 'Disabled'}],
    '383474814': [{'addressingIdentifier': '383474814', 'siren': '383474814', 'platformType': 'WK',
                   'directoryLineStatus': 'Upcoming'}],
    # A public buyer, reached through the PPF (DFH) for Chorus Pro.
    '130005481': [{'addressingIdentifier': '130005481', 'siren': '130005481', 'platformType': 'DFH',
                   'directoryLineStatus': 'Enabled'}],
}
LEGAL_UNITS = {
    '552081317': {'siren': '552081317', 'businessName': 'SOCIETE CLIENTE', 'entityType': 'PrivateVatRegistered',
                  'administrativeStatus': 'A'},
    '130005481': {'siren': '130005481', 'businessName': 'MAIRIE DE TEST', 'entityType': 'Public',
                  'administrativeStatus': 'A'},
}


class Pa:
    def __init__(self, args):
        self.args = args
        self.tokens = set()
        self.flows = []              # dicts, in creation order
        self.files = {}              # flowId → bytes
        self.faults = []             # [route, fault, count]
        self.violations = []
        self.requests = []
        self.clock = datetime.datetime(2026, 12, 6, 9, 0, 0, tzinfo=datetime.timezone.utc)
        self.counter = 0
        self.frozen = False

    def now(self):
        # Strictly increasing times, one millisecond apart, so updatedAfter is exact; while
        # frozen (/_control/clock), every new flow shares one updatedAt.
        if not self.frozen:
            self.clock += datetime.timedelta(milliseconds=1)
        return self.clock.strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % (self.clock.microsecond // 1000)

    def take_fault(self, route):
        for f in self.faults:
            if f[0] in (route, 'any') and f[2] > 0:
                f[2] -= 1
                return f[1]
        return None

    def violation(self, what, detail):
        self.violations.append({'what': what, 'detail': str(detail)[:500]})


def error(status, code, message, headers=None):
    return web.json_response({'errorCode': code, 'errorMessage': message}, status=status,
                             headers=headers)


async def apply_fault(request, fault):
    """The answer for an injected fault, or None to go on normally."""
    if fault is None or fault in ('lost', 'ack-error', 'malformed', 'slow', '206'):
        return None
    if fault == '401':
        request.app['pa'].tokens.clear()
        return error(401, 'MISSING_TOKEN', 'The token has expired')
    if fault == 'token-401':
        return None
    if fault == 'timeout':
        await asyncio.sleep(60)
        return web.Response(status=204)
    table = {'403': (403, 'FORBIDDEN_ACCESS', 'Access to this resource is forbidden'),
             '404': (404, 'MISSING_RESOURCE', 'Unknown resource'),
             '413': (413, 'FILE_SIZE_EXCEEDED', 'The file is larger than 100 MB'),
             '422': (422, 'UNPROCESSABLE_ENTITY', 'BR-FR-12: the buyer SIREN is missing'),
             '429': (429, 'TOO_MANY_REQUESTS', 'Too many requests'),
             '500': (500, 'INTERNAL_ERROR', 'Internal error'),
             '503': (503, 'RESOURCE_ERROR', 'Service unavailable')}
    status, code, message = table[fault]
    headers = {'Retry-After': '7'} if fault == '429' else None
    return error(status, code, message, headers)


def authorised(request):
    pa = request.app['pa']
    auth = request.headers.get('Authorization', '')
    return auth.startswith('Bearer ') and auth[7:] in pa.tokens


def check_request_ids(request):
    pa = request.app['pa']
    rid, xrid = request.headers.get('Request-Id'), request.headers.get('X-Request-Id')
    try:
        uuid.UUID(rid or '')
        uuid.UUID(xrid or '')
    except ValueError:
        pa.violation('request-id', '%s %s: Request-Id %r X-Request-Id %r' % (request.method, request.path, rid, xrid))
        return False
    if rid != xrid:
        pa.violation('request-id', 'Request-Id and X-Request-Id differ')
        return False
    return True


async def guarded(request, route):
    """Common checks of a Flow Service call: fault, Request-Id, token. None to go on."""
    pa = request.app['pa']
    pa.requests.append({'method': request.method, 'path': request.path, 'route': route,
                        'request_id': request.headers.get('Request-Id')})
    fault = pa.take_fault(route)
    request['fault'] = fault
    answer = await apply_fault(request, fault)
    if answer is not None:
        return answer
    if not check_request_ids(request):
        return error(400, 'MISSING_REQUIRED_FIELD', 'Request-Id and X-Request-Id are required')
    if not authorised(request):
        return error(401, 'MISSING_TOKEN', 'Missing or expired token')
    return None


async def token(request):
    pa = request.app['pa']
    pa.requests.append({'method': 'POST', 'path': request.path, 'route': 'token'})
    fault = pa.take_fault('token')
    if fault == 'token-401':
        return web.json_response({'error': 'invalid_client'}, status=401)
    answer = await apply_fault(request, fault)
    if answer is not None:
        return answer
    form = dict(await request.post())
    auth = request.headers.get('Authorization', '')
    if auth.startswith('Basic '):
        user, _, password = base64.b64decode(auth[6:]).decode().partition(':')
        form.setdefault('client_id', user)
        form.setdefault('client_secret', password)
    try:
        jsonschema.validate(form, SCHEMAS['token'])
    except jsonschema.ValidationError as e:
        pa.violation('token', e.message)
        return web.json_response({'error': 'invalid_request'}, status=400)
    if form.get('client_id') != pa.args.client_id or form.get('client_secret') != pa.args.client_secret:
        return web.json_response({'error': 'invalid_client'}, status=401)
    pa.counter += 1
    tok = 'tok-%d-%s' % (pa.counter, uuid.uuid4().hex)
    pa.tokens.add(tok)
    if fault == 'malformed':
        return web.Response(text='{"access_token": ', content_type='application/json')
    return web.json_response({'access_token': tok, 'token_type': 'Bearer', 'expires_in': 3600})


async def healthcheck(request):
    pa = request.app['pa']
    pa.requests.append({'method': 'GET', 'path': request.path, 'route': 'health'})
    fault = pa.take_fault('health')
    answer = await apply_fault(request, fault)
    if answer is not None:
        return answer
    if fault == 'malformed':
        return web.Response(text='{"status": ', content_type='application/json')
    return web.json_response({'status': 'UP'})


def validate_cdar(pa, data):
    with tempfile.NamedTemporaryFile(suffix='.xml') as f:
        f.write(data)
        f.flush()
        r = subprocess.run(['xmllint', '--noout', '--nonet', '--schema', pa.args.cdar_xsd, f.name],
                           capture_output=True, text=True, timeout=60)
    return r.returncode == 0, r.stderr


# ---- e-reporting (issue 15 item 2): FRR flows ----
# Each FRR file is checked with xmllint against the DGFiP e-reporting XSD v3.2 (--ereporting-xsd);
# its flowType is computed from the block it holds (PA.md §1.3), and the processingRule given
# must fit it: B2BInt for 10.1/10.2, B2C for 10.3/10.4. A file with several blocks is a
# MultiFlowReport.
FRR_BLOCKS = [
    ('TransactionsReport', 'Invoice', 'UnitaryCustomerTransactionReport', 'B2BInt'),
    ('PaymentsReport', 'Invoice', 'UnitaryCustomerPaymentReport', 'B2BInt'),
    ('TransactionsReport', 'Transactions', 'AggregatedCustomerTransactionReport', 'B2C'),
    ('PaymentsReport', 'Transactions', 'AggregatedCustomerPaymentReport', 'B2C'),
]


def check_frr(pa, info, data):
    """Returns (flowType, None) or (None, the reason of a refusal)."""
    import xml.etree.ElementTree as ET
    if not pa.args.ereporting_xsd:
        return None, 'no e-reporting XSD given to the server'
    with tempfile.NamedTemporaryFile(suffix='.xml') as f:
        f.write(data)
        f.flush()
        r = subprocess.run(['xmllint', '--noout', '--nonet', '--schema', pa.args.ereporting_xsd, f.name],
                           capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        return None, 'InvalidSchema: ' + r.stderr
    root = ET.fromstring(data)
    found = [(t, rule) for (report, entry, t, rule) in FRR_BLOCKS if root.findall('./%s/%s' % (report, entry))]
    if not found:
        return None, 'EmptyFlow'
    if len(found) > 1:
        return 'MultiFlowReport', None
    flow_type, rule = found[0]
    if info.get('processingRule') != rule:
        return None, 'processingRule %s for %s (expected %s)' % (info.get('processingRule'), flow_type, rule)
    return flow_type, None


def public(flow):
    return {k: v for k, v in flow.items() if not k.startswith('_')}


async def deposit(request):
    pa = request.app['pa']
    answer = await guarded(request, 'deposit')
    if answer is not None:
        return answer
    fault = request['fault']
    if not request.content_type.startswith('multipart/form-data'):
        pa.violation('deposit', 'content type %s' % request.content_type)
        return error(400, 'MISSING_REQUIRED_FIELD', 'multipart/form-data expected')
    info, data, file_type = None, None, None
    reader = await request.multipart()
    async for part in reader:
        if part.name == 'flowInfo':
            try:
                info = json.loads(await part.text())
            except ValueError as e:
                pa.violation('flowInfo', e)
        elif part.name == 'file':
            data = await part.read(decode=False)
            file_type = part.headers.get('Content-Type')
        else:
            pa.violation('deposit', 'unknown part %s' % part.name)
    if info is None or data is None:
        pa.violation('deposit', 'flowInfo or file missing')
        return error(400, 'MISSING_REQUIRED_FIELD', 'flowInfo and file are required')
    try:
        jsonschema.validate(info, SCHEMAS['flowinfo'])
    except jsonschema.ValidationError as e:
        pa.violation('flowInfo', e.message)
        return error(400, 'MISSING_REQUIRED_FIELD', e.message)
    if file_type not in ('application/pdf', 'application/xml'):
        pa.violation('file', 'content type %s' % file_type)
    digest = hashlib.sha256(data).hexdigest()
    if info.get('sha256') not in (None, digest):
        pa.violation('sha256', 'given %s, computed %s' % (info.get('sha256'), digest))
        return error(422, 'UNPROCESSABLE_ENTITY', 'ChecksumMismatch')
    if info['flowSyntax'] == 'CDAR':
        ok, why = validate_cdar(pa, data)
        if not ok:
            pa.violation('cdar', why)
            return error(422, 'UNPROCESSABLE_ENTITY', 'InvalidSchema')
    frr_type = None
    if info['flowSyntax'] == 'FRR':
        frr_type, why = check_frr(pa, info, data)
        if frr_type is None:
            pa.violation('frr', why)
            return error(422, 'UNPROCESSABLE_ENTITY', why.split(':')[0])
    now = pa.now()
    flow = dict(info)
    flow.update({'flowId': 'FLOW-' + uuid.uuid4().hex[:20], 'submittedAt': now, 'updatedAt': now,
                 'flowType': frr_type or ('CustomerInvoiceLC' if info['flowSyntax'] == 'CDAR' else 'CustomerInvoice'),
                 'flowDirection': 'Out', 'processingRuleSource': 'Input',
                 'acknowledgement': {'status': 'Pending', 'details': []}, '_ack': 'Ok'})
    flow['sha256'] = digest
    if fault == 'ack-error':
        flow['_ack'] = 'Error'
    pa.flows.append(flow)
    pa.files[flow['flowId']] = data
    if fault == 'slow':
        # The deposit is kept; the answer comes after 60 s (the client is killed before).
        await asyncio.sleep(60)
    if fault == 'lost':
        # The deposit is kept; the answer never arrives.
        request.transport.close()
        raise asyncio.CancelledError()
    if fault == 'malformed':
        return web.Response(status=202, text='{"flowId": "%s", ' % flow['flowId'],
                            content_type='application/json')
    return web.json_response(public(flow), status=202)


def settle_acks(pa):
    """Pending deposits get their acknowledgement (a new updatedAt) at the next search."""
    for flow in pa.flows:
        if flow['acknowledgement']['status'] == 'Pending':
            if flow['_ack'] == 'Error':
                flow['acknowledgement'] = {'status': 'Error', 'details': [
                    {'level': 'Error', 'item': 'file', 'reasonCode': 'InvalidSchema',
                     'reasonMessage': 'BR-FR-10 : le SIREN de l’acheteur est absent'},
                    {'level': 'Error', 'item': 'file', 'reasonCode': 'OtherTechnicalError',
                     'reasonMessage': 'second contrôle en échec'}]}
            else:
                flow['acknowledgement'] = {'status': 'Ok', 'details': []}
            flow['updatedAt'] = pa.now()


async def search(request):
    pa = request.app['pa']
    answer = await guarded(request, 'search')
    if answer is not None:
        return answer
    try:
        body = await request.json()
        jsonschema.validate(body, SCHEMAS['search'])
    except (ValueError, jsonschema.ValidationError) as e:
        pa.violation('search', getattr(e, 'message', e))
        return error(400, 'MISSING_REQUIRED_FIELD', str(getattr(e, 'message', e)))
    if request['fault'] == 'malformed':
        return web.Response(text='{"results": [', content_type='application/json')
    settle_acks(pa)
    where, limit = body['where'], body.get('limit', 25)
    found = []
    for flow in sorted(pa.flows, key=lambda f: f['updatedAt']):
        if 'updatedAfter' in where and not flow['updatedAt'] > where['updatedAfter']:
            continue
        if 'trackingId' in where and flow.get('trackingId') != where['trackingId']:
            continue
        if 'flowDirection' in where and flow['flowDirection'] not in where['flowDirection']:
            continue
        if 'flowType' in where and flow['flowType'] not in where['flowType']:
            continue
        if 'ackStatus' in where and flow['acknowledgement']['status'] != where['ackStatus']:
            continue
        found.append(public(flow))
    return web.json_response({'limit': limit, 'filters': where, 'results': found[:limit]})


async def get_flow(request):
    pa = request.app['pa']
    answer = await guarded(request, 'get')
    if answer is not None:
        return answer
    flow_id = request.match_info['flow_id']
    flow = next((f for f in pa.flows if f['flowId'] == flow_id), None)
    if flow is None:
        return error(404, 'MISSING_RESOURCE', 'Unknown flow')
    doc_type = request.query.get('docType', 'Metadata')
    if doc_type == 'Metadata':
        if request['fault'] == 'malformed':
            return web.Response(text='{"flowId": ', content_type='application/json')
        return web.json_response(public(flow))
    if doc_type != 'Original':
        return error(404, 'MISSING_RESOURCE', 'No %s document' % doc_type)
    return web.Response(body=pa.files[flow_id], content_type='application/octet-stream',
                        headers={'Content-Disposition': 'attachment;filename=%s' % flow['name']})


async def directory_search(request, table):
    pa = request.app['pa']
    answer = await guarded(request, 'directory')
    if answer is not None:
        return answer
    try:
        body = await request.json()
        jsonschema.validate(body, SCHEMAS['directory-search'])
    except (ValueError, jsonschema.ValidationError) as e:
        pa.violation('directory-search', getattr(e, 'message', e))
        return error(400, 'MISSING_REQUIRED_FIELD', str(getattr(e, 'message', e)))
    if request['fault'] == 'malformed':
        return web.Response(text='{"results": [', content_type='application/json')
    siren = body['filters'].get('siren', {}).get('value')
    pa.requests[-1]['siren'] = siren
    if table == 'lines':
        found = list(DIRECTORY_LINES.get(siren, []))
    else:
        found = [LEGAL_UNITS[siren]] if siren in LEGAL_UNITS else []
    if not found:
        return web.Response(status=204)
    status = 200
    if request['fault'] == '206':
        # A reduced set: only the last line (for 552081317, the facility's disabled line).
        found, status = found[-1:], 206
    return web.json_response({'search': body, 'totalNumberOfResults': len(found), 'results': found},
                             status=status)


async def directory_lines(request):
    return await directory_search(request, 'lines')


async def directory_units(request):
    return await directory_search(request, 'units')


async def control_fault(request):
    body = await request.json()
    request.app['pa'].faults.append([body['route'], str(body['fault']), int(body.get('count', 1))])
    return web.json_response({'ok': True})


async def control_lifecycle(request):
    pa = request.app['pa']
    body = await request.json()
    code = int(body['code'])
    message_id = 'CDV-%s' % uuid.uuid4().hex[:12]
    if body.get('unreadable'):
        data = b'<?xml version="1.0"?><rsm:CrossDomainAcknowledgementAndResponse broken'
    else:
        amounts = [tuple(a) for a in body.get('amounts', [])]
        data = cdar_build.build(message_id, code, body['invoice'], body.get('date', '20261201'),
                                body.get('seller', '123456782'), body.get('buyer', '732829320'),
                                reason_code=body.get('reason_code'), reason=body.get('reason'),
                                amounts=amounts).encode('utf-8')
        ok, why = validate_cdar(pa, data)
        if not ok:
            return web.json_response({'ok': False, 'error': why}, status=500)
    now = pa.now()
    flow = {'flowId': 'FLOW-' + uuid.uuid4().hex[:20], 'submittedAt': now, 'updatedAt': now,
            'flowSyntax': 'CDAR', 'name': message_id + '.xml', 'processingRule': 'NotApplicable',
            'flowType': 'CustomerInvoiceLC', 'flowDirection': 'In', 'processingRuleSource': 'Computed',
            'sha256': hashlib.sha256(data).hexdigest(),
            'acknowledgement': {'status': 'Ok', 'details': []}, '_ack': 'Ok'}
    pa.flows.append(flow)
    pa.files[flow['flowId']] = data
    return web.json_response({'ok': True, 'flowId': flow['flowId']})


async def control_supplier(request):
    pa = request.app['pa']
    body = await request.json()
    if 'path' in body:
        with open(body['path'], 'rb') as f:
            data = f.read()
    else:
        data = base64.b64decode(body['content_b64'])
    now = pa.now()
    flow = {'flowId': 'FLOW-' + uuid.uuid4().hex[:20], 'submittedAt': now, 'updatedAt': now,
            'flowSyntax': body.get('syntax', 'Factur-X'), 'name': body.get('name', 'facture.pdf'),
            'processingRule': 'B2B', 'flowProfile': 'CIUS', 'flowType': 'SupplierInvoice',
            'flowDirection': 'In', 'processingRuleSource': 'Computed',
            'sha256': hashlib.sha256(data).hexdigest(),
            'acknowledgement': {'status': 'Ok', 'details': []}, '_ack': 'Ok'}
    pa.flows.append(flow)
    pa.files[flow['flowId']] = data
    return web.json_response({'ok': True, 'flowId': flow['flowId']})


async def control_clock(request):
    body = await request.json()
    request.app['pa'].frozen = bool(body.get('freeze'))
    return web.json_response({'ok': True})


async def control_state(request):
    pa = request.app['pa']
    deposits = [dict(public(f), size=len(pa.files[f['flowId']])) for f in pa.flows if f['flowDirection'] == 'Out']
    return web.json_response({'deposits': deposits, 'violations': pa.violations,
                              'requests': pa.requests})


async def control_file(request):
    pa = request.app['pa']
    return web.Response(body=pa.files[request.match_info['flow_id']])


async def stop_later(app):
    await asyncio.sleep(app['pa'].args.lifetime)
    os._exit(0)


async def main():
    p = argparse.ArgumentParser()
    p.add_argument('--port', type=int, default=0)
    p.add_argument('--lifetime', type=float, default=300)
    p.add_argument('--client-id', default='factures-test')
    p.add_argument('--client-secret', default='s3cr3t-PA')
    p.add_argument('--cdar-xsd', required=True)
    p.add_argument('--ereporting-xsd')
    p.add_argument('--cert')
    p.add_argument('--key')
    args = p.parse_args()
    app = web.Application(client_max_size=200 * 1024 * 1024)
    app['pa'] = Pa(args)
    app.router.add_post('/oauth2/token', token)
    app.router.add_get('/v1/healthcheck', healthcheck)
    app.router.add_post('/v1/flows', deposit)
    app.router.add_post('/v1/flows/search', search)
    app.router.add_get('/v1/flows/{flow_id}', get_flow)
    app.router.add_post('/directory-service/v1/directory-line/search', directory_lines)
    app.router.add_post('/directory-service/v1/siren/search', directory_units)
    app.router.add_post('/_control/fault', control_fault)
    app.router.add_post('/_control/lifecycle', control_lifecycle)
    app.router.add_post('/_control/supplier', control_supplier)
    app.router.add_get('/_control/state', control_state)
    app.router.add_post('/_control/clock', control_clock)
    app.router.add_get('/_control/file/{flow_id}', control_file)
    context = None
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, '127.0.0.1', args.port, ssl_context=context)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    print('READY %d' % port, flush=True)
    asyncio.ensure_future(stop_later(app))
    while True:
        await asyncio.sleep(3600)


if __name__ == '__main__':
    asyncio.run(main())
