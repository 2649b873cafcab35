/* factures-register-window.c — the livre des recettes window (LEGAL.md §6, DESIGN.md §1)
 *
 * The template (factures-register-window.ui) holds a header bar with the year (previous / next,
 * Alt+← / Alt+→), "Export CSV…" (Ctrl+E) and "Export PDF…" (Ctrl+P: the printable register,
 * issue 17 item 6), then either an empty state or the year's totals
 * (year, cash, each quarter with its three months: what is declared to URSSAF) followed by one
 * group per month holding receipts (FacturesRegisterRow), each with its total.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-cli-registers.h"
#include "factures-file-chooser.h"
#include "factures-message-dialog.h"
#include "factures-register-group.h"
#include "factures-register-row.h"
#include "factures-register-window.h"
#include "factures-store-integrity.h"
#include "factures-store-receipts.h"

struct _FacturesRegisterWindow
{
  AdwWindow             parent_instance;

  FacturesStore        *store;
  gulong                changed_id;
  guint                 year;
  guint                 n_entries;

  AdwWindowTitle       *title;
  AdwToastOverlay      *toasts;
  GtkStack             *stack;
  AdwStatusPage        *empty;
  GtkBox               *groups;
  GtkFileChooserNative *chooser;
  gboolean              chooser_pdf;   /* the chooser open is "Export PDF…" */
};

G_DEFINE_FINAL_TYPE (FacturesRegisterWindow, factures_register_window, ADW_TYPE_WINDOW)

static void
year_bounds (guint year, GDate *from, GDate *to)
{
  g_date_clear (from, 1);
  g_date_clear (to, 1);
  g_date_set_dmy (from, 1, G_DATE_JANUARY, (GDateYear) year);
  g_date_set_dmy (to, 31, G_DATE_DECEMBER, (GDateYear) year);
}

/* "janvier 2026" → "janvier": the quarter rows name their months without the year. */
static char *
without_year (const char *label)
{
  const char *space = strrchr (label, ' ');

  return space != NULL ? g_strndup (label, space - label) : g_strdup (label);
}

static GtkWidget *
totals_group (FacturesRegisterWindow *self, GPtrArray *receipts, const GDate *from, const GDate *to)
{
  g_autoptr(GArray) months = factures_receipts_totals (receipts, from, to, FACTURES_RECEIPT_PERIOD_MONTH);
  g_autoptr(GArray) quarters = factures_receipts_totals (receipts, from, to, FACTURES_RECEIPT_PERIOD_QUARTER);
  g_autoptr(GArray) years = factures_receipts_totals (receipts, from, to, FACTURES_RECEIPT_PERIOD_YEAR);
  const FacturesReceiptTotal *year = &g_array_index (years, FacturesReceiptTotal, 0);
  g_autofree char *title = g_strdup_printf (_("Totals of %u"), self->year);
  g_autofree char *n_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u receipt", "%u receipts",
                                                          year->n_entries), year->n_entries);
  g_autoptr(FacturesProfile) profile = factures_store_get_profile (self->store, NULL);
  /* A seller who charges VAT declares the receipts without it: the register's totals include it. */
  gboolean with_vat = profile != NULL && profile->vat_regime == FACTURES_VAT_REGIME_REGISTERED;
  GtkWidget *group = factures_register_group_new (title,
                                                  with_vat
                                                  ? _("Cash received, by the day it came in, VAT included. URSSAF "
                                                      "is declared without VAT: the declaration removes it.")
                                                  : _("Cash received, by the day it came in: the figure to declare "
                                                      "to URSSAF each month or each quarter, even when it is zero."),
                                                  NULL);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             factures_register_row_new_total (_("Received in the year"), n_text, year->total, TRUE));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), factures_register_row_new_total (_("Of which cash"), NULL, year->cash, FALSE));
  for (guint q = 0; q < quarters->len; q++)
    {
      const FacturesReceiptTotal *quarter = &g_array_index (quarters, FacturesReceiptTotal, q);
      g_autofree char *label = factures_receipt_total_label (quarter, FACTURES_RECEIPT_PERIOD_QUARTER);
      g_autoptr(GString) detail = g_string_new (NULL);

      for (guint m = 0; m < months->len; m++)
        {
          const FacturesReceiptTotal *month = &g_array_index (months, FacturesReceiptTotal, m);
          g_autofree char *month_label = NULL;
          g_autofree char *name = NULL;
          g_autofree char *amount = NULL;

          if ((month->index - 1) / 3 + 1 != quarter->index)
            continue;
          month_label = factures_receipt_total_label (month, FACTURES_RECEIPT_PERIOD_MONTH);
          name = without_year (month_label);
          amount = factures_money_format (month->total);
          g_string_append_printf (detail, "%s%s %s", detail->len > 0 ? " · " : "", name, amount);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), factures_register_row_new_total (label, detail->str, quarter->total, FALSE));
    }
  return group;
}

static GtkWidget *
entry_row (const FacturesReceipt *r)
{
  g_autofree char *title = g_strdup_printf (_("%s — %s"), r->invoices != NULL ? r->invoices : "?",
                                            r->client != NULL ? r->client : "?");
  g_autofree char *date = factures_date_format_fr (&r->date);
  g_autoptr(GString) subtitle = g_string_new (date);

  g_string_append_printf (subtitle, " · %s · %s", r->nature, factures_payment_method_label (r->method));
  if (r->reference != NULL)
    g_string_append_printf (subtitle, " %s", r->reference);
  if (r->source == FACTURES_RECEIPT_IMPORTED)
    g_string_append_printf (subtitle, " · %s", _("imported invoice"));
  if (r->reversal)
    {
      /* A cancelled payment (issue 10): its reversal, negative, on the day it was cancelled. */
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("cancellation of the payment: %s"), r->reason != NULL ? r->reason : "");
    }
  return factures_register_row_new_receipt (title, subtitle->str, r->amount,
                                            r->method == FACTURES_PAYMENT_METHOD_CASH, r->reversal);
}

static void
refresh (FacturesRegisterWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) receipts = NULL;
  g_autoptr(GArray) months = NULL;
  g_autofree char *subtitle = g_strdup_printf ("%u", self->year);
  GtkWidget *child;
  GDate from, to, today;

  factures_today (&today);
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.previous-year", self->year > FACTURES_YEAR_FIRST);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.next-year", self->year < g_date_get_year (&today));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups))) != NULL)
    gtk_box_remove (self->groups, child);

  year_bounds (self->year, &from, &to);
  receipts = factures_store_list_receipts (self->store, &from, &to, &error);
  if (receipts == NULL)
    {
      adw_status_page_set_icon_name (self->empty, "dialog-error-symbolic");
      adw_status_page_set_title (self->empty, _("The register cannot be read"));
      adw_status_page_set_description (self->empty, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.export", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.export-pdf", FALSE);
      self->n_entries = 0;
      return;
    }
  self->n_entries = receipts->len;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.export", receipts->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.export-pdf", receipts->len > 0);
  if (receipts->len == 0)
    {
      g_autofree char *title = g_strdup_printf (_("Nothing received in %u"), self->year);

      adw_status_page_set_icon_name (self->empty, "x-office-spreadsheet-symbolic");
      adw_status_page_set_title (self->empty, title);
      adw_status_page_set_description (self->empty,
                                       _("Payments recorded for your invoices, and imported sales marked as paid, "
                                         "appear here on the day the money came in."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "register");
  gtk_box_append (self->groups, totals_group (self, receipts, &from, &to));

  months = factures_receipts_totals (receipts, &from, &to, FACTURES_RECEIPT_PERIOD_MONTH);
  for (guint m = 0; m < months->len; m++)
    {
      const FacturesReceiptTotal *month = &g_array_index (months, FacturesReceiptTotal, m);
      g_autofree char *label = NULL;
      g_autofree char *amount = NULL;
      g_autofree char *total_text = NULL;
      g_autofree char *description = NULL;
      GtkWidget *group;

      if (month->n_entries == 0)
        continue;
      label = factures_receipt_total_label (month, FACTURES_RECEIPT_PERIOD_MONTH);
      amount = factures_money_format (month->total);
      /* Translators: the total of a month in the receipts register: "Total: 1 590,00 €" */
      total_text = g_strdup_printf (_("Total: %s"), amount);
      if (month->cash > 0)
        {
          g_autofree char *cash = factures_money_format (month->cash);

          description = g_strdup_printf (_("Of which cash: %s"), cash);
        }
      group = factures_register_group_new (label, description, total_text);
      for (guint i = 0; i < receipts->len; i++)
        {
          const FacturesReceipt *r = g_ptr_array_index (receipts, i);

          if (g_date_get_month (&r->date) == month->index && g_date_get_year (&r->date) == month->year)
            adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), entry_row (r));
        }
      gtk_box_append (self->groups, group);
    }
}

/**
 * factures_register_window_set_year:
 * (see factures-register-window.h)
 */
void
factures_register_window_set_year (FacturesRegisterWindow *self,
                                   guint                   year)
{
  g_return_if_fail (FACTURES_IS_REGISTER_WINDOW (self));
  g_return_if_fail (year >= FACTURES_YEAR_FIRST && year <= 9999);

  self->year = year;
  refresh (self);
}

/**
 * factures_register_window_get_year:
 * (see factures-register-window.h)
 */
guint
factures_register_window_get_year (FacturesRegisterWindow *self)
{
  g_return_val_if_fail (FACTURES_IS_REGISTER_WINDOW (self), 0);
  return self->year;
}

static void
previous_year_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  FacturesRegisterWindow *self = FACTURES_REGISTER_WINDOW (widget);

  if (self->year > FACTURES_YEAR_FIRST)
    factures_register_window_set_year (self, self->year - 1);
}

static void
next_year_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FacturesRegisterWindow *self = FACTURES_REGISTER_WINDOW (widget);
  GDate today;

  factures_today (&today);
  if (self->year < g_date_get_year (&today))
    factures_register_window_set_year (self, self->year + 1);
}

/**
 * factures_register_window_export:
 * (see factures-register-window.h)
 */
gboolean
factures_register_window_export (FacturesRegisterWindow  *self,
                                 GFile                   *file,
                                 GError                 **error)
{
  g_autoptr(GPtrArray) receipts = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  GDate from, to;

  g_return_val_if_fail (FACTURES_IS_REGISTER_WINDOW (self), FALSE);

  year_bounds (self->year, &from, &to);
  receipts = factures_store_list_receipts (self->store, &from, &to, error);
  if (receipts == NULL)
    return FALSE;
  if (!factures_store_check_file (self->store, file, error))
    return FALSE;
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (stream == NULL)
    return FALSE;
  /* …with the chain head on its last line: the witness of factures --verify --against. */
  if (!factures_store_write_receipts_csv (self->store, receipts, G_OUTPUT_STREAM (stream), error))
    return FALSE;
  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

/**
 * factures_register_window_export_pdf:
 * (see factures-register-window.h)
 */
gboolean
factures_register_window_export_pdf (FacturesRegisterWindow  *self,
                                     GFile                   *file,
                                     GError                 **error)
{
  g_autoptr(GBytes) pdf = NULL;

  g_return_val_if_fail (FACTURES_IS_REGISTER_WINDOW (self), FALSE);

  if (!factures_store_check_file (self->store, file, error))
    return FALSE;
  pdf = factures_registers_receipts_pdf (self->store, self->year, NULL, error);
  if (pdf == NULL)
    return FALSE;
  return g_file_replace_contents (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}

static void
chooser_response_cb (GtkNativeDialog        *chooser,
                     int                     response,
                     FacturesRegisterWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  if (self->chooser_pdf ? factures_register_window_export_pdf (self, file, &error)
                         : factures_register_window_export (self, file, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *text = g_strdup_printf (_("Receipts register exported to %s"), name);

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
  FacturesRegisterWindow *self = FACTURES_REGISTER_WINDOW (widget);
  gboolean pdf = g_strcmp0 (action_name, "register.export-pdf") == 0;
  g_autofree char *name = g_strdup_printf ("livre-des-recettes-%u.%s", self->year, pdf ? "pdf" : "csv");
  GtkFileFilter *filter;

  if (self->chooser != NULL)
    return;
  self->chooser_pdf = pdf;
  filter = gtk_file_filter_new ();
  self->chooser = gtk_file_chooser_native_new (_("Export the Receipts Register"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  factures_file_chooser_start_in_documents (self->chooser);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
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
factures_register_window_dispose (GObject *object)
{
  FacturesRegisterWindow *self = FACTURES_REGISTER_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (factures_register_window_parent_class)->dispose (object);
}

static void
factures_register_window_class_init (FacturesRegisterWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_register_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/register/factures-register-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesRegisterWindow, title);
  gtk_widget_class_bind_template_child (widget_class, FacturesRegisterWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, FacturesRegisterWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, FacturesRegisterWindow, empty);
  gtk_widget_class_bind_template_child (widget_class, FacturesRegisterWindow, groups);

  gtk_widget_class_install_action (widget_class, "register.previous-year", NULL, previous_year_activated);
  gtk_widget_class_install_action (widget_class, "register.next-year", NULL, next_year_activated);
  gtk_widget_class_install_action (widget_class, "register.export", NULL, export_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "register.previous-year", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "register.next-year", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "register.export", NULL);
  gtk_widget_class_install_action (widget_class, "register.export-pdf", NULL, export_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "register.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
factures_register_window_init (FacturesRegisterWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * factures_register_window_new:
 * (see factures-register-window.h)
 *
 * Returns: (transfer none): the window, not yet presented
 */
GtkWindow *
factures_register_window_new (GtkWindow     *parent,
                              FacturesStore *store)
{
  FacturesRegisterWindow *self;
  GDate today;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_REGISTER_WINDOW, NULL);
  self->store = g_object_ref (store);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  factures_today (&today);
  self->year = g_date_get_year (&today);
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (refresh), self);
  refresh (self);
  return GTK_WINDOW (self);
}

static void
receipts_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  FacturesStore *store = user_data;
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());
  GtkWindow *parent = app != NULL ? gtk_application_get_active_window (app) : NULL;

  gtk_window_present (factures_register_window_new (parent, store));
}

/**
 * factures_register_install_actions:
 * (see factures-register-window.h)
 */
void
factures_register_install_actions (GtkApplication *application,
                                   FacturesStore  *store)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new ("receipts", NULL);

  g_signal_connect_data (action, "activate", G_CALLBACK (receipts_activated), g_object_ref (store),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_action_map_add_action (G_ACTION_MAP (application), G_ACTION (action));
}
