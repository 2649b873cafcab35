/* factures-series-group.c — one number series in Preferences → Numbering
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-confirm-dialog.h"
#include "factures-form-row.h"
#include "factures-series-group.h"

struct _FacturesSeriesGroup
{
  AdwPreferencesGroup  parent_instance;

  FacturesFormRow     *pattern_form_row;
  FacturesFormRow     *counter_form_row;
  GtkWidget           *pattern_row;
  GtkWidget           *counter_row;
  GtkSwitch           *reset_switch;
  AdwActionRow        *preview_row;

  FacturesStore       *store;
  char                *name;
  gboolean             loading;
  gboolean             asking;   /* the counter's confirmation is shown */
};

G_DEFINE_FINAL_TYPE (FacturesSeriesGroup, factures_series_group, ADW_TYPE_PREFERENCES_GROUP)

static void
label_entry_row (GtkWidget  *row,
                 const char *label)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

  /* The title labels the row otherwise ("X X" over AT-SPI in libadwaita 1.2). */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (delegate != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (delegate), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
toast (GtkWidget  *widget,
       const char *text)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (text));
}

/* Reads the rows; FALSE with a message naming the field. */
static gboolean
read_group (FacturesSeriesGroup  *self,
            char                **out_pattern,
            gint64               *out_counter,
            GError              **error)
{
  g_autofree char *counter_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->counter_row))));
  char *end = NULL;
  gint64 counter;

  counter = g_ascii_strtoll (counter_text, &end, 10);
  if (*counter_text == '\0' || end == NULL || *end != '\0' || counter < 1)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Next number: a whole number, 1 or more."));
      return FALSE;
    }
  *out_pattern = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->pattern_row)));
  *out_counter = counter;
  return TRUE;
}

/* The next number, or NULL with the refusal in @error. */
static char *
preview (FacturesSeriesGroup *self,
         GError             **error)
{
  g_autofree char *pattern = NULL;
  gint64 counter = 0;

  if (!read_group (self, &pattern, &counter, error))
    return NULL;
  return factures_store_preview_series (self->store, self->name, pattern, counter,
                                        gtk_switch_get_active (self->reset_switch), NULL, error);
}

static void
update_preview (FacturesSeriesGroup *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *next = NULL;

  if (self->store == NULL)
    return;
  next = preview (self, &error);
  if (next != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preview_row), _("Next number"));
      adw_action_row_set_subtitle (self->preview_row, next);
      gtk_widget_remove_css_class (GTK_WIDGET (self->preview_row), "error");
    }
  else
    {
      /* The refusal, with its reason, where the preview was. */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preview_row), _("Refused"));
      adw_action_row_set_subtitle (self->preview_row, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->preview_row), "error");
    }
}

/* The check of both fields: the refusal of the series as a whole. */
static char *
check_series (const char *text,
              gpointer    user_data)
{
  FacturesSeriesGroup *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *next = NULL;

  if (self->store == NULL)
    return NULL;
  next = preview (self, &error);
  return next != NULL ? NULL : g_strdup (error->message);
}

/* The counter the series' next number takes now, as stored (0 when unknown). */
static gint64
stored_counter (FacturesSeriesGroup *self)
{
  g_autoptr (GPtrArray) list = factures_store_list_series (self->store, NULL);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const FacturesSeries *series = g_ptr_array_index (list, i);

      if (g_strcmp0 (series->name, self->name) == 0)
        return series->counter_now;
    }
  return 0;
}

/* TRUE when the series is stored as @pattern, @counter and the reset switch say. */
static gboolean
stored_as (FacturesSeriesGroup *self,
           const char          *pattern,
           gint64               counter)
{
  g_autoptr (GPtrArray) list = factures_store_list_series (self->store, NULL);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const FacturesSeries *series = g_ptr_array_index (list, i);

      if (g_strcmp0 (series->name, self->name) == 0)
        return g_strcmp0 (series->pattern, pattern) == 0 && series->counter_now == counter &&
               !series->yearly_reset == !gtk_switch_get_active (self->reset_switch);
    }
  return FALSE;
}

static void
save (FacturesSeriesGroup *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pattern = NULL;
  gint64 counter = 0;

  if (read_group (self, &pattern, &counter, &error) &&
      factures_store_set_series (self->store, self->name, pattern, counter,
                                 gtk_switch_get_active (self->reset_switch), &error))
    toast (GTK_WIDGET (self), _("Numbering saved"));
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preview_row), _("Refused"));
      adw_action_row_set_subtitle (self->preview_row, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->preview_row), "error");
    }
}

static void
move_counter_response_cb (AdwMessageDialog    *dialog,
                          const char          *response,
                          FacturesSeriesGroup *self)
{
  self->asking = FALSE;
  if (g_strcmp0 (response, "move") == 0)
    save (self);
  else
    {
      /* Not moved: the field shows the stored counter again. */
      g_autofree char *counter = g_strdup_printf ("%" G_GINT64_FORMAT, stored_counter (self));

      self->loading = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->counter_row), counter);
      self->loading = FALSE;
      update_preview (self);
    }
  g_object_unref (self);
}

/* Applies the fields once valid. Moving the counter sets where the series starts: the
 * store allows it only before the first number of the period (issue 10); the window
 * says why first and asks. */
static void
apply (FacturesSeriesGroup *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *next = NULL;
  g_autofree char *body = NULL;
  gint64 counter = 0;
  GtkRoot *root;
  GtkWidget *dialog;

  if (self->loading || self->asking || !read_group (self, &pattern, &counter, &error))
    return;
  next = preview (self, &error);
  if (next == NULL)
    return;
  if (counter == stored_counter (self))
    {
      save (self);
      return;
    }

  body = g_strdup_printf (_("The numbers of a series follow each other without gaps and never repeat "
                            "(CGI, annexe II, art. 242 nonies A). Move the counter only to continue the "
                            "numbering of another tool or of a paper invoice book: the next number "
                            "will be %s. Once a number is given in this period, the counter can no "
                            "longer be moved."),
                          next);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = factures_confirm_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        _("Set Where the Numbering Starts?"), body,
                                        "move", _("_Move the Counter"), ADW_RESPONSE_DESTRUCTIVE);
  self->asking = TRUE;
  g_signal_connect (dialog, "response", G_CALLBACK (move_counter_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
field_validated_cb (FacturesSeriesGroup *self,
                    gboolean             valid)
{
  if (valid)
    apply (self);
}

static void
reset_toggled_cb (FacturesSeriesGroup *self)
{
  update_preview (self);
  apply (self);
}

gboolean
factures_series_group_flush (FacturesSeriesGroup *self)
{
  gboolean valid;

  g_return_val_if_fail (FACTURES_IS_SERIES_GROUP (self), TRUE);

  self->loading = TRUE;
  valid = factures_form_row_validate (self->pattern_form_row);
  valid = factures_form_row_validate (self->counter_form_row) && valid;
  self->loading = FALSE;
  /* A moved counter is saved only once confirmed: not here. */
  if (valid && !self->asking)
    {
      g_autofree char *pattern = NULL;
      gint64 counter = 0;

      if (read_group (self, &pattern, &counter, NULL) && counter == stored_counter (self))
        {
          /* Closing saves what was typed, not again what is stored ("Numbering saved"). */
          if (!stored_as (self, pattern, counter))
            save (self);
        }
      else
        return FALSE;
    }
  return valid;
}

static const char *
series_title (const char *name)
{
  if (g_strcmp0 (name, "invoice") == 0)
    return _("Invoices and Deposit Invoices");
  if (g_strcmp0 (name, "quote") == 0)
    return _("Quotes");
  if (g_strcmp0 (name, "credit-note") == 0)
    return _("Credit Notes");
  return name;
}

static void
factures_series_group_dispose (GObject *object)
{
  FacturesSeriesGroup *self = FACTURES_SERIES_GROUP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_SERIES_GROUP);
  g_clear_object (&self->store);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (factures_series_group_parent_class)->dispose (object);
}

static void
factures_series_group_class_init (FacturesSeriesGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_series_group_dispose;

  g_type_ensure (FACTURES_TYPE_FORM_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/preferences/factures-series-group.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesSeriesGroup, pattern_form_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesSeriesGroup, counter_form_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesSeriesGroup, pattern_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesSeriesGroup, counter_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesSeriesGroup, reset_switch);
  gtk_widget_class_bind_template_child (widget_class, FacturesSeriesGroup, preview_row);
  gtk_widget_class_bind_template_callback (widget_class, update_preview);
  gtk_widget_class_bind_template_callback (widget_class, field_validated_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_toggled_cb);
}

static void
factures_series_group_init (FacturesSeriesGroup *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  factures_form_row_set_check (self->pattern_form_row, check_series, self, NULL);
  factures_form_row_set_check (self->counter_form_row, check_series, self, NULL);
  self->loading = FALSE;
}

GtkWidget *
factures_series_group_new (FacturesStore        *store,
                           const FacturesSeries *series)
{
  FacturesSeriesGroup *self = g_object_new (FACTURES_TYPE_SERIES_GROUP, NULL);
  /* The counter the next number takes today (1 in a new year after a yearly restart). */
  g_autofree char *counter = g_strdup_printf ("%" G_GINT64_FORMAT, series->counter_now);
  g_autofree char *pattern_label = NULL;
  g_autofree char *counter_label = NULL;
  g_autofree char *reset_label = NULL;
  const char *title = series_title (series->name);

  self->loading = TRUE;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), title);
  /* Accessible names carry the series: "Modèle, Devis". */
  /* Translators: accessible name, "Pattern, Quotes" */
  pattern_label = g_strdup_printf (_("Pattern, %s"), title);
  label_entry_row (self->pattern_row, pattern_label);
  /* Translators: accessible name, "Next counter, Quotes" */
  counter_label = g_strdup_printf (_("Next counter, %s"), title);
  label_entry_row (self->counter_row, counter_label);
  /* Translators: accessible name, "Restart each year, Quotes" */
  reset_label = g_strdup_printf (_("Restart each year, %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reset_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  reset_label, -1);

  gtk_editable_set_text (GTK_EDITABLE (self->pattern_row), series->pattern);
  gtk_editable_set_text (GTK_EDITABLE (self->counter_row), counter);
  gtk_switch_set_active (self->reset_switch, series->yearly_reset);
  self->store = g_object_ref (store);
  self->name = g_strdup (series->name);
  self->loading = FALSE;
  update_preview (self);
  return GTK_WIDGET (self);
}
