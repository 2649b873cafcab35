/* factures-cli-receipts.c — --receipts (the livre des recettes and the totals to declare to
 * URSSAF) and --imported-paid (the payment of an imported sale)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "factures-cli.h"
#include "factures-cli-receipts.h"
#include "factures-store-facturx.h"
#include "factures-store-receipts.h"
#include "factures-store-integrity.h"
#include "factures-cli-registers.h"

static const GOptionEntry entries[] = {
  { "receipts", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the receipts register (livre des recettes) of --year: date, invoices, client, nature, "
       "amount, method, reference (tab separated), then the totals per month, quarter and year to declare "
       "to URSSAF; with --output=FILE.csv, write it as CSV instead, with --output=FILE.pdf as a printable PDF "
       "(A4, totals carried from page to page)"), NULL },
  /* A string, read here: GApplication drops an integer option of 0 (--year=0 would mean
   * this year) and refuses "abc" in English. */
  { "year", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Year of --receipts (default: this year)"), N_("YYYY") },
  { "imported-paid", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Record the payment of the imported sale NUMBER: --date=YYYY-MM-DD, --method=virement|cheque|especes|"
       "carte|prelevement|autre, --amount in euros (default: the amount due of a file in EUR), --reference"),
    N_("NUMBER") },
  { "date", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Payment date of --imported-paid or --record-payment (YYYY-MM-DD or DD/MM/YYYY)"), N_("DATE") },
  { "method", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Payment method of --imported-paid or --record-payment: virement, cheque, especes, carte, prelevement or autre"), N_("METHOD") },
  { "amount", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Amount received for --imported-paid or --record-payment, in the invoice's currency (\"1234,56\"; "
       "outside the euro, --eur-amount gives the euros credited)"), N_("AMOUNT") },
  { "reference", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Cheque number or transfer reference for --imported-paid or --record-payment"), N_("TEXT") },
  { "cancel-imported-paid", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Cancel the payment of the imported sale NUMBER with --reason=TEXT (and --date, default today): "
       "a negative line of the receipts register on that day"), N_("NUMBER") },
  { NULL }
};

/**
 * factures_cli_receipts_add_options:
 * (see factures-cli-receipts.h)
 */
void
factures_cli_receipts_add_options (GApplication *application)
{
  g_application_add_main_option_entries (application, entries);
}

/**
 * factures_cli_receipts_wanted:
 * (see factures-cli-receipts.h)
 */
gboolean
factures_cli_receipts_wanted (GVariantDict *options)
{
  static const char * const names[] = {
    "receipts", "imported-paid", "cancel-imported-paid", "year", "date", "method", "amount", "reference",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_variant_dict_contains (options, names[i]))
      return TRUE;
  return FALSE;
}

static int
fail (const char *message)
{
  g_printerr (_("factures: %s\n"), message);
  return 1;
}

/* Tabs and line breaks would break the TSV: print them as spaces. */
static char *
tsv_field (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "");

  g_strdelimit (copy, "\t\r\n", ' ');
  return copy;
}

/**
 * factures_cli_receipts_parse_method:
 * (see factures-cli-receipts.h)
 */
gboolean
factures_cli_receipts_parse_method (const char *text, FacturesPaymentMethod *out)
{
  static const struct { const char *name; FacturesPaymentMethod method; } names[] = {
    { "virement", FACTURES_PAYMENT_METHOD_TRANSFER },
    { "cheque", FACTURES_PAYMENT_METHOD_CHEQUE },
    { "chèque", FACTURES_PAYMENT_METHOD_CHEQUE },
    { "especes", FACTURES_PAYMENT_METHOD_CASH },
    { "espèces", FACTURES_PAYMENT_METHOD_CASH },
    { "carte", FACTURES_PAYMENT_METHOD_CARD },
    { "prelevement", FACTURES_PAYMENT_METHOD_DIRECT_DEBIT },
    { "prélèvement", FACTURES_PAYMENT_METHOD_DIRECT_DEBIT },
    { "autre", FACTURES_PAYMENT_METHOD_OTHER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i].name) == 0)
      {
        *out = names[i].method;
        return TRUE;
      }
  return FALSE;
}

static void
print_totals (GPtrArray *receipts, const GDate *from, const GDate *to, FacturesReceiptPeriod period)
{
  g_autoptr(GArray) totals = factures_receipts_totals (receipts, from, to, period);

  for (guint i = 0; i < totals->len; i++)
    {
      const FacturesReceiptTotal *t = &g_array_index (totals, FacturesReceiptTotal, i);
      g_autofree char *label = factures_receipt_total_label (t, period);
      g_autofree char *total = factures_money_format (t->total);
      g_autofree char *cash = factures_money_format (t->cash);

      /* Translators: a line of --receipts totals: "janvier 2026<TAB>1 200,00 €<TAB>cash 50,00 €" */
      g_print (_("%s\t%s\tcash %s\n"), label, total, cash);
    }
}

/* The livre des recettes as a printable PDF (issue 17 item 6). */
static int
receipts_pdf (FacturesStore *store, gint year, const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  guint n_pages = 0;

  pdf = factures_registers_receipts_pdf (store, (guint) year, &n_pages, &error);
  if (pdf == NULL || !g_file_set_contents (output, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf),
                                           &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot write “%s”: %s"), output, error->message);

      return fail (message);
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Receipts register of %d written to %s (%u page)\n",
                        "Receipts register of %d written to %s (%u pages)\n", n_pages), year, output, n_pages);
  return 0;
}

/* @year: the year asked with --year, or 0 when none was given (this year). */
static int
receipts (FacturesStore *store, gint year, const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GDate from, to, today;

  factures_today (&today);
  if (year == 0)
    year = g_date_get_year (&today);
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, (GDateYear) year);
  g_date_set_dmy (&to, 31, G_DATE_DECEMBER, (GDateYear) year);
  list = factures_store_list_receipts (store, &from, &to, &error);
  if (list == NULL)
    return fail (error->message);

  if (output != NULL && g_str_has_suffix (output, ".pdf"))
    return receipts_pdf (store, year, output);
  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
      g_autoptr(GFileOutputStream) stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);

      /* …with the chain head on its last line (the witness of factures --verify --against). */
      if (stream == NULL || !factures_store_write_receipts_csv (store, list, G_OUTPUT_STREAM (stream), &error)
          || !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Cannot write “%s”: %s"), output, error->message);

          return fail (message);
        }
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u receipt of %d written to %s\n", "%u receipts of %d written to %s\n",
                            list->len), list->len, year, output);
      return 0;
    }

  for (guint i = 0; i < list->len; i++)
    {
      const FacturesReceipt *r = g_ptr_array_index (list, i);
      g_autofree char *date = factures_date_format_iso (&r->date);
      g_autofree char *invoices = tsv_field (r->invoices);
      g_autofree char *client = tsv_field (r->client);
      g_autofree char *nature = tsv_field (r->nature);
      g_autofree char *amount = factures_money_format (r->amount);
      g_autofree char *reference = NULL;

      if (r->reversal)
        {
          /* Translators: the reference column of a cancelled payment in --receipts */
          g_autofree char *text = g_strdup_printf (_("cancellation (%s)%s%s"), r->reason != NULL ? r->reason : "",
                                                   r->reference != NULL ? " " : "",
                                                   r->reference != NULL ? r->reference : "");
          reference = tsv_field (text);
        }
      else
        reference = tsv_field (r->reference);

      g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", date, invoices, client, nature, amount,
               factures_payment_method_label_fr (r->method), reference);
    }
  {
    g_autoptr(FacturesProfile) profile = factures_store_get_profile (store, NULL);

    /* A seller who charges VAT declares the receipts without it (--urssaf removes it): the
     * register's totals are what came in, VAT included (trial finding 3). */
    if (profile != NULL && profile->vat_regime == FACTURES_VAT_REGIME_REGISTERED)
      g_print ("\n%s\n", _("Totals per month (cash received, VAT included; --urssaf gives the figures "
                            "to declare, without VAT):"));
    else
      g_print ("\n%s\n", _("Totals per month (cash received, to declare to URSSAF):"));
  }
  print_totals (list, &from, &to, FACTURES_RECEIPT_PERIOD_MONTH);
  g_print ("\n%s\n", _("Totals per quarter:"));
  print_totals (list, &from, &to, FACTURES_RECEIPT_PERIOD_QUARTER);
  g_print ("\n%s\n", _("Total of the year:"));
  print_totals (list, &from, &to, FACTURES_RECEIPT_PERIOD_YEAR);
  return 0;
}

static int
imported_paid (FacturesStore *store, const char *number, GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  const char *date_text = NULL, *method_text = NULL, *amount_text = NULL, *reference = NULL;
  FacturesPaymentMethod method;
  gint64 amount = 0;
  gint64 id;
  GDate date;

  g_variant_dict_lookup (options, "date", "&s", &date_text);
  g_variant_dict_lookup (options, "method", "&s", &method_text);
  g_variant_dict_lookup (options, "amount", "&s", &amount_text);
  g_variant_dict_lookup (options, "reference", "&s", &reference);
  if (date_text == NULL)
    return fail (_("--imported-paid needs --date=YYYY-MM-DD: the day the money came in."));
  if (!factures_date_parse_fr (date_text, _("Payment date"), &date, &error))
    return fail (error->message);
  if (method_text == NULL)
    return fail (_("--imported-paid needs --method=virement|cheque|especes|carte|prelevement|autre."));
  if (!factures_cli_receipts_parse_method (method_text, &method))
    {
      g_autofree char *message = g_strdup_printf (_("Payment method: “%s” is not one of virement, cheque, especes, "
                                                    "carte, prelevement, autre."), method_text);
      return fail (message);
    }
  if (amount_text != NULL && !factures_money_parse (amount_text, _("Amount"), &amount, &error))
    return fail (error->message);
  if (amount_text != NULL && amount <= 0)
    return fail (_("Amount: a payment must be greater than zero."));
  id = factures_store_find_imported (store, number, NULL, &error);
  if (id == 0)
    return fail (error->message);
  if (!factures_store_record_imported_payment (store, id, &date, method, amount, reference, &error))
    return fail (error->message);
  {
    g_autofree char *date_fr = factures_date_format_fr (&date);

    g_print (_("Payment of %s recorded on %s: it is in the receipts register.\n"), number, date_fr);
  }
  return 0;
}

static int
cancel_imported_paid (FacturesStore *store, const char *number, GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  const char *reason = NULL, *date_text = NULL;
  gint64 id;
  GDate date;

  g_variant_dict_lookup (options, "reason", "&s", &reason);
  g_variant_dict_lookup (options, "date", "&s", &date_text);
  if (reason == NULL)
    return fail (_("--cancel-imported-paid needs --reason=TEXT: why the payment is cancelled (it stays in "
                   "the records)."));
  if (date_text != NULL && !factures_date_parse_fr (date_text, _("Cancellation date"), &date, &error))
    return fail (error->message);
  if (date_text == NULL)
    factures_today (&date);
  id = factures_store_find_imported (store, number, NULL, &error);
  if (id == 0)
    return fail (error->message);
  if (!factures_store_cancel_imported_payment (store, id, &date, reason, &error))
    return fail (error->message);
  {
    g_autofree char *date_fr = factures_date_format_fr (&date);

    g_print (_("Payment of %s cancelled on %s: the receipts register shows its reversal on that day.\n"),
             number, date_fr);
  }
  return 0;
}

/**
 * factures_cli_receipts_run:
 * (see factures-cli-receipts.h)
 */
int
factures_cli_receipts_run (const char   *database,
                           GVariantDict *options)
{
  g_autoptr(FacturesStore) store = NULL;
  const char *paid_number = NULL;
  const char *cancel_number = NULL;
  const char *output = NULL;
  gboolean list = FALSE;
  const char *year_text = NULL;
  gint year = 0;
  int status = 0;

  g_variant_dict_lookup (options, "receipts", "b", &list);
  g_variant_dict_lookup (options, "year", "&s", &year_text);
  g_variant_dict_lookup (options, "output", "^&ay", &output);
  g_variant_dict_lookup (options, "imported-paid", "&s", &paid_number);
  g_variant_dict_lookup (options, "cancel-imported-paid", "&s", &cancel_number);
  if (output != NULL && !list)
    return fail (_("--output goes with --receipts (or --export-pdf, --export-facturx)."));
  if (g_variant_dict_contains (options, "year") && !list)
    return fail (_("--year goes with --receipts, --thresholds, --purchases or --export-fec."));
  /* Checked before the database is opened; --year=0 is not "this year" (leave --year out). */
  if (year_text != NULL)
    {
      gint64 value;

      GDate today;

      if (!g_ascii_string_to_signed (year_text, 10, FACTURES_YEAR_FIRST, 9999, &value, NULL))
        return fail (_("--year takes a year such as 2026."));
      factures_today (&today);
      if (value > g_date_get_year (&today))
        return fail (_("--year: that year has not begun, nothing was received in it yet."));
      year = (gint) value;
    }
  if (paid_number == NULL && ((g_variant_dict_contains (options, "date") && cancel_number == NULL)
                              || g_variant_dict_contains (options, "method")
                              || g_variant_dict_contains (options, "amount")
                              || g_variant_dict_contains (options, "reference")))
    return fail (_("--date, --method, --amount and --reference go with --imported-paid=NUMBER."));

  store = factures_cli_open_store (database, paid_number != NULL || cancel_number != NULL, &status);
  if (store == NULL)
    return status;
  if (cancel_number != NULL)
    status = cancel_imported_paid (store, cancel_number, options);
  if (status == 0 && paid_number != NULL)
    status = imported_paid (store, paid_number, options);
  if (status == 0 && list)
    status = receipts (store, year, output);
  return status;
}
