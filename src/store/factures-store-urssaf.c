/* factures-store-urssaf.c — the livre des recettes split by URSSAF box, the URSSAF settings and
 * the periods declared (issue 17, migrations/0016-urssaf.sql)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-date.h"
#include "factures-money.h"
#include "factures-store-ereporting.h"
#include "factures-store-private.h"
#include "factures-store-urssaf.h"
#include "factures-store-urssaf-year.h"
#include "factures-store-urssaf-private.h"

void
factures_split_receipt_free (FacturesSplitReceipt *split)
{
  if (split == NULL)
    return;
  factures_receipt_free (split->receipt);
  g_free (split);
}

/* What one invoice contributes per unit of money allocated to it: the lines' weights. */
typedef struct {
  gint64   gross;       /* BT-112 */
  gint64   vat;         /* BT-110 */
  guint    n;           /* lines */
  gint64  *weights;     /* line nets after the document's allowance is spread (cents) */
  guint   *boxes;       /* FacturesUrssafBox per line */
  gboolean *debours;
  gboolean *france;     /* counts toward the VAT franchise threshold */
} InvoiceShape;

static void
invoice_shape_free (InvoiceShape *shape)
{
  g_free (shape->weights);
  g_free (shape->boxes);
  g_free (shape->debours);
  g_free (shape->france);
  g_free (shape);
}

static InvoiceShape *
invoice_shape_load (FacturesStore *self,
                    gint64         document_id,
                    GError       **error)
{
  g_autoptr(FacturesDocument) doc = factures_store_get_document (self, document_id, error);
  g_auto(FacturesTotals) totals = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  InvoiceShape *shape;
  gboolean franchise;
  int rc;

  if (doc == NULL)
    return NULL;
  if (!factures_document_compute_totals (doc, &totals, error))
    return NULL;
  franchise = doc->seller == NULL || doc->seller->vat_regime == FACTURES_VAT_REGIME_FRANCHISE;

  shape = g_new0 (InvoiceShape, 1);
  shape->gross = totals.gross_total;
  shape->vat = totals.vat_total;
  shape->n = doc->lines->len;
  shape->weights = g_new0 (gint64, MAX (shape->n, 1));
  shape->boxes = g_new0 (guint, MAX (shape->n, 1));
  shape->debours = g_new0 (gboolean, MAX (shape->n, 1));
  shape->france = g_new0 (gboolean, MAX (shape->n, 1));
  for (guint i = 0; i < shape->n; i++)
    {
      const FacturesLine *line = g_ptr_array_index (doc->lines, i);
      FacturesVatTreatment treatment;

      shape->weights[i] = i < totals.line_nets->len ? MAX (g_array_index (totals.line_nets, gint64, i), 0) : 0;
      shape->boxes[i] = factures_urssaf_box_of_activity (factures_vat_line_activity (line, doc->seller));
      factures_vat_line_treatment (line, franchise, &treatment);
      shape->france[i] = treatment.category != FACTURES_VAT_CATEGORY_AE
                         && treatment.category != FACTURES_VAT_CATEGORY_O
                         && treatment.category != FACTURES_VAT_CATEGORY_G
                         && treatment.category != FACTURES_VAT_CATEGORY_K;
    }

  /* lines.debours (migration 0016) in the order of the document's lines (by position) */
  stmt = factures_store_prepare (self, "SELECT debours FROM lines WHERE document_id = ?1 ORDER BY position",
                                 error);
  if (stmt == NULL)
    {
      invoice_shape_free (shape);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, document_id);
  for (guint i = 0; (rc = sqlite3_step (stmt)) == SQLITE_ROW; i++)
    if (i < shape->n)
      shape->debours[i] = sqlite3_column_int (stmt, 0) != 0;
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      invoice_shape_free (shape);
      return NULL;
    }
  return shape;
}

/* Splits @amount received for an invoice of @shape into @split (adds to it). */
static void
split_over_invoice (const InvoiceShape   *shape,
                    gint64                amount,
                    FacturesSplitReceipt *split)
{
  g_autofree gint64 *parts = g_new0 (gint64, MAX (shape->n, 1));
  gint64 vat = 0, net, weight = 0;

  /* VAT pro rata of the invoice's VAT over its total (nothing in franchise). */
  if (shape->vat != 0 && shape->gross > 0)
    {
      gint64 weights[2] = { shape->vat, shape->gross - shape->vat };
      gint64 out[2];

      factures_urssaf_split (amount, weights, 2, out);
      vat = out[0];
    }
  net = amount - vat;
  split->vat += vat;
  for (guint i = 0; i < shape->n; i++)
    weight += shape->weights[i];
  if (weight == 0)
    {
      /* An invoice whose lines are all 0 (a payment on a free invoice): its first line's box,
       * or the services box. */
      split->box[shape->n > 0 ? shape->boxes[0] : FACTURES_URSSAF_BOX_SERVICES_BNC] += net;
      return;
    }
  factures_urssaf_split (net, shape->weights, shape->n, parts);
  for (guint i = 0; i < shape->n; i++)
    {
      if (shape->debours[i])
        {
          split->debours += parts[i];
          continue;
        }
      split->box[shape->boxes[i]] += parts[i];
      if (shape->france[i])
        {
          if (factures_urssaf_box_is_sales (shape->boxes[i]))
            split->france_sales += parts[i];
          else
            split->france_services += parts[i];
        }
    }
}

static void
add_to_main (FacturesSplitReceipt *split,
             FacturesUrssafBox     main_box,
             gint64                amount)
{
  split->box[main_box] += amount;
  if (factures_urssaf_box_is_sales (main_box))
    split->france_sales += amount;
  else
    split->france_services += amount;
}

/* The VAT in @amount received for the imported sale @id: pro rata of the file's BT-110 over
 * BT-112 when it is in EUR and charges VAT, else 0. */
static gboolean
imported_vat (FacturesStore *self,
              gint64         id,
              gint64         amount,
              gint64        *out,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 tax = 0, gross;
  int rc;

  *out = 0;
  stmt = factures_store_prepare (self,
                                 "SELECT tax_total, grand_total_cents FROM imported_invoices "
                                 "WHERE id = ?1 AND currency = 'EUR'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL
      && sqlite3_column_type (stmt, 1) != SQLITE_NULL
      && factures_money_parse ((const char *) sqlite3_column_text (stmt, 0), "BT-110", &tax, NULL))
    {
      gross = sqlite3_column_int64 (stmt, 1);
      if (tax > 0 && gross > tax)
        {
          gint64 weights[2] = { tax, gross - tax };
          gint64 parts[2];

          factures_urssaf_split (amount, weights, 2, parts);
          *out = parts[0];
        }
      return TRUE;
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * factures_store_list_split_receipts:
 * (see factures-store-urssaf.h)
 */
GPtrArray *
factures_store_list_split_receipts (FacturesStore  *self,
                                    const GDate    *from,
                                    const GDate    *to,
                                    GError        **error)
{
  g_autoptr(GPtrArray) receipts = NULL;
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GHashTable) shapes = NULL;
  g_autoptr(FacturesProfile) profile = NULL;
  g_autoptr(FacturesLine) main_line = factures_line_new ();
  g_autoptr(sqlite3_stmt) allocations = NULL;
  FacturesUrssafBox main_box;

  receipts = factures_store_list_receipts (self, from, to, error);
  if (receipts == NULL)
    return NULL;
  profile = factures_store_get_profile (self, NULL);
  main_box = factures_urssaf_box_of_activity (factures_vat_line_activity (main_line, profile));
  shapes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) invoice_shape_free);
  allocations = factures_store_prepare (self,
                                        "SELECT a.document_id, a.amount, p.amount, p.eur_amount "
                                        "FROM payment_allocations a JOIN payments p ON p.id = a.payment_id "
                                        "WHERE a.payment_id = ?1 ORDER BY a.id", error);
  if (allocations == NULL)
    return NULL;

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_split_receipt_free);
  for (guint i = 0; i < receipts->len; i++)
    {
      FacturesReceipt *r = g_ptr_array_index (receipts, i);
      g_autoptr(FacturesSplitReceipt) split = g_new0 (FacturesSplitReceipt, 1);
      gint64 sign = r->amount < 0 ? -1 : 1, allocated = 0, cumulated = 0, cumulated_eur = 0;
      int rc;

      split->receipt = r;
      receipts->pdata[i] = NULL;

      if (r->source == FACTURES_RECEIPT_IMPORTED)
        {
          gint64 vat = 0;

          FacturesLineActivity sale_activity = FACTURES_LINE_ACTIVITY_DEFAULT;

          if (!imported_vat (self, r->id, r->amount, &vat, error))
            return NULL;
          split->vat = vat;
          /* urssaf-ui (migration 0023): the activity the user gave the sale, else the main one */
          if (!factures_store_get_imported_activity (self, r->id, &sale_activity, error))
            return NULL;
          add_to_main (split, sale_activity == FACTURES_LINE_ACTIVITY_DEFAULT ? main_box
                                                                           : factures_urssaf_box_of_activity (sale_activity),
                       r->amount - vat);
          g_ptr_array_add (out, g_steal_pointer (&split));
          continue;
        }

      sqlite3_reset (allocations);
      sqlite3_bind_int64 (allocations, 1, r->id);
      while ((rc = sqlite3_step (allocations)) == SQLITE_ROW)
        {
          gint64 document_id = sqlite3_column_int64 (allocations, 0);
          gint64 amount = sqlite3_column_int64 (allocations, 1);
          InvoiceShape *shape = g_hash_table_lookup (shapes, &document_id);

          if (shape == NULL)
            {
              shape = invoice_shape_load (self, document_id, error);
              if (shape == NULL)
                return NULL;
              g_hash_table_insert (shapes, g_memdup2 (&document_id, sizeof document_id), shape);
            }
          /* Issue 13 item 4: an allocation in another currency counts for its share of the
           * euros the bank credited (cumulated, so that the parts add up to them exactly). */
          if (sqlite3_column_type (allocations, 3) != SQLITE_NULL)
            {
              gint64 paid = sqlite3_column_int64 (allocations, 2);
              gint64 eur = sqlite3_column_int64 (allocations, 3), upto;

              cumulated += amount;
              if (!factures_muldiv_round (cumulated, eur, paid, &upto, error))
                return NULL;
              amount = upto - cumulated_eur;
              cumulated_eur = upto;
            }
          split_over_invoice (shape, sign * amount, split);
          allocated += amount;
        }
      if (rc != SQLITE_DONE)
        {
          factures_store_set_db_error (self, error);
          return NULL;
        }
      /* What this payment did not allocate is client credit: the main activity, when received. */
      if (sign * r->amount > allocated)
        add_to_main (split, main_box, r->amount - sign * allocated);
      g_ptr_array_add (out, g_steal_pointer (&split));
    }
  return g_steal_pointer (&out);
}

/* ---- settings ---- */

static char *
col_text_or_null (sqlite3_stmt *stmt, int column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NULL : factures_sql_col_dup (stmt, column);
}

/**
 * factures_store_get_urssaf_settings:
 * (see factures-store-urssaf.h)
 */
gboolean
factures_store_get_urssaf_settings (FacturesStore           *self,
                                    FacturesUrssafSettings  *out,
                                    GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean registered;
  int rc;

  factures_urssaf_settings_init (out);
  /* issue 15: the e-reporting periodicity, in its own table (migration 0021) */
  if (!factures_store_get_ereporting_periodicity (self, &out->ereporting, error))
    return FALSE;
  /* A VAT-registered profile files the CA12 of the régime simplifié unless Preferences say CA3
   * (migration 0026); in franchise, no return. */
  {
    g_autoptr(FacturesProfile) profile = factures_store_get_profile (self, NULL);

    registered = profile != NULL && profile->vat_regime == FACTURES_VAT_REGIME_REGISTERED;
    if (registered)
      out->vat_return = FACTURES_VAT_RETURN_CA12;
  }
  stmt = factures_store_prepare (self,
                                 "SELECT quarterly, bnc_cipav, chamber, versement_liberatoire, acre_until, "
                                 "creation, alert_low, alert_high, department, account_bank, account_cash, "
                                 "account_goods, account_services, account_vat, account_debours, "
                                 "account_purchases, account_suppliers, vat_return "
                                 "FROM urssaf_settings WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  out->quarterly = sqlite3_column_int (stmt, 0) != 0;
  out->bnc_cipav = sqlite3_column_int (stmt, 1) != 0;
  out->chamber = (FacturesUrssafChamber) sqlite3_column_int (stmt, 2);
  out->versement_liberatoire = sqlite3_column_int (stmt, 3) != 0;
  factures_sql_col_date (stmt, 4, &out->acre_until);
  factures_sql_col_date (stmt, 5, &out->creation);
  out->alert_low_percent = (guint) sqlite3_column_int (stmt, 6);
  out->alert_high_percent = (guint) sqlite3_column_int (stmt, 7);
  out->department = col_text_or_null (stmt, 8);
  out->account_bank = col_text_or_null (stmt, 9);
  out->account_cash = col_text_or_null (stmt, 10);
  out->account_goods = col_text_or_null (stmt, 11);
  out->account_services = col_text_or_null (stmt, 12);
  out->account_vat = col_text_or_null (stmt, 13);
  out->account_debours = col_text_or_null (stmt, 14);
  out->account_purchases = col_text_or_null (stmt, 15);
  out->account_suppliers = col_text_or_null (stmt, 16);
  if (registered)
    out->vat_return = (guint) sqlite3_column_int (stmt, 17);
  return TRUE;
}

static gboolean
account_ok (const char *account)
{
  gsize n = account != NULL ? strlen (account) : 0;

  if (account == NULL)
    return TRUE;
  if (n == 0 || n > 20)
    return FALSE;
  for (const char *p = account; *p; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

static gboolean
department_ok (const char *department)
{
  gsize n;
  gint64 number;

  if (department == NULL || *department == '\0')
    return TRUE;
  n = strlen (department);
  if (n == 2 && department[0] == '2' && (department[1] == 'A' || department[1] == 'B'))
    return TRUE;
  if ((n != 2 && n != 3) || !g_ascii_string_to_signed (department, 10, 1, 999, &number, NULL))
    return FALSE;
  /* Metropolitan 01–95 (Corsica is 2A and 2B, not 20) and the overseas 971–976 (INSEE). */
  return n == 2 ? number <= 95 && number != 20 : number >= 971 && number <= 976;
}

/**
 * factures_store_set_urssaf_settings:
 * (see factures-store-urssaf.h)
 */
gboolean
factures_store_set_urssaf_settings (FacturesStore                *self,
                                    const FacturesUrssafSettings *settings,
                                    GError                      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const struct { const char *value, *field; } accounts[] = {
    { settings->account_bank, N_("Bank account (FEC)") },
    { settings->account_cash, N_("Cash account (FEC)") },
    { settings->account_goods, N_("Sales of goods account (FEC)") },
    { settings->account_services, N_("Services account (FEC)") },
    { settings->account_vat, N_("VAT collected account (FEC)") },
    { settings->account_debours, N_("Débours account (FEC)") },
    { settings->account_purchases, N_("Purchases account (FEC)") },
    { settings->account_suppliers, N_("Suppliers account (FEC)") },
  };

  if (settings->alert_low_percent < 1 || settings->alert_low_percent > 100
      || settings->alert_high_percent < 1 || settings->alert_high_percent > 100
      || settings->alert_low_percent > settings->alert_high_percent)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Threshold alerts: each must be between 1 and 100 %, the first not above the second."));
      return FALSE;
    }
  if ((guint) settings->chamber > FACTURES_URSSAF_CHAMBER_CMA)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Chamber: none, CCI or CMA."));
      return FALSE;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (accounts); i++)
    if (!account_ok (accounts[i].value))
      {
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                     _("%s: 1 to 20 digits or letters."), _(accounts[i].field));
        return FALSE;
      }
  if (settings->vat_return > FACTURES_VAT_RETURN_CA3_QUARTERLY)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("VAT return: annual CA12, monthly CA3 or quarterly CA3."));
      return FALSE;
    }
  if (!department_ok (settings->department))
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Département: 01 to 95, 2A, 2B, or 971 to 976."));
      return FALSE;
    }
  if (g_date_valid (&settings->creation))
    {
      GDate today;

      factures_today (&today);
      if (g_date_compare (&settings->creation, &today) > 0)
        {
          g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                               _("Start of activity: a date not after today."));
          return FALSE;
        }
    }

  stmt = factures_store_prepare (self,
                                 "INSERT OR REPLACE INTO urssaf_settings (id, quarterly, bnc_cipav, chamber, "
                                 "versement_liberatoire, acre_until, creation, alert_low, alert_high, department, "
                                 "account_bank, account_cash, account_goods, account_services, account_vat, "
                                 "account_debours, account_purchases, account_suppliers, vat_return) "
                                 "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                                 "coalesce (?10, '512'), coalesce (?11, '53'), coalesce (?12, '707'), "
                                 "coalesce (?13, '706'), coalesce (?14, '44571'), coalesce (?15, '467'), "
                                 "coalesce (?16, '607'), coalesce (?17, '401'), "
                                 /* NONE (a franchise profile's settings): the choice kept */
                                 "coalesce (nullif (?18, 0), (SELECT vat_return FROM urssaf_settings WHERE id = 1), 1))",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, settings->quarterly ? 1 : 0);
  sqlite3_bind_int (stmt, 2, settings->bnc_cipav ? 1 : 0);
  sqlite3_bind_int (stmt, 3, (int) settings->chamber);
  sqlite3_bind_int (stmt, 4, settings->versement_liberatoire ? 1 : 0);
  factures_sql_bind_date (stmt, 5, &settings->acre_until);
  factures_sql_bind_date (stmt, 6, &settings->creation);
  sqlite3_bind_int (stmt, 7, (int) settings->alert_low_percent);
  sqlite3_bind_int (stmt, 8, (int) settings->alert_high_percent);
  factures_sql_bind_text (stmt, 9, settings->department != NULL && *settings->department ? settings->department : NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (accounts); i++)
    factures_sql_bind_text (stmt, 10 + (int) i, accounts[i].value);
  sqlite3_bind_int (stmt, 18, (int) settings->vat_return);
  if (!factures_store_step_done (self, stmt, error))
    return FALSE;
  factures_store_emit_changed (self);
  return TRUE;
}

/* ---- the declaration ---- */

FacturesUrssafDeclaration *
factures_store_urssaf_declaration (FacturesStore                *self,
                                   const FacturesUrssafPeriod   *period,
                                   const FacturesUrssafSettings *settings,
                                   GError                      **error)
{
  g_autoptr(GPtrArray) splits = factures_store_list_split_receipts (self, &period->first, &period->last, error);
  gint64 cash[FACTURES_URSSAF_N_BOXES] = { 0 }, debours = 0, vat = 0;
  FacturesUrssafDeclaration *d;

  if (splits == NULL)
    return NULL;
  for (guint i = 0; i < splits->len; i++)
    {
      const FacturesSplitReceipt *s = g_ptr_array_index (splits, i);

      for (guint b = 0; b < FACTURES_URSSAF_N_BOXES; b++)
        cash[b] += s->box[b];
      debours += s->debours;
      vat += s->vat;
    }
  d = factures_urssaf_declaration_compute (period, cash, settings, error);
  if (d != NULL)
    {
      d->debours = debours;
      d->vat = vat;
    }
  return d;
}

gboolean
factures_store_mark_declared (FacturesStore              *self,
                              const FacturesUrssafPeriod *period,
                              const GDate                *date,
                              GError                    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *key = factures_urssaf_period_key (period);
  g_autofree char *recorded = NULL;
  GDate today, end_of_period;
  GDate seen;

  factures_today (&today);
  /* A period can be declared from its last day on (the URSSAF site opens then). */
  end_of_period = period->last;
  if (date == NULL || !g_date_valid (date) || g_date_compare (date, &today) > 0
      || g_date_compare (date, &end_of_period) < 0)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Declaration date: a valid date from the last day of the period, not after today."));
      return FALSE;
    }
  g_date_clear (&seen, 1);
  if (factures_store_get_declared (self, period, &seen, error))
    {
      g_autofree char *label = factures_urssaf_period_label (period);

      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Period: %s is already marked declared."), label);
      return FALSE;
    }
  if (error != NULL && *error != NULL)
    return FALSE;

  stmt = factures_store_prepare (self,
                                 "INSERT INTO urssaf_declarations (period, declared_on, recorded) "
                                 "VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  recorded = factures_date_format_iso (&today);
  factures_sql_bind_text (stmt, 1, key);
  factures_sql_bind_date (stmt, 2, date);
  factures_sql_bind_text (stmt, 3, recorded);
  if (!factures_store_step_done (self, stmt, error))
    return FALSE;
  factures_store_emit_changed (self);
  return TRUE;
}

gboolean
factures_store_get_declared (FacturesStore              *self,
                             const FacturesUrssafPeriod *period,
                             GDate                      *out,
                             GError                    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *key = factures_urssaf_period_key (period);
  int rc;

  stmt = factures_store_prepare (self, "SELECT declared_on FROM urssaf_declarations WHERE period = ?1", error);
  if (stmt == NULL)
    return FALSE;
  factures_sql_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      factures_sql_col_date (stmt, 0, out);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    factures_store_set_db_error (self, error);
  return FALSE;
}

static gboolean
collect_texts (FacturesStore *self, sqlite3_stmt *stmt, GPtrArray *out, GError **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, factures_sql_col_dup (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
factures_store_list_documents_issued_since (FacturesStore  *self,
                                            const GDate    *since,
                                            GPtrArray      *numbers,
                                            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = factures_store_prepare (self,
                                 "SELECT number FROM documents WHERE status = 1 AND kind IN (380, 386) "
                                 "AND issue_date >= ?1 ORDER BY number", error);
  if (stmt == NULL)
    return FALSE;
  factures_sql_bind_date (stmt, 1, since);
  return collect_texts (self, stmt, numbers, error);
}

/* ---- JSON (factures-store-urssaf-private.h) ---- */

static void
json_add_date (JsonBuilder *builder, const char *key, const GDate *date)
{
  g_autofree char *text = NULL;

  if (!g_date_valid (date))
    return;
  json_builder_set_member_name (builder, key);
  text = factures_date_format_iso (date);
  json_builder_add_string_value (builder, text);
}

static void
json_add_text (JsonBuilder *builder, const char *key, const char *text)
{
  if (text == NULL)
    return;
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, text);
}

gboolean
factures_store_urssaf_export_json (FacturesStore  *self,
                                   JsonBuilder    *builder,
                                   GError        **error)
{
  g_autoptr(sqlite3_stmt) any = NULL;
  g_autoptr(sqlite3_stmt) periods = NULL;
  gboolean first = TRUE;
  int rc;

  any = factures_store_prepare (self, "SELECT count(*) FROM urssaf_settings", error);
  if (any == NULL)
    return FALSE;
  if (sqlite3_step (any) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  if (sqlite3_column_int (any, 0) > 0)
    {
      FacturesUrssafSettings s;

      if (!factures_store_get_urssaf_settings (self, &s, error))
        return FALSE;
      json_builder_set_member_name (builder, "urssaf_settings");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "quarterly");
      json_builder_add_int_value (builder, s.quarterly);
      json_builder_set_member_name (builder, "bnc_cipav");
      json_builder_add_int_value (builder, s.bnc_cipav);
      json_builder_set_member_name (builder, "chamber");
      json_builder_add_int_value (builder, s.chamber);
      json_builder_set_member_name (builder, "versement_liberatoire");
      json_builder_add_int_value (builder, s.versement_liberatoire);
      json_add_date (builder, "acre_until", &s.acre_until);
      json_add_date (builder, "creation", &s.creation);
      json_builder_set_member_name (builder, "alert_low");
      json_builder_add_int_value (builder, s.alert_low_percent);
      json_builder_set_member_name (builder, "alert_high");
      json_builder_add_int_value (builder, s.alert_high_percent);
      json_add_text (builder, "department", s.department);
      json_add_text (builder, "account_bank", s.account_bank);
      json_add_text (builder, "account_cash", s.account_cash);
      json_add_text (builder, "account_goods", s.account_goods);
      json_add_text (builder, "account_services", s.account_services);
      json_add_text (builder, "account_vat", s.account_vat);
      json_add_text (builder, "account_debours", s.account_debours);
      json_add_text (builder, "account_purchases", s.account_purchases);
      json_add_text (builder, "account_suppliers", s.account_suppliers);
      /* migration 0026, written only when CA3 (older exports keep their bytes). */
      if (s.vat_return == FACTURES_VAT_RETURN_CA3_MONTHLY || s.vat_return == FACTURES_VAT_RETURN_CA3_QUARTERLY)
        {
          json_builder_set_member_name (builder, "vat_return");
          json_builder_add_int_value (builder, s.vat_return);
        }
      json_builder_end_object (builder);
      factures_urssaf_settings_clear (&s);
    }

  periods = factures_store_prepare (self,
                                    "SELECT period, declared_on, recorded FROM urssaf_declarations ORDER BY period",
                                    error);
  if (periods == NULL)
    return FALSE;
  while ((rc = sqlite3_step (periods)) == SQLITE_ROW)
    {
      if (first)
        {
          json_builder_set_member_name (builder, "urssaf_declarations");
          json_builder_begin_array (builder);
          first = FALSE;
        }
      json_builder_begin_object (builder);
      for (int c = 0; c < 3; c++)
        {
          json_builder_set_member_name (builder, sqlite3_column_name (periods, c));
          json_builder_add_string_value (builder, (const char *) sqlite3_column_text (periods, c));
        }
      json_builder_end_object (builder);
    }
  if (!first)
    json_builder_end_array (builder);
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
json_format_error (GError **error, const char *where)
{
  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
               _("“%s” is missing or has the wrong type. Nothing was imported."), where);
  return FALSE;
}

/* A member that is absent, null or a string; FALSE for another type. */
static gboolean
json_opt_string (JsonObject *object, const char *key, const char **out)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
json_opt_int (JsonObject *object, const char *key, gint64 fallback, gint64 *out)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = fallback;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
json_opt_date (JsonObject *object, const char *key, GDate *out)
{
  const char *text;

  g_date_clear (out, 1);
  if (!json_opt_string (object, key, &text))
    return FALSE;
  return text == NULL || factures_date_parse_iso (text, out, NULL);
}

static gboolean
import_settings (FacturesStore *self, JsonNode *node, gboolean keep_ids, GError **error)
{
  FacturesUrssafSettings s;
  JsonObject *o;
  gint64 quarterly, cipav, chamber, vl, low, high, vat_return;
  const char *texts[9];
  static const char *const text_keys[] = {
    "department", "account_bank", "account_cash", "account_goods", "account_services", "account_vat",
    "account_debours", "account_purchases", "account_suppliers",
  };
  gboolean ok;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return json_format_error (error, "urssaf_settings");
  o = json_node_get_object (node);

  if (!keep_ids)
    {
      /* into a non-empty database, only when the user never set them */
      g_autoptr(sqlite3_stmt) any = factures_store_prepare (self, "SELECT count(*) FROM urssaf_settings", error);

      if (any == NULL)
        return FALSE;
      if (sqlite3_step (any) != SQLITE_ROW)
        {
          factures_store_set_db_error (self, error);
          return FALSE;
        }
      if (sqlite3_column_int (any, 0) > 0)
        return TRUE;
    }

  factures_urssaf_settings_init (&s);
#define INT_MEMBER(key, fallback, var) \
  if (!json_opt_int (o, key, fallback, &var)) \
    return json_format_error (error, "urssaf_settings." key);
  INT_MEMBER ("quarterly", 0, quarterly);
  INT_MEMBER ("bnc_cipav", 0, cipav);
  INT_MEMBER ("chamber", 0, chamber);
  INT_MEMBER ("versement_liberatoire", 0, vl);
  INT_MEMBER ("alert_low", 80, low);
  INT_MEMBER ("alert_high", 95, high);
  INT_MEMBER ("vat_return", 0, vat_return);
#undef INT_MEMBER
  if (!json_opt_date (o, "acre_until", &s.acre_until))
    return json_format_error (error, "urssaf_settings.acre_until");
  if (!json_opt_date (o, "creation", &s.creation))
    return json_format_error (error, "urssaf_settings.creation");
  for (guint i = 0; i < G_N_ELEMENTS (text_keys); i++)
    if (!json_opt_string (o, text_keys[i], &texts[i]))
      {
        g_autofree char *where = g_strdup_printf ("urssaf_settings.%s", text_keys[i]);

        return json_format_error (error, where);
      }
  if (quarterly < 0 || quarterly > 1 || cipav < 0 || cipav > 1 || vl < 0 || vl > 1)
    return json_format_error (error, "urssaf_settings");
  s.quarterly = quarterly != 0;
  s.bnc_cipav = cipav != 0;
  s.versement_liberatoire = vl != 0;
  s.chamber = chamber < 0 || chamber > G_MAXINT ? (FacturesUrssafChamber) 99 : (FacturesUrssafChamber) chamber;
  s.alert_low_percent = low < 0 || low > 1000 ? 0 : (guint) low;
  s.alert_high_percent = high < 0 || high > 1000 ? 0 : (guint) high;
  /* migration 0026: absent from older files (the CA12 default); 1 to 3, else refused below. */
  s.vat_return = vat_return < 0 || vat_return > 1000 ? 1000 : (guint) vat_return;
  s.department = g_strdup (texts[0]);
  s.account_bank = g_strdup (texts[1]);
  s.account_cash = g_strdup (texts[2]);
  s.account_goods = g_strdup (texts[3]);
  s.account_services = g_strdup (texts[4]);
  s.account_vat = g_strdup (texts[5]);
  s.account_debours = g_strdup (texts[6]);
  s.account_purchases = g_strdup (texts[7]);
  s.account_suppliers = g_strdup (texts[8]);
  /* the same checks as the settings' own door */
  ok = factures_store_set_urssaf_settings (self, &s, error);
  if (!ok)
    g_prefix_error (error, "urssaf_settings: ");
  factures_urssaf_settings_clear (&s);
  return ok;
}

static gboolean
import_declarations (FacturesStore *self, JsonNode *node, GError **error)
{
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return json_format_error (error, "urssaf_declarations");
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("urssaf_declarations[%u]", i);
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      const char *period_text = NULL, *declared_text = NULL, *recorded_text = NULL;
      FacturesUrssafPeriod period;
      g_autofree char *key = NULL;
      GDate declared, recorded;

      if (!JSON_NODE_HOLDS_OBJECT (element)
          || !json_opt_string (json_node_get_object (element), "period", &period_text)
          || !json_opt_string (json_node_get_object (element), "declared_on", &declared_text)
          || !json_opt_string (json_node_get_object (element), "recorded", &recorded_text)
          || !factures_urssaf_period_parse (period_text, NULL, &period, NULL)
          || declared_text == NULL || !factures_date_parse_iso (declared_text, &declared, NULL)
          || recorded_text == NULL || !factures_date_parse_iso (recorded_text, &recorded, NULL)
          || g_date_compare (&declared, &period.last) < 0)
        return json_format_error (error, where);
      key = factures_urssaf_period_key (&period);
      stmt = factures_store_prepare (self,
                                     "INSERT OR IGNORE INTO urssaf_declarations (period, declared_on, recorded) "
                                     "VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      factures_sql_bind_text (stmt, 1, key);
      factures_sql_bind_date (stmt, 2, &declared);
      factures_sql_bind_date (stmt, 3, &recorded);
      if (!factures_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
factures_store_urssaf_import_json (FacturesStore  *self,
                                   JsonObject     *root,
                                   gboolean        keep_ids,
                                   GError        **error)
{
  return import_settings (self, json_object_get_member (root, "urssaf_settings"), keep_ids, error) &&
         import_declarations (self, json_object_get_member (root, "urssaf_declarations"), error);
}
