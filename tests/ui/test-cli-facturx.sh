#!/bin/bash
# test-cli-facturx.sh FACTURES FIXTURE — the Factur-X options (issue 6), no window.
#
# On the fixture database (its invoices were issued through factures_pdf_render_for_issue):
# --export-facturx writes a Factur-X file that qpdf --check accepts and --check-facturx passes;
# --import-facturx as history (same SIREN: the client's history; once only), as draft; another
# seller's public sample goes to the purchases, is refused as a draft with the reason; a file that
# fails its XSD is refused and stores nothing; a file whose totals are broken is kept and flagged;
# an imported invoice exports again (its PDF, or a Duplicata carrying its XML);
# --export-json / --import-json carry the imported files byte for byte.
# Needs FACTURES_REFERENCE_DATA (skips without it, fails under CI).
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

FACTURES=$1
FIXTURE=$2
R=${FACTURES_REFERENCE_DATA:-}
if [ -z "$R" ] || [ ! -d "$R/02_facturx" ]; then
  [ -n "${CI:-}" ] && { echo "FACTURES_REFERENCE_DATA missing under CI"; exit 1; }
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
count() { sqlite3 "$1" "SELECT count(*) FROM imported_invoices WHERE direction = '$2'"; }

db=$tmp/factures.db
"$FIXTURE" "$db" >/dev/null || { echo "fixture failed"; exit 1; }
F() { "$FACTURES" --database="$db" "$@"; }

# export of an issued invoice: a Factur-X file
if F --export-facturx=F2026-0001 --output="$tmp/f1.pdf" 2>"$tmp/err" && qpdf --check "$tmp/f1.pdf" >/dev/null; then
  ok "--export-facturx"; else fail "--export-facturx: $(cat "$tmp/err")"; fi
if F --export-facturx=F2026-0001 2>/dev/null; then fail "--export-facturx without --output"; else ok "--output required"; fi
out=$("$FACTURES" --check-facturx="$tmp/f1.pdf" 2>&1)
if [ $? = 0 ] && grep -q "XML schema (XSD): valid" <<<"$out" && grep -q "PDF/A-3 structure: correct" <<<"$out"; then
  ok "--check-facturx on our file"; else fail "--check-facturx: $out"; fi
pdfdetach -save 1 -o "$tmp/embedded.xml" "$tmp/f1.pdf" && xmllint --noout "$tmp/embedded.xml" || fail "embedded XML"

# history: our own issued invoice, exported then imported back, is already here: refused
out=$(F --import-facturx="$tmp/f1.pdf" 2>&1)
if [ $? != 0 ] && grep -q "already one of the documents issued" <<<"$out" && [ "$(count "$db" sale)" = 0 ]; then
  ok "own issued number refused as history"; else fail "own issued number: $out"; fi
# an invoice of ours made with another tool before (same SIREN, a number Factures never issued):
# the client's history, once, kept byte for byte (the PDF of a previous tool, here as an XML)
sed 's|<ram:ID>F2026-0001</ram:ID>|<ram:ID>H2025-0099</ram:ID>|' "$tmp/embedded.xml" > "$tmp/before.xml"
out=$(F --import-facturx="$tmp/before.xml" 2>&1)
if [ $? = 0 ] && grep -q "client's history" <<<"$out" && [ "$(count "$db" sale)" = 1 ]; then
  ok "history import (sale)"; else fail "history import: $out"; fi
if F --import-facturx="$tmp/before.xml" >/dev/null 2>&1; then fail "second import accepted"; else ok "same invoice refused twice"; fi
stored=$(sqlite3 "$db" "SELECT hex(original) FROM imported_invoices WHERE number = 'H2025-0099'")
[ "$stored" = "$(od -An -v -tx1 "$tmp/before.xml" | tr -d ' \n' | tr a-f A-F)" ] && ok "original kept byte for byte" || fail "original changed"
if sqlite3 "$db" "UPDATE imported_invoices SET grand_total = '0.00'" 2>/dev/null; then fail "history row changed"; else ok "history is read-only"; fi

# draft: our own file comes back to the cent
out=$(F --import-facturx="$tmp/f1.pdf" --as=draft 2>&1)
if [ $? = 0 ] && grep -q "F2026-0001 imported as a draft invoice for Atelier Dupont SARL" <<<"$out" &&
   ! grep -q "draft [0-9]" <<<"$out" && ! grep -q "Warning" <<<"$out"; then
  ok "draft import (says whose draft, no internal id)"; else fail "draft import: $out"; fi
# the same file again as a draft: made (re-invoicing twice can be meant), with a warning
drafts() { sqlite3 "$db" "SELECT count(*) FROM documents WHERE status = 0 AND notes LIKE 'Reprise de la facture F2026-0001%'"; }
out=$(F --import-facturx="$tmp/f1.pdf" --as=draft 2>&1)
if [ $? = 0 ] && grep -q "Warning: a draft already re-invoiced invoice F2026-0001" <<<"$out" && [ "$(drafts)" = 2 ]; then
  ok "second draft from the same file: warned"; else fail "second draft: $out ($(drafts) drafts)"; fi

# refusals say why, in the app's words (the kind comes from the content, not the name)
: > "$tmp/empty.pdf"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' > "$tmp/picture.pdf"
head -c $(( $(stat -c %s "$tmp/f1.pdf") / 2 )) "$tmp/f1.pdf" > "$tmp/cut.pdf"
printf '%s\n' '<?xml version="1.0"?>' '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]>' \
  '<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100">&e;</rsm:CrossIndustryInvoice>' \
  > "$tmp/xxe.xml"
for case in "empty.pdf|The file is empty" "picture.pdf|neither a PDF nor an XML file" \
            "cut.pdf|Unreadable PDF: the file is truncated or damaged" "xxe.xml|(DOCTYPE)"; do
  file=${case%%|*}; want=${case#*|}
  out=$("$FACTURES" --check-facturx="$tmp/$file" 2>&1)
  if [ $? != 0 ] && grep -qF "$want" <<<"$out" && ! grep -q "document.pdf\|Internal error\|well-formed XML$" <<<"$out"; then
    ok "$file refused: $want"; else fail "$file: $out"; fi
done
grep -qF "$(cat /etc/hostname)" <<<"$("$FACTURES" --check-facturx="$tmp/xxe.xml" 2>&1)" && fail "external entity was read"

# an amount beyond what the app can hold: refused, nothing stored
sed -e 's|<ram:GrandTotalAmount>[^<]*<|<ram:GrandTotalAmount>9223372036854775807.99<|' \
    -e 's|<ram:ID>F2026-0001</ram:ID>|<ram:ID>HUGE-1</ram:ID>|' "$tmp/embedded.xml" > "$tmp/huge.xml"
before=$(sqlite3 "$db" "SELECT count(*) FROM imported_invoices")
out=$(F --import-facturx="$tmp/huge.xml" 2>&1)
if [ $? != 0 ] && grep -q "BT-112.*beyond what the app can hold" <<<"$out" &&
   [ "$(sqlite3 "$db" "SELECT count(*) FROM imported_invoices")" = "$before" ]; then
  ok "amount beyond gint64 refused"; else fail "huge amount: $out"; fi

# a buyer the file identifies only by its VAT number is a business, not a private person
perl -0pe 's|<ram:ID>F2026-0001</ram:ID>|<ram:ID>H2025-0100</ram:ID>|;
            s|<ram:Name>Atelier Dupont SARL</ram:Name>|<ram:Name>Nouvelle Cliente SAS</ram:Name>|;
            s|\s*<ram:SpecifiedLegalOrganization>\s*<ram:ID schemeID="0002">552081317</ram:ID>\s*</ram:SpecifiedLegalOrganization>||;
            s|(<ram:URIID schemeID="0225">552081317</ram:URIID>\s*</ram:URIUniversalCommunication>)|$1<ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">FR03552081317</ram:ID></ram:SpecifiedTaxRegistration>|' \
  "$tmp/before.xml" > "$tmp/vat-buyer.xml"
grep -q 'schemeID="VA">FR03552081317' "$tmp/vat-buyer.xml" || fail "vat-buyer.xml not made"
sqlite3 "$db" "UPDATE clients SET siren = NULL WHERE siren = '552081317'" 2>/dev/null
out=$(F --import-facturx="$tmp/vat-buyer.xml" --as=draft 2>&1)
if [ $? = 0 ] && [ "$(sqlite3 "$db" "SELECT category || '|' || siren FROM clients WHERE name = 'Nouvelle Cliente SAS'")" = "1|552081317" ]; then
  ok "VAT-identified buyer created as a company"; else fail "VAT-identified buyer: $out / $(sqlite3 "$db" "SELECT category, siren FROM clients WHERE name = 'Nouvelle Cliente SAS'")"; fi

# another seller: purchases; as a draft refused with its reason
sample=$R/02_facturx/akretion/fixtures/pdf/invoice_EN16931.pdf
out=$(F --import-invoice="$sample" --as=history 2>&1)
if [ $? = 0 ] && grep -q "purchases" <<<"$out" && [ "$(count "$db" purchase)" = 1 ]; then
  ok "history import (purchase)"; else fail "purchase import: $out"; fi
out=$(F --import-facturx="$sample" --as=draft 2>&1)
if [ $? != 0 ] && grep -q "charges" <<<"$out"; then ok "draft refused with the reason"; else fail "draft not refused: $out"; fi
out=$(F --import-facturx="$R/01_en16931_cii/examples/CII_example4.xml" --as=draft 2>&1)
# issue 13 item 4: a draft may be in DKK; this one is refused for its VAT (the profile is in
# franchise), no longer for its currency
if [ $? != 0 ] && grep -q "293 B" <<<"$out" && ! grep -q "euros" <<<"$out"; then
  ok "foreign currency kept as draft, VAT refused in franchise"; else fail "DKK: $out"; fi

v2=$R/02_facturx/mustangproject/validator/validV2FR.xml
before=$(sqlite3 "$db" "SELECT count(*) FROM documents")
out=$(F --import-facturx="$v2" --as=draft 2>&1)
if [ $? != 0 ] && grep -q "293 B" <<<"$out" && [ "$(sqlite3 "$db" "SELECT count(*) FROM documents")" = "$before" ]; then
  ok "VAT file refused as a franchise draft"; else fail "VAT file as franchise draft: $out"; fi

# a file that fails its XSD: refused, nothing stored
bad=$R/02_facturx/mustangproject/validator/FAIL_zugferd_2p1_MINIMUM_Rechnung_380.xml
before=$(sqlite3 "$db" "SELECT count(*) FROM imported_invoices")
if "$FACTURES" --validate="$bad" >/dev/null 2>&1; then fail "--validate accepted a bad file"; else ok "--validate refuses"; fi
if F --import-facturx="$bad" >/dev/null 2>&1; then fail "bad file imported"; else ok "bad file refused"; fi
[ "$(sqlite3 "$db" "SELECT count(*) FROM imported_invoices")" = "$before" ] && ok "nothing stored" || fail "refused file stored"

# broken totals: kept, flagged
sed 's|<ram:GrandTotalAmount>\([0-9]*\)|<ram:GrandTotalAmount>9\1|' "$tmp/embedded.xml" > "$tmp/broken.xml"
sed -i 's|<ram:ID>F2026-0001</ram:ID>|<ram:ID>X-1</ram:ID>|' "$tmp/broken.xml"
out=$(F --import-facturx="$tmp/broken.xml" 2>&1)
if [ $? = 0 ] && grep -q "Warning: .*BT-112" <<<"$out" &&
   [ "$(sqlite3 "$db" "SELECT figures_ok FROM imported_invoices WHERE number = 'X-1'")" = 0 ]; then
  ok "broken totals kept and flagged"; else fail "broken totals: $out"; fi

# an imported invoice exports again under its number: its original PDF byte for byte …
if F --export-facturx=F20260023 --output="$tmp/again.pdf" 2>"$tmp/err" && cmp -s "$tmp/again.pdf" "$sample"; then
  ok "imported PDF exported as it came"; else fail "imported PDF export: $(cat "$tmp/err")"; fi
# … and an XML alone as a "Duplicata" PDF of its figures with the XML attached unchanged
xml=$R/02_facturx/mustangproject/validator/validV2FR.xml
num=$(xmllint --xpath "string(//*[local-name()='ExchangedDocument']/*[local-name()='ID'])" "$xml")
if F --import-facturx="$xml" >/dev/null 2>&1 && F --export-facturx="$num" --output="$tmp/dup.pdf" 2>"$tmp/err" &&
   qpdf --check "$tmp/dup.pdf" >/dev/null && pdftotext "$tmp/dup.pdf" - | grep -qi "duplicata" &&
   pdfdetach -save 1 -o "$tmp/dup.xml" "$tmp/dup.pdf" >/dev/null && cmp -s "$tmp/dup.xml" "$xml"; then
  ok "imported XML exported as a Duplicata carrying it"; else fail "Duplicata export of $num: $(cat "$tmp/err")"; fi

# --export-pdf exports an imported invoice the same way
if F --export-pdf=F20260023 --output="$tmp/again2.pdf" 2>"$tmp/err" && cmp -s "$tmp/again2.pdf" "$sample"; then
  ok "--export-pdf of an imported PDF"; else fail "--export-pdf imported: $(cat "$tmp/err")"; fi
if F --export-pdf="$num" --output="$tmp/dup2.pdf" 2>"$tmp/err" && pdftotext "$tmp/dup2.pdf" - | grep -qi "duplicata"; then
  ok "--export-pdf of an imported XML: the Duplicata"; else fail "--export-pdf Duplicata: $(cat "$tmp/err")"; fi
help=$("$FACTURES" --help 2>&1)
if grep -A2 -- "--output=FILE" <<<"$help" | grep -q -- "--export-facturx" ; then
  ok "--help: --output names --export-facturx"; else fail "--help: $(grep -A2 -- '--output' <<<"$help")"; fi

# JSON round trip keeps the imported files
if F --export-json="$tmp/all.json" && "$FACTURES" --database="$tmp/copy.db" --import-json="$tmp/all.json" &&
   [ "$(sqlite3 "$db" "SELECT group_concat(hex(original) || hex(xml)) FROM imported_invoices ORDER BY id")" = \
     "$(sqlite3 "$tmp/copy.db" "SELECT group_concat(hex(original) || hex(xml)) FROM imported_invoices ORDER BY id")" ] &&
   [ "$(count "$tmp/copy.db" purchase)" = "$(count "$db" purchase)" ] && [ "$(count "$db" purchase)" -ge 2 ]; then
  ok "JSON round trip"; else fail "JSON round trip"; fi

# ---- issue 10: kinds of drafts, own sales by SIRET, damaged files, dates, limits ----
# Each refusal: a message naming the field, a non-zero exit, the database byte for byte the same.
db10=$tmp/issue10.db
"$FIXTURE" "$db10" >/dev/null || { echo "fixture failed"; exit 1; }
G() { "$FACTURES" --database="$db10" "$@"; }
dump() { sqlite3 "$db10" .dump | sha256sum; }
# refused DESCRIPTION WANT ARGS…: exit non-zero, WANT in the output, database unchanged
refused() {
  local what=$1 want=$2; shift 2
  local before after out rc
  before=$(dump); out=$(G "$@" 2>&1); rc=$?; after=$(dump)
  if [ $rc != 0 ] && grep -qF -- "$want" <<<"$out" && [ "$before" = "$after" ]; then
    ok "$what refused: $want"; else fail "$what: rc=$rc, $out (database changed: $([ "$before" = "$after" ] && echo no || echo yes))"; fi
}
G --export-facturx=F2026-0001 --output="$tmp/i10.pdf" 2>/dev/null && pdfdetach -save 1 -o "$tmp/i10.xml" "$tmp/i10.pdf" ||
  fail "issue 10: export F2026-0001"
# variant OUT TYPE NUMBER [BT-25]: F2026-0001's XML (Atelier Dupont SARL) as another document
variant() {
  sed -e "s|<ram:TypeCode>380</ram:TypeCode>|<ram:TypeCode>$2</ram:TypeCode>|" \
      -e "s|<ram:ID>F2026-0001</ram:ID>|<ram:ID>$3</ram:ID>|" "$tmp/i10.xml" > "$tmp/$1"
  if [ -n "${4:-}" ]; then
    perl -0pi -e "s|(</ram:SpecifiedTradeSettlementHeaderMonetarySummation>)|\$1<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>$4</ram:IssuerAssignedID></ram:InvoiceReferencedDocument>|" "$tmp/$1"
  fi
}
variant credit.xml 381 AV-0001 F2026-0001
variant credit-other.xml 381 AV-0002 F2026-0002
variant credit-none.xml 381 AV-0003
variant credit-unknown.xml 396 AV-0004 F2025-0999
variant corrected.xml 384 RC-0001
variant deposit.xml 386 AC-0001

# 381 citing an invoice Factures issued to that client: a credit-note draft citing it, as the editor's
out=$(G --import-facturx="$tmp/credit.xml" --as=draft 2>&1)
row=$(sqlite3 "$db10" "SELECT d.kind || '|' || c.name || '|' || t.number FROM documents d JOIN document_links l ON l.document_id = d.id AND l.role = 'invoice'
                       JOIN documents t ON t.id = l.target_id JOIN clients c ON c.id = d.client_id WHERE d.status = 0 AND d.notes LIKE 'Reprise de la facture AV-0001%'")
if [ $? = 0 ] && [ "$row" = "381|Atelier Dupont SARL|F2026-0001" ] && grep -q "draft credit note" <<<"$out"; then
  ok "381 → credit-note draft citing F2026-0001"; else fail "381 draft: $out / $row"; fi
refused "381 citing another client's invoice" "BT-25" --import-facturx="$tmp/credit-other.xml" --as=draft
refused "381 citing no invoice" "BT-25" --import-facturx="$tmp/credit-none.xml" --as=draft
refused "396 citing a number Factures never issued" "F2025-0999" --import-facturx="$tmp/credit-unknown.xml" --as=draft
refused "384 (corrected invoice)" "credit note" --import-facturx="$tmp/corrected.xml" --as=draft
out=$(G --import-facturx="$tmp/deposit.xml" --as=draft 2>&1)
if [ "$(sqlite3 "$db10" "SELECT kind FROM documents WHERE status = 0 AND notes LIKE 'Reprise de la facture AC-0001%'")" = 386 ]; then
  ok "386 → deposit-invoice draft"; else fail "386 draft: $out"; fi

# our own sale with the 14-digit SIRET in BT-30 and no VAT number: the client's history, not purchases
perl -0pe 's|<ram:ID>F2026-0001</ram:ID>|<ram:ID>ANC-2025-0007</ram:ID>|;
           s|\s*<ram:GlobalID schemeID="0009">[0-9]*</ram:GlobalID>||;
           s|(<ram:SellerTradeParty>.*?<ram:ID schemeID="0002">)732829320(</ram:ID>)|${1}73282932000074$2|s;
           s|\s*<ram:SpecifiedTaxRegistration>\s*<ram:ID schemeID="(VA\|FC)">[^<]*</ram:ID>\s*</ram:SpecifiedTaxRegistration>||g' \
  "$tmp/i10.xml" > "$tmp/siret.xml"
grep -q '<ram:ID schemeID="0002">73282932000074</ram:ID>' "$tmp/siret.xml" || fail "siret.xml not made"
out=$(G --import-facturx="$tmp/siret.xml" 2>&1)
if [ $? = 0 ] && grep -q "client's history" <<<"$out" &&
   [ "$(sqlite3 "$db10" "SELECT direction FROM imported_invoices WHERE number = 'ANC-2025-0007'")" = sale ]; then
  ok "own sale by a 14-digit SIRET in BT-30"; else fail "SIRET in BT-30: $out"; fi
# the FNFE sample written that way (BT-30 99999999800010), with a profile of SIREN 999999998
fnfe=$R/02_facturx/mustangproject/library/cii/facturFrMinimum.xml
cp "$db10" "$tmp/fnfe.db"
sqlite3 "$tmp/fnfe.db" "UPDATE profile SET siren = '999999998', vat_id = NULL"
out=$("$FACTURES" --database="$tmp/fnfe.db" --import-facturx="$fnfe" 2>&1)
if [ $? = 0 ] && grep -q "client's history" <<<"$out"; then ok "FNFE sample is an own sale"; else fail "FNFE sample: $out"; fi
# its MINIMUM profile has no BT-113: no BT-115 warning for its prepayment
out=$("$FACTURES" --check-facturx="$fnfe" 2>&1)
if [ $? = 0 ] && ! grep -q "BT-115" <<<"$out"; then ok "MINIMUM: no BT-115 warning"; else fail "MINIMUM BT-115: $out"; fi

# damaged PDFs: bytes zeroed in the middle of a compressed stream, a broken xref, a cut in a stream
python3 - "$tmp/i10.pdf" "$tmp" <<'PY'
import sys
pdf, out = open(sys.argv[1], 'rb').read(), sys.argv[2]
pos = 0
while True:
    s = pdf.index(b'>>\nstream\n', pos) + len(b'>>\nstream\n')
    e = pdf.index(b'endstream', s)
    if b'/FlateDecode' in pdf[max(0, s - 300):s].rsplit(b'obj', 1)[-1] and e - s > 1000:
        break
    pos = e
mid = (s + e) // 2
open(out + '/stream.pdf', 'wb').write(pdf[:mid] + b'\0' * 16 + pdf[mid + 16:])
x = pdf.rindex(b'\nxref\n') + 30
open(out + '/xref.pdf', 'wb').write(pdf[:x] + b'9' * 20 + pdf[x + 20:])
open(out + '/cut-stream.pdf', 'wb').write(pdf[:mid])
PY
for f in stream xref cut-stream; do
  refused "$f.pdf (damaged) as history" "damaged" --import-facturx="$tmp/$f.pdf"
  refused "$f.pdf (damaged) as a draft" "damaged" --import-facturx="$tmp/$f.pdf" --as=draft
  if "$FACTURES" --check-facturx="$tmp/$f.pdf" >/dev/null 2>&1; then fail "--check-facturx passes $f.pdf"; fi
done

# an issue date that is no date: refused naming BT-2, never "valid" alone
sed -e '0,/<udt:DateTimeString format="102">[0-9]*</s||<udt:DateTimeString format="102">20261340<|' \
    -e 's|<ram:ID>F2026-0001</ram:ID>|<ram:ID>BAD-DATE-1</ram:ID>|' "$tmp/i10.xml" > "$tmp/date.xml"
grep -q ">20261340<" "$tmp/date.xml" || fail "date.xml not made"
out=$("$FACTURES" --check-facturx="$tmp/date.xml" 2>&1)
if [ $? != 0 ] && grep -q "BT-2" <<<"$out"; then ok "--check-facturx: BT-2 20261340"; else fail "--check-facturx date: $out"; fi
refused "issue date 20261340 as history" "BT-2" --import-facturx="$tmp/date.xml"
refused "issue date 20261340 as a draft" "BT-2" --import-facturx="$tmp/date.xml" --as=draft

# limits, the limit in the message
long=$(head -c 20000 /dev/zero | tr '\0' N)
sed "s|<ram:ID>F2026-0001</ram:ID>|<ram:ID>$long</ram:ID>|" "$tmp/i10.xml" > "$tmp/long-number.xml"
refused "a 20,000-character number" "200" --import-facturx="$tmp/long-number.xml"
text=$(head -c 4030 /dev/zero | tr '\0' a)
sed -e "0,/<ram:Name>/s||<ram:Name>$text|" -e 's|<ram:ID>F2026-0001</ram:ID>|<ram:ID>LONG-TEXT-1</ram:ID>|' "$tmp/i10.xml" > "$tmp/long-text.xml"
refused "a 4,030-character text as history" "4000" --import-facturx="$tmp/long-text.xml"
refused "a 4,030-character text as a draft" "4000" --import-facturx="$tmp/long-text.xml" --as=draft
# 11 MiB: eleven comments of 1 MiB after the invoice (each below libxml2's own limit on one node)
mib=$(head -c $((1024 * 1024)) /dev/zero | tr '\0' x)
{ sed 's|<ram:ID>F2026-0001</ram:ID>|<ram:ID>BIG-1</ram:ID>|' "$tmp/i10.xml"; for i in $(seq 11); do printf '<!--%s-->\n' "$mib"; done; } > "$tmp/big.xml"
refused "an 11 MiB XML" "10 MiB" --import-facturx="$tmp/big.xml"
{ cat "$tmp/i10.pdf"; head -c $((31 * 1024 * 1024)) /dev/zero; } > "$tmp/big.pdf"
refused "a 31 MiB PDF" "30 MiB" --import-facturx="$tmp/big.pdf"
# a device without a size is read up to the limit only
[ -r /dev/zero ] && refused "/dev/zero" "30 MiB" --import-facturx=/dev/zero
rm -f "$tmp/big.xml" "$tmp/big.pdf"
# a PDF of 1 MiB whose page inflates to 1.1 GiB: refused while inflating, the limit said
python3 - "$tmp/bomb.pdf" <<'PY'
import sys, zlib
c = zlib.compressobj(9)
chunk = b'\0' * (16 * 1024 * 1024)
data = b''.join(c.compress(chunk) for _ in range(70)) + c.flush()
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"]
out, offsets = b"%PDF-1.7\n", []
for i, o in enumerate(objs):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(sys.argv[1], 'wb').write(out)
PY
refused "a PDF inflating to 1.1 GiB" "1024 MiB" --import-facturx="$tmp/bomb.pdf"

echo "$failures failure(s)"
[ $failures = 0 ]
