"""cdar_build.py — lifecycle (CDV) messages in UN/CEFACT CDAR D22B, as a PA sends them.

Written for the tests from PA.md §2.1 (paths, MDT ids) and the CDAR D22B XSD of the
reference data; every message the test server serves is checked with xmllint against it.
"""
from xml.sax.saxutils import escape

NS = ('xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossDomainAcknowledgementAndResponse:100" '
      'xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" '
      'xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100" '
      'xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100"')

LABELS = {200: 'Déposée', 201: 'Émise par la plateforme', 202: 'Reçue par la plateforme',
          203: 'Mise à disposition', 204: 'Prise en charge', 205: 'Approuvée',
          206: 'Approuvée partiellement', 207: 'En litige', 208: 'Suspendue', 209: 'Complétée',
          210: 'Refusée', 211: 'Paiement transmis', 212: 'Encaissée', 213: 'Rejetée',
          220: 'Annulée'}
# Emitter role and MDT-77 / MDT-88 per status (PA.md §2 table).
ROLE = {200: 'WK', 201: 'WK', 202: 'WK', 203: 'WK', 213: 'WK', 209: 'SE', 212: 'SE', 220: 'SE'}
TYPE_STATUS = {200: ('305', '10'), 202: ('305', '43'), 203: ('305', '48'), 204: ('23', '45'),
               205: ('23', '1'), 207: ('23', '46'), 210: ('23', '50'), 211: ('23', '47'),
               212: ('23', '47'), 213: ('305', '8'),
               220: ('23', None)}   # annulée: MDT-88 none in the AFNOR example UC4b


def party(tag, siren, name, role):
    return ('<ram:%s><ram:GlobalID schemeID="0002">%s</ram:GlobalID><ram:Name>%s</ram:Name>'
            '<ram:RoleCode>%s</ram:RoleCode></ram:%s>' % (tag, siren, escape(name), role, tag))


def build(message_id, code, invoice_number, invoice_date, seller_siren, buyer_siren,
          when='20261206120000', reason_code=None, reason=None, amounts=()):
    """@invoice_date: YYYYMMDD; @when: YYYYMMDDHHMMSS; @amounts: [(value '120.00', rate '20')]."""
    role = ROLE.get(code, 'BY')
    issuer_siren = seller_siren if role == 'SE' else buyer_siren
    type_code, status_code = TYPE_STATUS.get(code, ('23', '45'))
    status = ''
    if reason_code or reason or amounts:
        status = '<ram:SpecifiedDocumentStatus>'
        if reason_code:
            status += '<ram:ReasonCode>%s</ram:ReasonCode>' % escape(reason_code)
        if reason:
            status += '<ram:Reason>%s</ram:Reason>' % escape(reason)
        for value, rate in amounts:
            status += ('<ram:SpecifiedDocumentCharacteristic><ram:TypeCode>MEN</ram:TypeCode>'
                       '<ram:ValueChangedIndicator><udt:Indicator>false</udt:Indicator></ram:ValueChangedIndicator>'
                       '<ram:ValueAmount currencyID="EUR">%s</ram:ValueAmount>'
                       '<ram:ValuePercent>%s</ram:ValuePercent></ram:SpecifiedDocumentCharacteristic>'
                       % (value, rate))
        status += '</ram:SpecifiedDocumentStatus>'
    recipient_siren = buyer_siren if role == 'SE' else seller_siren
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<rsm:CrossDomainAcknowledgementAndResponse %s>'
            '<rsm:ExchangedDocumentContext>'
            '<ram:BusinessProcessSpecifiedDocumentContextParameter><ram:ID>REGULATED</ram:ID>'
            '</ram:BusinessProcessSpecifiedDocumentContextParameter>'
            '<ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn.cpro.gouv.fr:1p0:CDV:invoice</ram:ID>'
            '</ram:GuidelineSpecifiedDocumentContextParameter>'
            '</rsm:ExchangedDocumentContext>'
            '<rsm:ExchangedDocument><ram:ID>%s</ram:ID><ram:Name>%s</ram:Name>'
            '<ram:IssueDateTime><udt:DateTimeString format="204">%s</udt:DateTimeString></ram:IssueDateTime>'
            '<ram:SenderTradeParty><ram:RoleCode>WK</ram:RoleCode></ram:SenderTradeParty>'
            '%s%s'
            '</rsm:ExchangedDocument>'
            '<rsm:AcknowledgementDocument>'
            '<ram:MultipleReferencesIndicator><udt:Indicator>false</udt:Indicator></ram:MultipleReferencesIndicator>'
            '<ram:TypeCode>%s</ram:TypeCode>'
            '<ram:IssueDateTime><udt:DateTimeString format="204">%s</udt:DateTimeString></ram:IssueDateTime>'
            '<ram:ReferenceReferencedDocument>'
            '<ram:IssuerAssignedID>%s</ram:IssuerAssignedID>'
            '%s'
            '<ram:TypeCode>380</ram:TypeCode>'
            '<ram:FormattedIssueDateTime><qdt:DateTimeString format="102">%s</qdt:DateTimeString></ram:FormattedIssueDateTime>'
            '<ram:ProcessConditionCode>%d</ram:ProcessConditionCode>'
            '<ram:ProcessCondition>%s</ram:ProcessCondition>'
            '<ram:IssuerTradeParty><ram:GlobalID schemeID="0002">%s</ram:GlobalID></ram:IssuerTradeParty>'
            '%s'
            '</ram:ReferenceReferencedDocument>'
            '</rsm:AcknowledgementDocument>'
            '</rsm:CrossDomainAcknowledgementAndResponse>\n'
            % (NS, escape(message_id), escape('CDV-%d' % code), when,
               party('IssuerTradeParty', issuer_siren, 'Émetteur', role),
               party('RecipientTradeParty', recipient_siren, 'Destinataire', 'SE' if role != 'SE' else 'BY'),
               type_code, when, escape(invoice_number),
               '<ram:StatusCode>%s</ram:StatusCode>' % status_code if status_code else '', invoice_date, code,
               escape(LABELS[code]), seller_siren, status))
