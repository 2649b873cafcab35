/* factures-dunning-actions.c — doing a dunning step in one action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-file-chooser.h"
#include "factures-dunning-actions.h"
#include "factures-compose-dialog.h"
#include "factures-form.h"
#include "factures-window.h"

/* What a dialog needs to know about its step, copied from the task. */
typedef struct {
  FacturesStore          *store;
  GtkWidget              *parent;       /* weak: only for toasts and errors */
  gint64                  document_id;
  char                   *number;
  char                   *client_name;
  char                   *email;
  char                   *phone;
  FacturesClientCategory  category;
  gint                    instalment;
  char                   *step_key;
  FacturesDunningChannel  channel;
  GDate                   due_date;
  char                   *text;         /* message, script or SMS */
  char                   *subject;
  GtkWidget              *entry;        /* outcome / tracking / date / reason row */
  GtkWidget              *extra_entry;
  FacturesLetter         *letter;
  GtkFileChooserNative   *chooser;
  gboolean                pdf_saved;
  char                   *template_id;  /* e-mail steps: the reminder template */
} Ctx;

static void
ctx_free (gpointer data)
{
  Ctx *ctx = data;

  g_clear_object (&ctx->store);
  g_clear_weak_pointer (&ctx->parent);
  g_free (ctx->number);
  g_free (ctx->client_name);
  g_free (ctx->email);
  g_free (ctx->phone);
  g_free (ctx->step_key);
  g_free (ctx->template_id);
  g_free (ctx->text);
  g_free (ctx->subject);
  g_clear_pointer (&ctx->letter, factures_letter_free);
  if (ctx->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (ctx->chooser));
  g_clear_object (&ctx->chooser);
  g_free (ctx);
}

static Ctx *
ctx_new (GtkWidget     *parent,
         FacturesStore *store)
{
  Ctx *ctx = g_new0 (Ctx, 1);

  ctx->store = g_object_ref (store);
  g_set_weak_pointer (&ctx->parent, parent);
  g_date_clear (&ctx->due_date, 1);
  return ctx;
}

static Ctx *
ctx_new_for_task (GtkWidget                 *parent,
                  FacturesStore             *store,
                  const FacturesDunningTask *task)
{
  Ctx *ctx = ctx_new (parent, store);

  ctx->document_id = task->document_id;
  ctx->number = g_strdup (task->number);
  ctx->client_name = g_strdup (task->client_name);
  ctx->email = g_strdup (task->client_email);
  ctx->phone = g_strdup (task->client_phone);
  ctx->category = task->category;
  ctx->instalment = task->instalment;
  ctx->step_key = g_strdup (task->step.step_key);
  ctx->channel = task->step.channel;
  ctx->due_date = task->due_date;
  return ctx;
}

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
  GtkWidget *dialog = adw_message_dialog_new (parent_window (widget), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("Close"));
  gtk_window_present (GTK_WINDOW (dialog));
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
  if (factures_store_compute_penalties (store, task->document_id, &today, &penalties, NULL) &&
      !penalties.waived)
    penalty_text = factures_money_format (penalties.total);
  else
    penalty_text = factures_money_format (0);

  amount = factures_money_format (task->balance);
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

/* ---- recording ---- */

static gboolean
record_step (Ctx        *ctx,
             const char *note)
{
  g_autoptr (GError) error = NULL;
  GDate today;

  factures_today (&today);
  if (!factures_store_perform_step (ctx->store, ctx->document_id, ctx->instalment, ctx->step_key,
                                    &today, note, &error))
    {
      factures_ui_show_error (ctx->parent, _("The step was not recorded"), error->message);
      return FALSE;
    }
  {
    /* Translators: %s is an invoice number */
    g_autofree char *message = g_strdup_printf (_("Step recorded for %s"), ctx->number);
    factures_ui_toast (ctx->parent, message);
  }
  return TRUE;
}

static GtkWidget *
message_dialog (Ctx        *ctx,
                const char *heading,
                const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (ctx->parent), heading, body);

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "factures-ctx", ctx, ctx_free);
  return dialog;
}

/* A read-only, selectable, wrapping text in a frame, scrolled when long. */
static GtkWidget *
text_box (const char *text,
          const char *accessible_name)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accessible_name, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_set_size_request (scroller, 460, -1);
  return scroller;
}

static GtkWidget *
entry_list (GtkWidget *row)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return list;
}

/* ---- e-mail ---- */

static void
show_uri_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog = user_data;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      Ctx *ctx = g_object_get_data (G_OBJECT (dialog), "factures-ctx");

      if (ctx != NULL)
        factures_ui_toast (ctx->parent, _("No application could open the link: copy the text instead."));
    }
  g_object_unref (dialog);
}

static void
open_uri (GtkWidget  *dialog,
          const char *uri)
{
  gtk_show_uri_full (GTK_WINDOW (dialog), uri, GDK_CURRENT_TIME, NULL,
                     show_uri_done, g_object_ref (dialog));
}

static char *
mailto_uri (Ctx *ctx)
{
  g_autofree char *to = g_uri_escape_string (ctx->email != NULL ? ctx->email : "", "@", FALSE);
  g_autofree char *subject = g_uri_escape_string (ctx->subject != NULL ? ctx->subject : "", NULL, FALSE);
  g_autofree char *body = g_uri_escape_string (ctx->text != NULL ? ctx->text : "", NULL, FALSE);

  return g_strdup_printf ("mailto:%s?subject=%s&body=%s", to, subject, body);
}

static void
copy_text (GtkButton *button,
           Ctx       *ctx)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (button));
  g_autofree char *all = NULL;

  if (ctx->subject != NULL)
    all = g_strdup_printf ("%s\n\n%s", ctx->subject, ctx->text);
  gdk_clipboard_set_text (clipboard, all != NULL ? all : ctx->text);
  factures_ui_toast (ctx->parent, _("Text copied"));
}

static void
email_response (AdwMessageDialog *dialog,
                const char       *response,
                Ctx              *ctx)
{
  if (g_strcmp0 (response, "sent") == 0)
    record_step (ctx, _("E-mail sent from the mail client"));
}

static void
open_mail_client (GtkButton *button,
                  GtkWidget *dialog)
{
  Ctx *ctx = g_object_get_data (G_OBJECT (dialog), "factures-ctx");
  g_autofree char *uri = mailto_uri (ctx);

  open_uri (dialog, uri);
}

/* Sends the reminder over SMTP (issue 5): the compose dialog queues it in the
 * outbox with this step's key, and the step is recorded when the server accepts it. */
static void
send_from_factures (GtkButton *button,
                    GtkWidget *dialog)
{
  Ctx *ctx = g_object_get_data (G_OBJECT (dialog), "factures-ctx");
  g_autofree char *template_key = g_strdup_printf ("mail-reminder-%s", ctx->template_id);

  factures_compose_dialog_present_for_step (parent_window (ctx->parent), ctx->store, ctx->document_id,
                                            template_key, ctx->step_key, ctx->instalment);
  gtk_window_close (GTK_WINDOW (dialog));
}

static GtkWidget *
button_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  return box;
}

static void
perform_email (Ctx                       *ctx,
               const FacturesDunningTask *task)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = factures_dunning_expand_template (ctx->store, task, task->step.template_id, &error);
  g_autofree char *body = NULL;
  GtkWidget *dialog, *box, *buttons, *button;

  if (text == NULL)
    {
      factures_ui_show_error (ctx->parent, _("The e-mail cannot be prepared"), error->message);
      ctx_free (ctx);
      return;
    }
  factures_template_split_subject (text, &ctx->subject, &ctx->text);
  /* Translators: %s is a client's e-mail address or "no address" */
  body = g_strdup_printf (_("To: %s\nSubject: %s"),
                          ctx->email != NULL && *ctx->email != '\0' ? ctx->email : _("no address"),
                          ctx->subject);
  dialog = message_dialog (ctx, _("E-mail Reminder"), body);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), text_box (ctx->text, _("E-mail text")));
  buttons = button_box ();
  ctx->template_id = g_strdup (task->step.template_id);
  button = gtk_button_new_with_label (_("Send from Factures…"));
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect (button, "clicked", G_CALLBACK (send_from_factures), dialog);
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_label (_("Open in Mail Client"));
  g_signal_connect (button, "clicked", G_CALLBACK (open_mail_client), dialog);
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_label (_("Copy Text"));
  g_signal_connect (button, "clicked", G_CALLBACK (copy_text), ctx);
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (box), buttons);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "sent", _("Mark as Sent"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sent", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (email_response), ctx);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- phone ---- */

static void
phone_response (AdwMessageDialog *dialog,
                const char       *response,
                Ctx              *ctx)
{
  g_autofree char *outcome = NULL;

  if (g_strcmp0 (response, "log") != 0)
    return;
  outcome = factures_editable_get_trimmed (ctx->entry);
  if (*outcome == '\0')
    {
      factures_ui_show_error (ctx->parent, _("The call was not logged"),
                              _("Outcome: write what the client said."));
      return;
    }
  record_step (ctx, outcome);
}

static void
perform_phone (Ctx                       *ctx,
               const FacturesDunningTask *task)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *box;

  ctx->text = factures_dunning_expand_template (ctx->store, task, task->step.template_id, &error);
  if (ctx->text == NULL)
    {
      factures_ui_show_error (ctx->parent, _("The call script cannot be prepared"), error->message);
      ctx_free (ctx);
      return;
    }
  /* Translators: first %s a client, second %s a phone number or "no number" */
  body = g_strdup_printf (_("Call %s (%s) and read the script. Then write down the outcome."),
                          ctx->client_name,
                          ctx->phone != NULL && *ctx->phone != '\0' ? ctx->phone : _("no number"));
  dialog = message_dialog (ctx, _("Phone Call"), body);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), text_box (ctx->text, _("Script to read")));
  if (ctx->phone != NULL && *ctx->phone != '\0')
    {
      g_autofree char *tel = g_strdup_printf ("tel:%s", ctx->phone);
      GtkWidget *link = gtk_link_button_new_with_label (tel, ctx->phone);

      gtk_box_append (GTK_BOX (box), link);
    }
  ctx->entry = factures_entry_row_new (_("Outcome of the Call"));
  gtk_box_append (GTK_BOX (box), entry_list (ctx->entry));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "log", _("Log the Call"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "log", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (phone_response), ctx);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- SMS ---- */

static void
sms_response (AdwMessageDialog *dialog,
              const char       *response,
              Ctx              *ctx)
{
  if (g_strcmp0 (response, "sent") == 0)
    record_step (ctx, _("SMS sent"));
}

static void
open_sms (GtkButton *button,
          GtkWidget *dialog)
{
  Ctx *ctx = g_object_get_data (G_OBJECT (dialog), "factures-ctx");
  g_autofree char *number = g_uri_escape_string (ctx->phone != NULL ? ctx->phone : "", "+", FALSE);
  g_autofree char *body = g_uri_escape_string (ctx->text, NULL, FALSE);
  g_autofree char *uri = g_strdup_printf ("sms:%s?body=%s", number, body);

  open_uri (dialog, uri);
}

static void
perform_sms (Ctx                       *ctx,
             const FacturesDunningTask *task)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *box, *buttons, *button;

  ctx->text = factures_dunning_expand_template (ctx->store, task, task->step.template_id, &error);
  if (ctx->text == NULL)
    {
      factures_ui_show_error (ctx->parent, _("The SMS cannot be prepared"), error->message);
      ctx_free (ctx);
      return;
    }
  /* Translators: %s is a phone number or "no number" */
  body = g_strdup_printf (_("Send this text to %s from your phone."),
                          ctx->phone != NULL && *ctx->phone != '\0' ? ctx->phone : _("no number"));
  dialog = message_dialog (ctx, _("SMS Reminder"), body);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), text_box (ctx->text, _("SMS text")));
  buttons = button_box ();
  button = gtk_button_new_with_label (_("Copy Text"));
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect (button, "clicked", G_CALLBACK (copy_text), ctx);
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_label (_("Open in SMS App"));
  g_signal_connect (button, "clicked", G_CALLBACK (open_sms), dialog);
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (box), buttons);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "sent", _("Mark as Sent"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sent", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (sms_response), ctx);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- letters ---- */

static void
save_letter_response (GtkNativeDialog *chooser,
                      int              response,
                      GtkWidget       *dialog)
{
  Ctx *ctx = g_object_get_data (G_OBJECT (dialog), "factures-ctx");
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GFile) file = NULL;

  if (ctx == NULL)
    return;
  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    {
      bytes = factures_letter_render (ctx->letter, &error);
      if (bytes == NULL ||
          !g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
        factures_ui_show_error (dialog, _("The letter cannot be saved"), error->message);
      else
        {
          g_autofree char *basename = g_file_get_basename (file);
          /* Translators: %s is a file name */
          g_autofree char *message = g_strdup_printf (_("Letter saved as “%s”"), basename);

          ctx->pdf_saved = TRUE;
          factures_ui_toast (ctx->parent, message);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&ctx->chooser);
}

static void
save_letter (GtkButton *button,
             GtkWidget *dialog)
{
  Ctx *ctx = g_object_get_data (G_OBJECT (dialog), "factures-ctx");
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (ctx->chooser != NULL)
    return;
  name = g_strdup_printf ("%s-%s.pdf",
                          ctx->letter->kind == FACTURES_LETTER_FORMAL_NOTICE ? "mise-en-demeure" : "relance-lrar",
                          ctx->number);
  g_strdelimit (name, "/\\", '-');
  ctx->chooser = gtk_file_chooser_native_new (_("Save Letter"), GTK_WINDOW (dialog),
                                              GTK_FILE_CHOOSER_ACTION_SAVE, NULL, NULL);
  factures_file_chooser_start_in_documents (ctx->chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (ctx->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (ctx->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (ctx->chooser), name);
  g_signal_connect (ctx->chooser, "response", G_CALLBACK (save_letter_response), dialog);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (ctx->chooser));
}

static void
letter_response (AdwMessageDialog *dialog,
                 const char       *response,
                 Ctx              *ctx)
{
  g_autofree char *tracking = NULL;
  g_autofree char *note = NULL;

  if (g_strcmp0 (response, "sent") != 0)
    return;
  tracking = factures_editable_get_trimmed (ctx->entry);
  if (*tracking != '\0')
    note = factures_dunning_tracking_note (tracking);
  else
    note = g_strdup (_("Registered letter sent"));
  record_step (ctx, note);
}

static void
perform_letter (Ctx                       *ctx,
                const FacturesDunningTask *task)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *claimed_text = NULL;
  g_autofree char *body = NULL;
  g_autofree char *deadline_text = NULL;
  GtkWidget *dialog, *box, *button;
  gboolean notice = ctx->channel == FACTURES_DUNNING_CHANNEL_FORMAL_NOTICE;
  gint64 claimed = 0;
  GDate today, deadline;

  factures_today (&today);
  ctx->letter = factures_dunning_build_letter (ctx->store, ctx->document_id,
                                               notice ? FACTURES_LETTER_FORMAL_NOTICE
                                                      : FACTURES_LETTER_REGISTERED_REMINDER,
                                               &today, &error);
  if (ctx->letter == NULL)
    {
      factures_ui_show_error (ctx->parent, _("The letter cannot be prepared"), error->message);
      ctx_free (ctx);
      return;
    }
  factures_letter_claimed (ctx->letter, &claimed);
  claimed_text = factures_money_format (claimed);
  factures_letter_deadline (ctx->letter, &deadline);
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
  dialog = message_dialog (ctx, notice ? _("Formal Notice") : _("Registered Letter"), body);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  button = gtk_button_new_with_label (_("Save the Letter as PDF…"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  g_signal_connect (button, "clicked", G_CALLBACK (save_letter), dialog);
  gtk_box_append (GTK_BOX (box), button);
  ctx->entry = factures_entry_row_new (_("Tracking Number"));
  gtk_box_append (GTK_BOX (box), entry_list (ctx->entry));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "sent", _("Mark as Sent"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sent", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (letter_response), ctx);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- guidance (LEGAL.md §4, §12) ---- */

static char *
guidance_text (Ctx          *ctx,
               const GDate  *due_date,
               gint64        balance)
{
  GString *s = g_string_new (NULL);
  g_autofree char *limit = NULL;
  gboolean b2b = factures_client_category_is_b2b (ctx->category);
  GDate prescription = *due_date;

  if (ctx->category == FACTURES_CLIENT_CATEGORY_PUBLIC)
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

static void
guidance_response (AdwMessageDialog *dialog,
                   const char       *response,
                   Ctx              *ctx)
{
  if (g_strcmp0 (response, "done") == 0)
    record_step (ctx, _("Next steps read"));
}

static void
perform_guidance (Ctx                       *ctx,
                  const FacturesDunningTask *task)
{
  g_autofree char *text = guidance_text (ctx, &task->due_date, task->invoice_balance);
  g_autofree char *amount = factures_money_format (task->invoice_balance);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s an invoice number, %s an amount */
  body = g_strdup_printf (_("%s still has %s to pay after the formal notice."), ctx->number, amount);
  dialog = message_dialog (ctx, _("Next Steps"), body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), text_box (text, _("What to do next")));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Close"),
                                    "done", _("Mark as Done"),
                                    NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (guidance_response), ctx);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
factures_dunning_perform (GtkWidget                 *parent,
                          FacturesStore             *store,
                          const FacturesDunningTask *task)
{
  Ctx *ctx;

  g_return_if_fail (FACTURES_IS_STORE (store));
  g_return_if_fail (task != NULL);

  ctx = ctx_new_for_task (parent, store, task);
  switch (task->step.channel)
    {
    case FACTURES_DUNNING_CHANNEL_EMAIL:
      perform_email (ctx, task);
      break;
    case FACTURES_DUNNING_CHANNEL_PHONE:
      perform_phone (ctx, task);
      break;
    case FACTURES_DUNNING_CHANNEL_SMS:
      perform_sms (ctx, task);
      break;
    case FACTURES_DUNNING_CHANNEL_LETTER:
    case FACTURES_DUNNING_CHANNEL_FORMAL_NOTICE:
      perform_letter (ctx, task);
      break;
    case FACTURES_DUNNING_CHANNEL_GUIDANCE:
    default:
      perform_guidance (ctx, task);
      break;
    }
}

/* ---- skip, promise, dispute, waive ---- */

static void
skip_response (AdwMessageDialog *dialog,
               const char       *response,
               Ctx              *ctx)
{
  g_autoptr (GError) error = NULL;
  GDate today;

  if (g_strcmp0 (response, "skip") != 0)
    return;
  factures_today (&today);
  if (!factures_store_skip_step (ctx->store, ctx->document_id, ctx->instalment, ctx->step_key,
                                 &today, NULL, &error))
    factures_ui_show_error (ctx->parent, _("The step was not skipped"), error->message);
  else
    factures_ui_toast (ctx->parent, _("Step skipped"));
}

void
factures_dunning_skip (GtkWidget                 *parent,
                       FacturesStore             *store,
                       const FacturesDunningTask *task)
{
  Ctx *ctx = ctx_new_for_task (parent, store, task);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s a step ("Phone call"), %s an invoice number */
  body = g_strdup_printf (_("“%s” will not be done for %s; the next step follows with its usual gap."),
                          factures_dunning_channel_label (task->step.channel), task->number);
  dialog = message_dialog (ctx, _("Skip This Step?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "skip", _("Skip"),
                                    NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (skip_response), ctx);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
promise_response (AdwMessageDialog *dialog,
                  const char       *response,
                  Ctx              *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;
  GDate today, date;

  if (g_strcmp0 (response, "save") != 0)
    return;
  factures_today (&today);
  text = factures_editable_get_trimmed (ctx->entry);
  note = factures_editable_get_trimmed (ctx->extra_entry);
  if (!factures_date_parse_fr (text, _("Promised date"), &date, &error) ||
      !factures_store_add_promise (ctx->store, ctx->document_id, &date, &today,
                                   *note != '\0' ? note : NULL, &error))
    {
      factures_ui_show_error (ctx->parent, _("The promise was not recorded"), error->message);
      return;
    }
  {
    g_autofree char *when = factures_date_format_fr (&date);
    /* Translators: %s is a date */
    g_autofree char *message = g_strdup_printf (_("Reminders paused until %s"), when);
    factures_ui_toast (ctx->parent, message);
  }
}

void
factures_dunning_promise (GtkWidget     *parent,
                          FacturesStore *store,
                          gint64         document_id,
                          const char    *number)
{
  Ctx *ctx = ctx_new (parent, store);
  g_autofree char *body = NULL;
  GtkWidget *dialog, *list;

  ctx->document_id = document_id;
  ctx->number = g_strdup (number);
  /* Translators: %s is an invoice number */
  body = g_strdup_printf (_("The client promised to pay %s by a date: the reminders pause until then."), number);
  dialog = message_dialog (ctx, _("Promise to Pay"), body);
  ctx->entry = factures_entry_row_new (_("Promised Date"));
  ctx->extra_entry = factures_entry_row_new (_("Note"));
  list = entry_list (ctx->entry);
  gtk_list_box_append (GTK_LIST_BOX (list), ctx->extra_entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "save", _("Record"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (promise_response), ctx);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
dispute_response (AdwMessageDialog *dialog,
                  const char       *response,
                  Ctx              *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *reason = NULL;
  GDate today;

  if (g_strcmp0 (response, "dispute") != 0)
    return;
  factures_today (&today);
  reason = factures_editable_get_trimmed (ctx->entry);
  if (!factures_store_set_dispute (ctx->store, ctx->document_id, TRUE, *reason != '\0' ? reason : NULL,
                                   &today, &error))
    factures_ui_show_error (ctx->parent, _("The dispute was not recorded"), error->message);
  else
    factures_ui_toast (ctx->parent, _("Invoice marked as disputed: reminders stopped"));
}

void
factures_dunning_dispute (GtkWidget     *parent,
                          FacturesStore *store,
                          gint64         document_id,
                          const char    *number)
{
  Ctx *ctx = ctx_new (parent, store);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  ctx->document_id = document_id;
  ctx->number = g_strdup (number);
  /* Translators: %s is an invoice number */
  body = g_strdup_printf (_("The client disputes %s: the reminders stop until the dispute is settled."), number);
  dialog = message_dialog (ctx, _("Mark as Disputed?"), body);
  ctx->entry = factures_entry_row_new (_("Reason Given by the Client"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry_list (ctx->entry));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "dispute", _("Mark as Disputed"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "dispute", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (dispute_response), ctx);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
waive_response (AdwMessageDialog *dialog,
                const char       *response,
                Ctx              *ctx)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "waive") != 0)
    return;
  if (!factures_store_waive_penalties (ctx->store, ctx->document_id, TRUE, NULL, &error))
    factures_ui_show_error (ctx->parent, _("The penalties were not waived"), error->message);
  else
    factures_ui_toast (ctx->parent, _("Penalties waived"));
}

void
factures_dunning_waive (GtkWidget     *parent,
                        FacturesStore *store,
                        gint64         document_id,
                        const char    *number)
{
  Ctx *ctx = ctx_new (parent, store);
  g_auto (FacturesPenalties) penalties = { 0 };
  g_autofree char *body = NULL;
  g_autofree char *amount = NULL;
  GtkWidget *dialog;
  GDate today;

  ctx->document_id = document_id;
  ctx->number = g_strdup (number);
  factures_today (&today);
  if (!factures_store_compute_penalties (store, document_id, &today, &penalties, NULL))
    penalties.total = 0;
  amount = factures_money_format (penalties.total);
  /* Translators: %s an invoice number, %s an amount */
  body = g_strdup_printf (_("The late penalties of %s (%s to date, indemnity included) will no longer "
                            "be claimed in reminders and letters."), number, amount);
  dialog = message_dialog (ctx, _("Waive the Penalties?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "waive", _("Waive"),
                                    NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (waive_response), ctx);
  gtk_window_present (GTK_WINDOW (dialog));
}
