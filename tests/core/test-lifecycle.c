/* test-lifecycle.c — quote status, deposit and credit amounts, final-invoice totals
 * (issue 3 items 1–3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-lifecycle.h"

static void
date_set (GDate *date,
          guint  day,
          guint  month,
          guint  year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static FacturesLine *
line (const char *description,
      gint64      quantity,
      gint64      unit_price,
      gint        vat_rate_bp)
{
  FacturesLine *l = factures_line_new ();

  l->description = g_strdup (description);
  l->quantity = quantity;
  l->unit_price = unit_price;
  l->vat_rate_bp = vat_rate_bp;
  return l;
}

static FacturesDocument *
quote (gboolean registered)
{
  FacturesDocument *d = factures_document_new (FACTURES_DOCUMENT_KIND_QUOTE);

  d->seller = factures_profile_new ();
  d->seller->vat_regime = registered ? FACTURES_VAT_REGIME_REGISTERED : FACTURES_VAT_REGIME_FRANCHISE;
  /* 3 × 333,33 € at 20 % and 1 × 100,01 € at 10 % (or no VAT). */
  g_ptr_array_add (d->lines, line ("Pose", 30000, 333330000, registered ? 2000 : 0));
  g_ptr_array_add (d->lines, line ("Fournitures", 10000, 100010000, registered ? 1000 : 0));
  return d;
}

static void
test_quote_status (void)
{
  GDate until, before, after;

  date_set (&until, 31, 3, 2026);
  date_set (&before, 31, 3, 2026);
  date_set (&after, 1, 4, 2026);

  g_assert_cmpint (factures_quote_status_derive (FALSE, FALSE, FALSE, FALSE, &until, &after), ==,
                   FACTURES_QUOTE_STATUS_DRAFT);
  g_assert_cmpint (factures_quote_status_derive (TRUE, FALSE, FALSE, FALSE, &until, &before), ==,
                   FACTURES_QUOTE_STATUS_SENT);
  /* Expiry is derived: the day after the validity date. */
  g_assert_cmpint (factures_quote_status_derive (TRUE, FALSE, FALSE, FALSE, &until, &after), ==,
                   FACTURES_QUOTE_STATUS_EXPIRED);
  g_assert_cmpint (factures_quote_status_derive (TRUE, TRUE, FALSE, FALSE, &until, &after), ==,
                   FACTURES_QUOTE_STATUS_ACCEPTED);
  g_assert_cmpint (factures_quote_status_derive (TRUE, TRUE, FALSE, TRUE, &until, &after), ==,
                   FACTURES_QUOTE_STATUS_INVOICED);
  g_assert_cmpint (factures_quote_status_derive (TRUE, FALSE, TRUE, FALSE, &until, &after), ==,
                   FACTURES_QUOTE_STATUS_REFUSED);
}

static void
test_default_validity (void)
{
  GDate issue, until;

  date_set (&issue, 15, 2, 2026);
  factures_quote_default_validity (&issue, &until);
  g_assert_cmpint (g_date_get_day (&until), ==, 17);
  g_assert_cmpint (g_date_get_month (&until), ==, 3);
}

static void
test_amount_lines_percent (void)
{
  g_autoptr(FacturesDocument) q = quote (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  const FacturesLine *l;

  /* 30 % of each VAT base: 999,99 € → 300,00 € (299,997 rounded); 100,01 € → 30,00 €. */
  lines = factures_lifecycle_amount_lines (q, 3000, 0, "Acompte", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 2);
  l = g_ptr_array_index (lines, 0);
  g_assert_cmpint (l->vat_rate_bp, ==, 2000);
  g_assert_cmpint (l->unit_price, ==, 30000 * 10000);
  g_assert_cmpint (l->quantity, ==, 10000);
  g_assert_cmpstr (l->description, ==, "Acompte — TVA 20\u00a0%");
  l = g_ptr_array_index (lines, 1);
  g_assert_cmpint (l->vat_rate_bp, ==, 1000);
  g_assert_cmpint (l->unit_price, ==, 3000 * 10000);
}

static void
test_amount_lines_amount (void)
{
  g_autoptr(FacturesDocument) q = quote (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  gint64 sum = 0;

  /* 500,00 € split pro rata over 999,99 € and 100,01 €: the lines add up exactly. */
  lines = factures_lifecycle_amount_lines (q, 0, 50000, "Avoir", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 2);
  for (guint i = 0; i < lines->len; i++)
    sum += ((FacturesLine *) g_ptr_array_index (lines, i))->unit_price / 10000;
  g_assert_cmpint (sum, ==, 50000);
  /* 50000 × 99999 / 110000 = 45454.09… → 45454 */
  g_assert_cmpint (((FacturesLine *) g_ptr_array_index (lines, 0))->unit_price, ==, 45454 * 10000);

  /* Above the total before tax (1 100,00 €): refused, naming the field. */
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = factures_lifecycle_amount_lines (q, 0, 110001, "Acompte", &error);
  g_assert_null (lines);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Amount: "));
  g_clear_error (&error);

  lines = factures_lifecycle_amount_lines (q, 10001, 0, "Acompte", &error);
  g_assert_null (lines);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);

  lines = factures_lifecycle_amount_lines (q, 0, 0, "Acompte", &error);
  g_assert_null (lines);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
}

static void
test_final_invoice_totals (void)
{
  g_autoptr(FacturesDocument) invoice = quote (FALSE);
  g_auto(FacturesTotals) totals = { NULL, };
  g_autoptr(GError) error = NULL;
  FacturesDocumentRef *ref;

  invoice->kind = FACTURES_DOCUMENT_KIND_INVOICE;
  invoice->deposits = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_document_ref_free);
  ref = factures_document_ref_new ();
  ref->number = g_strdup ("F2026-0002");
  ref->amount = 33000;
  g_ptr_array_add (invoice->deposits, ref);
  ref = factures_document_ref_new ();
  ref->number = g_strdup ("F2026-0003");
  ref->amount = 10000;
  g_ptr_array_add (invoice->deposits, ref);

  g_assert_true (factures_document_compute_totals (invoice, &totals, &error));
  g_assert_no_error (error);
  g_assert_cmpint (totals.gross_total, ==, 110000);
  g_assert_cmpint (totals.paid_total, ==, 43000);
  g_assert_cmpint (totals.amount_due, ==, 67000);
  g_assert_cmpint (factures_document_deposits_total (invoice), ==, 43000);

  /* The copy keeps them; a quote or a deposit invoice never deducts. */
  {
    g_autoptr(FacturesDocument) copy = factures_document_copy (invoice);
    g_auto(FacturesTotals) t2 = { NULL, };

    g_assert_cmpuint (copy->deposits->len, ==, 2);
    g_assert_cmpstr (((FacturesDocumentRef *) copy->deposits->pdata[1])->number, ==, "F2026-0003");
    copy->kind = FACTURES_DOCUMENT_KIND_DEPOSIT;
    g_assert_true (factures_document_compute_totals (copy, &t2, NULL));
    g_assert_cmpint (t2.amount_due, ==, 110000);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lifecycle/quote-status", test_quote_status);
  g_test_add_func ("/lifecycle/default-validity", test_default_validity);
  g_test_add_func ("/lifecycle/amount-lines/percent", test_amount_lines_percent);
  g_test_add_func ("/lifecycle/amount-lines/amount", test_amount_lines_amount);
  g_test_add_func ("/lifecycle/final-invoice-totals", test_final_invoice_totals);

  return g_test_run ();
}
