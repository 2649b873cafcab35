/* factures-ereporting-window.c — the e-reporting of a period, seen before it goes (issue 15 item 2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "factures-date.h"
#include "factures-ereporting.h"
#include "factures-ereporting-window.h"
#include "factures-file-chooser.h"
#include "factures-info-row.h"
#include "factures-money.h"
#include "factures-pa-sync.h"
#include "factures-store-einvoicing.h"

struct _FacturesEreportingWindow
{
  AdwWindow        parent_instance;

  FacturesStore   *store;
  GCancellable    *cancellable;
  GArray          *periods;      /* FacturesEreportingPeriod, newest first */
  FacturesEreport *report;       /* of the period shown, NULL when it could not be made */
  gboolean         busy;
  gboolean         filling;

  GtkWidget       *window_title;
  GtkWidget       *period_row;
  GtkWidget       *periodicity_row;
  GtkWidget       *due_row;
  GtkWidget       *invoices_group;
  GtkWidget       *invoices_list;
  GtkWidget       *invoice_payments_group;
  GtkWidget       *invoice_payments_list;
  GtkWidget       *days_group;
  GtkWidget       *days_list;
  GtkWidget       *day_payments_group;
  GtkWidget       *day_payments_list;
  GtkWidget       *history_label;
  GtkWidget       *status_label;
  GtkWidget       *spinner;
};

G_DEFINE_FINAL_TYPE (FacturesEreportingWindow, factures_ereporting_window, ADW_TYPE_WINDOW)

static void
set_status (FacturesEreportingWindow *self,
            const char               *text,
            gboolean                  error)
{
  gtk_label_set_text (GTK_LABEL (self->status_label), text != NULL ? text : "");
  gtk_widget_set_visible (self->status_label, text != NULL && *text);
  if (error)
    gtk_widget_add_css_class (self->status_label, "error");
  else
    gtk_widget_remove_css_class (self->status_label, "error");
}

static void
update_actions (FacturesEreportingWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ereporting.send", self->report != NULL && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ereporting.save", self->report != NULL && !self->busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), self->busy);
}

/* "1 234,56 €", or "800,00 GBP" in another currency. */
static char *
money_in (gint64      cents,
          const char *currency)
{
  g_autofree char *plain = NULL;

  if (currency == NULL || g_str_equal (currency, "EUR"))
    return factures_money_format (cents);
  plain = factures_money_format_plain (cents);
  return g_strdup_printf ("%s\u00a0%s", plain, currency);
}

static char *
paid_text (GArray *paid)
{
  GString *out = g_string_new (NULL);

  for (guint j = 0; j < paid->len; j++)
    {
      const FacturesEreportPaid *p = &g_array_index (paid, FacturesEreportPaid, j);
      g_autofree char *amount = money_in (p->amount, p->currency);

      if (out->len > 0)
        g_string_append (out, " + ");
      g_string_append (out, amount);
    }
  return g_string_free (out, FALSE);
}

static void
clear_list (GtkWidget *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
}

static void
add_row (GtkWidget  *list,
         const char *title,
         const char *subtitle,
         const char *value)
{
  GtkWidget *row = factures_info_row_new (title, subtitle, NULL);

  factures_info_row_set_value (FACTURES_INFO_ROW (row), value, FALSE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
}

static void
finish_group (GtkWidget  *group,
              GtkWidget  *list,
              guint       n,
              const char *description)
{
  gtk_widget_set_visible (list, n > 0);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         n > 0 ? description : _("Nothing for this period."));
}

static const char *
category_label (const char *category)
{
  if (g_str_equal (category, "TLB1"))
    return _("Sales of goods (TLB1)");
  return _("Services (TPS1)");
}

static void
show_report (FacturesEreportingWindow *self)
{
  const FacturesEreport *r = self->report;

  clear_list (self->invoices_list);
  clear_list (self->invoice_payments_list);
  clear_list (self->days_list);
  clear_list (self->day_payments_list);
  if (r == NULL)
    {
      finish_group (self->invoices_group, self->invoices_list, 0, NULL);
      finish_group (self->invoice_payments_group, self->invoice_payments_list, 0, NULL);
      finish_group (self->days_group, self->days_list, 0, NULL);
      finish_group (self->day_payments_group, self->day_payments_list, 0, NULL);
      return;
    }
  for (guint i = 0; i < r->invoices->len; i++)
    {
      const FacturesEreportInvoice *inv = g_ptr_array_index (r->invoices, i);
      g_autofree char *title = g_strdup_printf ("%s — %s (%s)", inv->number, inv->buyer_name,
                                                inv->buyer_country != NULL ? inv->buyer_country : "");
      g_autofree char *date = factures_date_format_fr (&inv->issue_date);
      g_autofree char *vat = money_in (inv->vat_total, inv->currency);
      g_autofree char *net = money_in (inv->net_total, inv->currency);
      g_autofree char *subtitle = NULL;

      subtitle = g_strdup_printf (inv->type_code == FACTURES_DOCUMENT_KIND_CREDIT_NOTE
                                  ? _("Credit note of %s · VAT %s")
                                  : _("Invoice of %s · VAT %s"), date, vat);
      add_row (self->invoices_list, title, subtitle, net);
    }
  finish_group (self->invoices_group, self->invoices_list, r->invoices->len,
                _("One by one; amounts excluding VAT, in the invoice’s currency."));

  for (guint i = 0; i < r->invoice_payments->len; i++)
    {
      const FacturesEreportInvoicePayment *p = g_ptr_array_index (r->invoice_payments, i);
      g_autofree char *date = factures_date_format_fr (&p->date);
      g_autofree char *subtitle = g_strdup_printf (_("Received on %s"), date);
      g_autofree char *amount = paid_text (p->paid);

      add_row (self->invoice_payments_list, p->number, subtitle, amount);
    }
  finish_group (self->invoice_payments_group, self->invoice_payments_list, r->invoice_payments->len,
                _("What came in, for services (to confirm for the franchise en base)."));

  for (guint i = 0; i < r->days->len; i++)
    {
      const FacturesEreportDay *day = g_ptr_array_index (r->days, i);
      g_autofree char *date = factures_date_format_fr (&day->date);
      g_autofree char *title = g_strdup_printf ("%s — %s", date, category_label (day->category));
      g_autofree char *vat = money_in (day->vat, day->currency);
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document · VAT %s",
                                                                "%u documents · VAT %s", day->count),
                                                   day->count, vat);
      g_autofree char *net = money_in (day->net, day->currency);

      add_row (self->days_list, title, subtitle, net);
    }
  finish_group (self->days_group, self->days_list, r->days->len,
                _("Added up per day, currency and category; amounts excluding VAT, credit notes deducted. "
                  "TPS1 rather than TNT1 for the franchise en base is to confirm."));

  for (guint i = 0; i < r->day_payments->len; i++)
    {
      const FacturesEreportDayPayment *p = g_ptr_array_index (r->day_payments, i);
      g_autofree char *date = factures_date_format_fr (&p->date);
      g_autofree char *amount = paid_text (p->paid);

      add_row (self->day_payments_list, date, _("Received for services"), amount);
    }
  finish_group (self->day_payments_group, self->day_payments_list, r->day_payments->len,
                _("Added up per day, for services (to confirm for the franchise en base)."));
}

static const FacturesEreportingPeriod *
selected_period (FacturesEreportingWindow *self)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->period_row));

  if (self->periods == NULL || i >= self->periods->len)
    return NULL;
  return &g_array_index (self->periods, FacturesEreportingPeriod, i);
}

static void
show_history (FacturesEreportingWindow *self,
              const FacturesEreportingPeriod *period)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  records = factures_store_ereporting_list_reports (self->store, &period->start, &error);
  if (records == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->history_label), error->message);
      return;
    }
  for (guint i = 0; i < records->len; i++)
    {
      const FacturesEreportingRecord *rec = g_ptr_array_index (records, i);
      g_autofree char *when = g_strndup (rec->made, 16);

      g_strdelimit (when, "T", ' ');
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (rec->flows_sent > 0 || rec->flows_failed > 0)
        g_string_append_printf (text, _("%s UTC (%s): %u blocks taken by the platform, %u refused or failed"),
                                when, g_str_equal (rec->type_code, "RE") ? _("correction") : _("initial"),
                                rec->flows_sent, rec->flows_failed);
      else
        g_string_append_printf (text, _("%s UTC (%s): made, not sent"), when,
                                g_str_equal (rec->type_code, "RE") ? _("correction") : _("initial"));
      if (rec->file != NULL)
        g_string_append_printf (text, _(" — file %s"), rec->file);
    }
  gtk_label_set_text (GTK_LABEL (self->history_label),
                      text->len > 0 ? text->str : _("Nothing was made or sent for this period yet."));
}

static void
refresh (FacturesEreportingWindow *self)
{
  const FacturesEreportingPeriod *period = selected_period (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;
  g_autofree char *label = NULL;

  g_clear_pointer (&self->report, factures_ereport_free);
  if (period == NULL)
    {
      show_report (self);
      update_actions (self);
      return;
    }
  label = factures_ereporting_period_label (period);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->window_title), label);
  due = factures_date_format_fr (&period->due);
  factures_info_row_set_value (FACTURES_INFO_ROW (self->due_row), due, FALSE);
  self->report = factures_ereport_build (self->store, period, NULL, &error);
  show_report (self);
  show_history (self, period);
  if (self->report == NULL)
    set_status (self, error->message, TRUE);
  else if (factures_ereport_is_empty (self->report))
    set_status (self, _("Nothing to report for this period: no sale to a private person or to a business "
                        "abroad, no payment of one."), FALSE);
  else if (g_str_equal (self->report->type_code, "RE"))
    set_status (self, _("This period was already sent: sending again sends a correction that replaces all "
                        "of its data."), FALSE);
  else
    set_status (self, NULL, FALSE);
  update_actions (self);
}

static void
fill_periods (FacturesEreportingWindow *self,
              const GDate              *keep)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  FacturesEreportingPeriodicity periodicity = FACTURES_EREPORTING_BIMONTHLY;
  FacturesEreportingPeriod period, last;
  GDate today, first;
  guint selected = 0;

  factures_store_get_ereporting_periodicity (self->store, &periodicity, NULL);
  self->filling = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->periodicity_row), (guint) periodicity);
  g_array_set_size (self->periods, 0);
  factures_today (&today);
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, FACTURES_EREPORTING_FIRST_MONTH, FACTURES_EREPORTING_FIRST_YEAR);
  factures_ereporting_period_containing (periodicity, g_date_compare (&today, &first) > 0 ? &today : &first, &last);
  factures_ereporting_period_containing (periodicity, &first, &period);
  for (;;)
    {
      g_array_prepend_val (self->periods, period);
      if (g_date_compare (&period.start, &last.start) >= 0)
        break;
      factures_ereporting_period_next (&period, &period);
    }
  for (guint i = 0; i < self->periods->len; i++)
    {
      const FacturesEreportingPeriod *p = &g_array_index (self->periods, FacturesEreportingPeriod, i);
      g_autofree char *label = factures_ereporting_period_label (p);

      gtk_string_list_append (labels, label);
      if (keep != NULL && g_date_compare (&p->start, keep) <= 0 && g_date_compare (keep, &p->end) <= 0)
        selected = i;
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->period_row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->period_row), selected);
  self->filling = FALSE;
  refresh (self);
}

static void
on_period_selected (FacturesEreportingWindow *self)
{
  if (!self->filling)
    refresh (self);
}

static void
on_periodicity_selected (FacturesEreportingWindow *self)
{
  g_autoptr(GError) error = NULL;
  const FacturesEreportingPeriod *period;
  GDate keep;

  if (self->filling)
    return;
  period = selected_period (self);
  g_date_clear (&keep, 1);
  if (period != NULL)
    keep = period->start;
  if (!factures_store_set_ereporting_periodicity (self->store,
                                                  (FacturesEreportingPeriodicity) adw_combo_row_get_selected (ADW_COMBO_ROW (self->periodicity_row)),
                                                  &error))
    {
      set_status (self, error->message, TRUE);
      return;
    }
  fill_periods (self, g_date_valid (&keep) ? &keep : NULL);
}

gboolean
factures_ereporting_window_select_period (FacturesEreportingWindow *self,
                                          const GDate              *start)
{
  g_return_val_if_fail (FACTURES_IS_EREPORTING_WINDOW (self), FALSE);
  for (guint i = 0; i < self->periods->len; i++)
    if (g_date_compare (&g_array_index (self->periods, FacturesEreportingPeriod, i).start, start) == 0)
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (self->period_row), i);
        return TRUE;
      }
  return FALSE;
}

/* ---- writing and recording ---- */

static gboolean
write_file (FacturesStore *store,
            const char    *path,
            GBytes        *xml,
            GError       **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  gsize size = 0;
  const char *data = g_bytes_get_data (xml, &size);

  if (!factures_store_check_destination (factures_store_get_path (store), path, NULL, error))
    return FALSE;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), _("Cannot create the folder “%s”."), folder);
      return FALSE;
    }
  return g_file_set_contents (path, data, (gssize) size, error);
}

static void
on_save_response (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  FacturesEreportingWindow *self = FACTURES_EREPORTING_WINDOW (user_data);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GError) error = NULL;
  const FacturesEreportingPeriod *period = selected_period (self);

  if (response != GTK_RESPONSE_ACCEPT || self->report == NULL || period == NULL)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    return;
  xml = factures_ereport_to_xml (self->report, FACTURES_EREPORT_BLOCK_ALL);
  if (!write_file (self->store, path, xml, &error) || factures_ereport_record (self->store, self->report, xml, path, &error) == 0)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot write “%s”: %s"), path, error->message);

      set_status (self, message, TRUE);
      return;
    }
  {
    g_autofree char *message = g_strdup_printf (_("Saved to %s. It can be uploaded on the site of your plateforme "
                                                  "agréée."), path);

    refresh (self);
    set_status (self, message, FALSE);
  }
}

static void
save_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  FacturesEreportingWindow *self = FACTURES_EREPORTING_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;

  if (self->report == NULL)
    return;
  key = factures_ereporting_period_key (&self->report->period);
  name = g_strdup_printf ("ereporting-%s.xml", key);
  chooser = gtk_file_chooser_native_new (_("Save the E-reporting File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  factures_file_chooser_start_in_documents (chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response), self, 0);
  /* the chooser frees itself once answered */
  g_signal_connect (chooser, "response", G_CALLBACK (g_object_unref), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- sending, in a worker thread on its own connection ---- */

typedef struct {
  char            *path;
  FacturesEreport *report;
  gint64           report_id;
  char            *file;
  guint            sent;
} SendData;

static void
send_data_free (SendData *d)
{
  g_free (d->path);
  factures_ereport_free (d->report);
  g_free (d->file);
  g_free (d);
}

static void
send_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SendData *d = task_data;
  g_autoptr(FacturesStore) store = NULL;
  g_autoptr(FacturesPaClient) client = NULL;
  GError *error = NULL;

  store = factures_store_open (d->path, &error);
  if (store == NULL || (client = factures_pa_open_client (store, &error)) == NULL
      || !factures_ereport_send (store, client, d->report, d->report_id, NULL, NULL, &d->sent, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  FacturesEreportingWindow *self = FACTURES_EREPORTING_WINDOW (source);
  SendData *d = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  self->busy = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    message = g_strdup_printf (_("Not wholly sent (%u blocks went): %s The file %s was written: it can be "
                                 "uploaded on the platform’s site."), d->sent, error->message, d->file);
  else
    message = g_strdup_printf (_("Sent: the plateforme agréée took the %u blocks. Whether every platform takes "
                                 "e-reporting files this way is to confirm, so the file was also written to %s: "
                                 "it can be uploaded on the platform’s site."), d->sent, d->file);
  /* the send wrote through its own connection */
  factures_store_pa_notify_synced (self->store);
  refresh (self);
  set_status (self, message, error != NULL);
}

static void
send_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  FacturesEreportingWindow *self = FACTURES_EREPORTING_WINDOW (widget);
  const FacturesEreportingPeriod *period = selected_period (self);
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GError) error = NULL;
  SendData *d;
  GTask *task;
  GDate today;

  if (self->report == NULL || period == NULL || self->busy)
    return;
  factures_today (&today);
  if (g_date_compare (&today, &period->end) <= 0)
    {
      set_status (self, _("This period is not over: it is sent once it has ended, by the date shown."), TRUE);
      return;
    }
  if (factures_ereport_is_empty (self->report))
    {
      set_status (self, _("Nothing was sent: the period holds no sale to report (whether an empty report is due is "
                          "to confirm)."), FALSE);
      return;
    }
  d = g_new0 (SendData, 1);
  d->path = g_strdup (factures_store_get_path (self->store));
  d->file = factures_ereport_default_file (self->report);
  xml = factures_ereport_to_xml (self->report, FACTURES_EREPORT_BLOCK_ALL);
  if (!write_file (self->store, d->file, xml, &error)
      || (d->report_id = factures_ereport_record (self->store, self->report, xml, d->file, &error)) == 0)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot write “%s”: %s"), d->file, error->message);

      set_status (self, message, TRUE);
      send_data_free (d);
      return;
    }
  d->report = g_steal_pointer (&self->report);
  task = g_task_new (self, self->cancellable, on_sent, NULL);
  g_task_set_task_data (task, d, (GDestroyNotify) send_data_free);
  self->busy = TRUE;
  update_actions (self);
  set_status (self, _("Sending…"), FALSE);
  g_task_run_in_thread (task, send_thread);
  g_object_unref (task);
}

/* ---- life ---- */

static void
factures_ereporting_window_dispose (GObject *object)
{
  FacturesEreportingWindow *self = FACTURES_EREPORTING_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_EREPORTING_WINDOW);
  G_OBJECT_CLASS (factures_ereporting_window_parent_class)->dispose (object);
}

static void
factures_ereporting_window_finalize (GObject *object)
{
  FacturesEreportingWindow *self = FACTURES_EREPORTING_WINDOW (object);

  g_clear_pointer (&self->report, factures_ereport_free);
  g_clear_pointer (&self->periods, g_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (factures_ereporting_window_parent_class)->finalize (object);
}

static void
factures_ereporting_window_class_init (FacturesEreportingWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_ereporting_window_dispose;
  object_class->finalize = factures_ereporting_window_finalize;
  g_type_ensure (FACTURES_TYPE_INFO_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/einvoicing/factures-ereporting-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesEreportingWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FacturesEreportingWindow, period_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEreportingWindow, periodicity_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEreportingWindow, due_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEreportingWindow, invoices_group);
  gtk_widget_class_bind_template_child (widget_class, FacturesEreportingWindow, invoices_list);
  gtk_widget_class_bind_template_child (widget_class, FacturesEreportingWindow, invoice_payments_group);
  gtk_widget_class_bind_template_child (widget_class, FacturesEreportingWindow, invoice_payments_list);
  gtk_widget_class_bind_template_child (widget_class, FacturesEreportingWindow, days_group);
  gtk_widget_class_bind_template_child (widget_class, FacturesEreportingWindow, days_list);
  gtk_widget_class_bind_template_child (widget_class, FacturesEreportingWindow, day_payments_group);
  gtk_widget_class_bind_template_child (widget_class, FacturesEreportingWindow, day_payments_list);
  gtk_widget_class_bind_template_child (widget_class, FacturesEreportingWindow, history_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesEreportingWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesEreportingWindow, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_period_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_periodicity_selected);
  gtk_widget_class_install_action (widget_class, "ereporting.send", NULL, send_activated);
  gtk_widget_class_install_action (widget_class, "ereporting.save", NULL, save_activated);
}

static void
factures_ereporting_window_init (FacturesEreportingWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->periods = g_array_new (FALSE, TRUE, sizeof (FacturesEreportingPeriod));
}

GtkWidget *
factures_ereporting_window_new (FacturesStore *store,
                                GtkWindow     *parent)
{
  FacturesEreportingWindow *self = g_object_new (FACTURES_TYPE_EREPORTING_WINDOW, NULL);

  self->store = g_object_ref (store);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  fill_periods (self, NULL);
  return GTK_WIDGET (self);
}
