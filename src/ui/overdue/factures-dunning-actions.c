/* factures-dunning-actions.c — doing a dunning step in one action
 *
 * The texts of the steps (templates filled in, letters, tracking numbers) and the entry
 * points that open a FacturesDunningDialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-currency.h"
#include "factures-dunning-actions.h"
#include "factures-dunning-dialog.h"
#include "factures-message-dialog.h"
#include "factures-window.h"

static GtkWindow *
parent_window (GtkWidget *widget)
{
  GtkRoot *root;

  if (widget == NULL)
    return NULL;
  root = gtk_widget_get_root (widget);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
factures_ui_toast (GtkWidget  *widget,
                   const char *text)
{
  GtkWindow *window = parent_window (widget);

  if (FACTURES_IS_WINDOW (window))
    factures_window_add_toast (FACTURES_WINDOW (window), text);
}

void
factures_ui_show_error (GtkWidget  *widget,
                        const char *heading,
                        const char *body)
{
  factures_message_dialog_show (parent_window (widget), heading, body);
}

const char *
factures_dunning_action_label (FacturesDunningChannel channel)
{
  switch (channel)
    {
    case FACTURES_DUNNING_CHANNEL_EMAIL:
      return _("Write E-mail…");
    case FACTURES_DUNNING_CHANNEL_PHONE:
      return _("Call…");
    case FACTURES_DUNNING_CHANNEL_SMS:
      return _("Send SMS…");
    case FACTURES_DUNNING_CHANNEL_LETTER:
      return _("Registered Letter…");
    case FACTURES_DUNNING_CHANNEL_FORMAL_NOTICE:
      return _("Formal Notice…");
    case FACTURES_DUNNING_CHANNEL_GUIDANCE:
    default:
      return _("Next Steps…");
    }
}

/* ---- texts ---- */

static char *
payment_details (const FacturesProfile *seller,
                 const char            *number)
{
  GString *s;

  if (seller == NULL || seller->iban == NULL || *seller->iban == '\0')
    return g_strdup ("");
  s = g_string_new ("Règlement par virement : IBAN ");
  for (const char *p = seller->iban; *p != '\0'; p++)
    {
      if (p != seller->iban && (p - seller->iban) % 4 == 0)
        g_string_append_c (s, ' ');
      g_string_append_c (s, *p);
    }
  if (seller->bic != NULL && *seller->bic != '\0')
    g_string_append_printf (s, " — BIC %s", seller->bic);
  g_string_append_printf (s, " — référence : %s", number);
  return g_string_free (s, FALSE);
}

char *
factures_dunning_expand_template (FacturesStore             *store,
                                  const FacturesDunningTask *task,
                                  const char                *template_id,
                                  GError                   **error)
{
  g_autofree char *text = NULL;
  g_autoptr (FacturesDocument) document = NULL;
  g_auto (FacturesPenalties) penalties = { 0 };
  g_autofree char *amount = NULL;
  g_autofree char *due = NULL;
  g_autofree char *days = NULL;
  g_autofree char *penalty_text = NULL;
  g_autofree char *details = NULL;
  GDate today;

  text = factures_template_load (template_id, error);
  if (text == NULL)
    return NULL;
  document = factures_store_get_document (store, task->document_id, error);
  if (document == NULL)
    return NULL;

  factures_today (&today);
  /* Issue 13 item 4: amounts in the invoice's currency; the 40 € indemnity stays in euros
   * (C. com. D441-5), never added to an amount in another currency. */
  if (factures_store_compute_penalties (store, task->document_id, &today, &penalties, NULL) &&
      !penalties.waived)
    {
      if (factures_currency_is_euro (document->currency))
        penalty_text = factures_money_format (penalties.total);
      else if (penalties.indemnity > 0)
        {
          g_autofree char *interest = factures_currency_format (penalties.interest, document->currency);
          g_autofree char *indemnity = factures_money_format (penalties.indemnity);

          penalty_text = g_strdup_printf ("%s + %s", interest, indemnity);
        }
      else
        penalty_text = factures_currency_format (penalties.interest, document->currency);
    }
  else
    penalty_text = factures_currency_format (0, document->currency);

  amount = factures_currency_format (task->balance, document->currency);
  due = factures_date_format_fr (&task->due_date);
  days = g_strdup_printf ("%d", task->days_late);
  details = payment_details (document->seller, task->number);

  {
    const char *values[] = {
      "client", task->client_name != NULL ? task->client_name : "",
      "number", task->number != NULL ? task->number : "",
      "amount", amount,
      "due_date", due,
      "days_late", days,
      "penalties", penalty_text,
      "payment_details", details,
      "seller", document->seller != NULL && document->seller->party.name != NULL
                ? document->seller->party.name : "",
      NULL
    };

    return factures_template_expand (text, values);
  }
}

char *
factures_dunning_tracking_note (const char *tracking)
{
  /* Translators: %s is a registered-mail tracking number */
  return g_strdup_printf (_("Registered letter, tracking number %s"), tracking);
}

/* The text around "%s" in a note format, found by formatting a marker. */
static char *
tracking_between (const char *note,
                  const char *pattern)
{
  const char *marker = strchr (pattern, '\x01');
  gsize prefix, suffix, length = strlen (note);

  if (marker == NULL)
    return NULL;
  prefix = (gsize) (marker - pattern);
  suffix = strlen (marker + 1);
  if (length <= prefix + suffix || strncmp (note, pattern, prefix) != 0 ||
      strcmp (note + length - suffix, marker + 1) != 0)
    return NULL;
  return g_strstrip (g_strndup (note + prefix, length - prefix - suffix));
}

char *
factures_dunning_tracking_from_note (const char *note)
{
  g_autofree char *translated = factures_dunning_tracking_note ("\x01");
  /* The same sentence untranslated, for a note recorded in another language. */
  g_autofree char *english = g_strdup_printf ("Registered letter, tracking number %s", "\x01");
  char *tracking;

  if (note == NULL)
    return NULL;
  tracking = tracking_between (note, translated);
  if (tracking == NULL)
    tracking = tracking_between (note, english);
  if (tracking != NULL && *tracking == '\0')
    g_clear_pointer (&tracking, g_free);
  return tracking;
}

FacturesLetter *
factures_dunning_build_letter (FacturesStore      *store,
                               gint64              document_id,
                               FacturesLetterKind  kind,
                               const GDate        *today,
                               GError            **error)
{
  g_autoptr (FacturesDocument) document = NULL;
  g_autoptr (FacturesLetter) letter = NULL;
  g_auto (FacturesPenalties) penalties = { 0 };
  FacturesBalance balance = { 0 };

  document = factures_store_get_document (store, document_id, error);
  if (document == NULL)
    return NULL;
  if (!factures_store_get_payment_balance (store, document_id, &balance, error))
    return NULL;
  if (!factures_store_compute_penalties (store, document_id, today, &penalties, error))
    return NULL;

  letter = factures_letter_new (kind);
  letter->date = *today;
  letter->seller = document->seller != NULL ? factures_profile_copy (document->seller) : NULL;
  letter->buyer = document->buyer != NULL ? factures_client_copy (document->buyer) : NULL;
  letter->number = g_strdup (document->number);
  letter->issue_date = document->issue_date;
  letter->due_date = document->due_date;
  letter->total = balance.amount_due;
  letter->paid = balance.paid + balance.credited;
  letter->principal = balance.balance;
  letter->currency = g_strdup (document->currency);   /* issue 13 item 4 */
  letter->waived = penalties.waived;
  if (!penalties.waived)
    {
      for (guint i = 0; penalties.segments != NULL && i < penalties.segments->len; i++)
        {
          const FacturesPenaltySegment *s = &g_array_index (penalties.segments, FacturesPenaltySegment, i);
          FacturesLetterPeriod p = { 0 };

          p.from = s->from;
          p.to = s->to;
          p.days = s->days;
          p.rate_bp = s->rate_bp;
          p.base = s->unpaid;
          p.amount = s->amount;
          g_array_append_val (letter->periods, p);
        }
      letter->interest = penalties.interest;
      letter->indemnity = penalties.indemnity;
      if (penalties.segments != NULL && penalties.segments->len > 0)
        letter->rate_basis = g_strdup (factures_penalty_rule_label (penalties.rule));
    }
  if (kind == FACTURES_LETTER_FORMAL_NOTICE)
    {
      g_autofree char *note = NULL;
      GError *local_error = NULL;

      note = factures_store_get_last_step_note (store, document_id, FACTURES_DUNNING_CHANNEL_LETTER,
                                                &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      letter->tracking = factures_dunning_tracking_from_note (note);
    }
  return g_steal_pointer (&letter);
}

/* ---- entry points ---- */

static void
present (GtkWidget *dialog)
{
  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

void
factures_dunning_perform (GtkWidget                 *parent,
                          FacturesStore             *store,
                          const FacturesDunningTask *task)
{
  g_return_if_fail (FACTURES_IS_STORE (store));
  g_return_if_fail (task != NULL);

  present (factures_dunning_dialog_new (parent, store, FACTURES_DUNNING_DIALOG_STEP, task, 0, NULL));
}

void
factures_dunning_skip (GtkWidget                 *parent,
                       FacturesStore             *store,
                       const FacturesDunningTask *task)
{
  g_return_if_fail (FACTURES_IS_STORE (store));
  g_return_if_fail (task != NULL);

  present (factures_dunning_dialog_new (parent, store, FACTURES_DUNNING_DIALOG_SKIP, task, 0, NULL));
}

void
factures_dunning_promise (GtkWidget     *parent,
                          FacturesStore *store,
                          gint64         document_id,
                          const char    *number)
{
  present (factures_dunning_dialog_new (parent, store, FACTURES_DUNNING_DIALOG_PROMISE, NULL, document_id, number));
}

void
factures_dunning_dispute (GtkWidget     *parent,
                          FacturesStore *store,
                          gint64         document_id,
                          const char    *number)
{
  present (factures_dunning_dialog_new (parent, store, FACTURES_DUNNING_DIALOG_DISPUTE, NULL, document_id, number));
}

void
factures_dunning_waive (GtkWidget     *parent,
                        FacturesStore *store,
                        gint64         document_id,
                        const char    *number)
{
  present (factures_dunning_dialog_new (parent, store, FACTURES_DUNNING_DIALOG_WAIVE, NULL, document_id, number));
}
