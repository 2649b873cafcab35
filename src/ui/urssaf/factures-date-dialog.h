/* factures-date-dialog.h — a question that asks a date (issue 17: the day a period was declared,
 * the day VAT is charged from)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_DATE_DIALOG (factures_date_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FacturesDateDialog, factures_date_dialog, FACTURES, DATE_DIALOG, AdwMessageDialog)

/**
 * factures_date_dialog_new:
 * @parent: (nullable): the window
 * @heading: the question
 * @body: what it does
 * @field: the date field's accessible name and placeholder ("Date de déclaration")
 * @date: the date proposed
 * @confirm: the label of the confirming response (its id is "confirm"; the other is "cancel")
 *
 * Returns: (transfer floating): the dialog, not shown
 */
GtkWidget *factures_date_dialog_new      (GtkWindow   *parent,
                                          const char  *heading,
                                          const char  *body,
                                          const char  *field,
                                          const GDate *date,
                                          const char  *confirm);

/* The date typed, "30/04/2026" or "2026-04-30": TRUE and @out set, else FALSE with
 * FACTURES_ERROR_INVALID naming the field in French. */
gboolean   factures_date_dialog_get_date (FacturesDateDialog  *self,
                                          GDate               *out,
                                          GError             **error);

G_END_DECLS
