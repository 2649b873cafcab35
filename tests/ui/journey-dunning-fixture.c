/* journey-dunning-fixture.c — dunning history on top of the screenshot fixture
 *
 * usage: journey-dunning-fixture DB_PATH   (after test-screenshots-fixture DB_PATH)
 *
 * With FACTURES_TODAY=2026-04-15 the to-do queue then holds:
 *   F2026-0001  Atelier Dupont SARL (company, due 2026-02-09): every amicable step done,
 *               the last one the registered letter of 2026-03-11 → the formal notice is due;
 *   F2026-0002  Association Les Amis du Vélo (due 2026-03-04): e-mails of 03-07 and
 *               03-14 done → the phone call is due;
 *   F2026-0003  Mairie de Villeurbanne (public, due 2026-03-22): nothing done → the
 *               first e-mail after the due date (the heads-up is recorded as skipped).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "factures-store-payments.h"

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("journey-dunning-fixture: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

/* Records the ladder's steps of @number up to (not including) @stop_channel, on @dates. */
static void
history (FacturesStore          *store,
         const char             *number,
         FacturesClientCategory  category,
         const char * const     *dates,
         const char             *note_of_last)
{
  g_autoptr (FacturesDocument) document = NULL;
  g_autoptr (FacturesDunningLadder) ladder = NULL;
  g_autoptr (GError) error = NULL;

  document = factures_store_find_document (store, number, &error);
  if (document == NULL)
    die (number, error);
  ladder = factures_store_get_ladder (store, category, &error);
  if (ladder == NULL)
    die ("ladder", error);

  for (guint i = 0; dates[i] != NULL && i < ladder->steps->len; i++)
    {
      const FacturesDunningStep *step = g_ptr_array_index (ladder->steps, i);
      g_autofree char *key = factures_dunning_step_key (step);
      gboolean last = dates[i + 1] == NULL;
      GDate date;
      gboolean ok;

      if (!factures_date_parse_iso (dates[i], &date, &error))
        die (dates[i], error);
      if (step->offset_days < 0)
        ok = factures_store_skip_step (store, document->id, 0, key, &date, NULL, &error);
      else
        ok = factures_store_perform_step (store, document->id, 0, key, &date,
                                          last ? note_of_last : NULL, &error);
      if (!ok)
        die (key, error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (FacturesStore) store = NULL;
  g_autoptr (GError) error = NULL;
  const char * const dupont[] = { "2026-02-06", "2026-02-12", "2026-02-19", "2026-02-26",
                                  "2026-03-02", "2026-03-11", NULL };
  const char * const velo[] = { "2026-03-01", "2026-03-07", "2026-03-14", NULL };

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      g_printerr ("usage: %s DB_PATH\n", argv[0]);
      return 2;
    }
  store = factures_store_open (argv[1], &error);
  if (store == NULL)
    die (argv[1], error);

  history (store, "F2026-0001", FACTURES_CLIENT_CATEGORY_COMPANY, dupont,
           "Lettre recommandée, numéro de suivi 1A 234 567 8901 2");
  history (store, "F2026-0002", FACTURES_CLIENT_CATEGORY_ASSOCIATION, velo, NULL);
  return 0;
}
