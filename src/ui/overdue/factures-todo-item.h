/* factures-todo-item.h — one thing to do today, as the To-Do queue shows it
 *
 * The common kind of the queue (issue 12 item 2): a date, a title, a detail line and a
 * primary action (a detailed action name with its target, and the button's label), so
 * that dunning steps, refused e-invoices, declarations and DES deadlines share one list.
 * An item may name the invoice it is about (document id and number), for the menu of
 * other actions on that invoice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_TODO_ITEM (factures_todo_item_get_type ())
G_DECLARE_FINAL_TYPE (FacturesTodoItem, factures_todo_item, FACTURES, TODO_ITEM, GObject)

/**
 * factures_todo_item_new:
 * @date: (nullable): the day the thing is due
 * @title: e.g. "F2026-0002 — Atelier Dupont"
 * @action_name: (nullable): the primary action, e.g. "overdue.perform-step"
 * @action_target: (nullable): its parameter (floating references are sunk)
 * @action_label: the primary button's label, e.g. "Call…"
 *
 * Returns: (transfer full): the item
 */
FacturesTodoItem *factures_todo_item_new (const GDate *date,
                                          const char  *title,
                                          const char  *action_name,
                                          GVariant    *action_target,
                                          const char  *action_label);

const GDate *factures_todo_item_get_date          (FacturesTodoItem *self);
const char  *factures_todo_item_get_title         (FacturesTodoItem *self);
const char  *factures_todo_item_get_detail        (FacturesTodoItem *self);
void         factures_todo_item_set_detail        (FacturesTodoItem *self,
                                                   const char       *detail);
const char  *factures_todo_item_get_tooltip       (FacturesTodoItem *self);
void         factures_todo_item_set_tooltip       (FacturesTodoItem *self,
                                                   const char       *tooltip);
const char  *factures_todo_item_get_action_name   (FacturesTodoItem *self);
GVariant    *factures_todo_item_get_action_target (FacturesTodoItem *self);
const char  *factures_todo_item_get_action_label  (FacturesTodoItem *self);

/* The invoice the item is about (0 and NULL when none): the row then offers the menu of
 * other actions on it ("overdue.record-payment", … with the id as target). */
gint64       factures_todo_item_get_document_id   (FacturesTodoItem *self);
const char  *factures_todo_item_get_number        (FacturesTodoItem *self);
void         factures_todo_item_set_document      (FacturesTodoItem *self,
                                                   gint64            document_id,
                                                   const char       *number);

/* Whatever the producer of the item keeps with it (e.g. its FacturesDunningTask). */
gpointer     factures_todo_item_get_data          (FacturesTodoItem *self);
void         factures_todo_item_set_data          (FacturesTodoItem *self,
                                                   gpointer          data,
                                                   GDestroyNotify    destroy);
/* Whether the producer has completed the detail (it may do so only when a row shows it). */
gboolean     factures_todo_item_get_complete      (FacturesTodoItem *self);
void         factures_todo_item_set_complete      (FacturesTodoItem *self,
                                                   gboolean          complete);

/* A second action beside the primary one, as a flat button (e.g. a deadline's
 * "overdue.deadline-done" « Marquer comme fait »); none by default. @action_target: floating
 * references are sunk. */
void         factures_todo_item_set_secondary        (FacturesTodoItem *self,
                                                      const char       *action_name,
                                                      GVariant         *action_target,
                                                      const char       *label);
const char  *factures_todo_item_get_secondary_name   (FacturesTodoItem *self);
GVariant    *factures_todo_item_get_secondary_target (FacturesTodoItem *self);
const char  *factures_todo_item_get_secondary_label  (FacturesTodoItem *self);

G_END_DECLS
