/* factures-document.c — the domain model: seller profile, client, document, lines, totals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-document.h"

/**
 * factures_client_category_is_b2b:
 * @category: a buyer category
 *
 * Companies, associations and public bodies are professional buyers: their
 * documents carry the B2B mentions (penalties, 40 € indemnity; LEGAL.md §1,
 * C. com. L441-9 and L441-10).
 *
 * Returns: %TRUE for every category but %FACTURES_CLIENT_CATEGORY_INDIVIDUAL.
 */
gboolean
factures_client_category_is_b2b (FacturesClientCategory category)
{
  return category != FACTURES_CLIENT_CATEGORY_INDIVIDUAL;
}

/* ---- Party --------------------------------------------------------------- */

/**
 * factures_party_clear:
 * @party: a party
 *
 * Frees every string of @party and sets them to NULL (the struct itself is not freed).
 */
void
factures_party_clear (FacturesParty *party)
{
  g_return_if_fail (party != NULL);

  g_clear_pointer (&party->name, g_free);
  g_clear_pointer (&party->address, g_free);
  g_clear_pointer (&party->postal_code, g_free);
  g_clear_pointer (&party->city, g_free);
  g_clear_pointer (&party->country_code, g_free);
  g_clear_pointer (&party->siren, g_free);
  g_clear_pointer (&party->siret, g_free);
  g_clear_pointer (&party->vat_id, g_free);
  g_clear_pointer (&party->email, g_free);
  g_clear_pointer (&party->phone, g_free);
}

/**
 * factures_party_copy_to:
 * @src: a party
 * @dest: a party; its previous strings are freed
 *
 * Deep-copies @src into @dest.
 */
void
factures_party_copy_to (const FacturesParty *src,
                        FacturesParty       *dest)
{
  g_return_if_fail (src != NULL && dest != NULL);

  if (src == dest)
    return;
  factures_party_clear (dest);
  dest->name = g_strdup (src->name);
  dest->address = g_strdup (src->address);
  dest->postal_code = g_strdup (src->postal_code);
  dest->city = g_strdup (src->city);
  dest->country_code = g_strdup (src->country_code);
  dest->siren = g_strdup (src->siren);
  dest->siret = g_strdup (src->siret);
  dest->vat_id = g_strdup (src->vat_id);
  dest->email = g_strdup (src->email);
  dest->phone = g_strdup (src->phone);
}

/* ---- Profile ------------------------------------------------------------- */

/**
 * factures_profile_new:
 *
 * An empty profile: country "FR", franchise en base (art. 293 B CGI),
 * services, no registry, payment on receipt, end-of-month method
 * "add then end", penalty rate 0 (the "taux BCE + 10 points" wording).
 *
 * Returns: (transfer full): a new profile; free with factures_profile_free().
 */
FacturesProfile *
factures_profile_new (void)
{
  FacturesProfile *profile = g_new0 (FacturesProfile, 1);

  profile->party.country_code = g_strdup ("FR");
  profile->registry = FACTURES_REGISTRY_NONE;
  profile->activity = FACTURES_ACTIVITY_SERVICES;
  profile->vat_regime = FACTURES_VAT_REGIME_FRANCHISE;
  profile->default_terms.kind = FACTURES_TERMS_ON_RECEIPT;
  profile->default_terms.days = 0;
  profile->eom_method = FACTURES_EOM_METHOD_ADD_THEN_END;
  profile->penalty_rate_bp = 0;
  profile->territory = FACTURES_VAT_TERRITORY_METROPOLE;
  profile->line_activity = FACTURES_LINE_ACTIVITY_DEFAULT;
  profile->exempt_activities = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_exempt_activity_free);
  return profile;
}

/**
 * factures_profile_copy:
 * @profile: a profile
 *
 * Returns: (transfer full): a deep copy (the logo bytes are shared, they are immutable).
 */
FacturesProfile *
factures_profile_copy (const FacturesProfile *profile)
{
  FacturesProfile *copy;

  g_return_val_if_fail (profile != NULL, NULL);

  copy = g_new0 (FacturesProfile, 1);
  *copy = *profile;
  memset (&copy->party, 0, sizeof copy->party);
  factures_party_copy_to (&profile->party, &copy->party);
  copy->registry_city = g_strdup (profile->registry_city);
  copy->iban = g_strdup (profile->iban);
  copy->bic = g_strdup (profile->bic);
  copy->insurance = g_strdup (profile->insurance);
  copy->building_trade = profile->building_trade;
  copy->logo = profile->logo ? g_bytes_ref (profile->logo) : NULL;
  copy->exempt_activities = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_exempt_activity_free);
  if (profile->exempt_activities != NULL)
    for (guint i = 0; i < profile->exempt_activities->len; i++)
      g_ptr_array_add (copy->exempt_activities,
                       factures_exempt_activity_copy (g_ptr_array_index (profile->exempt_activities, i)));
  return copy;
}

/**
 * factures_profile_free:
 * @profile: (nullable): a profile
 */
void
factures_profile_free (FacturesProfile *profile)
{
  if (profile == NULL)
    return;
  factures_party_clear (&profile->party);
  g_free (profile->registry_city);
  g_free (profile->iban);
  g_free (profile->bic);
  g_free (profile->insurance);
  g_clear_pointer (&profile->logo, g_bytes_unref);
  g_clear_pointer (&profile->exempt_activities, g_ptr_array_unref);
  g_free (profile);
}

/* ---- Client -------------------------------------------------------------- */

/**
 * factures_client_new:
 *
 * Returns: (transfer full): an empty client: id 0, country "FR", category
 *   particulier, the profile's default terms.
 */
FacturesClient *
factures_client_new (void)
{
  FacturesClient *client = g_new0 (FacturesClient, 1);

  client->party.country_code = g_strdup ("FR");
  client->category = FACTURES_CLIENT_CATEGORY_INDIVIDUAL;
  client->has_terms = FALSE;
  client->terms.kind = FACTURES_TERMS_ON_RECEIPT;
  return client;
}

/**
 * factures_client_copy:
 * @client: a client
 *
 * Returns: (transfer full): a deep copy.
 */
FacturesClient *
factures_client_copy (const FacturesClient *client)
{
  FacturesClient *copy;

  g_return_val_if_fail (client != NULL, NULL);

  copy = g_new0 (FacturesClient, 1);
  *copy = *client;
  memset (&copy->party, 0, sizeof copy->party);
  factures_party_copy_to (&client->party, &copy->party);
  copy->notes = g_strdup (client->notes);
  copy->legal_id = g_strdup (client->legal_id);
  copy->service_code = g_strdup (client->service_code);
  copy->electronic_address = g_strdup (client->electronic_address);
  return copy;
}

/**
 * factures_client_free:
 * @client: (nullable): a client
 */
void
factures_client_free (FacturesClient *client)
{
  if (client == NULL)
    return;
  factures_party_clear (&client->party);
  g_free (client->notes);
  g_free (client->legal_id);
  g_free (client->service_code);
  g_free (client->electronic_address);
  g_free (client);
}

/* ---- Line ---------------------------------------------------------------- */

/**
 * factures_line_new:
 *
 * Returns: (transfer full): a line with quantity 1, unit price 0, no VAT, no allowance.
 */
FacturesLine *
factures_line_new (void)
{
  FacturesLine *line = g_new0 (FacturesLine, 1);

  line->quantity = FACTURES_QUANTITY_ONE;
  return line;
}

/**
 * factures_line_copy:
 * @line: a line
 *
 * Returns: (transfer full): a deep copy.
 */
FacturesLine *
factures_line_copy (const FacturesLine *line)
{
  FacturesLine *copy;

  g_return_val_if_fail (line != NULL, NULL);

  copy = g_new0 (FacturesLine, 1);
  *copy = *line;
  copy->description = g_strdup (line->description);
  copy->unit = g_strdup (line->unit);
  copy->vatex = g_strdup (line->vatex);
  copy->exemption_reason = g_strdup (line->exemption_reason);
  copy->override_reason = g_strdup (line->override_reason);
  return copy;
}

/**
 * factures_line_free:
 * @line: (nullable): a line
 */
void
factures_line_free (FacturesLine *line)
{
  if (line == NULL)
    return;
  g_free (line->description);
  g_free (line->unit);
  g_free (line->vatex);
  g_free (line->exemption_reason);
  g_free (line->override_reason);
  g_free (line);
}

/* ---- Document ------------------------------------------------------------ */

/**
 * factures_document_new:
 * @kind: the document kind
 *
 * A new draft dated today (factures_today(), so FACTURES_TODAY applies),
 * payable on receipt (due date = issue date), no delivery date, no seller,
 * no buyer, no lines.
 *
 * Returns: (transfer full): a new document; free with factures_document_free().
 */
FacturesDocument *
factures_document_new (FacturesDocumentKind kind)
{
  FacturesDocument *document = g_new0 (FacturesDocument, 1);

  document->kind = kind;
  document->status = FACTURES_DOCUMENT_STATUS_DRAFT;
  factures_today (&document->issue_date);
  g_date_clear (&document->delivery_date, 1);
  g_date_clear (&document->valid_until, 1);
  document->due_date = document->issue_date;
  document->terms.kind = FACTURES_TERMS_ON_RECEIPT;
  document->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_line_free);
  return document;
}

/**
 * factures_document_copy:
 * @document: a document
 *
 * Returns: (transfer full): a deep copy (seller, buyer and lines copied too).
 */
FacturesDocument *
factures_document_copy (const FacturesDocument *document)
{
  FacturesDocument *copy;
  guint i;

  g_return_val_if_fail (document != NULL, NULL);

  copy = g_new0 (FacturesDocument, 1);
  *copy = *document;
  copy->number = g_strdup (document->number);
  copy->seller = document->seller ? factures_profile_copy (document->seller) : NULL;
  copy->buyer = document->buyer ? factures_client_copy (document->buyer) : NULL;
  copy->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_line_free);
  if (document->lines != NULL)
    for (i = 0; i < document->lines->len; i++)
      g_ptr_array_add (copy->lines, factures_line_copy (g_ptr_array_index (document->lines, i)));
  copy->notes = g_strdup (document->notes);
  copy->purchase_order = g_strdup (document->purchase_order);
  copy->currency = g_strdup (document->currency);
  copy->exchange_rate = document->exchange_rate;
  copy->hash = g_strdup (document->hash);
  copy->conditions = g_strdup (document->conditions);
  copy->cites = document->cites ? factures_document_ref_copy (document->cites) : NULL;
  copy->deposits = NULL;
  if (document->deposits != NULL)
    {
      copy->deposits = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_document_ref_free);
      for (i = 0; i < document->deposits->len; i++)
        g_ptr_array_add (copy->deposits,
                         factures_document_ref_copy (g_ptr_array_index (document->deposits, i)));
    }
  copy->instalments = document->instalments != NULL ? g_array_copy (document->instalments) : NULL;
  return copy;
}

/**
 * factures_document_free:
 * @document: (nullable): a document
 */
void
factures_document_free (FacturesDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->number);
  factures_profile_free (document->seller);
  factures_client_free (document->buyer);
  g_clear_pointer (&document->lines, g_ptr_array_unref);
  g_free (document->notes);
  g_free (document->purchase_order);
  g_free (document->currency);
  g_free (document->hash);
  g_free (document->conditions);
  factures_document_ref_free (document->cites);
  g_clear_pointer (&document->deposits, g_ptr_array_unref);
  g_clear_pointer (&document->instalments, g_array_unref);
  g_free (document);
}

/**
 * factures_document_ref_new:
 *
 * Returns: (transfer full): an empty reference (invalid date); free with
 *   factures_document_ref_free().
 */
FacturesDocumentRef *
factures_document_ref_new (void)
{
  FacturesDocumentRef *ref = g_new0 (FacturesDocumentRef, 1);

  g_date_clear (&ref->issue_date, 1);
  return ref;
}

/**
 * factures_document_ref_copy:
 * @ref: a reference
 *
 * Returns: (transfer full): a deep copy.
 */
FacturesDocumentRef *
factures_document_ref_copy (const FacturesDocumentRef *ref)
{
  FacturesDocumentRef *copy;

  g_return_val_if_fail (ref != NULL, NULL);

  copy = g_new0 (FacturesDocumentRef, 1);
  *copy = *ref;
  copy->number = g_strdup (ref->number);
  return copy;
}

/**
 * factures_document_ref_free:
 * @ref: (nullable): a reference
 */
void
factures_document_ref_free (FacturesDocumentRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->number);
  g_free (ref);
}

/**
 * factures_document_deposits_total:
 * @document: a document
 *
 * Returns: the sum of the gross totals (cents) of the deposit invoices a final
 *   invoice deducts (DESIGN.md §4), 0 when it deducts none.
 */
gint64
factures_document_deposits_total (const FacturesDocument *document)
{
  gint64 total = 0;

  g_return_val_if_fail (document != NULL, 0);

  if (document->deposits == NULL)
    return 0;
  for (guint i = 0; i < document->deposits->len; i++)
    {
      const FacturesDocumentRef *ref = g_ptr_array_index (document->deposits, i);

      total += ref->amount;
    }
  return total;
}

/**
 * factures_document_kind_title:
 * @kind: a document kind
 *
 * Returns: (transfer none): "Invoice", "Quote", "Deposit invoice", "Credit note",
 *   translated for the UI ("Facture", "Devis", "Facture d’acompte", "Avoir").
 */
const char *
factures_document_kind_title (FacturesDocumentKind kind)
{
  switch (kind)
    {
    case FACTURES_DOCUMENT_KIND_QUOTE:
      return C_("document kind", "Quote");
    case FACTURES_DOCUMENT_KIND_INVOICE:
      return C_("document kind", "Invoice");
    case FACTURES_DOCUMENT_KIND_CREDIT_NOTE:
      return C_("document kind", "Credit note");
    case FACTURES_DOCUMENT_KIND_DEPOSIT:
      return C_("document kind", "Deposit invoice");
    default:
      return C_("document kind", "Document");
    }
}

/**
 * factures_document_kind_title_fr:
 * @kind: a document kind
 *
 * The title printed on the document, always French whatever the UI language
 * (the PDF is a French legal document).
 *
 * Returns: (transfer none): "Facture", "Devis", "Facture d’acompte", "Avoir".
 */
const char *
factures_document_kind_title_fr (FacturesDocumentKind kind)
{
  switch (kind)
    {
    case FACTURES_DOCUMENT_KIND_QUOTE:
      return "Devis";
    case FACTURES_DOCUMENT_KIND_INVOICE:
      return "Facture";
    case FACTURES_DOCUMENT_KIND_CREDIT_NOTE:
      return "Avoir";
    case FACTURES_DOCUMENT_KIND_DEPOSIT:
      return "Facture d’acompte";
    default:
      return "Document";
    }
}

/* ---- Totals -------------------------------------------------------------- */

/**
 * factures_totals_clear:
 * @totals: totals filled by factures_totals_compute(), or zeroed
 *
 * Frees the arrays and zeroes every figure; safe to call twice.
 */
void
factures_totals_clear (FacturesTotals *totals)
{
  if (totals == NULL)
    return;
  g_clear_pointer (&totals->line_nets, g_array_unref);
  g_clear_pointer (&totals->breakdown, g_array_unref);
  memset (totals, 0, sizeof *totals);
}

static gint
compare_breakdown_desc (gconstpointer a,
                        gconstpointer b)
{
  const FacturesVatBreakdown *x = a;
  const FacturesVatBreakdown *y = b;

  if (y->rate_bp != x->rate_bp)
    return (y->rate_bp > x->rate_bp) - (y->rate_bp < x->rate_bp);
  return (x->vat_category > y->vat_category) - (x->vat_category < y->vat_category);
}

static void
breakdown_row_clear (gpointer data)
{
  FacturesVatBreakdown *row = data;

  g_clear_pointer (&row->vatex, g_free);
  g_clear_pointer (&row->reason, g_free);
}

/* Adds @treatment's reason to @row's, once (one line per exemption basis). */
static void
breakdown_row_add_reason (FacturesVatBreakdown       *row,
                          const FacturesVatTreatment *treatment)
{
  /* The débours' code (VATEX-EU-79-C) gives way to the code of the operation it accompanies
   * when they share the E row (franchise, art. 261): BT-121 names the main basis. */
  if (treatment->vatex != NULL &&
      (row->vatex == NULL || (g_strcmp0 (row->vatex, FACTURES_VATEX_EU_79_C) == 0 &&
                              g_strcmp0 (treatment->vatex, FACTURES_VATEX_EU_79_C) != 0)))
    {
      g_free (row->vatex);
      row->vatex = g_strdup (treatment->vatex);
    }
  if (treatment->reason == NULL || *treatment->reason == '\0')
    return;
  if (row->reason == NULL)
    row->reason = g_strdup (treatment->reason);
  else
    {
      g_auto(GStrv) parts = g_strsplit (row->reason, "\n", -1);

      if (!g_strv_contains ((const char * const *) parts, treatment->reason))
        {
          char *joined = g_strconcat (row->reason, "\n", treatment->reason, NULL);

          g_free (row->reason);
          row->reason = joined;
        }
    }
}

gboolean
factures_totals_compute (const GPtrArray *lines,
                         gint64           document_allowance,
                         gboolean         vat_exempt,
                         FacturesTotals  *out,
                         GError         **error)
{
  g_autoptr(GArray) nets = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (FacturesVatBreakdown));
  gint64 lines_total = 0;
  gint64 net_total, vat_total = 0, gross_total;
  gint64 allocated = 0;
  guint n_lines = lines ? lines->len : 0;
  guint i, j;

  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  g_array_set_clear_func (rows, breakdown_row_clear);

  if (vat_exempt && n_lines == 0)
    {
      FacturesVatBreakdown row = { 'E', 0, 0, 0, FACTURES_VAT_CATEGORY_E,
                                   g_strdup (FACTURES_VATEX_FRANCHISE), NULL };
      g_array_append_val (rows, row);
    }

  /* Line nets and the sum of nets per category and rate (one row per category but S:
   * EN 16931 BR-E-08, BR-AE-08, … sum every line of the category into one row). */
  for (i = 0; i < n_lines; i++)
    {
      const FacturesLine *line = g_ptr_array_index ((GPtrArray *) lines, i);
      FacturesVatTreatment treatment;
      gint64 amount, net;
      FacturesVatBreakdown *row = NULL;

      factures_vat_line_treatment (line, vat_exempt, &treatment);
      if (!factures_money_line_amount (line->quantity, line->unit_price, &amount, error) ||
          !factures_money_add (amount, -line->allowance, &net, error) ||
          !factures_money_add (lines_total, net, &lines_total, error))
        return FALSE;
      g_array_append_val (nets, net);

      for (j = 0; j < rows->len; j++)
        {
          FacturesVatBreakdown *candidate = &g_array_index (rows, FacturesVatBreakdown, j);

          if (candidate->vat_category == treatment.category &&
              (treatment.category != FACTURES_VAT_CATEGORY_S || candidate->rate_bp == treatment.rate_bp))
            row = candidate;
        }
      if (row == NULL)
        {
          const char *code = factures_vat_category_code (treatment.category);
          FacturesVatBreakdown new_row = { code[0], treatment.rate_bp, 0, 0, treatment.category,
                                           NULL, NULL };
          g_array_append_val (rows, new_row);
          row = &g_array_index (rows, FacturesVatBreakdown, rows->len - 1);
        }
      breakdown_row_add_reason (row, &treatment);
      if (!factures_money_add (row->base, net, &row->base, error))
        return FALSE;
    }

  g_array_sort (rows, compare_breakdown_desc);

  /* Document allowance split pro rata per rate (BR-CO-17); the last row takes
   * the remainder so the shares add up to the allowance exactly. */
  for (j = 0; j < rows->len; j++)
    {
      FacturesVatBreakdown *row = &g_array_index (rows, FacturesVatBreakdown, j);
      gint64 share;

      if (j + 1 == rows->len)
        share = document_allowance - allocated;
      else if (lines_total == 0)
        share = j == 0 ? document_allowance : 0;
      else if (!factures_muldiv_round (document_allowance, row->base, lines_total, &share, error))
        return FALSE;
      if (j + 1 != rows->len && !factures_money_add (allocated, share, &allocated, error))
        return FALSE;

      if (!factures_money_add (row->base, -share, &row->base, error) ||
          !factures_money_apply_rate (row->base, row->rate_bp, &row->vat, error) ||
          !factures_money_add (vat_total, row->vat, &vat_total, error))
        return FALSE;
    }

  if (!factures_money_add (lines_total, -document_allowance, &net_total, error) ||
      !factures_money_add (net_total, vat_total, &gross_total, error))
    return FALSE;

  out->line_nets = g_steal_pointer (&nets);
  out->breakdown = g_steal_pointer (&rows);
  out->lines_total = lines_total;
  out->allowance_total = document_allowance;
  out->net_total = net_total;
  out->vat_total = vat_total;
  out->gross_total = gross_total;
  out->paid_total = 0;
  out->amount_due = gross_total;
  return TRUE;
}

/**
 * factures_document_compute_totals:
 * @document: a document
 * @out: (out caller-allocates): filled; clear with factures_totals_clear()
 * @error: FACTURES_ERROR_OVERFLOW
 *
 * factures_totals_compute() on the document's lines and allowance, exempt when
 * the seller is in franchise en base (or when there is no seller yet: franchise
 * is the default regime). On a final invoice, paid_total is the sum of the
 * deposit invoices it deducts (document->deposits) and amount_due the gross
 * total minus them; otherwise paid_total is 0 and amount_due the gross total.
 * The store subtracts payments and credit notes it knows of.
 *
 * Returns: %TRUE on success.
 */
gboolean
factures_document_compute_totals (const FacturesDocument *document,
                                  FacturesTotals         *out,
                                  GError                **error)
{
  gboolean exempt;

  g_return_val_if_fail (document != NULL, FALSE);

  exempt = document->seller == NULL ||
           document->seller->vat_regime == FACTURES_VAT_REGIME_FRANCHISE;
  if (!factures_totals_compute (document->lines, document->allowance, exempt, out, error))
    return FALSE;

  /* A final invoice deducts its deposit invoices (DESIGN.md §4; EN 16931 BT-113). */
  if (document->kind == FACTURES_DOCUMENT_KIND_INVOICE)
    {
      gint64 deposits = factures_document_deposits_total (document);

      out->paid_total += deposits;
      out->amount_due -= deposits;
    }
  return TRUE;
}
