/* factures-cli-verify.c — --verify --against=FILE (the witness), --list-payments=NUMBER and
 * --cancel-payment=ID --reason=TEXT (issue 10)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "factures-cli.h"
#include "factures-currency.h"
#include "factures-cli-verify.h"
#include "factures-store.h"
#include "factures-store-integrity.h"
#include "factures-store-payments.h"

static const GOptionEntry entries[] = {
  { "against", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --verify: compare the database with FILE, a backup (--backup), a JSON export (--export-json) or "
       "a receipts register export (--receipts --output), and name every document or record it saw that is "
       "missing or different"), N_("FILE") },
  { "list-payments", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the payments of invoice NUMBER: id, date, amount in cents, method, reference, cancellation date "
       "and reason, the invoice’s currency and the amount credited in euro cents (tab separated)"), N_("NUMBER") },
  { "cancel-payment", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Cancel the payment ID (see --list-payments) with --reason=TEXT (and --date, default today): it stays "
       "recorded, and its reversal is a negative line of the receipts register on that day"), N_("ID") },
  { "reason", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Why a payment is cancelled (--cancel-payment, --cancel-imported-paid)"), N_("TEXT") },
  { NULL }
};

/**
 * factures_cli_verify_add_options:
 * (see factures-cli-verify.h)
 */
void
factures_cli_verify_add_options (GApplication *application)
{
  g_application_add_main_option_entries (application, entries);
}

/**
 * factures_cli_verify_wanted:
 * (see factures-cli-verify.h)
 */
gboolean
factures_cli_verify_wanted (GVariantDict *options)
{
  return g_variant_dict_contains (options, "against") || g_variant_dict_contains (options, "list-payments") ||
         g_variant_dict_contains (options, "cancel-payment") ||
         (g_variant_dict_contains (options, "reason") && !g_variant_dict_contains (options, "cancel-imported-paid"));
}

static int
fail (const char *message)
{
  g_printerr (_("factures: %s\n"), message);
  return 1;
}

static char *
tsv_field (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "");

  for (char *p = copy; *p; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';
  return copy;
}

static int
list_payments (FacturesStore *store,
               const char    *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) document = factures_store_find_document (store, number, &error);
  g_autoptr(GPtrArray) payments = NULL;

  if (document == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("No document numbered “%s”."), number);

      return fail (message);
    }
  payments = factures_store_list_payments (store, document->id, &error);
  if (payments == NULL)
    return fail (error->message);
  for (guint i = 0; i < payments->len; i++)
    {
      const FacturesPayment *p = g_ptr_array_index (payments, i);
      g_autofree char *date = factures_date_format_iso (&p->date);
      g_autofree char *reference = tsv_field (p->reference);
      g_autofree char *cancelled = g_date_valid (&p->cancelled_on) ? factures_date_format_iso (&p->cancelled_on)
                                                                    : g_strdup ("");
      g_autofree char *reason = tsv_field (p->cancel_reason);

      /* (trial finding T6: the invoice's currency and the euros credited, last so that the
       * columns before keep their place) */
      g_print ("%" G_GINT64_FORMAT "\t%s\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%" G_GINT64_FORMAT "\n", p->id,
               date, p->amount, factures_payment_method_label_fr (p->method), reference, cancelled, reason,
               factures_currency_is_euro (document->currency) ? "EUR" : document->currency,
               factures_currency_is_euro (document->currency) || p->eur_amount <= 0 ? p->amount : p->eur_amount);
    }
  return 0;
}

static int
cancel_payment (FacturesStore *store,
                const char    *id_text,
                GVariantDict  *options)
{
  g_autoptr(GError) error = NULL;
  const char *reason = NULL, *date_text = NULL;
  gint64 id;
  GDate date;

  g_variant_dict_lookup (options, "reason", "&s", &reason);
  g_variant_dict_lookup (options, "date", "&s", &date_text);
  if (*id_text == '\0' || strspn (id_text, "0123456789") != strlen (id_text) || strlen (id_text) > 18)
    {
      g_autofree char *message = g_strdup_printf (_("--cancel-payment: “%s” is not a payment id (a whole number "
                                                    "printed by --list-payments)."), id_text);
      return fail (message);
    }
  id = g_ascii_strtoll (id_text, NULL, 10);
  if (reason == NULL)
    return fail (_("--cancel-payment needs --reason=TEXT: why the payment is cancelled (it stays in the records)."));
  if (date_text != NULL && !factures_date_parse_fr (date_text, _("Cancellation date"), &date, &error))
    return fail (error->message);
  if (date_text == NULL)
    factures_today (&date);
  if (!factures_store_cancel_payment (store, id, &date, reason, &error))
    return fail (error->message);
  {
    g_autofree char *date_fr = factures_date_format_fr (&date);

    g_print (_("Payment %s cancelled on %s: the receipts register shows its reversal on that day.\n"),
             id_text, date_fr);
  }
  return 0;
}

/**
 * factures_cli_verify_run:
 * (see factures-cli-verify.h)
 */
int
factures_cli_verify_run (const char   *database,
                         GVariantDict *options)
{
  g_autoptr(FacturesStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  const char *against = NULL, *list = NULL, *cancel = NULL;
  gboolean verify = FALSE;
  int status = 1;

  g_variant_dict_lookup (options, "against", "^&ay", &against);
  g_variant_dict_lookup (options, "list-payments", "&s", &list);
  g_variant_dict_lookup (options, "cancel-payment", "&s", &cancel);
  g_variant_dict_lookup (options, "verify", "b", &verify);
  if (against != NULL && !verify)
    return fail (_("--against goes with --verify: factures --verify --against=FILE."));
  if (cancel == NULL && g_variant_dict_contains (options, "reason"))
    return fail (_("--reason goes with --cancel-payment=ID or --cancel-imported-paid=NUMBER."));
  if ((against != NULL) + (list != NULL) + (cancel != NULL) > 1)
    return fail (_("--verify --against, --list-payments and --cancel-payment are run one at a time."));

  if (database == NULL)
    database = default_path = factures_store_default_path ();
  /* Reading commands never create a database. */
  if ((against != NULL || list != NULL || cancel != NULL) && !g_file_test (database, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot open the database “%s”: there is no such file."), database);

      return fail (message);
    }
  if (against != NULL && !g_file_test (against, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *message = g_strdup_printf (_("--against: there is no file “%s”."), against);

      return fail (message);
    }
  /* Only --cancel-payment writes; the others never create, migrate or copy a database. */
  store = factures_cli_open_store (database, cancel != NULL, &status);
  if (store == NULL)
    return status;

  if (list != NULL)
    return list_payments (store, list);
  if (cancel != NULL)
    return cancel_payment (store, cancel, options);

  /* --verify --against=FILE: the database alone, then against its witness; every problem named. */
  {
    g_autoptr(GError) own = NULL;
    g_autoptr(GError) witness = NULL;
    gboolean intact = factures_store_verify (store, &own);
    gboolean same = factures_store_verify_against (store, against, &witness);

    if (!intact)
      {
        g_autofree char *message = g_strdup_printf (_("Verification failed: %s"), own->message);

        fail (message);
      }
    if (!same)
      {
        g_autofree char *message = g_strdup_printf (_("Verification against “%s” failed:\n%s"), against,
                                                    witness->message);

        fail (message);
      }
    if (!intact || !same)
      return 1;
    g_print (_("Verification passed: the database is intact and holds every document and record that “%s” "
               "saw.\n"), against);
  }
  return 0;
}
