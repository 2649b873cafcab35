/* factures-pa-panel.c — the issued-document view's part about the plateforme agréée
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "factures-date.h"
#include "factures-info-row.h"
#include "factures-money.h"
#include "factures-pa-panel.h"
#include "factures-pa-sync.h"
#include "factures-store-einvoicing.h"

struct _FacturesPaPanel
{
  AdwBin          parent_instance;

  FacturesStore  *store;
  gint64          document_id;

  /* template */
  GtkWidget      *group;
  GtkWidget      *list;
  GtkWidget      *completed_button;
};

G_DEFINE_FINAL_TYPE (FacturesPaPanel, factures_pa_panel, ADW_TYPE_BIN)

static void
clear_rows (FacturesPaPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
}

static void
add_row (FacturesPaPanel *self,
         const char      *title,
         const char      *subtitle,
         const char      *icon_name,
         const char      *value)
{
  GtkWidget *row = factures_info_row_new (title, subtitle, icon_name);

  if (value != NULL)
    factures_info_row_set_value (FACTURES_INFO_ROW (row), value, FALSE);
  gtk_list_box_append (GTK_LIST_BOX (self->list), row);
}

/* "2026-11-30T10:00:00" → "30/11/2026"; the text itself when it is not a date. */
static char *
format_day (const char *text)
{
  g_autofree char *day = NULL;
  GDate date;

  if (text == NULL)
    return NULL;
  day = g_strndup (text, 10);
  g_date_clear (&date, 1);
  if (!factures_date_parse_iso (day, &date, NULL))
    return g_strdup (text);
  return factures_date_format_fr (&date);
}

static const char *
role_words (const char *role)
{
  if (g_strcmp0 (role, "BY") == 0)
    return _("the client");
  if (g_strcmp0 (role, "SE") == 0)
    return _("you, the seller");
  if (g_strcmp0 (role, "WK") == 0)
    return _("a platform");
  return NULL;
}

/* The platform's reasons for refusing the deposit: one row each (PA.md §1.3,
 * acknowledgement.details[]: reasonCode, reasonMessage). */
static void
add_ack_details (FacturesPaPanel *self,
                 const char      *details)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *array;

  if (details == NULL || !json_parser_load_from_data (parser, details, -1, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return;
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *code, *message;
      g_autofree char *title = NULL;

      if (object == NULL)
        continue;
      code = json_object_has_member (object, "reasonCode")
             ? json_object_get_string_member_with_default (object, "reasonCode", NULL) : NULL;
      message = json_object_has_member (object, "reasonMessage")
                ? json_object_get_string_member_with_default (object, "reasonMessage", NULL) : NULL;
      /* Translators: %s is the platform's reason code, e.g. "SIREN_ERR" */
      title = g_strdup_printf (_("Reason %s"), code != NULL ? code : "—");
      add_row (self, title, message, NULL, NULL);
    }
}

static void
add_status (FacturesPaPanel        *self,
            const FacturesPaStatus *status)
{
  const char *label = factures_pa_status_label (status->code);
  const char *role = role_words (status->sender_role);
  g_autofree char *title = g_strdup_printf ("%s (%d)", label != NULL ? label : _("unknown status"),
                                            status->code);
  g_autofree char *day = format_day (status->date);
  g_autofree char *sender = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *subtitle = NULL;
  GString *text = g_string_new (NULL);

  if (status->sender_name != NULL || status->sender_id != NULL)
    sender = role != NULL
             ? g_strdup_printf ("%s, %s", status->sender_name != NULL ? status->sender_name : status->sender_id, role)
             : g_strdup (status->sender_name != NULL ? status->sender_name : status->sender_id);
  else if (role != NULL)
    sender = g_strdup (role);

  if (day != NULL)
    g_string_append (text, day);
  if (sender != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " — ");
      /* Translators: %s is who sent the status, e.g. "Dupont SA, the client" */
      g_string_append_printf (text, _("from %s"), sender);
    }
  if (status->reason_code != NULL || status->reason != NULL)
    {
      if (status->reason_code != NULL && status->reason != NULL)
        reason = g_strdup_printf ("%s : %s", status->reason_code, status->reason);
      else
        reason = g_strdup (status->reason_code != NULL ? status->reason_code : status->reason);
      if (text->len > 0)
        g_string_append (text, "\n");
      /* Translators: %s is the reason code and the reason given with a status */
      g_string_append_printf (text, _("Reason: %s"), reason);
    }
  subtitle = g_string_free (text, FALSE);
  if (status->amount != 0)
    amount = factures_money_format (status->amount);
  add_row (self, title, subtitle[0] != '\0' ? subtitle : NULL, NULL, amount);
}

/* What the user must do after the last status (issue 14 item 3, PA.md §2). */
static void
add_advice (FacturesPaPanel *self,
            gint             code)
{
  switch (code)
    {
    case 210:
    case 213:
      add_row (self, _("What to do"),
               code == 210
               ? _("The client refused this invoice: it no longer counts and reminders stop. Issue a credit note cancelling it, then a new, corrected invoice.")
               : _("The platform rejected this invoice: it no longer counts and reminders stop. Issue a credit note cancelling it, then a new, corrected invoice."),
               "dialog-warning-symbolic", NULL);
      break;
    case 220:
      add_row (self, _("What to do"),
               _("This invoice was cancelled through the platform: it no longer counts and reminders stop. Issue a credit note cancelling it, then a new invoice if one is still due."),
               "dialog-warning-symbolic", NULL);
      break;
    case 207:
      add_row (self, _("What to do"),
               _("The client disputes this invoice: reminders are paused until it is approved. Settle the point with the client."),
               "dialog-information-symbolic", NULL);
      break;
    case 208:
      add_row (self, _("What to do"),
               _("The client suspended this invoice: supply what it asks for, then send the status “complétée” (209)."),
               "dialog-information-symbolic", NULL);
      break;
    default:
      break;
    }
}

/* « Envoyer « complétée » »: the answer to « suspendue » (208) put into the e-invoicing
 * outbox, once (factures_pa_send_completed()); the next synchronisation sends it. */
static void
send_completed_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  FacturesPaPanel *self = FACTURES_PA_PANEL (widget);
  g_autoptr (GError) error = NULL;

  if (self->store == NULL || self->document_id == 0)
    return;
  if (factures_pa_send_completed (self->store, self->document_id, NULL, &error) == 0)
    {
      add_row (self, _("Status “complétée” (209)"), error->message, "dialog-error-symbolic", NULL);
      return;
    }
  factures_pa_panel_reload (self);
}

void
factures_pa_panel_reload (FacturesPaPanel *self)
{
  g_autoptr (FacturesPaOutboxItem) item = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  gboolean shown = FALSE;
  gboolean suspended = FALSE;

  g_return_if_fail (FACTURES_IS_PA_PANEL (self));

  clear_rows (self);
  if (self->store == NULL || self->document_id == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  item = factures_store_pa_outbox_for_document (self->store, self->document_id, &error);
  if (error != NULL)
    {
      add_row (self, _("Transmission"), error->message, "dialog-error-symbolic", NULL);
      g_clear_error (&error);
      shown = TRUE;
    }
  if (item != NULL)
    {
      g_autofree char *subtitle = NULL;
      g_autofree char *day = format_day (item->submitted_at);
      const char *words = factures_pa_outbox_item_words (item);
      const char *icon = item->ack == FACTURES_PA_ACK_ERROR ? "dialog-error-symbolic"
                         : item->ack == FACTURES_PA_ACK_OK ? "emblem-ok-symbolic"
                         : "mail-send-symbolic";

      if (item->state == FACTURES_PA_OUTBOX_SENT && day != NULL)
        /* Translators: the acknowledgement, then the day of the deposit */
        subtitle = g_strdup_printf (_("%s — deposited on %s"), words, day);
      else if (item->state != FACTURES_PA_OUTBOX_SENT && item->error != NULL)
        /* Translators: the acknowledgement, then why the last attempt failed */
        subtitle = g_strdup_printf (_("%s — last attempt: %s"), words, item->error);
      else
        subtitle = g_strdup (words);
      add_row (self, _("Transmission"), subtitle, icon, NULL);
      if (item->ack == FACTURES_PA_ACK_ERROR)
        add_ack_details (self, item->ack_details);
      shown = TRUE;
    }

  /* Issue 15: before the deposit, a buyer the directory does not show as receiving, and an
   * administration whose invoice goes on the Chorus Pro portal. */
  if (item == NULL || item->state != FACTURES_PA_OUTBOX_SENT)
    {
      g_autoptr (FacturesDocument) document = factures_store_get_document (self->store, self->document_id, NULL);
      g_autofree char *warning = document != NULL ? factures_store_pa_directory_warning (self->store, document) : NULL;

      if (warning != NULL)
        {
          add_row (self, _("Directory"), warning, "dialog-warning-symbolic", NULL);
          shown = TRUE;
        }
      if (document != NULL && document->buyer != NULL &&
          document->buyer->category == FACTURES_CLIENT_CATEGORY_PUBLIC &&
          factures_pa_document_is_eligible (document) && !factures_store_pa_document_goes (self->store, document))
        {
          add_row (self, _("Chorus Pro"),
                   _("This client is an administration and your plateforme agréée does not forward invoices to "
                     "Chorus Pro: choose « Export for Chorus Pro… » in the document’s menu, then upload the file "
                     "on the Chorus Pro portal (the help gives the steps)."),
                   "dialog-information-symbolic", NULL);
          shown = TRUE;
        }
    }

  history = factures_store_pa_history (self->store, self->document_id, &error);
  if (history == NULL)
    {
      add_row (self, _("Lifecycle"), error->message, "dialog-error-symbolic", NULL);
      shown = TRUE;
    }
  else if (history->len > 0)
    {
      for (guint i = 0; i < history->len; i++)
        add_status (self, g_ptr_array_index (history, i));
      gint last = ((FacturesPaStatus *) g_ptr_array_index (history, history->len - 1))->code;

      add_advice (self, last);
      suspended = last == 208;
      shown = TRUE;
    }
  if (suspended && factures_store_pa_status_queued (self->store, self->document_id, 209, NULL))
    {
      add_row (self, _("Status “complétée” (209)"),
               _("In the e-invoicing outbox: the next synchronisation sends it to the platform."),
               "mail-send-symbolic", NULL);
      suspended = FALSE;
    }
  gtk_widget_set_visible (self->completed_button, suspended);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pa-panel.send-completed", suspended);
  gtk_widget_set_visible (GTK_WIDGET (self), shown);
}

void
factures_pa_panel_set_document (FacturesPaPanel *self,
                                FacturesStore   *store,
                                gint64           document_id)
{
  g_return_if_fail (FACTURES_IS_PA_PANEL (self));
  g_return_if_fail (FACTURES_IS_STORE (store));

  g_set_object (&self->store, store);
  self->document_id = document_id;
  factures_pa_panel_reload (self);
}

char *
factures_pa_panel_describe (FacturesPaPanel *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (FACTURES_IS_PA_PANEL (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (self->list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *subtitle;

      if (!ADW_IS_ACTION_ROW (child))
        continue;
      subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (child));
      g_string_append_printf (text, "%s\t%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)),
                              subtitle != NULL ? subtitle : "");
    }
  return g_string_free (text, FALSE);
}

static void
factures_pa_panel_dispose (GObject *object)
{
  FacturesPaPanel *self = FACTURES_PA_PANEL (object);

  /* AdwBin unparents its child itself: take it out first, then drop the template's pointers. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_PA_PANEL);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (factures_pa_panel_parent_class)->dispose (object);
}

static void
factures_pa_panel_class_init (FacturesPaPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_pa_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/documents/factures-pa-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesPaPanel, group);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaPanel, list);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaPanel, completed_button);
  gtk_widget_class_install_action (widget_class, "pa-panel.send-completed", NULL, send_completed_activated);
}

static void
factures_pa_panel_init (FacturesPaPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
