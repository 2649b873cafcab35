/* factures-store-facturx.c — invoices imported from Factur-X / CII files (issue 6)
 *
 * History rows live in imported_invoices (migration 0006-facturx.sql), read-only
 * by trigger except the payment (paid_on, and since 0007 paid_method, paid_amount,
 * paid_reference: factures-store-receipts.c); drafts go through factures_store_save_draft().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <sqlite3.h>

#include "factures-store-facturx.h"
#include "factures-store-facturx-private.h"
#include "factures-store-private.h"
#include "factures-store-lifecycle-private.h"
#include "factures-store-numbering-private.h"
#include "factures-store-receipts.h"
#include "factures-identifiers-eu.h"
#include "factures-imported-text.h"


static char *
digits_only (const char *s)
{
  GString *out = g_string_new (NULL);

  for (; s != NULL && *s; s++)
    if (g_ascii_isdigit (*s))
      g_string_append_c (out, *s);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* The SIREN of a party: its legal ID (BT-30, BT-47) when 9 digits, else the first 9 digits
 * of a 14-digit SIRET written there (as the FNFE samples write BT-30) or in its global ID,
 * else the one inside its French VAT number; NULL when none. */
static char *
siren_of (const FacturesParty *party)
{
  g_autofree char *siren = digits_only (party->siren);
  g_autofree char *siret = digits_only (party->siret);

  if (siren != NULL && strlen (siren) == 9)
    return g_steal_pointer (&siren);
  if (siren != NULL && strlen (siren) == 14)
    return g_strndup (siren, 9);
  if (siret != NULL && strlen (siret) == 14)
    return g_strndup (siret, 9);
  /* A French VAT number carries the SIREN (FR + key + SIREN). */
  return party->vat_id != NULL ? factures_vat_id_fr_to_siren (party->vat_id) : NULL;
}

static char *
iso_date (const GDate *date)
{
  if (!g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
bind_text (sqlite3_stmt *stmt, int col, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
}

static void
bind_blob (sqlite3_stmt *stmt, int col, GBytes *bytes)
{
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  sqlite3_bind_blob64 (stmt, col, size > 0 ? data : "", size, SQLITE_TRANSIENT);
}

/* The existing client for @party: same SIREN, else same folded name; *@out_id 0 when none.
 * FALSE on a database error. */
static gboolean
find_client (FacturesStore *self, const FacturesParty *party, gint64 *out_id, GError **error)
{
  g_autofree char *siren = siren_of (party);
  g_autofree char *key = factures_store_fold (party->name != NULL ? party->name : "");

  *out_id = 0;
  if (siren != NULL)
    {
      g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self,
        "SELECT id FROM clients WHERE siren = ?1 OR substr (replace (siret, ' ', ''), 1, 9) = ?1 ORDER BY id LIMIT 1",
        error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, siren, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          *out_id = sqlite3_column_int64 (stmt, 0);
          return TRUE;
        }
    }
  if (*key != '\0')
    {
      g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self,
        "SELECT id FROM clients WHERE name_key = ?1 ORDER BY id LIMIT 1", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        *out_id = sqlite3_column_int64 (stmt, 0);
    }
  return TRUE;
}

/* The client for @party: same SIREN, else same folded name, else a new one (B2B when it has
 * a SIREN). Inside the caller's transaction; @out_created tells whether it is new. */
static gint64
match_client (FacturesStore *self, const FacturesParty *party, gboolean *out_created, GError **error)
{
  g_autofree char *siren = siren_of (party);
  g_autoptr(FacturesClient) client = NULL;
  gint64 id = 0;

  *out_created = FALSE;
  if (!find_client (self, party, &id, error))
    return 0;
  if (id != 0)
    return id;

  client = factures_client_new ();
  factures_party_copy_to (party, &client->party);
  if (client->party.name == NULL || *client->party.name == '\0')
    {
      g_free (client->party.name);
      client->party.name = g_strdup (_("Client of an imported invoice"));
    }
  g_free (client->party.siren);
  client->party.siren = g_strdup (siren);
  g_clear_pointer (&client->party.siret, g_free);
  if (client->party.country_code == NULL)
    client->party.country_code = g_strdup ("FR");
  /* A buyer the file identifies as a business (SIREN or SIRET, a VAT number: BT-47, BT-48)
   * is a company; only a buyer without any identifier is taken for a private person. The
   * category decides the mentions and the late-payment terms (C. com. L441-10). */
  client->category = (siren != NULL
                      || (client->party.vat_id != NULL && *client->party.vat_id != '\0')
                      || (party->siret != NULL && *party->siret != '\0'))
                     ? FACTURES_CLIENT_CATEGORY_COMPANY : FACTURES_CLIENT_CATEGORY_INDIVIDUAL;
  /* Fields the client form would refuse (a foreign VAT number, an odd e-mail) are
   * dropped rather than refusing the import: the name and address stay. */
  if (!factures_store_clean_client (client, NULL))
    {
      g_autoptr(FacturesClient) plain = factures_client_new ();

      plain->party.name = g_strdup (client->party.name);
      plain->party.address = g_strdup (client->party.address);
      plain->party.postal_code = g_strdup (client->party.postal_code);
      plain->party.city = g_strdup (client->party.city);
      /* The country was checked with the file (factures_imported_check_content()). */
      plain->party.country_code = g_strdup (client->party.country_code);
      plain->category = FACTURES_CLIENT_CATEGORY_COMPANY;
      g_clear_pointer (&client, factures_client_free);
      client = g_steal_pointer (&plain);
      if (!factures_store_clean_client (client, error))
        return 0;
    }
  if (!factures_store_write_client (self, client, 0, &id, error))
    return 0;
  *out_created = TRUE;
  return id;
}

/**
 * factures_store_check_import_history:
 * (see factures-store-facturx.h)
 */
gboolean
factures_store_check_import_history (FacturesStore              *self,
                                     const FacturesImported     *imported,
                                     FacturesImportedDirection  *out_direction,
                                     GError                    **error)
{
  g_autoptr(FacturesProfile) me = NULL;
  g_autofree char *my_siren = NULL;
  g_autofree char *seller_siren = siren_of (&imported->seller);
  g_autoptr(sqlite3_stmt) dup = NULL;
  FacturesImportedDirection direction;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  /* An amount the app cannot hold (XSD-valid 9223372036854775807.99); a date that is not one,
   * a number or a text beyond its limit (issue 10). */
  if (!factures_imported_check_range (imported, error) || !factures_imported_check_content (imported, error))
    return FALSE;

  me = factures_store_get_profile (self, error);
  if (me == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (me != NULL)
    my_siren = siren_of (&me->party);
  direction = (my_siren != NULL && g_strcmp0 (my_siren, seller_siren) == 0)
              ? FACTURES_IMPORTED_SALE : FACTURES_IMPORTED_PURCHASE;
  if (out_direction != NULL)
    *out_direction = direction;

  dup = factures_store_prepare (self,
    "SELECT 1 FROM imported_invoices WHERE direction = ?1 AND coalesce (seller_siren, seller_name) IS coalesce (?2, ?3) "
    "AND number = ?4", error);
  if (dup == NULL)
    return FALSE;
  sqlite3_bind_text (dup, 1, direction == FACTURES_IMPORTED_SALE ? "sale" : "purchase", -1, SQLITE_STATIC);
  bind_text (dup, 2, seller_siren);
  bind_text (dup, 3, imported->seller.name);
  bind_text (dup, 4, imported->number);
  if (sqlite3_step (dup) == SQLITE_ROW)
    {
      /* sixth trial, finding 13: a credit note is named as one */
      if (factures_imported_type_is_credit_note (imported->type_code))
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                     _("Credit note %s from %s was already imported."), imported->number,
                     imported->seller.name != NULL ? imported->seller.name : "?");
      else
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                     _("Invoice %s from %s was already imported."), imported->number,
                     imported->seller.name != NULL ? imported->seller.name : "?");
      return FALSE;
    }

  /* Our own invoice, exported then imported back: it is already here, issued, with its
   * payments; a second copy under the same number would count it twice. */
  if (direction == FACTURES_IMPORTED_SALE)
    {
      g_autoptr(sqlite3_stmt) own = factures_store_prepare (self,
        "SELECT 1 FROM documents WHERE number = ?1 AND status <> 0", error);

      if (own == NULL)
        return FALSE;
      bind_text (own, 1, imported->number);
      if (sqlite3_step (own) == SQLITE_ROW)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Number %s is already one of the documents issued with Factures: "
                         "it is not imported a second time."), imported->number);
          return FALSE;
        }
      /* Numbered like a series: only after the last number Factures issued in it (issue 10). */
      if (!factures_store_numbering_check_import (self, imported->number, &imported->issue_date, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * factures_store_import_history:
 * (see factures-store-facturx.h)
 */
gint64
factures_store_import_history (FacturesStore              *self,
                               const FacturesImported     *imported,
                               GBytes                     *original,
                               const char                 *original_name,
                               gboolean                    original_is_pdf,
                               GBytes                     *xml,
                               const char                 *profile,
                               GPtrArray                  *figure_problems,
                               FacturesImportedDirection  *out_direction,
                               GError                    **error)
{
  g_autofree char *seller_siren = siren_of (&imported->seller);
  g_autofree char *buyer_siren = siren_of (&imported->buyer);
  g_autofree char *issue = iso_date (&imported->issue_date);
  g_autofree char *due = iso_date (&imported->due_date);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  FacturesImportedDirection direction;
  gint64 client_id = 0;
  gint64 grand_cents = 0;
  gboolean eur_total;
  gint64 id;

  g_return_val_if_fail (FACTURES_IS_STORE (self), 0);

  eur_total = g_strcmp0 (imported->currency, "EUR") == 0 && imported->grand_total != NULL
              && factures_decimal_parse (imported->grand_total, 2, &grand_cents, NULL);
  for (guint i = 0; figure_problems != NULL && i < figure_problems->len; i++)
    g_string_append_printf (problems, "%s%s", i > 0 ? "\n" : "", (const char *) figure_problems->pdata[i]);

  if (!factures_store_begin (self, error))
    return 0;
  if (!factures_store_check_import_history (self, imported, &direction, error))
    goto fail;

  if (direction == FACTURES_IMPORTED_SALE)
    {
      gboolean created;

      client_id = match_client (self, &imported->buyer, &created, error);
      if (client_id == 0)
        goto fail;
      /* A series whose pattern gives its number continues after it (issue 10). */
      if (!factures_store_numbering_import_sale (self, imported->number, &imported->issue_date, error))
        goto fail;
    }

  stmt = factures_store_prepare (self,
    "INSERT INTO imported_invoices (direction, number, type_code, profile, issue_date, due_date, currency, "
    "seller_name, seller_siren, buyer_name, buyer_siren, client_id, tax_basis_total, tax_total, grand_total, "
    "due_payable, grand_total_cents, figures_ok, figure_problems, original, original_name, original_is_pdf, xml, "
    "imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
    "?20, ?21, ?22, ?23, ?24)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, direction == FACTURES_IMPORTED_SALE ? "sale" : "purchase", -1, SQLITE_STATIC);
  bind_text (stmt, 2, imported->number);
  sqlite3_bind_int (stmt, 3, imported->type_code);
  bind_text (stmt, 4, profile);
  bind_text (stmt, 5, issue);
  bind_text (stmt, 6, due);
  bind_text (stmt, 7, imported->currency);
  bind_text (stmt, 8, imported->seller.name);
  bind_text (stmt, 9, seller_siren);
  bind_text (stmt, 10, imported->buyer.name);
  bind_text (stmt, 11, buyer_siren);
  if (client_id > 0)
    sqlite3_bind_int64 (stmt, 12, client_id);
  else
    sqlite3_bind_null (stmt, 12);
  bind_text (stmt, 13, imported->tax_basis_total);
  bind_text (stmt, 14, imported->tax_total);
  bind_text (stmt, 15, imported->grand_total);
  bind_text (stmt, 16, imported->due_payable);
  if (eur_total)
    sqlite3_bind_int64 (stmt, 17, grand_cents);
  else
    sqlite3_bind_null (stmt, 17);
  sqlite3_bind_int (stmt, 18, problems->len == 0);
  bind_text (stmt, 19, problems->len > 0 ? problems->str : NULL);
  bind_blob (stmt, 20, original);
  bind_text (stmt, 21, original_name);
  sqlite3_bind_int (stmt, 22, original_is_pdf ? 1 : 0);
  bind_blob (stmt, 23, xml);
  bind_text (stmt, 24, now_text);
  if (!factures_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (factures_store_get_db (self));
  if (!factures_store_commit (self, error))
    return 0;
  factures_store_emit_changed (self);
  if (out_direction != NULL)
    *out_direction = direction;
  return id;

fail:
  factures_store_rollback (self);
  return 0;
}

/* Whether the app's own model (factures_totals_compute() with the user's VAT regime) gives
 * the file's totals to the cent: BT-109, BT-110, BT-112 and BT-115 (issue 6: "every figure
 * must come out to the cent in the app's model, else it is refused with the reason").
 * FACTURES_ERROR_INVALID with the first figure that differs. */
static gboolean
draft_figures_match (FacturesStore           *self,
                     const FacturesImported  *imported,
                     GPtrArray               *lines,
                     gint64                   allowance,
                     GError                 **error)
{
  g_autoptr(FacturesProfile) me = factures_store_get_profile (self, error);
  g_auto(FacturesTotals) totals = { 0 };
  gboolean franchise;
  struct {
    const char *written;
    const char *what;
    gint64      computed;
  } figures[4];

  if (me == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                             _("Fill in your business profile before re-invoicing a file."));
      return FALSE;
    }
  franchise = me->vat_regime == FACTURES_VAT_REGIME_FRANCHISE;
  if (!factures_totals_compute (lines, allowance, franchise, &totals, error))
    return FALSE;

  figures[0].written = imported->tax_basis_total;
  figures[0].what = _("Total without VAT (BT-109)");
  figures[0].computed = totals.net_total;
  figures[1].written = imported->tax_total;
  figures[1].what = _("VAT (BT-110)");
  figures[1].computed = totals.vat_total;
  figures[2].written = imported->grand_total;
  figures[2].what = _("Total with VAT (BT-112)");
  figures[2].computed = totals.gross_total;
  figures[3].written = imported->due_payable;
  figures[3].what = _("Amount due (BT-115)");
  figures[3].computed = totals.gross_total;

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      gint64 written = 0;
      g_autofree char *w = NULL;
      g_autofree char *c = NULL;

      if (figures[i].written == NULL && i == 1)
        written = 0;   /* BT-110 may be absent when there is no VAT */
      else if (figures[i].written == NULL || !factures_decimal_parse (figures[i].written, 2, &written, NULL))
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("%s: the file gives no usable amount."), figures[i].what);
          return FALSE;
        }
      if (written == figures[i].computed)
        continue;
      w = factures_money_format (written);
      c = factures_money_format (figures[i].computed);
      if (i == 1 && franchise && totals.vat_total == 0)
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                     _("The file charges %s of VAT, and your business profile is under the VAT "
                       "exemption for small businesses (art. 293 B du CGI): re-invoiced by you, "
                       "its lines would total a different amount. Keep it as history instead."), w);
      else if (i == 3)
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                     _("%s: the file says %s after deducting amounts already paid; a new draft "
                       "would ask for %s."), figures[i].what, w, c);
      else
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                     _("%s: the file says %s, the same lines in Factures give %s."), figures[i].what, w, c);
      return FALSE;
    }
  return TRUE;
}

/* What a file becomes as a draft (issue 10): a deposit invoice for 386; for a credit note
 * (factures_imported_type_is_credit_note()) a credit note citing the invoice of BT-25, which
 * must be one Factures issued to the client the file's buyer matches, with enough left to
 * credit; a corrected invoice (384) is refused; any other code an invoice. *@out_invoice is the
 * credited invoice's id (0 when none), *@out_invoice_date its issue date. Inside or outside
 * a transaction; FACTURES_ERROR_INVALID with the reason. */
static gboolean
draft_kind (FacturesStore            *self,
            const FacturesImported   *imported,
            FacturesDocumentKind     *out_kind,
            gint64                   *out_invoice,
            GDate                    *out_invoice_date,
            GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 client_id = 0, invoice_client = 0, gross = 0, credited, asked = 0;
  g_autofree char *kind_label = NULL;

  *out_invoice = 0;
  g_date_clear (out_invoice_date, 1);
  if (imported->type_code == 384)
    {
      /* A corrected invoice replaces an issued one: in France an issued invoice is corrected
       * by a credit note, then a new invoice (CGI art. 242 nonies A, BOI-TVA-DECLA-30-20-20). */
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Type of document (BT-3): a corrected invoice (384) cannot become a draft. "
                             "To correct an invoice, make a credit note from it, then a new invoice."));
      return FALSE;
    }
  if (imported->type_code == FACTURES_DOCUMENT_KIND_DEPOSIT)
    {
      *out_kind = FACTURES_DOCUMENT_KIND_DEPOSIT;
      return TRUE;
    }
  if (!factures_imported_type_is_credit_note (imported->type_code))
    {
      *out_kind = FACTURES_DOCUMENT_KIND_INVOICE;
      return TRUE;
    }

  *out_kind = FACTURES_DOCUMENT_KIND_CREDIT_NOTE;
  if (imported->preceding_number == NULL)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Preceding invoice (BT-25): this credit note (type %d) names no invoice; a credit "
                     "note can become a draft only for an invoice issued with Factures. Keep it as "
                     "history instead."), imported->type_code);
      return FALSE;
    }
  stmt = factures_store_prepare (self,
    "SELECT id, client_id, gross_total, issue_date FROM documents WHERE number = ?1 AND status = 1 "
    "AND kind IN (380, 386) ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, imported->preceding_number);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Preceding invoice (BT-25): %s is not an invoice issued with Factures; a credit "
                     "note can become a draft only for one of your issued invoices. Keep it as "
                     "history instead."), imported->preceding_number);
      return FALSE;
    }
  *out_invoice = sqlite3_column_int64 (stmt, 0);
  invoice_client = sqlite3_column_int64 (stmt, 1);
  gross = sqlite3_column_int64 (stmt, 2);
  factures_sql_col_date (stmt, 3, out_invoice_date);
  if (!find_client (self, &imported->buyer, &client_id, error))
    return FALSE;
  if (client_id == 0 || client_id != invoice_client)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Preceding invoice (BT-25): invoice %s was issued to another client than the "
                     "buyer of this credit note (%s)."), imported->preceding_number,
                   imported->buyer.name != NULL ? imported->buyer.name : "?");
      return FALSE;
    }
  /* A deposit invoice deducted by an issued final invoice is credited through the final one
   * (fifth trial, finding 10). */
  {
    g_autoptr(FacturesDocument) credited_invoice = factures_store_get_document (self, *out_invoice, error);

    if (credited_invoice == NULL
        || !factures_store_lifecycle_check_deposit_creditable (self, credited_invoice, error))
      return FALSE;
  }
  credited = factures_store_get_credited_total (self, *out_invoice, error);
  if (credited < 0)
    return FALSE;
  if (imported->grand_total != NULL && factures_decimal_parse (imported->grand_total, 2, &asked, NULL)
      && asked > gross - credited)
    {
      g_autofree char *left = factures_money_format (MAX (gross - credited, 0));
      g_autofree char *want = factures_money_format (asked);

      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Total with VAT (BT-112): %s is above what is left to credit on invoice %s (%s, "
                     "its total minus its issued credit notes)."), want, imported->preceding_number, left);
      return FALSE;
    }
  return TRUE;
}

/**
 * factures_store_check_import_draft:
 * (see factures-store-facturx.h)
 */
gboolean
factures_store_check_import_draft (FacturesStore           *self,
                                   const FacturesImported  *imported,
                                   GError                 **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  gint64 allowance = 0, invoice = 0;
  gboolean exempt = FALSE;
  FacturesDocumentKind kind;
  GDate invoice_date;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  return factures_imported_check_range (imported, error)
         && factures_imported_check_content (imported, error)
         && draft_kind (self, imported, &kind, &invoice, &invoice_date, error)
         && factures_imported_to_lines (imported, &lines, &allowance, &exempt, error)
         && draft_figures_match (self, imported, lines, allowance, error);
}

/**
 * factures_store_import_draft:
 * (see factures-store-facturx.h)
 */
gint64
factures_store_import_draft (FacturesStore           *self,
                             const FacturesImported  *imported,
                             GError                 **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(FacturesDocument) draft = NULL;
  g_autoptr(sqlite3_stmt) link = NULL;
  gint64 allowance = 0, invoice = 0;
  gboolean exempt = FALSE;
  gboolean created = FALSE;
  FacturesDocumentKind kind = FACTURES_DOCUMENT_KIND_INVOICE;
  GDate invoice_date;
  gint64 client_id;

  g_return_val_if_fail (FACTURES_IS_STORE (self), 0);

  if (!factures_imported_check_range (imported, error) || !factures_imported_check_content (imported, error)
      || !draft_kind (self, imported, &kind, &invoice, &invoice_date, error))
    return 0;
  if (!factures_imported_to_lines (imported, &lines, &allowance, &exempt, error))
    return 0;
  if (!draft_figures_match (self, imported, lines, allowance, error))
    return 0;

  /* One transaction: the client made for the file, the draft (the editor's gate:
   * factures_store_write_draft(), its checks and factures_totals_compute()) and, for a
   * credit note, its link to the invoice; a refusal at any step stores nothing. */
  if (!factures_store_begin (self, error))
    return 0;
  /* Again inside the transaction: another process may have credited the invoice since. */
  if (!draft_kind (self, imported, &kind, &invoice, &invoice_date, error))
    goto fail;
  client_id = match_client (self, &imported->buyer, &created, error);
  if (client_id == 0)
    goto fail;
  draft = factures_document_new (kind);
  draft->client_id = client_id;
  /* A credit note is never dated before the invoice it corrects. */
  if (g_date_valid (&invoice_date) && g_date_compare (&draft->issue_date, &invoice_date) < 0)
    draft->issue_date = invoice_date;
  draft->due_date = draft->issue_date;
  g_ptr_array_extend_and_steal (draft->lines, g_steal_pointer (&lines));
  draft->allowance = allowance;
  /* Issue 13 item 4: the file's currency, and the rate of its BT-111 (the editor's check
   * applies: factures_store_write_draft()). */
  factures_imported_currency (imported, &draft->currency, &draft->exchange_rate);
  draft->notes = g_strdup_printf ("Reprise de la facture %s%s%s", imported->number,
                                  imported->seller.name != NULL ? " de " : "",
                                  imported->seller.name != NULL ? imported->seller.name : "");
  if (!factures_store_write_draft (self, draft, error))
    goto fail;
  if (invoice != 0)
    {
      /* Cited as the editor's credit notes cite their invoice (BT-25, BT-26): the link
       * 'invoice' of factures_store_credit_note_new(). */
      link = factures_store_prepare (self,
        "INSERT INTO document_links (document_id, role, target_id, position) VALUES (?1, 'invoice', ?2, 0)",
        error);
      if (link == NULL)
        goto fail;
      sqlite3_bind_int64 (link, 1, draft->id);
      sqlite3_bind_int64 (link, 2, invoice);
      if (!factures_store_step_done (self, link, error))
        goto fail;
    }
  if (!factures_store_commit (self, error))
    goto fail;
  factures_store_emit_changed (self);
  return draft->id;

fail:
  factures_store_rollback (self);
  return 0;
}

/**
 * factures_imported_row_free:
 * @row: (nullable): a row of factures_store_list_imported()
 */
void
factures_imported_row_free (FacturesImportedRow *row)
{
  if (row == NULL)
    return;
  g_free (row->number);
  g_free (row->seller_name);
  g_free (row->buyer_name);
  g_free (row->issue_date);
  g_free (row->grand_total);
  g_free (row->currency);
  g_free (row->figure_problems);
  g_free (row);
}

static char *
col_text (sqlite3_stmt *stmt, int col)
{
  const unsigned char *text = sqlite3_column_text (stmt, col);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

/**
 * factures_store_list_imported:
 * (see factures-store-facturx.h)
 *
 * Returns: (transfer full) (element-type FacturesImportedRow): the rows, or NULL on error
 */
GPtrArray *
factures_store_list_imported (FacturesStore             *self,
                              FacturesImportedDirection  direction,
                              GError                   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_imported_row_free);
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self,
    "SELECT id, number, seller_name, buyer_name, issue_date, grand_total, currency, figures_ok, figure_problems "
    "FROM imported_invoices WHERE direction = ?1 ORDER BY issue_date DESC, id DESC", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, direction == FACTURES_IMPORTED_SALE ? "sale" : "purchase", -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesImportedRow *row = g_new0 (FacturesImportedRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->number = col_text (stmt, 1);
      row->seller_name = col_text (stmt, 2);
      row->buyer_name = col_text (stmt, 3);
      row->issue_date = col_text (stmt, 4);
      row->grand_total = col_text (stmt, 5);
      row->currency = col_text (stmt, 6);
      row->figures_ok = sqlite3_column_int (stmt, 7) != 0;
      row->figure_problems = col_text (stmt, 8);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/**
 * factures_store_count_imported:
 * (see factures-store-facturx.h)
 */
gint64
factures_store_count_imported (FacturesStore             *self,
                               FacturesImportedDirection  direction,
                               GError                   **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self,
    "SELECT count (*) FROM imported_invoices WHERE direction = ?1", error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, direction == FACTURES_IMPORTED_SALE ? "sale" : "purchase", -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

static GBytes *imported_blob (FacturesStore *self, gint64 id, const char *column, GError **error);

/**
 * factures_store_get_imported_original:
 * (see factures-store-facturx.h)
 */
GBytes *
factures_store_get_imported_original (FacturesStore  *self,
                                      gint64          id,
                                      GError        **error)
{
  return imported_blob (self, id, "original", error);
}

static GBytes *
imported_blob (FacturesStore *self, gint64 id, const char *column, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM imported_invoices WHERE id = ?1", column);
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND, _("No imported invoice with id %" PRId64 "."), id);
      return NULL;
    }
  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

/**
 * factures_store_get_imported_xml:
 * (see factures-store-facturx.h)
 */
GBytes *
factures_store_get_imported_xml (FacturesStore  *self,
                                 gint64          id,
                                 GError        **error)
{
  return imported_blob (self, id, "xml", error);
}

/**
 * factures_store_find_imported:
 * (see factures-store-facturx.h)
 */
gint64
factures_store_find_imported (FacturesStore  *self,
                              const char     *number,
                              gboolean       *out_is_pdf,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self,
    "SELECT id, original_is_pdf FROM imported_invoices WHERE number = ?1 ORDER BY id DESC LIMIT 1", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND, _("No imported invoice numbered “%s”."), number);
      return 0;
    }
  if (out_is_pdf != NULL)
    *out_is_pdf = sqlite3_column_int (stmt, 1) != 0;
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * factures_store_set_imported_paid:
 * (see factures-store-facturx.h)
 */
gboolean
factures_store_set_imported_paid (FacturesStore  *self,
                                  gint64          id,
                                  const GDate    *date,
                                  GError        **error)
{
  /* Since 0007 a payment carries its method and amount: this older entry point records
   * "autre" and the file's amount due (EUR files only), or cancels with a NULL @date. */
  if (date == NULL)
    {
      GDate today;

      /* A payment is never erased (0008): cancelled today, the reason said. */
      factures_today (&today);
      return factures_store_cancel_imported_payment (self, id, &today, _("marked as unpaid"), error);
    }
  return factures_store_record_imported_payment (self, id, date, FACTURES_PAYMENT_METHOD_OTHER, 0, NULL, error);
}

/* ---- JSON export / import (hooks called from factures-store-json.c) ---- */

static const char * const json_blob_columns[] = { "original", "xml" };

static gboolean
is_blob_column (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (json_blob_columns); i++)
    if (g_strcmp0 (name, json_blob_columns[i]) == 0)
      return TRUE;
  return FALSE;
}

/**
 * factures_store_facturx_export_json:
 * (see factures-store-facturx-private.h)
 */
gboolean
factures_store_facturx_export_json (FacturesStore  *self,
                                    JsonBuilder    *builder,
                                    GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self, "SELECT * FROM imported_invoices ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  json_builder_set_member_name (builder, "imported_invoices");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      for (int col = 0; col < sqlite3_column_count (stmt); col++)
        {
          const char *name = sqlite3_column_name (stmt, col);

          json_builder_set_member_name (builder, name);
          if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
            json_builder_add_null_value (builder);
          else if (is_blob_column (name))
            {
              /* Files are kept byte for byte: base64 in the JSON. */
              g_autofree char *b64 = g_base64_encode (sqlite3_column_blob (stmt, col),
                                                      sqlite3_column_bytes (stmt, col));

              json_builder_add_string_value (builder, b64);
            }
          else if (sqlite3_column_type (stmt, col) == SQLITE_INTEGER)
            json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, col));
          else
            json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, col));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * factures_store_facturx_import_json:
 * (see factures-store-facturx-private.h)
 */
gboolean
factures_store_facturx_import_json (FacturesStore  *self,
                                    JsonObject     *root,
                                    gboolean        keep_ids,
                                    GError        **error)
{
  static const char * const columns[] = {
    "id", "direction", "number", "type_code", "profile", "issue_date", "due_date", "currency",
    "seller_name", "seller_siren", "buyer_name", "buyer_siren", "client_id", "tax_basis_total",
    "tax_total", "grand_total", "due_payable", "grand_total_cents", "figures_ok", "figure_problems",
    "original", "original_name", "original_is_pdf", "xml", "paid_on", "imported_at",
    "paid_method", "paid_amount", "paid_reference",  /* 0007-receipts.sql */
    "activity",                                      /* 0023-imported-activity.sql (urssaf-ui) */
  };
  JsonNode *node;
  JsonArray *rows;
  g_autoptr(GString) sql = g_string_new ("INSERT INTO imported_invoices (");
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!keep_ids)
    return TRUE;
  node = json_object_get_member (root, "imported_invoices");
  if (node == NULL)
    return TRUE;  /* a file from before 0006 */
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("%s: an array is expected."), "imported_invoices");
      return FALSE;
    }
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    g_string_append_printf (sql, "%s%s", c > 0 ? ", " : "", columns[c]);
  g_string_append (sql, ") VALUES (");
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    g_string_append_printf (sql, "%s?%u", c > 0 ? ", " : "", c + 1);
  g_string_append (sql, ")");
  stmt = factures_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  rows = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *row_node = json_array_get_element (rows, i);
      JsonObject *row;

      if (!JSON_NODE_HOLDS_OBJECT (row_node))
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("%s: row %u is not an object."),
                       "imported_invoices", i + 1);
          return FALSE;
        }
      row = json_node_get_object (row_node);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          JsonNode *value = json_object_get_member (row, columns[c]);

          if (value == NULL || JSON_NODE_HOLDS_NULL (value))
            continue;
          if (!JSON_NODE_HOLDS_VALUE (value))
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("%s: row %u, “%s” is not a value."),
                           "imported_invoices", i + 1, columns[c]);
              return FALSE;
            }
          /* urssaf-ui: the activity of an imported sale, a FacturesLineActivity (0–4) */
          if (g_str_equal (columns[c], "activity")
              && (json_node_get_value_type (value) != G_TYPE_INT64 || json_node_get_int (value) < 0
                  || json_node_get_int (value) > FACTURES_LINE_ACTIVITY_LAST))
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                           _("%s: row %u, “%s” is not an activity (0 to 4)."), "imported_invoices", i + 1,
                           columns[c]);
              return FALSE;
            }
          if (is_blob_column (columns[c]))
            {
              gsize len = 0;
              g_autofree guchar *data = g_base64_decode (json_node_get_string (value) != NULL
                                                         ? json_node_get_string (value) : "", &len);

              sqlite3_bind_blob64 (stmt, (int) c + 1, len > 0 ? (const void *) data : "", len, SQLITE_TRANSIENT);
            }
          else if (json_node_get_value_type (value) == G_TYPE_INT64)
            sqlite3_bind_int64 (stmt, (int) c + 1, json_node_get_int (value));
          else if (json_node_get_value_type (value) == G_TYPE_STRING)
            sqlite3_bind_text (stmt, (int) c + 1, json_node_get_string (value), -1, SQLITE_TRANSIENT);
          else
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("%s: row %u, “%s” has the wrong type."),
                           "imported_invoices", i + 1, columns[c]);
              return FALSE;
            }
        }
      if (!factures_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}
