/* factures-cli-ereporting.c — the command line of the e-reporting (issue 15 item 2)
 *
 *   --ereporting-periodicity=bimonthly|monthly|decadal
 *       saves how often the e-reporting goes (the profile's choice; bimonthly by default)
 *   --ereporting --period=2027-09 [--output=FILE] [--send-to-pa]
 *       builds the Flux 10 report of the period (two months from September 2027 by default;
 *       a month, or YYYY-MM-DD for ten days, when the profile says so) and writes it to FILE,
 *       or to the standard output without --output. With --send-to-pa it hands each block to
 *       the plateforme agréée (flowSyntax FRR) and also writes the whole report to FILE or to
 *       the e-reporting folder (whether a PA takes FRR flows is to confirm). A report written
 *       or sent is recorded (migration 0021). A bad period is refused in French, nothing
 *       written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "factures-cli.h"
#include "factures-cli-ereporting.h"
#include "factures-date.h"
#include "factures-ereporting.h"
#include "factures-money.h"
#include "factures-pa-sync.h"

static const GOptionEntry entries[] = {
  { "ereporting", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Make the e-reporting of the sales to private persons and abroad, and their payments, for --period "
       "(2027-09: September–October), to --output or the standard output"), NULL },
  { "send-to-pa", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --ereporting: send the report to the plateforme agréée, and keep the file"), NULL },
  { "ereporting-periodicity", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Save how often the e-reporting goes: bimonthly (the franchise en base), monthly or decadal"),
    N_("PERIODICITY") },
  { NULL }
};

void
factures_cli_ereporting_add_options (GApplication *application)
{
  g_application_add_main_option_entries (application, entries);
}

gboolean
factures_cli_ereporting_wanted (GVariantDict *options)
{
  return g_variant_dict_contains (options, "ereporting") || g_variant_dict_contains (options, "send-to-pa")
         || g_variant_dict_contains (options, "ereporting-periodicity");
}

static int
fail (const char *message)
{
  g_printerr (_("factures: %s\n"), message);
  return 1;
}

static void
print_paid (GArray *paid)
{
  for (guint j = 0; j < paid->len; j++)
    {
      const FacturesEreportPaid *p = &g_array_index (paid, FacturesEreportPaid, j);
      g_autofree char *amount = factures_money_format_plain (p->amount);
      g_autofree char *rate = factures_rate_format (p->rate_bp);

      g_print ("\t%s %s (%s)", amount, p->currency, rate);
    }
  g_print ("\n");
}

/* The figures, one line each, tab separated, in French. */
static void
print_summary (const FacturesEreport *report)
{
  g_autofree char *label = factures_ereporting_period_label (&report->period);
  g_autofree char *due = factures_date_format_fr (&report->period.due);

  g_print (_("E-reporting %s (%s), due by %s\n"), label, report->type_code, due);
  if (factures_ereport_is_empty (report))
    g_print ("%s\n", _("Nothing to report for this period."));
  for (guint i = 0; i < report->invoices->len; i++)
    {
      const FacturesEreportInvoice *inv = g_ptr_array_index (report->invoices, i);
      g_autofree char *net = factures_money_format_plain (inv->net_total);
      g_autofree char *vat = factures_money_format_plain (inv->vat_total);

      g_print ("10.1\t%s\t%s\t%s\t%s %s\t%s %s\n", inv->number, inv->buyer_name,
               inv->buyer_country != NULL ? inv->buyer_country : "", net, inv->currency, vat, inv->currency);
    }
  for (guint i = 0; i < report->invoice_payments->len; i++)
    {
      const FacturesEreportInvoicePayment *p = g_ptr_array_index (report->invoice_payments, i);
      g_autofree char *date = factures_date_format_iso (&p->date);

      g_print ("10.2\t%s\t%s", p->number, date);
      print_paid (p->paid);
    }
  for (guint i = 0; i < report->days->len; i++)
    {
      const FacturesEreportDay *day = g_ptr_array_index (report->days, i);
      g_autofree char *date = factures_date_format_iso (&day->date);
      g_autofree char *net = factures_money_format_plain (day->net);
      g_autofree char *vat = factures_money_format_plain (day->vat);

      g_print ("10.3\t%s\t%s\t%s\t%s %s\t%s %s\t%u\n", date, day->category, day->currency, net, day->currency,
               vat, day->currency, day->count);
    }
  for (guint i = 0; i < report->day_payments->len; i++)
    {
      const FacturesEreportDayPayment *p = g_ptr_array_index (report->day_payments, i);
      g_autofree char *date = factures_date_format_iso (&p->date);

      g_print ("10.4\t%s", date);
      print_paid (p->paid);
    }
}

static void
print_block (const char *block,
             const char *flow_id,
             const char *problem,
             gpointer    user_data)
{
  if (flow_id != NULL)
    g_print (_("%s\tsent to the plateforme agréée\t%s\n"), block, flow_id);
  else
    g_print (_("%s\tnot sent\t%s\n"), block, problem);
}

static gboolean
write_file (const char *path,
            GBytes     *xml,
            GError    **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  gsize size = 0;
  const char *data = g_bytes_get_data (xml, &size);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), _("Cannot create the folder “%s”."), folder);
      return FALSE;
    }
  return g_file_set_contents (path, data, (gssize) size, error);
}

/* --ereporting-periodicity: through the store's check; a bad word leaves the database as it was. */
static int
set_periodicity (const char *database,
                 const char *word)
{
  static const char *const words[] = { "bimonthly", "monthly", "decadal" };
  g_autoptr(FacturesStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (word, words[i]))
      {
        store = factures_cli_open_store_existing (database, &status);
        if (store == NULL)
          return status;
        if (!factures_store_set_ereporting_periodicity (store, (FacturesEreportingPeriodicity) i, &error))
          return fail (error->message);
        g_print (_("E-reporting periodicity saved: %s.\n"),
                 factures_ereporting_periodicity_label ((FacturesEreportingPeriodicity) i));
        return 0;
      }
  {
    g_autofree char *message = g_strdup_printf (_("E-reporting periodicity: “%s” is not one of bimonthly, monthly "
                                                  "or decadal."), word);

    return fail (message);
  }
}

int
factures_cli_ereporting_run (const char   *database,
                             GVariantDict *options)
{
  g_autoptr(FacturesStore) store = NULL;
  g_autoptr(FacturesEreport) report = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  FacturesEreportingPeriodicity periodicity;
  FacturesEreportingPeriod period;
  const char *text = NULL;
  const char *periodicity_text = NULL;
  const char *output = NULL;
  gboolean send = FALSE;
  gint64 report_id;
  int status = 0;

  g_variant_dict_lookup (options, "ereporting-periodicity", "&s", &periodicity_text);
  if (periodicity_text != NULL)
    return set_periodicity (database, periodicity_text);
  g_variant_dict_lookup (options, "period", "&s", &text);
  g_variant_dict_lookup (options, "output", "^&ay", &output);
  g_variant_dict_lookup (options, "send-to-pa", "b", &send);
  if (!g_variant_dict_contains (options, "ereporting"))
    return fail (_("--send-to-pa goes with --ereporting --period=YYYY-MM."));
  if (text == NULL)
    return fail (_("--ereporting needs --period=YYYY-MM: the first month of the period (2027-09 for "
                   "September–October 2027)."));
  store = factures_cli_open_store_existing (database, &status);
  if (store == NULL)
    return status;
  if (!factures_store_get_ereporting_periodicity (store, &periodicity, &error))
    return fail (error->message);
  if (!factures_ereporting_period_parse (text, periodicity, &period, &error))
    return fail (error->message);
  if (send)
    {
      GDate today;

      factures_today (&today);
      if (g_date_compare (&today, &period.end) <= 0)
        {
          g_autofree char *end = factures_date_format_fr (&period.end);
          g_autofree char *message = g_strdup_printf (_("Period: %s is not over (it ends on %s); it is sent once it "
                                                        "has ended."), text, end);

          return fail (message);
        }
    }
  report = factures_ereport_build (store, &period, NULL, &error);
  if (report == NULL)
    return fail (error->message);
  xml = factures_ereport_to_xml (report, FACTURES_EREPORT_BLOCK_ALL);

  if (!send && output == NULL)
    {
      gsize size = 0;
      const char *data = g_bytes_get_data (xml, &size);

      fwrite (data, 1, size, stdout);
      return 0;
    }

  file = g_strdup (output != NULL ? output : NULL);
  if (file == NULL)
    file = factures_ereport_default_file (report);
  if (!write_file (file, xml, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot write “%s”: %s"), file, error->message);
      return fail (message);
    }
  report_id = factures_ereport_record (store, report, xml, file, &error);
  if (report_id == 0)
    return fail (error->message);
  print_summary (report);
  g_print (_("Report written to %s\n"), file);
  if (send)
    {
      g_autoptr(FacturesPaClient) client = NULL;
      guint sent = 0;

      if (factures_ereport_is_empty (report))
        {
          g_print ("%s\n", _("Nothing was sent: the period holds no sale to report (whether an empty report is "
                             "due is to confirm)."));
          return 0;
        }
      client = factures_pa_open_client (store, &error);
      if (client == NULL)
        return fail (error->message);
      if (!factures_ereport_send (store, client, report, report_id, print_block, NULL, &sent, &error))
        {
          g_autofree char *message = g_strdup_printf (_("The e-reporting was not wholly sent (%u blocks went): %s "
                                                        "The file %s can be uploaded on the platform’s site."),
                                                      sent, error->message, file);
          return fail (message);
        }
      g_print (_("The plateforme agréée took the report. Whether every platform takes e-reporting files this way "
                 "is to confirm: the file %s can also be uploaded on its site.\n"), file);
    }
  return 0;
}
