/* factures-info-row.h — a read-only row: a title, a subtitle, an icon, a value
 *
 * The rows lists build from data (the live checklist of mentions, the follow-up of a
 * document, the Payments panel, the problems that stop an issue…): an AdwActionRow,
 * not activatable, whose title and subtitle are plain text (never markup: a client's
 * name may hold "&"), with an optional icon before and an optional value after (an
 * amount, in tabular digits; struck through when it no longer counts).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_INFO_ROW (factures_info_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesInfoRow, factures_info_row, FACTURES, INFO_ROW, AdwActionRow)

/* @subtitle and @icon_name may be NULL. Returns: (transfer floating): the row. */
GtkWidget *factures_info_row_new       (const char      *title,
                                        const char      *subtitle,
                                        const char      *icon_name);

/* Shows @value (NULL hides it) after the title; @struck draws it struck through and
 * dims the row (a cancelled payment). */
void       factures_info_row_set_value (FacturesInfoRow *self,
                                        const char      *value,
                                        gboolean         struck);

/* The value shown, or NULL. */
const char *factures_info_row_get_value (FacturesInfoRow *self);

G_END_DECLS
