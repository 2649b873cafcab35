/* factures-bank-page.c — the Banque view (see factures-bank-page.h)
 *
 * The import runs in a thread on its own connection to the database (SQLite in WAL mode: the
 * window keeps reading meanwhile), in one transaction: Cancel rolls everything back. The
 * window's store is then told "changed" so that every view refreshes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-bank-amount-dialog.h"
#include "factures-bank-import.h"
#include "factures-bank-import-dialog.h"
#include "factures-bank-match.h"
#include "factures-bank-page.h"
#include "factures-bank-row.h"
#include "factures-file-chooser.h"
#include "factures-message-dialog.h"

/* Rows shown at most (a statement of thousands of movements keeps the page quick). */
#define MAX_ROWS 300

struct _FacturesBankPage
{
  GtkBox         parent_instance;

  FacturesStore *store;
  gulong         changed_id;
  guint          refresh_id;
  gboolean       stale;            /* the store changed while the page was hidden */
  GPtrArray     *pending;          /* FacturesBankMatch*, as listed */
  char          *last_account;     /* the account of the last CSV import */

  /* the import running */
  GCancellable  *cancellable;
  gint           progress_permille; /* written by the thread (atomic) */
  guint          progress_id;
  char          *warnings;

  GtkWidget     *progress_revealer;
  GtkWidget     *progress_label;
  GtkWidget     *progress_bar;
  GtkWidget     *stack;
  GtkWidget     *summary_label;
  GtkWidget     *confirm_sure_button;
  GtkWidget     *warnings_label;
  GtkWidget     *list;
  GtkWidget     *more_label;
};

G_DEFINE_FINAL_TYPE (FacturesBankPage, factures_bank_page, GTK_TYPE_BOX)

static GtkWindow *
page_window (FacturesBankPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
toast (FacturesBankPage *self,
       AdwToast         *t)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), t);
  else
    g_object_unref (g_object_ref_sink (t));
}

static void
show_error (FacturesBankPage *self,
            const char       *heading,
            const char       *message)
{
  factures_message_dialog_show (page_window (self), heading, message);
}

/* ---- the list ---- */

static guint
count_sure (FacturesBankPage *self)
{
  guint n = 0;

  for (guint i = 0; self->pending != NULL && i < self->pending->len; i++)
    {
      const FacturesBankMatch *m = g_ptr_array_index (self->pending, i);

      if (m->best != NULL && m->best->confidence == FACTURES_BANK_CONFIDENCE_SURE)
        n++;
    }
  return n;
}

static void
refresh (FacturesBankPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;
  guint n_sure, shown;

  pending = factures_bank_match_pending (self->store, &error);
  if (pending == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  self->pending = g_steal_pointer (&pending);

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  shown = MIN (self->pending->len, MAX_ROWS);
  for (guint i = 0; i < shown; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), factures_bank_row_new (g_ptr_array_index (self->pending, i)));
  if (self->pending->len > shown)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more movement: confirm or set aside "
                                                            "these first.", "And %u more movements: confirm or set "
                                                            "aside these first.", self->pending->len - shown),
                                               self->pending->len - shown);

      gtk_label_set_label (GTK_LABEL (self->more_label), more);
    }
  gtk_widget_set_visible (self->more_label, self->pending->len > shown);

  n_sure = count_sure (self);
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u bank movement to match", "%u bank movements to match",
                                          self->pending->len), self->pending->len);
  gtk_label_set_label (GTK_LABEL (self->summary_label), summary);
  {
    g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Confirm _%u Sure Match",
                                                           "Confirm All _%u Sure Matches", n_sure), n_sure);

    gtk_button_set_label (GTK_BUTTON (self->confirm_sure_button), label);
  }
  gtk_widget_set_visible (self->confirm_sure_button, n_sure > 0);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), self->pending->len > 0 ? "list" : "empty");
}

static gboolean
refresh_idle (gpointer user_data)
{
  FacturesBankPage *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Several changes in a row (confirming all sure matches) refresh once; a hidden page waits to
 * be shown (matching thousands of movements is not done for every edit elsewhere). */
static void
on_store_changed (FacturesBankPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

static void
on_map (FacturesBankPage *self)
{
  if (self->stale)
    {
      self->stale = FALSE;
      refresh (self);
    }
}

static FacturesBankMatch *
find (GPtrArray *pending,
      gint64     id)
{
  for (guint i = 0; pending != NULL && i < pending->len; i++)
    {
      FacturesBankMatch *m = g_ptr_array_index (pending, i);

      if (m->entry->id == id)
        return m;
    }
  return NULL;
}

/* ---- undo ---- */

typedef struct {
  GWeakRef  page;
  GArray   *ids;     /* gint64: the movements to undo */
} Undo;

static void
undo_free (gpointer data,
           GClosure *closure)
{
  Undo *undo = data;

  g_weak_ref_clear (&undo->page);
  g_array_unref (undo->ids);
  g_free (undo);
}

static void
on_undo (AdwToast *t,
         Undo     *undo)
{
  g_autoptr(FacturesBankPage) self = g_weak_ref_get (&undo->page);
  GDate today;

  if (self == NULL)
    return;
  factures_today (&today);
  for (guint i = 0; i < undo->ids->len; i++)
    {
      g_autoptr(GError) error = NULL;

      /* the reversing entry of the payment (migration 0008): the register keeps both lines */
      if (!factures_store_bank_undo (self->store, g_array_index (undo->ids, gint64, i), &today, NULL, &error))
        {
          show_error (self, _("The Match Was Not Undone"), error->message);
          return;
        }
    }
  toast (self, adw_toast_new (undo->ids->len == 1 ? _("Undone: the payment is cancelled by a reversing entry")
                                                  : _("Undone: the payments are cancelled by reversing entries")));
}

static void
toast_with_undo (FacturesBankPage *self,
                 const char       *title,
                 GArray           *ids)
{
  AdwToast *t = adw_toast_new (title);
  Undo *undo = g_new0 (Undo, 1);

  g_weak_ref_init (&undo->page, self);
  undo->ids = g_array_ref (ids);
  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_timeout (t, 10);
  /* shown at once, even over the import's own toast: Undo must be at hand */
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (t, "button-clicked", G_CALLBACK (on_undo), undo, undo_free, 0);
  toast (self, t);
}

/* ---- confirming ---- */

static gboolean
confirm_one (FacturesBankPage        *self,
             const FacturesBankMatch *m,
             GString                 *warnings,
             GError                 **error)
{
  g_autoptr(GPtrArray) payment_warnings = NULL;

  if (!factures_bank_confirm (self->store, m->entry, m->best, &payment_warnings, error))
    return FALSE;
  for (guint i = 0; payment_warnings != NULL && i < payment_warnings->len; i++)
    g_string_append_printf (warnings, "%s%s", warnings->len > 0 ? "\n" : "",
                            (const char *) g_ptr_array_index (payment_warnings, i));
  return TRUE;
}

/* Issue 13 item 4: a credit paying an invoice in another currency; the amount it pays in that
 * currency is asked (the balance proposed), the credit is the payment's EUR amount. */
typedef struct {
  GWeakRef   page;
  GPtrArray *pending;             /* keeps @m alive */
  FacturesBankMatch *m;
} ForeignConfirm;

static void
foreign_confirm_free (gpointer  data,
                      GClosure *closure)
{
  ForeignConfirm *fc = data;

  g_weak_ref_clear (&fc->page);
  g_ptr_array_unref (fc->pending);
  g_free (fc);
}

static void
foreign_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  ForeignConfirm *fc = user_data;
  g_autoptr(FacturesBankPage) self = g_weak_ref_get (&fc->page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) payment_warnings = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *title = NULL;
  gint64 amount = 0;

  if (self == NULL || g_strcmp0 (response, "confirm") != 0)
    return;
  if (!factures_bank_amount_dialog_get_amount (FACTURES_BANK_AMOUNT_DIALOG (dialog), &amount, &error) ||
      !factures_bank_confirm_in_currency (self->store, fc->m->entry, fc->m->best, amount, &payment_warnings, &error))
    {
      show_error (self, _("The Payment Was Not Recorded"), error->message);
      return;
    }
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (ids, fc->m->entry->id);
  title = g_strdup_printf (_("Payment of %s recorded"), fc->m->best->numbers);
  toast_with_undo (self, title, ids);
  if (payment_warnings != NULL && payment_warnings->len > 0)
    {
      g_ptr_array_add (payment_warnings, NULL);
      {
        g_autofree char *text = g_strjoinv ("\n", (char **) payment_warnings->pdata);

        show_error (self, _("Payment Recorded, With a Warning"), text);
      }
    }
}

static void
confirm_foreign (FacturesBankPage  *self,
                 GPtrArray         *pending,
                 FacturesBankMatch *m)
{
  ForeignConfirm *fc = g_new0 (ForeignConfirm, 1);
  GtkWidget *dialog;

  g_weak_ref_init (&fc->page, self);
  fc->pending = g_ptr_array_ref (pending);
  fc->m = m;
  dialog = factures_bank_amount_dialog_new (page_window (self), m->best->numbers, m->best->currency,
                                            m->best->amount, m->best->eur_amount);
  g_signal_connect_data (dialog, "response", G_CALLBACK (foreign_response_cb), fc,
                         foreign_confirm_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FacturesBankPage *self = FACTURES_BANK_PAGE (widget);
  /* the list may be refreshed while confirming: keep this one */
  g_autoptr(GPtrArray) pending = self->pending != NULL ? g_ptr_array_ref (self->pending) : NULL;
  FacturesBankMatch *m = find (pending, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) warnings = g_string_new (NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *title = NULL;

  if (m == NULL || m->best == NULL)
    return;
  if (m->best->eur_amount > 0)
    {
      confirm_foreign (self, pending, m);
      return;
    }
  if (!confirm_one (self, m, warnings, &error))
    {
      show_error (self, _("The Payment Was Not Recorded"), error->message);
      return;
    }
  g_array_append_val (ids, m->entry->id);
  title = g_strdup_printf (m->best->refund ? _("Refund of %s recorded") : _("Payment of %s recorded"), m->best->numbers);
  toast_with_undo (self, title, ids);
  if (warnings->len > 0)
    show_error (self, _("Payment Recorded, With a Warning"), warnings->str);
}

static void
confirm_sure_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FacturesBankPage *self = FACTURES_BANK_PAGE (widget);
  g_autoptr(GPtrArray) pending = self->pending != NULL ? g_ptr_array_ref (self->pending) : NULL;
  g_autoptr(GHashTable) documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) warnings = g_string_new (NULL);
  g_autofree char *title = NULL;

  for (guint i = 0; pending != NULL && i < pending->len; i++)
    {
      const FacturesBankMatch *m = g_ptr_array_index (pending, i);
      g_autoptr(GError) error = NULL;
      gboolean clash = FALSE;

      if (m->best == NULL || m->best->confidence != FACTURES_BANK_CONFIDENCE_SURE)
        continue;
      /* two movements paying the same invoice: the second is left for the user */
      for (guint a = 0; a < m->best->allocations->len && !clash; a++)
        clash = g_hash_table_contains (documents, &g_array_index (m->best->allocations, FacturesAllocation, a).document_id);
      if (clash)
        continue;
      if (!confirm_one (self, m, warnings, &error))
        {
          g_string_append_printf (warnings, "%s%s", warnings->len > 0 ? "\n" : "", error->message);
          continue;
        }
      for (guint a = 0; a < m->best->allocations->len; a++)
        g_hash_table_add (documents, g_memdup2 (&g_array_index (m->best->allocations, FacturesAllocation, a).document_id,
                                                sizeof (gint64)));
      g_array_append_val (ids, m->entry->id);
    }
  if (ids->len > 0)
    {
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u payment recorded", "%u payments recorded", ids->len),
                               ids->len);
      toast_with_undo (self, title, ids);
    }
  if (warnings->len > 0)
    show_error (self, _("Some Matches Need a Look"), warnings->str);
}

static void
dismiss_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FacturesBankPage *self = FACTURES_BANK_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id = g_variant_get_int64 (parameter);

  if (!factures_store_bank_dismiss (self->store, id, &error))
    {
      show_error (self, _("The Movement Was Not Set Aside"), error->message);
      return;
    }
  g_array_append_val (ids, id);
  toast_with_undo (self, _("Set aside: not an invoice"), ids);
}

/* ---- import ---- */

typedef struct {
  char                   *db_path;
  char                   *path;
  char                   *account;
  FacturesBankCsvMapping *mapping;
  gint                   *permille;
  FacturesBankImportResult result;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->db_path);
  g_free (job->path);
  g_free (job->account);
  g_clear_pointer (&job->mapping, factures_bank_csv_mapping_free);
  factures_bank_import_result_clear (&job->result);
  g_free (job);
}

static void
job_progress (gdouble  fraction,
              gpointer user_data)
{
  g_atomic_int_set ((gint *) user_data, (gint) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = NULL;

  /* its own connection: SQLite connections are not shared between threads here */
  store = factures_store_open_full (job->db_path, FACTURES_STORE_OPEN_EXISTING, 30000, NULL, NULL, &error);
  if (store == NULL
      || !factures_bank_import_file (store, job->path, job->account, job->mapping, cancellable, job_progress,
                                     job->permille, &job->result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static gboolean
progress_tick (gpointer user_data)
{
  FacturesBankPage *self = user_data;

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar),
                                 g_atomic_int_get (&self->progress_permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

/* The progress slid away: hidden, so that its « Annuler » is neither seen by AT-SPI (where a
 * journey took it for a toast's) nor reached by the keyboard while no import runs. */
static void
progress_revealed_cb (FacturesBankPage *self)
{
  GtkRevealer *revealer = GTK_REVEALER (self->progress_revealer);

  if (!gtk_revealer_get_reveal_child (revealer) && !gtk_revealer_get_child_revealed (revealer))
    gtk_widget_set_visible (self->progress_revealer, FALSE);
}

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  FacturesBankPage *self = FACTURES_BANK_PAGE (source);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (job->path);

  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->cancellable);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->progress_revealer), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bank.import", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bank.cancel-import", FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, adw_toast_new (_("Import cancelled: nothing was stored")));
      else
        show_error (self, _("The Statement Was Not Imported"), error->message);
      return;
    }
  if (job->account != NULL)
    {
      g_free (self->last_account);
      self->last_account = g_strdup (job->account);
    }
  {
    g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u new movement (%u already there)",
                                                           "%s: %u new movements (%u already there)",
                                                           job->result.n_added),
                                              base, job->result.n_added, job->result.n_skipped);
    toast (self, adw_toast_new (title));
  }
  g_clear_pointer (&self->warnings, g_free);
  if (job->result.warnings->len > 0)
    {
      g_ptr_array_add (job->result.warnings, NULL);
      self->warnings = g_strjoinv ("\n", (char **) job->result.warnings->pdata);
      g_ptr_array_remove_index (job->result.warnings, job->result.warnings->len - 1);
    }
  gtk_label_set_label (GTK_LABEL (self->warnings_label), self->warnings != NULL ? self->warnings : "");
  gtk_widget_set_visible (self->warnings_label, self->warnings != NULL);
  /* the other views (balances, overdue, register) read the new state */
  g_signal_emit_by_name (self->store, "changed");
}

static void
start_import (FacturesBankPage             *self,
              const char                   *path,
              const char                   *account,
              const FacturesBankCsvMapping *mapping)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *label = g_strdup_printf (_("Importing %s…"), base);

  if (self->cancellable != NULL)
    return;
  job = g_new0 (ImportJob, 1);
  job->db_path = g_strdup (factures_store_get_path (self->store));
  job->path = g_strdup (path);
  job->account = g_strdup (account);
  job->mapping = mapping != NULL ? factures_bank_csv_mapping_copy (mapping) : NULL;
  job->permille = &self->progress_permille;
  g_atomic_int_set (&self->progress_permille, 0);

  self->cancellable = g_cancellable_new ();
  gtk_label_set_label (GTK_LABEL (self->progress_label), label);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), 0);
  gtk_widget_set_visible (self->progress_revealer, TRUE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->progress_revealer), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bank.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bank.cancel-import", TRUE);
  self->progress_id = g_timeout_add (100, progress_tick, self);

  task = g_task_new (self, self->cancellable, import_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

static void
on_csv_import (FacturesBankImportDialog *dialog,
               const char               *account,
               FacturesBankCsvMapping   *mapping,
               FacturesBankPage         *self)
{
  start_import (self, factures_bank_import_dialog_get_path (dialog), account, mapping);
}

void
factures_bank_page_import (FacturesBankPage *self,
                           const char       *path)
{
  guint8 head[4096];
  gssize n = -1;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);

  g_return_if_fail (FACTURES_IS_BANK_PAGE (self));

  if (stream != NULL)
    n = g_input_stream_read (G_INPUT_STREAM (stream), head, sizeof head, NULL, NULL);
  if (n > 0 && factures_bank_detect_format (head, (gsize) n) == FACTURES_BANK_FORMAT_CSV)
    {
      g_autoptr(FacturesBankCsvMapping) mapping = NULL;
      g_autofree char *remembered = NULL;
      FacturesBankImportDialog *dialog;

      if (self->last_account != NULL)
        remembered = factures_store_bank_get_csv_mapping (self->store, self->last_account, NULL);
      mapping = factures_bank_csv_mapping_from_text (remembered);
      if (mapping == NULL)
        mapping = factures_bank_csv_guess_mapping (path, NULL);
      dialog = factures_bank_import_dialog_new (page_window (self), path, self->last_account, mapping);
      g_signal_connect_object (dialog, "import", G_CALLBACK (on_csv_import), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  start_import (self, path, NULL, NULL);
}

static void
on_chooser_response (GtkNativeDialog  *chooser,
                     int               response,
                     FacturesBankPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        factures_bank_page_import (self, path);
    }
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FacturesBankPage *self = FACTURES_BANK_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) statements = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  static const char * const patterns[] = { "*.ofx", "*.OFX", "*.qfx", "*.xml", "*.XML", "*.csv", "*.CSV", "*.txt",
                                           "*.TXT", "*.cfonb", "*.120", "*.dat" };

  chooser = gtk_file_chooser_native_new (_("Import a Bank Statement"), page_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (statements, _("Bank statements (OFX, CAMT.053, CFONB, CSV)"));
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    gtk_file_filter_add_pattern (statements, patterns[i]);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), statements);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  factures_file_chooser_start_in_documents (chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FacturesBankPage *self = FACTURES_BANK_PAGE (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* ---- life ---- */

static void
factures_bank_page_dispose (GObject *object)
{
  FacturesBankPage *self = FACTURES_BANK_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->last_account, g_free);
  g_clear_pointer (&self->warnings, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_BANK_PAGE);
  G_OBJECT_CLASS (factures_bank_page_parent_class)->dispose (object);
}

static void
factures_bank_page_class_init (FacturesBankPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_bank_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Factures/ui/bank/factures-bank-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesBankPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankPage, stack);
  gtk_widget_class_bind_template_callback (widget_class, progress_revealed_cb);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankPage, confirm_sure_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankPage, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankPage, list);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankPage, more_label);

  gtk_widget_class_install_action (widget_class, "bank.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "bank.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "bank.confirm", "x", confirm_action);
  gtk_widget_class_install_action (widget_class, "bank.confirm-sure", NULL, confirm_sure_action);
  gtk_widget_class_install_action (widget_class, "bank.dismiss", "x", dismiss_action);

  g_type_ensure (FACTURES_TYPE_BANK_ROW);
}

static void
factures_bank_page_init (FacturesBankPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bank.cancel-import", FALSE);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

GtkWidget *
factures_bank_page_new (FacturesStore *store)
{
  FacturesBankPage *self = g_object_new (FACTURES_TYPE_BANK_PAGE, NULL);

  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);
  /* read when first shown: the window's first frame does not wait for the matcher */
  self->stale = TRUE;
  return GTK_WIDGET (self);
}

guint
factures_bank_page_get_count (FacturesBankPage *self)
{
  g_return_val_if_fail (FACTURES_IS_BANK_PAGE (self), 0);
  return self->pending != NULL ? self->pending->len : 0;
}
