/* factures-editor-lines.c — the editor's "Lines" section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-documents.h"
#include "factures-catalogue-picker.h"
#include "factures-editor-lines.h"
#include "factures-recurrence.h"

struct _FacturesEditorLines
{
  AdwPreferencesGroup  parent_instance;

  gboolean             vat_rates;
  gboolean             zero_quantity_allowed;
  gboolean             editable;
  GtkWidget           *picker;
  FacturesProfile     *seller;   /* the rows' VAT treatment (issue 13): owned copies, or NULL */
  FacturesClient      *buyer;
  char                *currency; /* issue 13 item 4: the nets' currency, NULL for euros */

  /* template */
  GtkWidget           *header_box;
  GtkWidget           *lines_box;
};

G_DEFINE_FINAL_TYPE (FacturesEditorLines, factures_editor_lines, ADW_TYPE_PREFERENCES_GROUP)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (FacturesEditorLines *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
renumber (FacturesEditorLines *self)
{
  guint number = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (self->lines_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    factures_line_row_set_number (FACTURES_LINE_ROW (child), number++);
}

static void
remove_requested_cb (FacturesLineRow     *row,
                     FacturesEditorLines *self)
{
  gtk_box_remove (GTK_BOX (self->lines_box), GTK_WIDGET (row));
  renumber (self);
  emit_changed (self);
}

FacturesLineRow *
factures_editor_lines_add (FacturesEditorLines *self,
                           const FacturesLine  *line)
{
  FacturesLineRow *row;

  g_return_val_if_fail (FACTURES_IS_EDITOR_LINES (self), NULL);

  row = factures_line_row_new (line, self->vat_rates, self->zero_quantity_allowed);
  factures_line_row_set_editable (row, self->editable);
  if (self->seller != NULL)
    factures_line_row_set_parties (row, self->seller, self->buyer);
  g_signal_connect_object (row, "changed", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove-requested", G_CALLBACK (remove_requested_cb), self, 0);
  factures_line_row_set_currency (row, self->currency);
  gtk_box_append (GTK_BOX (self->lines_box), GTK_WIDGET (row));
  renumber (self);

  return row;
}

/**
 * factures_editor_lines_set_parties:
 * @seller: (nullable): the seller's profile (copied)
 * @buyer: (nullable): the client (copied)
 *
 * What each line's VAT treatment is proposed from (factures_line_row_set_parties()): every row
 * follows the new proposal unless the user chose another treatment with a reason.
 */
void
factures_editor_lines_set_parties (FacturesEditorLines   *self,
                                   const FacturesProfile *seller,
                                   const FacturesClient  *buyer)
{
  FacturesProfile *old_seller;
  FacturesClient *old_buyer;

  g_return_if_fail (FACTURES_IS_EDITOR_LINES (self));

  /* The rows hold the old copies until they are given the new ones. */
  old_seller = g_steal_pointer (&self->seller);
  old_buyer = g_steal_pointer (&self->buyer);
  self->seller = seller != NULL ? factures_profile_copy (seller) : NULL;
  self->buyer = buyer != NULL ? factures_client_copy (buyer) : NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (self->lines_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    factures_line_row_set_parties (FACTURES_LINE_ROW (child), self->seller, self->buyer);
  g_clear_pointer (&old_seller, factures_profile_free);
  g_clear_pointer (&old_buyer, factures_client_free);
}

void
factures_editor_lines_load (FacturesEditorLines *self,
                            GPtrArray           *lines)
{
  GtkWidget *child;

  g_return_if_fail (FACTURES_IS_EDITOR_LINES (self));

  while ((child = gtk_widget_get_first_child (self->lines_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->lines_box), child);
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    factures_editor_lines_add (self, g_ptr_array_index (lines, i));
}

GPtrArray *
factures_editor_lines_collect (FacturesEditorLines *self,
                               gboolean             reveal,
                               GPtrArray           *valid_rows,
                               GPtrArray           *messages,
                               guint               *n_rows,
                               GError             **error)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_line_free);
  g_autoptr (GError) first_error = NULL;
  guint count = 0;

  g_return_val_if_fail (FACTURES_IS_EDITOR_LINES (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (self->lines_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      FacturesLineRow *row = FACTURES_LINE_ROW (child);
      g_autoptr (GError) line_error = NULL;
      FacturesLine *line;

      if (factures_line_row_is_blank (row))
        {
          factures_line_row_clear_messages (row);
          continue;
        }

      count++;
      line = factures_line_row_get_line (row, reveal, &line_error);
      if (messages != NULL)
        factures_line_row_collect_messages (row, messages);
      if (line != NULL)
        {
          g_ptr_array_add (lines, line);
          if (valid_rows != NULL)
            g_ptr_array_add (valid_rows, row);
        }
      else if (first_error == NULL)
        first_error = g_steal_pointer (&line_error);
    }

  if (n_rows != NULL)
    *n_rows = count;
  if (first_error != NULL)
    g_propagate_error (error, g_steal_pointer (&first_error));
  return g_steal_pointer (&lines);
}

void
factures_editor_lines_set_currency (FacturesEditorLines *self,
                                    const char          *currency)
{
  g_return_if_fail (FACTURES_IS_EDITOR_LINES (self));

  g_free (self->currency);
  self->currency = g_strdup (currency);
  /* the captions of every line name the currency */
  for (GtkWidget *child = gtk_widget_get_first_child (self->lines_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    factures_line_row_set_currency (FACTURES_LINE_ROW (child), currency);
}

void
factures_editor_lines_show_nets (FacturesEditorLines *self,
                                 GPtrArray           *valid_rows,
                                 GArray              *line_nets)
{
  g_return_if_fail (FACTURES_IS_EDITOR_LINES (self));

  for (GtkWidget *child = gtk_widget_get_first_child (self->lines_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    factures_line_row_set_net (FACTURES_LINE_ROW (child), 0, FALSE);

  if (valid_rows != NULL && line_nets != NULL)
    for (guint i = 0; i < valid_rows->len && i < line_nets->len; i++)
      factures_line_row_set_net_in (g_ptr_array_index (valid_rows, i),
                                    g_array_index (line_nets, gint64, i), TRUE, self->currency);
}

void
factures_editor_lines_set_editable (FacturesEditorLines *self,
                                    gboolean             editable)
{
  g_return_if_fail (FACTURES_IS_EDITOR_LINES (self));

  self->editable = editable;
  for (GtkWidget *child = gtk_widget_get_first_child (self->lines_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    factures_line_row_set_editable (FACTURES_LINE_ROW (child), editable);
  if (self->picker != NULL)
    gtk_widget_set_sensitive (self->picker, editable);
}

void
factures_editor_lines_configure (FacturesEditorLines *self,
                                 gboolean             vat_rates,
                                 gboolean             zero_quantity_allowed)
{
  g_return_if_fail (FACTURES_IS_EDITOR_LINES (self));

  self->vat_rates = vat_rates;
  self->zero_quantity_allowed = zero_quantity_allowed;
}

/* Issue 3 item 8: a catalogue item becomes a new line (replacing a blank one). */
static void
catalogue_picked_cb (FacturesEditorLines         *self,
                     const FacturesCatalogueItem *item)
{
  g_autoptr (FacturesLine) line = NULL;
  GtkWidget *only;

  if (!self->editable)
    return;
  only = gtk_widget_get_first_child (self->lines_box);
  if (only != NULL && gtk_widget_get_next_sibling (only) == NULL &&
      factures_line_row_is_blank (FACTURES_LINE_ROW (only)))
    gtk_box_remove (GTK_BOX (self->lines_box), only);
  line = factures_catalogue_item_to_line (item, !self->vat_rates);
  /* Issue 13: the item says what it sells; a service gets the profile's kind of services. */
  if (line->activity == FACTURES_LINE_ACTIVITY_DEFAULT && item->is_goods)
    line->activity = FACTURES_LINE_ACTIVITY_GOODS;
  factures_editor_lines_add (self, line);
  emit_changed (self);
}

void
factures_editor_lines_set_store (FacturesEditorLines *self,
                                 FacturesStore       *store)
{
  g_return_if_fail (FACTURES_IS_EDITOR_LINES (self));

  if (self->picker != NULL)
    return;
  self->picker = factures_catalogue_picker_new (store);
  g_signal_connect_object (self->picker, "picked", G_CALLBACK (catalogue_picked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_prepend (GTK_BOX (self->header_box), self->picker);
}

static void
factures_editor_lines_dispose (GObject *object)
{
  FacturesEditorLines *self = FACTURES_EDITOR_LINES (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), FACTURES_TYPE_EDITOR_LINES);
  /* After the rows, which borrow them. */
  g_clear_pointer (&self->seller, factures_profile_free);
  g_clear_pointer (&self->buyer, factures_client_free);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (factures_editor_lines_parent_class)->dispose (object);
}

static void
factures_editor_lines_class_init (FacturesEditorLinesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_editor_lines_dispose;

  /**
   * FacturesEditorLines::changed:
   * A line was edited, added or removed.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* A static library drops the self-registering constructor of the bundle. */
  factures_documents_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/documents/factures-editor-lines.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorLines, header_box);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorLines, lines_box);
}

static void
factures_editor_lines_init (FacturesEditorLines *self)
{
  self->editable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}
