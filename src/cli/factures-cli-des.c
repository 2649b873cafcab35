/* factures-cli-des.c — --des --month=YYYY-MM [--output=FILE.csv] (see factures-cli-des.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "factures-cli.h"
#include "factures-cli-des.h"
#include "factures-date.h"
#include "factures-money.h"
#include "factures-store-des.h"
#include "factures-urssaf.h"

static const GOptionEntry entries[] = {
  { "des", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the European services declaration (DES, art. 289 B CGI) of --month: for each client VAT "
       "number, the reverse-charged services (AE) of the month in euros, a month being the date of the "
       "service (else the issue date), credit notes in the month they are issued; with --output=FILE.csv, "
       "write it as CSV instead"), NULL },
  { "month", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Month of --des (YYYY-MM, e.g. 2026-11)"), N_("MONTH") },
  { NULL }
};

void
factures_cli_des_add_options (GApplication *application)
{
  g_application_add_main_option_entries (application, entries);
}

gboolean
factures_cli_des_wanted (GVariantDict *options)
{
  return g_variant_dict_contains (options, "des") || g_variant_dict_contains (options, "month");
}

static int
fail (const char *message)
{
  g_printerr (_("factures: %s\n"), message);
  return 1;
}

int
factures_cli_des_run (const char   *database,
                      GVariantDict *options)
{
  g_autoptr(FacturesStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *of = NULL;
  const char *month_text = NULL, *output = NULL;
  gboolean want = FALSE;
  guint year, month;
  int status = 0;
  GDate today;
  FacturesUrssafPeriod period = { 0 };

  g_variant_dict_lookup (options, "des", "b", &want);
  g_variant_dict_lookup (options, "month", "&s", &month_text);
  g_variant_dict_lookup (options, "output", "^&ay", &output);
  if (!want)
    return fail (_("--month goes with --des."));
  if (month_text == NULL)
    return fail (_("--des needs --month=YYYY-MM (e.g. --month=2026-11)."));
  factures_today (&today);
  if (!factures_des_parse_month (month_text, &today, &year, &month, &error))
    return fail (error->message);
  /* (the file is CSV: another extension would hide it, as --purchases refuses; T16) */
  if (output != NULL && !g_str_has_suffix (output, ".csv") && !g_str_has_suffix (output, ".CSV"))
    {
      g_autofree char *message = g_strdup_printf (_("--output: “%s” must end in .csv (the DES is written as "
                                                    "CSV)."), output);

      return fail (message);
    }

  store = factures_cli_open_store (database, FALSE, &status);
  if (store == NULL)
    return status;
  list = factures_store_des_month (store, year, month, &error);
  if (list == NULL)
    return fail (error->message);

  period.year = year;
  period.month = month;
  of = factures_urssaf_period_label (&period);
  if (list->len == 0)
    {
      /* Translators: %s is a month, "novembre 2026" */
      g_print (_("No reverse-charged service (category AE) to a business in the EU in %s: no DES to file "
                 "for that month.\n"), of);
      return 0;
    }

  if (output != NULL)
    {
      g_autofree char *csv = factures_des_write_csv (list, year, month);

      if (!g_file_set_contents (output, csv, -1, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Cannot write “%s”: %s"), output, error->message);

          return fail (message);
        }
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u DES line of %s written to %s\n",
                            "%u DES lines of %s written to %s\n", list->len), list->len, of, output);
      return 0;
    }

  /* « d’octobre », « de novembre »: the month is always named in French, and French elides
   * « de » before a vowel (avril, août, octobre; trial 5 finding 21). */
  if (strchr ("aeiou", of[0]) != NULL)
    /* Translators: the heading of --des; %s is a French month beginning with a vowel,
     * "octobre 2026" (French: « … (DES) d’%s : … ») */
    g_print (C_("month beginning with a vowel",
                "European services declaration (DES) of %s: client VAT number, amount in euros, client\n"), of);
  else
    /* Translators: the heading of --des; %s is a month, "novembre 2026" */
    g_print (_("European services declaration (DES) of %s: client VAT number, amount in euros, client\n"), of);
  for (guint i = 0; i < list->len; i++)
    {
      const FacturesDesEntry *e = g_ptr_array_index (list, i);
      g_autofree char *client = g_strdelimit (g_strdup (e->client), "\t\r\n", ' ');

      g_print ("%u\t%s\t%" G_GINT64_FORMAT "\t%s\n", i + 1,
               *e->vat_id != '\0' ? e->vat_id : _("(no VAT number)"), e->euros, client);
    }
  for (guint i = 0; i < list->len; i++)
    if (*((const FacturesDesEntry *) g_ptr_array_index (list, i))->vat_id == '\0')
      {
        g_print (_("A client has no VAT number: the DES needs one for each line; add it to the client "
                   "(the invoices keep what they were issued with).\n"));
        break;
      }
  return 0;
}
