/* factures-editor-parties.c — the editor's "Client and Dates" section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-documents.h"
#include "factures-client-choice.h"
#include "factures-currency.h"
#include "factures-editor-parties.h"
#include "factures-form-row.h"
#include "factures-rows.h"
#include "factures-schedule.h"
#include "factures-terms.h"

#define CLIENT_CHOICES_MAX 50

struct _FacturesEditorParties
{
  AdwPreferencesGroup  parent_instance;

  FacturesStore       *store;
  GArray              *client_ids;     /* gint64, one per button of client_list, in order */
  gboolean             loading;
  gboolean             touched;        /* a date was typed: its messages show */
  gboolean             editable;
  gboolean             currency_changeable;
  GPtrArray           *currency_codes; /* utf8, one per item of currency_model, "EUR" first */

  /* template */
  AdwActionRow        *client_row;
  GtkWidget           *client_button;
  GtkWidget           *client_popover;
  GtkWidget           *client_search;
  GtkWidget           *client_list;
  GtkLabel            *client_hint;    /* none, none matching, too many */
  FacturesFormRow     *issue_date_form_row;
  AdwEntryRow         *issue_date_row;
  FacturesFormRow     *delivery_date_form_row;
  AdwEntryRow         *delivery_date_row;
  AdwActionRow        *due_row;
  GtkWidget           *schedule_button;
  AdwComboRow         *currency_row;
  GtkStringList       *currency_model;
  FacturesFormRow     *rate_form_row;
  AdwEntryRow         *rate_row;
  GtkLabel            *rate_unit_label;
};

G_DEFINE_FINAL_TYPE (FacturesEditorParties, factures_editor_parties, ADW_TYPE_PREFERENCES_GROUP)

enum {
  SIGNAL_CHANGED,
  SIGNAL_CLIENT_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* AdwEntryRow 1.2 does not name its text for assistive technologies. */
static void
label_entry_row (AdwEntryRow *row,
                 const char  *label)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

  /* The title labels the row otherwise ("X X" over AT-SPI in libadwaita 1.2). */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (delegate != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (delegate), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Shows @message (NULL: none) under the field (FacturesFormRow: error style, tooltip,
 * accessible description and invalid state of the row), and as the accessible
 * description of the row's text too, so that a screen reader says it on the field. */
static void
show_message (FacturesFormRow *form_row,
              AdwEntryRow     *row,
              const char      *message)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

  factures_form_row_set_message (form_row, message);
  if (delegate == NULL)
    return;
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (delegate), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (delegate), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* ---- client chooser ---- */

static void
pick_client (FacturesEditorParties *self,
             guint                  index)
{
  if (index >= self->client_ids->len)
    return;
  gtk_popover_popdown (GTK_POPOVER (self->client_popover));
  g_signal_emit (self, signals[SIGNAL_CLIENT_CHOSEN], 0, g_array_index (self->client_ids, gint64, index));
}

static void
client_choice_clicked_cb (FacturesClientChoice  *choice,
                          FacturesEditorParties *self)
{
  guint index = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (self->client_list);
       child != NULL && child != GTK_WIDGET (choice);
       child = gtk_widget_get_next_sibling (child))
    index++;
  pick_client (self, index);
}

static void
fill_client_list (FacturesEditorParties *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->client_search));
  g_autoptr (GListModel) model = NULL;
  GtkWidget *child;
  guint n_items;

  while ((child = gtk_widget_get_first_child (self->client_list)) != NULL)
    gtk_box_remove (GTK_BOX (self->client_list), child);
  g_array_set_size (self->client_ids, 0);
  if (self->store == NULL)
    return;

  model = factures_store_list_clients (self->store, search, FACTURES_CLIENT_SORT_NAME, FALSE);
  n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < MIN (n_items, CLIENT_CHOICES_MAX); i++)
    {
      g_autoptr (FacturesClientRow) row = g_list_model_get_item (model, i);
      const char *name = factures_client_row_get_name (row);
      const char *city = factures_client_row_get_city (row);
      gint64 id = factures_client_row_get_id (row);
      GtkWidget *button = factures_client_choice_new (id, name, city);

      g_signal_connect (button, "clicked", G_CALLBACK (client_choice_clicked_cb), self);
      gtk_box_append (GTK_BOX (self->client_list), button);
      g_array_append_val (self->client_ids, id);
    }

  if (n_items == 0 && (search == NULL || *search == '\0'))
    gtk_label_set_text (self->client_hint, _("No clients yet: add one on the Clients page."));
  else if (n_items == 0)
    gtk_label_set_text (self->client_hint, _("No client matches."));
  else
    gtk_label_set_text (self->client_hint, _("Type to narrow the search…"));
  gtk_widget_set_visible (GTK_WIDGET (self->client_hint), n_items == 0 || n_items > CLIENT_CHOICES_MAX);
}

/* Enter in the search entry picks the first client shown. */
static void
client_search_activated_cb (FacturesEditorParties *self)
{
  fill_client_list (self);   /* "search-changed" comes after a delay */
  pick_client (self, 0);
}

static void
choose_client_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FacturesEditorParties *self = FACTURES_EDITOR_PARTIES (widget);

  if (!self->editable)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->client_search), "");
  fill_client_list (self);
  gtk_popover_popup (GTK_POPOVER (self->client_popover));
}

/* ---- dates ---- */

static void
date_changed_cb (FacturesEditorParties *self)
{
  if (self->loading)
    return;
  self->touched = TRUE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* ---- currency (issue 13 item 4) ---- */

static const char *
selected_currency (FacturesEditorParties *self)
{
  guint selected = adw_combo_row_get_selected (self->currency_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->currency_codes->len)
    return "EUR";
  return g_ptr_array_index (self->currency_codes, selected);
}

/* The rate field shows for another currency than the euro, with its unit ("1 GBP in euros"). */
static void
show_rate_field (FacturesEditorParties *self)
{
  const char *code = selected_currency (self);
  gboolean euro = factures_currency_is_euro (code);

  gtk_widget_set_visible (GTK_WIDGET (self->rate_form_row), !euro);
  if (!euro)
    {
      /* Translators: the unit of the exchange rate field, "1 GBP in euros" */
      g_autofree char *unit = g_strdup_printf (_("1 %s in euros"), code);
      /* Translators: accessible name of the exchange rate field, "Exchange rate, 1 GBP in euros" */
      g_autofree char *label = g_strdup_printf (_("Exchange rate, 1 %s in euros"), code);

      gtk_label_set_text (self->rate_unit_label, unit);
      label_entry_row (self->rate_row, label);
    }
}

static void
currency_changed_cb (FacturesEditorParties *self)
{
  show_rate_field (self);
  if (self->loading)
    return;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
factures_editor_parties_set_currency (FacturesEditorParties *self,
                                      const char            *currency,
                                      gint64                 exchange_rate,
                                      gboolean               changeable)
{
  guint index = 0;
  g_autofree char *rate = NULL;

  g_return_if_fail (FACTURES_IS_EDITOR_PARTIES (self));

  for (guint i = 0; i < self->currency_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->currency_codes, i),
                   factures_currency_is_euro (currency) ? "EUR" : currency) == 0)
      index = i;
  rate = exchange_rate > 0 ? factures_exchange_rate_format (exchange_rate) : NULL;
  self->loading = TRUE;
  self->currency_changeable = changeable;
  adw_combo_row_set_selected (self->currency_row, index);
  gtk_editable_set_text (GTK_EDITABLE (self->rate_row), rate != NULL ? rate : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->currency_row), self->editable && changeable);
  show_rate_field (self);
  self->loading = FALSE;
}

/* Sets @document's currency and rate from the fields; FALSE with the rate's error. */
static gboolean
collect_currency (FacturesEditorParties  *self,
                  FacturesDocument       *document,
                  GError                **error)
{
  const char *code = selected_currency (self);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rate_row))));
  gint64 rate = 0;

  g_free (document->currency);
  document->currency = factures_currency_normalise (code);
  if (document->currency == NULL)
    {
      document->exchange_rate = 0;
      return TRUE;
    }
  if (*text == '\0')
    {
      document->exchange_rate = 0;
      return TRUE;
    }
  if (!factures_exchange_rate_parse (text, &rate, error))
    return FALSE;
  document->exchange_rate = rate;
  return TRUE;
}

gboolean
factures_editor_parties_collect (FacturesEditorParties  *self,
                                 FacturesDocument       *document,
                                 gboolean                reveal,
                                 GPtrArray              *messages,
                                 GError                **error)
{
  g_autoptr (GError) first_error = NULL;
  g_autoptr (GError) issue_error = NULL;
  g_autoptr (GError) delivery_error = NULL;
  g_autoptr (GError) rate_error = NULL;
  g_autofree char *delivery = NULL;
  GDate date;

  g_return_val_if_fail (FACTURES_IS_EDITOR_PARTIES (self), FALSE);

  if (reveal)
    self->touched = TRUE;

  if (factures_date_parse_fr (gtk_editable_get_text (GTK_EDITABLE (self->issue_date_row)),
                              _("Issue date"), &date, &issue_error))
    document->issue_date = date;

  /* Empty means the same as the issue date. */
  delivery = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->delivery_date_row))));
  if (*delivery == '\0')
    g_date_clear (&document->delivery_date, 1);
  else if (factures_date_parse_fr (delivery, _("Delivery date"), &date, &delivery_error))
    document->delivery_date = date;

  collect_currency (self, document, &rate_error);
  show_message (self->rate_form_row, self->rate_row,
                rate_error != NULL && self->touched ? rate_error->message : NULL);
  show_message (self->issue_date_form_row, self->issue_date_row,
                issue_error != NULL && self->touched ? issue_error->message : NULL);
  show_message (self->delivery_date_form_row, self->delivery_date_row,
                delivery_error != NULL && self->touched ? delivery_error->message : NULL);

  if (issue_error != NULL)
    {
      if (self->touched && messages != NULL)
        g_ptr_array_add (messages, g_strdup (issue_error->message));
      first_error = g_steal_pointer (&issue_error);
    }
  if (delivery_error != NULL)
    {
      if (self->touched && messages != NULL)
        g_ptr_array_add (messages, g_strdup (delivery_error->message));
      if (first_error == NULL)
        first_error = g_steal_pointer (&delivery_error);
    }

  if (rate_error != NULL)
    {
      if (self->touched && messages != NULL)
        g_ptr_array_add (messages, g_strdup (rate_error->message));
      if (first_error == NULL)
        first_error = g_steal_pointer (&rate_error);
    }

  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }
  return TRUE;
}

void
factures_editor_parties_set_dates (FacturesEditorParties *self,
                                   const GDate           *issue_date,
                                   const GDate           *delivery_date)
{
  g_autofree char *issue = NULL;
  g_autofree char *delivery = NULL;

  g_return_if_fail (FACTURES_IS_EDITOR_PARTIES (self));

  issue = g_date_valid (issue_date) ? factures_date_format_fr (issue_date) : NULL;
  delivery = g_date_valid (delivery_date) ? factures_date_format_fr (delivery_date) : NULL;
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->issue_date_row), issue ? issue : "");
  gtk_editable_set_text (GTK_EDITABLE (self->delivery_date_row), delivery ? delivery : "");
  self->loading = FALSE;
  self->touched = FALSE;
}

void
factures_editor_parties_set_due (FacturesEditorParties  *self,
                                 const FacturesDocument *document)
{
  g_autofree char *date = NULL;
  g_autofree char *terms = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (FACTURES_IS_EDITOR_PARTIES (self));

  if (!g_date_valid (&document->due_date))
    {
      adw_action_row_set_subtitle (self->due_row, "—");
      return;
    }

  date = factures_date_format_fr (&document->due_date);
  if (factures_document_has_schedule (document))
    terms = g_strdup_printf (ngettext ("payment schedule of %u instalment",
                                       "payment schedule of %u instalments",
                                       document->instalments->len),
                             document->instalments->len);
  else
    terms = factures_terms_describe (&document->terms);
  /* Translators: due date and payment terms, "30/12/2026 — 30 jours" */
  subtitle = g_strdup_printf (_("%s — %s"), date, terms);
  adw_action_row_set_subtitle (self->due_row, subtitle);
}

void
factures_editor_parties_set_client (FacturesEditorParties *self,
                                    const FacturesClient  *buyer)
{
  g_return_if_fail (FACTURES_IS_EDITOR_PARTIES (self));

  if (buyer != NULL && buyer->party.name != NULL)
    {
      g_autoptr (GString) subtitle = g_string_new (buyer->party.name);

      if (buyer->party.city != NULL && *buyer->party.city != '\0')
        g_string_append_printf (subtitle, " — %s", buyer->party.city);
      adw_action_row_set_subtitle (self->client_row, subtitle->str);
    }
  else
    adw_action_row_set_subtitle (self->client_row, _("No client chosen"));
}

void
factures_editor_parties_set_store (FacturesEditorParties *self,
                                   FacturesStore         *store)
{
  g_return_if_fail (FACTURES_IS_EDITOR_PARTIES (self));

  g_set_object (&self->store, store);
}

void
factures_editor_parties_set_editable (FacturesEditorParties *self,
                                      gboolean               editable)
{
  g_return_if_fail (FACTURES_IS_EDITOR_PARTIES (self));

  self->editable = editable;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "parties.choose-client", editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->issue_date_row), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->delivery_date_row), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->rate_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->currency_row), editable && self->currency_changeable);
}

void
factures_editor_parties_set_schedule_visible (FacturesEditorParties *self,
                                              gboolean               visible)
{
  g_return_if_fail (FACTURES_IS_EDITOR_PARTIES (self));

  gtk_widget_set_visible (self->schedule_button, visible);
}

/* ---- GObject ---- */

static void
factures_editor_parties_dispose (GObject *object)
{
  FacturesEditorParties *self = FACTURES_EDITOR_PARTIES (object);

  if (self->client_popover != NULL && gtk_widget_get_parent (self->client_popover) != NULL)
    gtk_widget_unparent (self->client_popover);
  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_EDITOR_PARTIES);
  g_clear_object (&self->store);
  g_clear_pointer (&self->client_ids, g_array_unref);
  g_clear_pointer (&self->currency_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (factures_editor_parties_parent_class)->dispose (object);
}

static void
factures_editor_parties_class_init (FacturesEditorPartiesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_editor_parties_dispose;

  g_type_ensure (FACTURES_TYPE_FORM_ROW);

  /**
   * FacturesEditorParties::changed:
   * The issue or delivery date was edited.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * FacturesEditorParties::client-chosen:
   * @id: the client picked in the chooser
   */
  signals[SIGNAL_CLIENT_CHOSEN] = g_signal_new ("client-chosen", G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 1, G_TYPE_INT64);

  /* A static library drops the self-registering constructor of the bundle. */
  factures_documents_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/documents/factures-editor-parties.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorParties, client_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorParties, client_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorParties, client_popover);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorParties, client_search);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorParties, client_hint);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorParties, client_list);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorParties, issue_date_form_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorParties, issue_date_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorParties, delivery_date_form_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorParties, delivery_date_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorParties, due_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorParties, schedule_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorParties, currency_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorParties, currency_model);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorParties, rate_form_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorParties, rate_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorParties, rate_unit_label);
  gtk_widget_class_bind_template_callback (widget_class, currency_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, fill_client_list);
  gtk_widget_class_bind_template_callback (widget_class, client_search_activated_cb);

  gtk_widget_class_install_action (widget_class, "parties.choose-client", NULL, choose_client_action);
}

static void
factures_editor_parties_init (FacturesEditorParties *self)
{
  self->client_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->editable = TRUE;
  self->currency_changeable = TRUE;
  self->currency_codes = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The euro first, then the currencies a French business invoices most (finding T18), then
   * every other ISO 4217 currency with two decimals, by code ("GBP — Livre sterling"): the
   * code is what the PDF prints and the bank statement shows. ISO 4217's funds (BOV, CHE,
   * CHW, COU, MXV, USN…: units of account, not currencies one invoices in) are left out. */
  {
    static const char *const common[] = { "GBP", "USD", "CHF", "CAD", "AUD", "JPY", "SEK", "NOK",
                                          "DKK", "PLN", "CZK", "HUF", "RON", "CNY", "MAD", NULL };
    static const char *const funds[] = { "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI",
                                         "UYW", "XSU", "XUA", "XDR", NULL };
    guint n = 0;
    const FacturesCurrency *table = factures_currency_table (&n);

    self->loading = TRUE;
    gtk_string_list_append (self->currency_model, "EUR — Euro");
    g_ptr_array_add (self->currency_codes, (gpointer) "EUR");
    for (guint pass = 0; pass < 2; pass++)
      for (guint c = 0; pass == 0 ? common[c] != NULL : c < n; c++)
        {
          const FacturesCurrency *row = pass == 0 ? factures_currency_lookup (common[c]) : &table[c];
          g_autofree char *item = NULL;

          if (row == NULL || row->minor_units != 2 || factures_currency_is_euro (row->code) ||
              g_strv_contains (funds, row->code) || (pass == 1 && g_strv_contains (common, row->code)))
            continue;
          item = g_strdup_printf ("%s — %s", row->code, row->name_fr);
          gtk_string_list_append (self->currency_model, item);
          g_ptr_array_add (self->currency_codes, (gpointer) row->code);
        }
    adw_combo_row_set_selected (self->currency_row, 0);
    self->loading = FALSE;
  }
  gtk_widget_set_parent (self->client_popover, self->client_button);
  label_entry_row (self->issue_date_row, _("Issue date"));
  label_entry_row (self->delivery_date_row, _("Delivery date"));
}
