/* factures-purchases-window.c — Achats: the registre des achats of a year
 *
 * The template (factures-purchases-window.ui) holds the year (previous / next), « Ajouter un
 * achat… », the exports (PDF, CSV) and the list: one FacturesPurchaseRow per entry of the
 * register (issue 17 item 5: the supplier invoices imported, with « Enregistrer un paiement… »
 * or « Annuler le paiement… », and the purchases typed by hand, with « Annuler l'achat… »),
 * the year's totals above it. An imported row's activation activates "purchases.show".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-cancel-purchase-dialog.h"
#include "factures-cli-registers.h"
#include "factures-facturx-ui.h"
#include "factures-file-chooser.h"
#include "factures-imported-payment-dialog.h"
#include "factures-info-row.h"
#include "factures-message-dialog.h"
#include "factures-purchase-entry-dialog.h"
#include "factures-purchase-row.h"
#include "factures-purchases-window.h"
#include "factures-store-facturx.h"
#include "factures-store-purchases.h"

struct _FacturesPurchasesWindow
{
  AdwWindow             parent_instance;

  FacturesStore        *store;
  gulong                changed_id;
  guint                 year;
  GPtrArray            *entries;     /* (element-type FacturesPurchaseEntry) shown */
  GtkFileChooserNative *chooser;
  gboolean              chooser_pdf;

  AdwWindowTitle       *title;
  AdwToastOverlay      *toasts;
  GtkLabel             *heading;
  GtkLabel             *totals_label;
  GtkListBox           *list;
};

G_DEFINE_FINAL_TYPE (FacturesPurchasesWindow, factures_purchases_window, ADW_TYPE_WINDOW)

static void
fill (FacturesPurchasesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = g_strdup_printf ("%u", self->year);
  g_autofree char *heading = g_strdup_printf (_("Purchases Register %u"), self->year);
  FacturesPurchaseTotals totals;
  guint undated = 0;
  GtkWidget *child;
  GDate today;

  factures_today (&today);
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_label_set_text (self->heading, heading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "purchases.previous-year", self->year > FACTURES_YEAR_FIRST);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "purchases.next-year", self->year < g_date_get_year (&today));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = factures_store_list_purchase_register (self->store, self->year, &undated, &error);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "purchases.export-pdf", self->entries != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "purchases.export-csv", self->entries != NULL);
  if (self->entries == NULL)
    {
      gtk_label_set_text (self->totals_label, "");
      gtk_list_box_append (self->list, factures_info_row_new (error->message, NULL, NULL));
      return;
    }
  factures_purchase_register_totals (self->entries, &totals);
  {
    g_autofree char *total = factures_money_format (totals.total);
    g_autofree char *cash = factures_money_format (totals.cash);
    g_autofree char *text = g_strdup_printf (_("Total of the year: %s · of which cash: %s"), total, cash);

    gtk_label_set_text (self->totals_label, text);
  }
  if (self->entries->len == 0)
    gtk_list_box_append (self->list,
                         factures_info_row_new (_("No purchase this year: import the invoices you receive, or add "
                                                  "a purchase by hand"), NULL, NULL));
  for (guint i = 0; i < self->entries->len; i++)
    gtk_list_box_append (self->list, factures_purchase_row_new_entry (g_ptr_array_index (self->entries, i)));
  if (undated > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u received invoice has no date and is left out",
                                                            "%u received invoices have no date and are left out",
                                                            undated), undated);

      gtk_list_box_append (self->list, factures_info_row_new (text, NULL, NULL));
    }
}

/* The imported entry @id of the list shown, or NULL. */
static const FacturesPurchaseEntry *
find_imported (FacturesPurchasesWindow *self, gint64 id)
{
  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      const FacturesPurchaseEntry *e = g_ptr_array_index (self->entries, i);

      if (e->source == FACTURES_PURCHASE_IMPORTED && e->id == id)
        return e;
    }
  return NULL;
}

static void
show_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FacturesPurchasesWindow *self = FACTURES_PURCHASES_WINDOW (widget);

  factures_facturx_ui_show_imported (GTK_WINDOW (self), self->store, g_variant_get_int64 (parameter));
}

static void
pay_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FacturesPurchasesWindow *self = FACTURES_PURCHASES_WINDOW (widget);
  const FacturesPurchaseEntry *e = find_imported (self, g_variant_get_int64 (parameter));

  if (e == NULL)
    return;
  gtk_window_present (factures_imported_payment_dialog_new_purchase (GTK_WINDOW (self), self->store, e->id,
                                                                     e->reference, MAX (e->amount, 0)));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FacturesPurchasesWindow *self = FACTURES_PURCHASES_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  gboolean typed = g_strcmp0 (action_name, "purchases.cancel-entry") == 0;
  const char *label = NULL;

  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      const FacturesPurchaseEntry *e = g_ptr_array_index (self->entries, i);

      if (e->id == id && e->source == (typed ? FACTURES_PURCHASE_TYPED : FACTURES_PURCHASE_IMPORTED))
        label = e->reference != NULL && *e->reference != '\0' ? e->reference : e->supplier;
    }
  if (label == NULL)
    return;
  gtk_window_present (GTK_WINDOW (factures_cancel_purchase_dialog_new (GTK_WINDOW (self), self->store, id, typed,
                                                                       label)));
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FacturesPurchasesWindow *self = FACTURES_PURCHASES_WINDOW (widget);

  gtk_window_present (factures_purchase_entry_dialog_new (GTK_WINDOW (self), self->store));
}

static void
previous_year_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  FacturesPurchasesWindow *self = FACTURES_PURCHASES_WINDOW (widget);

  if (self->year > FACTURES_YEAR_FIRST)
    factures_purchases_window_set_year (self, self->year - 1);
}

static void
next_year_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FacturesPurchasesWindow *self = FACTURES_PURCHASES_WINDOW (widget);
  GDate today;

  factures_today (&today);
  if (self->year < g_date_get_year (&today))
    factures_purchases_window_set_year (self, self->year + 1);
}

/**
 * factures_purchases_window_set_year:
 * (see factures-purchases-window.h)
 */
void
factures_purchases_window_set_year (FacturesPurchasesWindow *self,
                                    guint                    year)
{
  g_return_if_fail (FACTURES_IS_PURCHASES_WINDOW (self));

  self->year = year;
  fill (self);
}

/**
 * factures_purchases_window_export:
 * (see factures-purchases-window.h)
 */
gboolean
factures_purchases_window_export (FacturesPurchasesWindow  *self,
                                  GFile                    *file,
                                  gboolean                  pdf,
                                  GError                  **error)
{
  g_return_val_if_fail (FACTURES_IS_PURCHASES_WINDOW (self), FALSE);

  if (!factures_store_check_file (self->store, file, error))
    return FALSE;
  if (pdf)
    {
      g_autoptr(GBytes) bytes = factures_registers_purchases_pdf (self->store, self->year, NULL, error);

      return bytes != NULL
             && g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                         G_FILE_CREATE_NONE, NULL, NULL, error);
    }
  else
    {
      g_autoptr(GPtrArray) entries = factures_store_list_purchase_register (self->store, self->year, NULL, error);
      g_autoptr(GFileOutputStream) stream = NULL;

      if (entries == NULL)
        return FALSE;
      stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
      return stream != NULL && factures_purchases_write_csv (entries, G_OUTPUT_STREAM (stream), error)
             && g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
    }
}

static void
chooser_response_cb (GtkNativeDialog         *chooser,
                     int                      response,
                     FacturesPurchasesWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  if (factures_purchases_window_export (self, file, self->chooser_pdf, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *text = g_strdup_printf (_("Purchases register exported to %s"), name);

      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
    }
  else
    factures_message_dialog_show (GTK_WINDOW (self), self->chooser_pdf ? _("The PDF file was not written")
                                                                       : _("The CSV file was not written"),
                                  error->message);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FacturesPurchasesWindow *self = FACTURES_PURCHASES_WINDOW (widget);
  gboolean pdf = g_strcmp0 (action_name, "purchases.export-pdf") == 0;
  g_autofree char *name = g_strdup_printf ("registre-des-achats-%u.%s", self->year, pdf ? "pdf" : "csv");
  GtkFileFilter *filter;

  if (self->chooser != NULL)
    return;
  self->chooser_pdf = pdf;
  self->chooser = gtk_file_chooser_native_new (_("Export the Purchases Register"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  factures_file_chooser_start_in_documents (self->chooser);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, pdf ? _("PDF file") : _("CSV file"));
  gtk_file_filter_add_mime_type (filter, pdf ? "application/pdf" : "text/csv");
  gtk_file_filter_add_suffix (filter, pdf ? "pdf" : "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
factures_purchases_window_dispose (GObject *object)
{
  FacturesPurchasesWindow *self = FACTURES_PURCHASES_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  G_OBJECT_CLASS (factures_purchases_window_parent_class)->dispose (object);
}

static void
factures_purchases_window_class_init (FacturesPurchasesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_purchases_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/facturx/factures-purchases-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesPurchasesWindow, title);
  gtk_widget_class_bind_template_child (widget_class, FacturesPurchasesWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, FacturesPurchasesWindow, heading);
  gtk_widget_class_bind_template_child (widget_class, FacturesPurchasesWindow, totals_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesPurchasesWindow, list);

  gtk_widget_class_install_action (widget_class, "purchases.show", "x", show_activated);
  gtk_widget_class_install_action (widget_class, "purchases.pay", "x", pay_activated);
  gtk_widget_class_install_action (widget_class, "purchases.cancel-payment", "x", cancel_activated);
  gtk_widget_class_install_action (widget_class, "purchases.cancel-entry", "x", cancel_activated);
  gtk_widget_class_install_action (widget_class, "purchases.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "purchases.export-pdf", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "purchases.export-csv", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "purchases.previous-year", NULL, previous_year_activated);
  gtk_widget_class_install_action (widget_class, "purchases.next-year", NULL, next_year_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "purchases.previous-year", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "purchases.next-year", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
factures_purchases_window_init (FacturesPurchasesWindow *self)
{
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));
  factures_today (&today);
  self->year = g_date_get_year (&today);
}

/**
 * factures_purchases_window_new:
 * (see factures-purchases-window.h)
 */
GtkWidget *
factures_purchases_window_new (GtkWindow     *parent,
                               FacturesStore *store)
{
  FacturesPurchasesWindow *self = g_object_new (FACTURES_TYPE_PURCHASES_WINDOW, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  /* A purchase imported, paid or typed while the window is open shows at once. */
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (fill), self);
  fill (self);
  return GTK_WIDGET (self);
}
