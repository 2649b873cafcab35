/* factures-recurring-ui.c — recurring invoices: opening the dialog and the list, start-up notice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-documents.h"
#include "factures-message-dialog.h"
#include "factures-pdf.h"
#include "factures-recurring-dialog.h"
#include "factures-recurring-ui.h"
#include "factures-recurring-window.h"
#include "factures-store-recurring.h"

GtkWindow *
factures_recurring_dialog_open (GtkWindow     *parent,
                                FacturesStore *store,
                                gint64         document_id)
{
  GtkWindow *dialog = GTK_WINDOW (factures_recurring_dialog_new (parent, store, document_id));

  gtk_window_present (dialog);
  return dialog;
}

GtkWindow *
factures_recurring_window_open (GtkWindow     *parent,
                                FacturesStore *store)
{
  GtkWindow *window = GTK_WINDOW (factures_recurring_window_new (parent, store));

  gtk_window_present (window);
  return window;
}

/* ---- start-up ----------------------------------------------------------- */

static void
notice_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    FacturesStore    *store)
{
  g_autoptr (GError) error = NULL;

  if (!factures_store_mark_occurrences_seen (store, &error))
    g_printerr (_("factures: %s\n"), error->message);
}

void
factures_recurring_run_at_startup (GtkWindow     *window,
                                   FacturesStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) unseen = NULL;
  g_autoptr (GString) body = NULL;
  FacturesRecurringRun run;
  GtkWidget *dialog;
  GDate today;

  if (store == NULL)
    return;
  factures_today (&today);
  if (!factures_store_run_recurring (store, &today, factures_pdf_render_for_issue, NULL, &run, &error))
    {
      g_printerr (_("factures: %s\n"), error->message);
      return;
    }
  unseen = factures_store_list_unseen_occurrences (store, &error);
  if (unseen == NULL)
    {
      g_printerr (_("factures: %s\n"), error->message);
      return;
    }
  if (unseen->len == 0 || window == NULL)
    return;

  body = g_string_new (_("These recurring invoices were created as drafts, on their own dates, "
                         "while Factures was closed or could not issue them. Check them in "
                         "Documents, then issue them:"));
  for (guint i = 0; i < unseen->len; i++)
    {
      const FacturesOccurrence *o = g_ptr_array_index (unseen, i);
      g_autofree char *date = factures_date_format_fr (&o->date);

      g_string_append_printf (body, "\n• %s — %s", date, o->client_name ? o->client_name : "");
      if (o->document_id == 0)
        g_string_append_printf (body, " %s", _("(draft deleted since)"));
      if (o->issue_error != NULL)
        g_string_append_printf (body, "\n  %s", o->issue_error);
    }

  dialog = factures_message_dialog_new (window, _("Recurring Invoices to Check"), body->str);
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (dialog), "close", _("OK"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (notice_response_cb), store, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
