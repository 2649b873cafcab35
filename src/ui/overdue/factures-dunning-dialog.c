/* factures-dunning-dialog.c — one dialog for every dunning step and decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-compose-dialog.h"
#include "factures-dunning-actions.h"
#include "factures-dunning-dialog.h"
#include "factures-file-chooser.h"
#include "factures-form.h"

struct _FacturesDunningDialog
{
  AdwMessageDialog           parent_instance;

  FacturesStore             *store;
  GtkWidget                 *parent;       /* weak: only for toasts and errors */
  FacturesDunningDialogKind  kind;
  FacturesDunningChannel     channel;
  gint64                     document_id;
  char                      *number;
  char                      *client_name;
  char                      *email;
  char                      *phone;
  FacturesClientCategory     category;
  gint                       instalment;
  char                      *step_key;
  char                      *template_id;  /* e-mail steps: the reminder template */
  GDate                      due_date;
  char                      *text;         /* message, script or SMS */
  char                      *subject;
  FacturesLetter            *letter;
  GtkFileChooserNative      *chooser;
  gboolean                   pdf_saved;

  GtkWidget                 *text_scroller;
  GtkLabel                  *text_label;
  GtkWidget                 *phone_link;
  GtkWidget                 *buttons;
  GtkWidget                 *send_button;
  GtkWidget                 *mail_button;
  GtkWidget                 *copy_button;
  GtkWidget                 *sms_button;
  GtkWidget                 *save_letter_button;
  GtkWidget                 *entries;
  GtkWidget                 *entry;
  GtkWidget                 *extra_entry;
};

G_DEFINE_FINAL_TYPE (FacturesDunningDialog, factures_dunning_dialog, ADW_TYPE_MESSAGE_DIALOG)

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root;

  if (widget == NULL)
    return NULL;
  root = gtk_widget_get_root (widget);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* ---- parts of the dialog ---- */

static void
show_text (FacturesDunningDialog *self,
           const char            *text,
           const char            *accessible_name)
{
  gtk_label_set_text (self->text_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accessible_name, -1);
  gtk_widget_set_visible (self->text_scroller, TRUE);
}

/* An entry row titled @title, named once by its title. */
static void
show_entry (GtkWidget  *row,
            const char *title)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_set_visible (row, TRUE);
  gtk_widget_set_visible (gtk_widget_get_parent (row), TRUE);
  gtk_widget_set_visible (gtk_widget_get_ancestor (row, GTK_TYPE_LIST_BOX), TRUE);
}

static void
set_responses (FacturesDunningDialog *self,
               const char            *cancel,
               const char            *confirm,
               AdwResponseAppearance  appearance)
{
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "cancel", cancel);
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "confirm", confirm);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "confirm", appearance);
}

static void
set_text (FacturesDunningDialog *self,
          const char            *heading,
          const char            *body)
{
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
}

/* ---- recording ---- */

static gboolean
record_step (FacturesDunningDialog *self,
             const char            *note)
{
  g_autoptr (GError) error = NULL;
  GDate today;

  factures_today (&today);
  if (!factures_store_perform_step (self->store, self->document_id, self->instalment, self->step_key,
                                    &today, note, &error))
    {
      factures_ui_show_error (self->parent, _("The step was not recorded"), error->message);
      return FALSE;
    }
  {
    /* Translators: %s is an invoice number */
    g_autofree char *message = g_strdup_printf (_("Step recorded for %s"), self->number);
    factures_ui_toast (self->parent, message);
  }
  return TRUE;
}

static void
confirm_step (FacturesDunningDialog *self)
{
  g_autofree char *value = NULL;

  switch (self->channel)
    {
    case FACTURES_DUNNING_CHANNEL_EMAIL:
      record_step (self, _("E-mail sent from the mail client"));
      break;
    case FACTURES_DUNNING_CHANNEL_PHONE:
      value = factures_editable_get_trimmed (self->entry);
      if (*value == '\0')
        factures_ui_show_error (self->parent, _("The call was not logged"),
                                _("Outcome: write what the client said."));
      else
        record_step (self, value);
      break;
    case FACTURES_DUNNING_CHANNEL_SMS:
      record_step (self, _("SMS sent"));
      break;
    case FACTURES_DUNNING_CHANNEL_LETTER:
    case FACTURES_DUNNING_CHANNEL_FORMAL_NOTICE:
      {
        g_autofree char *note = NULL;

        value = factures_editable_get_trimmed (self->entry);
        if (*value != '\0')
          note = factures_dunning_tracking_note (value);
        else
          note = g_strdup (_("Registered letter sent"));
        record_step (self, note);
      }
      break;
    case FACTURES_DUNNING_CHANNEL_GUIDANCE:
    default:
      record_step (self, _("Next steps read"));
      break;
    }
}

static void
confirm_skip (FacturesDunningDialog *self)
{
  g_autoptr (GError) error = NULL;
  GDate today;

  factures_today (&today);
  if (!factures_store_skip_step (self->store, self->document_id, self->instalment, self->step_key,
                                 &today, NULL, &error))
    factures_ui_show_error (self->parent, _("The step was not skipped"), error->message);
  else
    factures_ui_toast (self->parent, _("Step skipped"));
}

static void
confirm_promise (FacturesDunningDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = factures_editable_get_trimmed (self->entry);
  g_autofree char *note = factures_editable_get_trimmed (self->extra_entry);
  GDate today, date;

  factures_today (&today);
  if (!factures_date_parse_fr (text, _("Promised date"), &date, &error) ||
      !factures_store_add_promise (self->store, self->document_id, &date, &today,
                                   *note != '\0' ? note : NULL, &error))
    {
      factures_ui_show_error (self->parent, _("The promise was not recorded"), error->message);
      return;
    }
  {
    g_autofree char *when = factures_date_format_fr (&date);
    /* Translators: %s is a date */
    g_autofree char *message = g_strdup_printf (_("Reminders paused until %s"), when);
    factures_ui_toast (self->parent, message);
  }
}

static void
confirm_dispute (FacturesDunningDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *reason = factures_editable_get_trimmed (self->entry);
  GDate today;

  factures_today (&today);
  if (!factures_store_set_dispute (self->store, self->document_id, TRUE, *reason != '\0' ? reason : NULL,
                                   &today, &error))
    factures_ui_show_error (self->parent, _("The dispute was not recorded"), error->message);
  else
    factures_ui_toast (self->parent, _("Invoice marked as disputed: reminders stopped"));
}

static void
confirm_waive (FacturesDunningDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (!factures_store_waive_penalties (self->store, self->document_id, TRUE, NULL, &error))
    factures_ui_show_error (self->parent, _("The penalties were not waived"), error->message);
  else
    factures_ui_toast (self->parent, _("Penalties waived"));
}

static void
on_response (FacturesDunningDialog *self,
             const char            *response)
{
  if (g_strcmp0 (response, "confirm") != 0)
    return;
  switch (self->kind)
    {
    case FACTURES_DUNNING_DIALOG_STEP:
      confirm_step (self);
      break;
    case FACTURES_DUNNING_DIALOG_SKIP:
      confirm_skip (self);
      break;
    case FACTURES_DUNNING_DIALOG_PROMISE:
      confirm_promise (self);
      break;
    case FACTURES_DUNNING_DIALOG_DISPUTE:
      confirm_dispute (self);
      break;
    case FACTURES_DUNNING_DIALOG_WAIVE:
    default:
      confirm_waive (self);
      break;
    }
}

/* ---- actions ---- */

static void
show_uri_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (FacturesDunningDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    factures_ui_toast (self->parent, _("No application could open the link: copy the text instead."));
}

static void
open_uri (FacturesDunningDialog *self,
          const char            *uri)
{
  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL, show_uri_done, g_object_ref (self));
}

static void
open_mail_client_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  FacturesDunningDialog *self = FACTURES_DUNNING_DIALOG (widget);
  g_autofree char *to = g_uri_escape_string (self->email != NULL ? self->email : "", "@", FALSE);
  g_autofree char *subject = g_uri_escape_string (self->subject != NULL ? self->subject : "", NULL, FALSE);
  g_autofree char *body = g_uri_escape_string (self->text != NULL ? self->text : "", NULL, FALSE);
  g_autofree char *uri = g_strdup_printf ("mailto:%s?subject=%s&body=%s", to, subject, body);

  open_uri (self, uri);
}

static void
open_sms_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FacturesDunningDialog *self = FACTURES_DUNNING_DIALOG (widget);
  g_autofree char *number = g_uri_escape_string (self->phone != NULL ? self->phone : "", "+", FALSE);
  g_autofree char *body = g_uri_escape_string (self->text != NULL ? self->text : "", NULL, FALSE);
  g_autofree char *uri = g_strdup_printf ("sms:%s?body=%s", number, body);

  open_uri (self, uri);
}

static void
copy_text_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FacturesDunningDialog *self = FACTURES_DUNNING_DIALOG (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  g_autofree char *all = NULL;

  if (self->subject != NULL)
    all = g_strdup_printf ("%s\n\n%s", self->subject, self->text);
  gdk_clipboard_set_text (clipboard, all != NULL ? all : self->text);
  factures_ui_toast (self->parent, _("Text copied"));
}

/* Sends the reminder over SMTP (issue 5): the compose dialog queues it in the
 * outbox with this step's key, and the step is recorded when the server accepts it. */
static void
send_from_factures_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  FacturesDunningDialog *self = FACTURES_DUNNING_DIALOG (widget);
  g_autofree char *template_key = g_strdup_printf ("mail-reminder-%s", self->template_id);

  factures_compose_dialog_present_for_step (window_of (self->parent), self->store, self->document_id,
                                            template_key, self->step_key, self->instalment);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_letter_response (GtkNativeDialog       *chooser,
                      int                    response,
                      FacturesDunningDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    {
      if (factures_store_check_file (self->store, file, &error))
        bytes = factures_letter_render (self->letter, &error);
      if (bytes == NULL ||
          !g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
        factures_ui_show_error (GTK_WIDGET (self), _("The letter cannot be saved"), error->message);
      else
        {
          g_autofree char *basename = g_file_get_basename (file);
          /* Translators: %s is a file name */
          g_autofree char *message = g_strdup_printf (_("Letter saved as “%s”"), basename);

          self->pdf_saved = TRUE;
          factures_ui_toast (self->parent, message);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
save_letter_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FacturesDunningDialog *self = FACTURES_DUNNING_DIALOG (widget);
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->letter == NULL)
    return;
  /* "Relance F2026-0001.pdf", as the e-mail attachment "Facture F2026-0001.pdf" (trial 5
   * finding 21; the chooser turns a '/' of the number into '-') */
  name = g_strdup_printf ("%s %s.pdf",
                          self->letter->kind == FACTURES_LETTER_FORMAL_NOTICE ? "Mise en demeure" : "Relance",
                          self->number != NULL ? self->number : "");
  self->chooser = factures_file_chooser_new_save_pdf (GTK_WINDOW (self), _("Save Letter"), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (save_letter_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- the step, by channel ---- */

static gboolean
setup_email (FacturesDunningDialog     *self,
             const FacturesDunningTask *task)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = factures_dunning_expand_template (self->store, task, task->step.template_id, &error);
  g_autofree char *body = NULL;

  if (text == NULL)
    {
      factures_ui_show_error (self->parent, _("The e-mail cannot be prepared"), error->message);
      return FALSE;
    }
  factures_template_split_subject (text, &self->subject, &self->text);
  self->template_id = g_strdup (task->step.template_id);
  /* Translators: %s is a client's e-mail address or "no address" */
  body = g_strdup_printf (_("To: %s\nSubject: %s"),
                          self->email != NULL && *self->email != '\0' ? self->email : _("no address"),
                          self->subject);
  set_text (self, _("E-mail Reminder"), body);
  show_text (self, self->text, _("E-mail text"));
  gtk_widget_set_visible (self->buttons, TRUE);
  gtk_widget_set_visible (self->sms_button, FALSE);
  set_responses (self, _("Cancel"), _("Mark as Sent"), ADW_RESPONSE_SUGGESTED);
  return TRUE;
}

static gboolean
setup_phone (FacturesDunningDialog     *self,
             const FacturesDunningTask *task)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;

  self->text = factures_dunning_expand_template (self->store, task, task->step.template_id, &error);
  if (self->text == NULL)
    {
      factures_ui_show_error (self->parent, _("The call script cannot be prepared"), error->message);
      return FALSE;
    }
  /* Translators: first %s a client, second %s a phone number or "no number" */
  body = g_strdup_printf (_("Call %s (%s) and read the script. Then write down the outcome."),
                          self->client_name,
                          self->phone != NULL && *self->phone != '\0' ? self->phone : _("no number"));
  set_text (self, _("Phone Call"), body);
  show_text (self, self->text, _("Script to read"));
  if (self->phone != NULL && *self->phone != '\0')
    {
      g_autofree char *tel = g_strdup_printf ("tel:%s", self->phone);

      gtk_link_button_set_uri (GTK_LINK_BUTTON (self->phone_link), tel);
      gtk_button_set_label (GTK_BUTTON (self->phone_link), self->phone);
      gtk_widget_set_visible (self->phone_link, TRUE);
    }
  show_entry (self->entry, _("Outcome of the Call"));
  set_responses (self, _("Cancel"), _("Log the Call"), ADW_RESPONSE_SUGGESTED);
  return TRUE;
}

static gboolean
setup_sms (FacturesDunningDialog     *self,
           const FacturesDunningTask *task)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;

  self->text = factures_dunning_expand_template (self->store, task, task->step.template_id, &error);
  if (self->text == NULL)
    {
      factures_ui_show_error (self->parent, _("The SMS cannot be prepared"), error->message);
      return FALSE;
    }
  /* Translators: %s is a phone number or "no number" */
  body = g_strdup_printf (_("Send this text to %s from your phone."),
                          self->phone != NULL && *self->phone != '\0' ? self->phone : _("no number"));
  set_text (self, _("SMS Reminder"), body);
  show_text (self, self->text, _("SMS text"));
  gtk_widget_set_visible (self->buttons, TRUE);
  gtk_widget_set_visible (self->send_button, FALSE);
  gtk_widget_set_visible (self->mail_button, FALSE);
  set_responses (self, _("Cancel"), _("Mark as Sent"), ADW_RESPONSE_SUGGESTED);
  return TRUE;
}

static gboolean
setup_letter (FacturesDunningDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *claimed_text = NULL;
  g_autofree char *body = NULL;
  g_autofree char *deadline_text = NULL;
  gboolean notice = self->channel == FACTURES_DUNNING_CHANNEL_FORMAL_NOTICE;
  gint64 claimed = 0;
  GDate today, deadline;

  factures_today (&today);
  self->letter = factures_dunning_build_letter (self->store, self->document_id,
                                                notice ? FACTURES_LETTER_FORMAL_NOTICE
                                                       : FACTURES_LETTER_REGISTERED_REMINDER,
                                                &today, &error);
  if (self->letter == NULL)
    {
      factures_ui_show_error (self->parent, _("The letter cannot be prepared"), error->message);
      return FALSE;
    }
  factures_letter_claimed (self->letter, &claimed);
  claimed_text = factures_money_format (claimed);
  factures_letter_deadline (self->letter, &deadline);
  deadline_text = factures_date_format_fr (&deadline);
  if (notice)
    /* Translators: %s are an amount and a date */
    body = g_strdup_printf (_("The formal notice claims %s (principal, penalties to date and, for a "
                              "professional client, the 40 € indemnity) and gives until %s to pay. "
                              "Save it, print it and send it by registered letter with "
                              "acknowledgement of receipt."), claimed_text, deadline_text);
  else
    body = g_strdup_printf (_("The last amicable reminder claims %s and announces a formal notice. "
                              "Save it, print it and send it by registered letter with "
                              "acknowledgement of receipt."), claimed_text);
  set_text (self, notice ? _("Formal Notice") : _("Registered Letter"), body);
  gtk_widget_set_visible (self->save_letter_button, TRUE);
  show_entry (self->entry, _("Tracking Number"));
  set_responses (self, _("Cancel"), _("Mark as Sent"), ADW_RESPONSE_SUGGESTED);
  return TRUE;
}

/* What to do after the formal notice (LEGAL.md §4, §12). */
static char *
guidance_text (FacturesDunningDialog *self,
               gint64                 balance)
{
  GString *s = g_string_new (NULL);
  gboolean b2b = factures_client_category_is_b2b (self->category);
  GDate prescription = self->due_date;

  if (self->category == FACTURES_CLIENT_CATEGORY_PUBLIC)
    {
      g_string_append (s, _("The client is a public body: there is no injonction de payer against it. "
                            "Check that the invoice was filed on Chorus Pro, then write to the accounting "
                            "officer (comptable public). If it still is not paid, the route is the "
                            "administrative court (tribunal administratif)."));
      g_string_append (s, "\n\n");
    }
  else
    {
      g_string_append (s, b2b
                       ? _("Injonction de payer: a written request, without a hearing, to the president of "
                           "the tribunal de commerce of the place where the client has its seat (online on "
                           "tribunaldigital.fr). The order is served by a commissaire de justice; the client "
                           "has one month to oppose it.")
                       : _("Injonction de payer: a written request, without a hearing, to the tribunal "
                           "judiciaire of the client's home; filing it is free. The order is served by a "
                           "commissaire de justice; the client has one month to oppose it."));
      g_string_append (s, "\n\n");
      if (balance <= 500000)
        g_string_append (s, _("The amount is within 5,000 €: the small-claims procedure (procédure "
                              "simplifiée de recouvrement des petites créances) is open. A commissaire de "
                              "justice asks the client to agree to pay within one month; an agreement "
                              "becomes enforceable without a judge. The fees are yours."));
      else
        g_string_append (s, _("The amount is over 5,000 €: the small-claims procedure is not open."));
      g_string_append (s, "\n\n");
    }

  if (g_date_valid (&prescription))
    {
      g_autofree char *date = NULL;

      g_date_add_years (&prescription, b2b ? 5 : 2);
      date = factures_date_format_fr (&prescription);
      g_string_append_printf (s, b2b
                              /* Translators: %s is a date */
                              ? _("Prescription: 5 years between professionals (C. com. L110-4): act before %s.")
                              : _("Prescription: 2 years against a consumer (C. consom. L218-2): act before %s."),
                              date);
    }
  return g_string_free (s, FALSE);
}

static gboolean
setup_guidance (FacturesDunningDialog     *self,
                const FacturesDunningTask *task)
{
  g_autofree char *text = guidance_text (self, task->invoice_balance);
  g_autofree char *amount = factures_money_format (task->invoice_balance);
  g_autofree char *body = NULL;

  /* Translators: %s an invoice number, %s an amount */
  body = g_strdup_printf (_("%s still has %s to pay after the formal notice."), self->number, amount);
  set_text (self, _("Next Steps"), body);
  show_text (self, text, _("What to do next"));
  set_responses (self, _("Close"), _("Mark as Done"), ADW_RESPONSE_DEFAULT);
  return TRUE;
}

/* ---- decisions ---- */

static void
setup_skip (FacturesDunningDialog     *self,
            const FacturesDunningTask *task)
{
  /* Translators: %s a step ("Phone call"), %s an invoice number */
  g_autofree char *body = g_strdup_printf (_("“%s” will not be done for %s; the next step follows with its usual gap."),
                                           factures_dunning_channel_label (task->step.channel), task->number);

  set_text (self, _("Skip This Step?"), body);
  set_responses (self, _("Cancel"), _("Skip"), ADW_RESPONSE_DEFAULT);
}

static void
setup_promise (FacturesDunningDialog *self)
{
  /* Translators: %s is an invoice number */
  g_autofree char *body = g_strdup_printf (_("The client promised to pay %s by a date: the reminders pause until then."),
                                           self->number);

  set_text (self, _("Promise to Pay"), body);
  show_entry (self->entry, _("Promised Date"));
  show_entry (self->extra_entry, _("Note"));
  set_responses (self, _("Cancel"), _("Record"), ADW_RESPONSE_SUGGESTED);
}

static void
setup_dispute (FacturesDunningDialog *self)
{
  /* Translators: %s is an invoice number */
  g_autofree char *body = g_strdup_printf (_("The client disputes %s: the reminders stop until the dispute is settled."),
                                           self->number);

  set_text (self, _("Mark as Disputed?"), body);
  show_entry (self->entry, _("Reason Given by the Client"));
  set_responses (self, _("Cancel"), _("Mark as Disputed"), ADW_RESPONSE_DESTRUCTIVE);
}

static void
setup_waive (FacturesDunningDialog *self)
{
  g_auto (FacturesPenalties) penalties = { 0 };
  g_autofree char *body = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *interest = NULL;
  g_autofree char *indemnity = NULL;
  GDate today;

  factures_today (&today);
  if (!factures_store_compute_penalties (self->store, self->document_id, &today, &penalties, NULL))
    penalties.total = 0;
  amount = factures_money_format (penalties.total);
  interest = factures_money_format (penalties.interest);
  indemnity = factures_money_format (penalties.indemnity);
  /* Translators: %s an invoice number, then amounts: total, late penalties, flat indemnity */
  body = g_strdup_printf (_("The late penalties of %s (%s to date: penalties %s, indemnity %s) will no longer "
                            "be claimed in reminders and letters."), self->number, amount, interest, indemnity);
  set_text (self, _("Waive the Penalties?"), body);
  set_responses (self, _("Cancel"), _("Waive"), ADW_RESPONSE_DEFAULT);
}

/* ---- type ---- */

static void
factures_dunning_dialog_dispose (GObject *object)
{
  FacturesDunningDialog *self = FACTURES_DUNNING_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_DUNNING_DIALOG);
  g_clear_object (&self->store);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (factures_dunning_dialog_parent_class)->dispose (object);
}

static void
factures_dunning_dialog_finalize (GObject *object)
{
  FacturesDunningDialog *self = FACTURES_DUNNING_DIALOG (object);

  g_free (self->number);
  g_free (self->client_name);
  g_free (self->email);
  g_free (self->phone);
  g_free (self->step_key);
  g_free (self->template_id);
  g_free (self->text);
  g_free (self->subject);
  g_clear_pointer (&self->letter, factures_letter_free);

  G_OBJECT_CLASS (factures_dunning_dialog_parent_class)->finalize (object);
}

static void
factures_dunning_dialog_class_init (FacturesDunningDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_dunning_dialog_dispose;
  object_class->finalize = factures_dunning_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/overdue/factures-dunning-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesDunningDialog, text_scroller);
  gtk_widget_class_bind_template_child (widget_class, FacturesDunningDialog, text_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesDunningDialog, phone_link);
  gtk_widget_class_bind_template_child (widget_class, FacturesDunningDialog, buttons);
  gtk_widget_class_bind_template_child (widget_class, FacturesDunningDialog, send_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesDunningDialog, mail_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesDunningDialog, copy_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesDunningDialog, sms_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesDunningDialog, save_letter_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesDunningDialog, entries);
  gtk_widget_class_bind_template_child (widget_class, FacturesDunningDialog, entry);
  gtk_widget_class_bind_template_child (widget_class, FacturesDunningDialog, extra_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_response);

  gtk_widget_class_install_action (widget_class, "dunning.send-from-factures", NULL, send_from_factures_action);
  gtk_widget_class_install_action (widget_class, "dunning.open-mail-client", NULL, open_mail_client_action);
  gtk_widget_class_install_action (widget_class, "dunning.copy-text", NULL, copy_text_action);
  gtk_widget_class_install_action (widget_class, "dunning.open-sms", NULL, open_sms_action);
  gtk_widget_class_install_action (widget_class, "dunning.save-letter", NULL, save_letter_action);
}

static void
factures_dunning_dialog_init (FacturesDunningDialog *self)
{
  g_date_clear (&self->due_date, 1);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
factures_dunning_dialog_new (GtkWidget                 *parent,
                             FacturesStore             *store,
                             FacturesDunningDialogKind  kind,
                             const FacturesDunningTask *task,
                             gint64                     document_id,
                             const char                *number)
{
  FacturesDunningDialog *self;
  gboolean ok = TRUE;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);
  g_return_val_if_fail (task != NULL || (kind != FACTURES_DUNNING_DIALOG_STEP && kind != FACTURES_DUNNING_DIALOG_SKIP),
                        NULL);

  self = g_object_new (FACTURES_TYPE_DUNNING_DIALOG, "transient-for", window_of (parent), NULL);
  self->store = g_object_ref (store);
  g_set_weak_pointer (&self->parent, parent);
  self->kind = kind;
  if (task != NULL)
    {
      self->document_id = task->document_id;
      self->number = g_strdup (task->number);
      self->client_name = g_strdup (task->client_name);
      self->email = g_strdup (task->client_email);
      self->phone = g_strdup (task->client_phone);
      self->category = task->category;
      self->instalment = task->instalment;
      self->step_key = g_strdup (task->step.step_key);
      self->channel = task->step.channel;
      self->due_date = task->due_date;
    }
  else
    {
      self->document_id = document_id;
      self->number = g_strdup (number);
    }

  switch (kind)
    {
    case FACTURES_DUNNING_DIALOG_STEP:
      switch (self->channel)
        {
        case FACTURES_DUNNING_CHANNEL_EMAIL:
          ok = setup_email (self, task);
          break;
        case FACTURES_DUNNING_CHANNEL_PHONE:
          ok = setup_phone (self, task);
          break;
        case FACTURES_DUNNING_CHANNEL_SMS:
          ok = setup_sms (self, task);
          break;
        case FACTURES_DUNNING_CHANNEL_LETTER:
        case FACTURES_DUNNING_CHANNEL_FORMAL_NOTICE:
          ok = setup_letter (self);
          break;
        case FACTURES_DUNNING_CHANNEL_GUIDANCE:
        default:
          ok = setup_guidance (self, task);
          break;
        }
      break;
    case FACTURES_DUNNING_DIALOG_SKIP:
      setup_skip (self, task);
      break;
    case FACTURES_DUNNING_DIALOG_PROMISE:
      setup_promise (self);
      break;
    case FACTURES_DUNNING_DIALOG_DISPUTE:
      setup_dispute (self);
      break;
    case FACTURES_DUNNING_DIALOG_WAIVE:
    default:
      setup_waive (self);
      break;
    }
  if (!ok)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  return GTK_WIDGET (self);
}

FacturesDunningDialogKind
factures_dunning_dialog_get_kind (FacturesDunningDialog *self)
{
  g_return_val_if_fail (FACTURES_IS_DUNNING_DIALOG (self), FACTURES_DUNNING_DIALOG_STEP);
  return self->kind;
}

FacturesDunningChannel
factures_dunning_dialog_get_channel (FacturesDunningDialog *self)
{
  g_return_val_if_fail (FACTURES_IS_DUNNING_DIALOG (self), FACTURES_DUNNING_CHANNEL_EMAIL);
  return self->channel;
}
