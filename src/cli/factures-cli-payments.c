/* factures-cli-payments.c — --dunning-plan, --penalties and the next step of --list-overdue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-cli.h"
#include "factures-cli-payments.h"
#include "factures-store-payments.h"

static const GOptionEntry entries[] = {
  { "dunning-plan", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the dunning plan of invoice NUMBER on today (FACTURES_TODAY): instalment, date, step, "
       "channel, state (tab separated)"), N_("NUMBER") },
  { "penalties", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the late penalties of invoice NUMBER on today (FACTURES_TODAY): days per half-year, "
       "rate, amount, indemnity"), N_("NUMBER") },
  { NULL }
};

void
factures_cli_payments_add_options (GApplication *application)
{
  g_application_add_main_option_entries (application, entries);
}

gboolean
factures_cli_payments_wanted (GVariantDict *options)
{
  return g_variant_dict_contains (options, "dunning-plan") || g_variant_dict_contains (options, "penalties");
}

static int
fail (const char *message)
{
  g_printerr (_("factures: %s\n"), message);
  return 1;
}

static gboolean
is_pending (FacturesStepState state)
{
  return state == FACTURES_STEP_STATE_DUE || state == FACTURES_STEP_STATE_PLANNED ||
         state == FACTURES_STEP_STATE_PAUSED;
}

char *
factures_cli_payments_next_step (FacturesStore *store,
                                 gint64         document_id,
                                 const GDate   *today)
{
  g_autoptr(GPtrArray) plan = factures_store_get_dunning_plan (store, document_id, today, NULL);
  const FacturesDunningTask *next = NULL;

  /* the earliest pending step over the runs (one run without an instalment plan) */
  for (guint i = 0; plan != NULL && i < plan->len; i++)
    {
      const FacturesDunningTask *task = g_ptr_array_index (plan, i);

      if (!is_pending (task->step.state))
        continue;
      if (next == NULL || g_date_compare (&task->step.date, &next->step.date) < 0)
        next = task;
      /* later steps of this run come after this one */
      while (i + 1 < plan->len &&
             ((const FacturesDunningTask *) g_ptr_array_index (plan, i + 1))->instalment == task->instalment)
        i++;
    }
  if (next == NULL)
    return g_strdup ("\t\t");
  {
    g_autofree char *date = factures_date_format_iso (&next->step.date);
    return g_strdup_printf ("\t%s\t%s", next->step.step_key, date);
  }
}

static FacturesDocument *
find (FacturesStore *store, const char *number, GError **error)
{
  FacturesDocument *document = factures_store_find_document (store, number, error);

  if (document == NULL && error != NULL && *error == NULL)
    g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND, _("No document numbered “%s”."), number);
  return document;
}

static int
dunning_plan (FacturesStore *store,
              const char    *number,
              const GDate   *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) document = find (store, number, &error);
  g_autoptr(GPtrArray) plan = NULL;

  if (document == NULL)
    return fail (error->message);
  plan = factures_store_get_dunning_plan (store, document->id, today, &error);
  if (plan == NULL)
    return fail (error->message);
  for (guint i = 0; i < plan->len; i++)
    {
      const FacturesDunningTask *task = g_ptr_array_index (plan, i);
      g_autofree char *date = factures_date_format_iso (&task->step.date);

      g_print ("%d\t%s\t%s\t%s\t%s\n", task->instalment, date, task->step.step_key,
               factures_dunning_channel_label (task->step.channel),
               factures_step_state_label (task->step.state));
    }
  return 0;
}

static int
penalties (FacturesStore *store,
           const char    *number,
           const GDate   *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) document = find (store, number, &error);
  g_auto(FacturesPenalties) result = { 0 };
  g_autofree char *text = NULL;

  if (document == NULL)
    return fail (error->message);
  if (!factures_store_compute_penalties (store, document->id, today, &result, &error))
    return fail (error->message);
  text = factures_penalties_describe_in (&result, document->currency);
  g_print ("%s", text);
  return 0;
}

int
factures_cli_payments_run (const char   *database,
                           GVariantDict *options)
{
  g_autoptr(FacturesStore) store = NULL;
  const char *plan_number = NULL;
  const char *penalties_number = NULL;
  GDate today;
  int status = 0;

  g_variant_dict_lookup (options, "dunning-plan", "&s", &plan_number);
  g_variant_dict_lookup (options, "penalties", "&s", &penalties_number);
  factures_today (&today);
  /* Trial 6 finding 9: --date was ignored silently; the plan and the penalties are reckoned on
   * today (FACTURES_TODAY). */
  if (g_variant_dict_contains (options, "date"))
    return fail (_("--date does not go with --dunning-plan or --penalties: they are reckoned on today "
                   "(set FACTURES_TODAY=YYYY-MM-DD for another day)."));

  store = factures_cli_open_store (database, FALSE, &status);
  if (store == NULL)
    return status;
  if (plan_number != NULL)
    status = dunning_plan (store, plan_number, &today);
  if (status == 0 && penalties_number != NULL)
    status = penalties (store, penalties_number, &today);
  return status;
}
