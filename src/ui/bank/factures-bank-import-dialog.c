/* factures-bank-import-dialog.c — the account and column-mapping step of a CSV statement
 * (see factures-bank-import-dialog.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-bank-import-dialog.h"

#define PREVIEW_LINES 8

struct _FacturesBankImportDialog
{
  AdwWindow   parent_instance;

  char       *path;
  GStrv       lines;            /* the file's first lines, UTF-8 */
  gboolean    recognised;
  FacturesBankCsvMapping *mapping;  /* the one handed out by "import" */

  GtkWidget  *import_button;
  GtkWidget  *account_row;
  GtkWidget  *columns_group;
  GtkWidget  *separator_row;
  GtkWidget  *skip_spin;
  GtkWidget  *date_format_row;
  GtkWidget  *decimal_switch;
  GtkWidget  *date_column_row;
  GtkWidget  *amount_column_row;
  GtkWidget  *debit_column_row;
  GtkWidget  *credit_column_row;
  GtkWidget  *label_column_row;
  GtkWidget  *reference_column_row;
  GtkWidget  *currency_column_row;
  GtkWidget  *account_column_row;
  GtkWidget  *preview_label;
};

G_DEFINE_FINAL_TYPE (FacturesBankImportDialog, factures_bank_import_dialog, ADW_TYPE_WINDOW)

enum { IMPORT, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char separators[] = { ';', ',', '\t' };
static const char * const date_formats[] = { "%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y" };

static char
separator (FacturesBankImportDialog *self)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->separator_row));

  return separators[MIN (i, G_N_ELEMENTS (separators) - 1)];
}

#define N_COLUMN_ROWS 8

static void
column_rows (FacturesBankImportDialog *self,
             GtkWidget                *rows[N_COLUMN_ROWS])
{
  rows[0] = self->date_column_row;
  rows[1] = self->amount_column_row;
  rows[2] = self->debit_column_row;
  rows[3] = self->credit_column_row;
  rows[4] = self->label_column_row;
  rows[5] = self->reference_column_row;
  rows[6] = self->currency_column_row;
  rows[7] = self->account_column_row;
}

/* Column N (0-based) → its combo index (0 is "—"). */
static void
select_column (GtkWidget *row,
               gint       column)
{
  guint n = g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row)));
  guint index = column >= 0 && (guint) column + 1 < n ? (guint) column + 1 : 0;

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), index);
}

static gint
selected_column (GtkWidget *row)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  return i == GTK_INVALID_LIST_POSITION || i == 0 ? -1 : (gint) i - 1;
}

/* The column names from the header line ("1 — Date", "2 — Libellé"…), "—" first. */
static void
fill_columns (FacturesBankImportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint skip = (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->skip_spin));
  const char *header = NULL;
  char sep[2] = { separator (self), '\0' };
  g_auto(GStrv) cells = NULL;
  guint n_lines = self->lines != NULL ? g_strv_length (self->lines) : 0;
  guint n_rows = N_COLUMN_ROWS;
  GtkWidget *rows[N_COLUMN_ROWS];
  gint before[N_COLUMN_ROWS];

  column_rows (self, rows);

  for (guint r = 0; r < n_rows; r++)
    before[r] = selected_column (rows[r]);
  if (n_lines > 0)
    header = self->lines[skip > 0 && skip <= n_lines ? skip - 1 : 0];
  cells = g_strsplit (header != NULL ? header : "", sep, -1);
  gtk_string_list_append (names, "—");
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *cell = g_strstrip (g_strdup (cells[i]));
      g_autofree char *name = NULL;

      if (*cell == '"' && strlen (cell) >= 2 && cell[strlen (cell) - 1] == '"')
        {
          memmove (cell, cell + 1, strlen (cell));
          cell[strlen (cell) - 1] = '\0';
        }
      name = *cell ? g_strdup_printf (_("Column %u — %s"), i + 1, cell) : g_strdup_printf (_("Column %u"), i + 1);
      gtk_string_list_append (names, name);
    }
  for (guint r = 0; r < n_rows; r++)
    {
      adw_combo_row_set_model (ADW_COMBO_ROW (rows[r]), G_LIST_MODEL (names));
      select_column (rows[r], before[r]);
    }
}

static gboolean
complete (FacturesBankImportDialog *self)
{
  g_autofree char *account = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->account_row))));
  gboolean amounts = selected_column (self->amount_column_row) >= 0
                     || selected_column (self->debit_column_row) >= 0
                     || selected_column (self->credit_column_row) >= 0;

  return (*account != '\0' || selected_column (self->account_column_row) >= 0)
         && selected_column (self->date_column_row) >= 0 && amounts
         && selected_column (self->label_column_row) >= 0;
}

static void
on_changed (FacturesBankImportDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import-dialog.import", complete (self));
}

static void
on_layout_changed (FacturesBankImportDialog *self)
{
  fill_columns (self);
  on_changed (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FacturesBankImportDialog *self = FACTURES_BANK_IMPORT_DIALOG (widget);
  g_autofree char *account = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->account_row))));
  FacturesBankCsvMapping *m;
  guint format = adw_combo_row_get_selected (ADW_COMBO_ROW (self->date_format_row));

  if (!complete (self))
    return;
  g_clear_pointer (&self->mapping, factures_bank_csv_mapping_free);
  m = self->mapping = g_new0 (FacturesBankCsvMapping, 1);
  m->separator = separator (self);
  m->decimal_comma = gtk_switch_get_active (GTK_SWITCH (self->decimal_switch));
  m->date_format = g_strdup (date_formats[MIN (format, G_N_ELEMENTS (date_formats) - 1)]);
  m->skip_lines = (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->skip_spin));
  m->booking_date_column = selected_column (self->date_column_row);
  m->value_date_column = -1;
  m->amount_column = selected_column (self->amount_column_row);
  m->debit_column = selected_column (self->debit_column_row);
  m->credit_column = selected_column (self->credit_column_row);
  m->label_column = selected_column (self->label_column_row);
  m->counterparty_column = -1;
  m->reference_column = selected_column (self->reference_column_row);
  /* (the CSV reader's columns of 1-based positions: 0 is none) */
  m->currency_at = (guint) (selected_column (self->currency_column_row) + 1);
  m->account_at = (guint) (selected_column (self->account_column_row) + 1);
  m->account = *account != '\0' ? g_strdup (account) : NULL;
  g_strlcpy (m->currency, "EUR", sizeof m->currency);
  g_signal_emit (self, signals[IMPORT], 0, *account != '\0' ? account : NULL, m);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
factures_bank_import_dialog_finalize (GObject *object)
{
  FacturesBankImportDialog *self = FACTURES_BANK_IMPORT_DIALOG (object);

  g_strfreev (self->lines);
  g_free (self->path);
  g_clear_pointer (&self->mapping, factures_bank_csv_mapping_free);
  G_OBJECT_CLASS (factures_bank_import_dialog_parent_class)->finalize (object);
}

static void
factures_bank_import_dialog_class_init (FacturesBankImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = factures_bank_import_dialog_finalize;

  /**
   * FacturesBankImportDialog::import:
   * @account: the account typed
   * @mapping: (type gpointer): the FacturesBankCsvMapping chosen (owned by the dialog)
   */
  signals[IMPORT] = g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/bank/factures-bank-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesBankImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankImportDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankImportDialog, separator_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankImportDialog, skip_spin);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankImportDialog, date_format_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankImportDialog, decimal_switch);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankImportDialog, date_column_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankImportDialog, amount_column_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankImportDialog, debit_column_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankImportDialog, credit_column_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankImportDialog, label_column_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankImportDialog, reference_column_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankImportDialog, currency_column_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankImportDialog, account_column_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankImportDialog, preview_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_layout_changed);
  gtk_widget_class_install_action (widget_class, "import-dialog.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
factures_bank_import_dialog_init (FacturesBankImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The first lines of @path as UTF-8 (Latin-1 converted), BOM dropped. */
static GStrv
first_lines (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autofree char *text = NULL;
  char head[8192];
  gssize n;
  GStrv lines;

  if (stream == NULL)
    return g_new0 (char *, 1);
  n = g_input_stream_read (G_INPUT_STREAM (stream), head, sizeof head - 1, NULL, NULL);
  if (n < 0)
    n = 0;
  head[n] = '\0';
  if (g_utf8_validate (head, n, NULL))
    text = g_strdup (head);
  else
    {
      text = g_convert (head, n, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
      if (text == NULL)
        text = g_utf8_make_valid (head, n);
    }
  if (g_str_has_prefix (text, "\xEF\xBB\xBF"))
    memmove (text, text + 3, strlen (text + 3) + 1);
  g_strdelimit (text, "\r", ' ');
  lines = g_strsplit (text, "\n", PREVIEW_LINES + 1);
  if (g_strv_length (lines) > PREVIEW_LINES)
    {
      g_free (lines[PREVIEW_LINES]);
      lines[PREVIEW_LINES] = NULL;
    }
  return lines;
}

FacturesBankImportDialog *
factures_bank_import_dialog_new (GtkWindow                    *parent,
                                 const char                   *path,
                                 const char                   *account,
                                 const FacturesBankCsvMapping *mapping)
{
  FacturesBankImportDialog *self = g_object_new (FACTURES_TYPE_BANK_IMPORT_DIALOG,
                                                 "transient-for", parent, NULL);
  g_autofree char *preview = NULL;
  g_autofree char *base = g_path_get_basename (path);

  self->path = g_strdup (path);
  self->lines = first_lines (path);
  preview = g_strjoinv ("\n", self->lines);
  gtk_label_set_label (GTK_LABEL (self->preview_label), g_strstrip (preview));
  gtk_window_set_title (GTK_WINDOW (self), base);
  if (account != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->account_row), account);
  self->recognised = mapping != NULL;
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->columns_group),
                                         self->recognised
                                           ? _("The layout was recognised; check the columns before importing.")
                                           : _("Factures does not recognise this layout: say which column holds what."));
  if (mapping != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
        if (separators[i] == mapping->separator)
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->separator_row), i);
      for (guint i = 0; i < G_N_ELEMENTS (date_formats); i++)
        if (g_strcmp0 (date_formats[i], mapping->date_format) == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->date_format_row), i);
      gtk_switch_set_active (GTK_SWITCH (self->decimal_switch), mapping->decimal_comma);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->skip_spin), mapping->skip_lines);
    }
  fill_columns (self);
  if (mapping != NULL)
    {
      select_column (self->date_column_row, mapping->booking_date_column);
      select_column (self->amount_column_row, mapping->amount_column);
      select_column (self->debit_column_row, mapping->debit_column);
      select_column (self->credit_column_row, mapping->credit_column);
      select_column (self->label_column_row, mapping->label_column);
      select_column (self->reference_column_row, mapping->reference_column);
      select_column (self->currency_column_row, (gint) mapping->currency_at - 1);
      select_column (self->account_column_row, (gint) mapping->account_at - 1);
      if (mapping->account != NULL && *mapping->account && account == NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->account_row), mapping->account);
    }
  on_changed (self);
  return self;
}

const char *
factures_bank_import_dialog_get_path (FacturesBankImportDialog *self)
{
  g_return_val_if_fail (FACTURES_IS_BANK_IMPORT_DIALOG (self), NULL);
  return self->path;
}
