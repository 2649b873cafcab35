/* factures-register-row.h — one row of the livre des recettes: a receipt or a total
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_REGISTER_ROW (factures_register_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesRegisterRow, factures_register_row, FACTURES, REGISTER_ROW, AdwActionRow)

/* A total: "@title … @cents" with @subtitle (nullable) under the title, the amount in bold
 * when @strong; accessible name "title: amount". */
GtkWidget *factures_register_row_new_total   (const char *title,
                                              const char *subtitle,
                                              gint64      cents,
                                              gboolean    strong);
/* A receipt: @cash shows the "Cash" tag before the amount, @reversal dims the row (a
 * cancelled payment); accessible name "title, subtitle, amount". */
GtkWidget *factures_register_row_new_receipt (const char *title,
                                              const char *subtitle,
                                              gint64      cents,
                                              gboolean    cash,
                                              gboolean    reversal);

G_END_DECLS
