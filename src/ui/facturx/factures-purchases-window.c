/* factures-purchases-window.c — the received invoices imported as history
 *
 * The template (factures-purchases-window.ui) holds the list; one FacturesPurchaseRow per
 * invoice, whose activation activates "purchases.show".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-facturx-ui.h"
#include "factures-info-row.h"
#include "factures-purchase-row.h"
#include "factures-purchases-window.h"
#include "factures-store-facturx.h"

struct _FacturesPurchasesWindow
{
  AdwWindow      parent_instance;

  FacturesStore *store;
  gulong         changed_id;

  GtkListBox    *list;
};

G_DEFINE_FINAL_TYPE (FacturesPurchasesWindow, factures_purchases_window, ADW_TYPE_WINDOW)

static void
fill (FacturesPurchasesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = factures_store_list_imported (self->store, FACTURES_IMPORTED_PURCHASE, &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (rows == NULL || rows->len == 0)
    {
      gtk_list_box_append (self->list,
                           factures_info_row_new (rows == NULL ? error->message
                                                               : _("No received invoice imported yet"),
                                                  NULL, NULL));
      return;
    }
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_append (self->list, factures_purchase_row_new (rows->pdata[i]));
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
factures_purchases_window_dispose (GObject *object)
{
  FacturesPurchasesWindow *self = FACTURES_PURCHASES_WINDOW (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (factures_purchases_window_parent_class)->dispose (object);
}

static void
factures_purchases_window_class_init (FacturesPurchasesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_purchases_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/facturx/factures-purchases-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesPurchasesWindow, list);

  gtk_widget_class_install_action (widget_class, "purchases.show", "x", show_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
factures_purchases_window_init (FacturesPurchasesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
  /* A purchase imported while the window is open shows at once. */
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (fill), self);
  fill (self);
  return GTK_WIDGET (self);
}
