/* factures-register-group.h — one group of the livre des recettes: the year's totals or a month
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_REGISTER_GROUP (factures_register_group_get_type ())
G_DECLARE_FINAL_TYPE (FacturesRegisterGroup, factures_register_group, FACTURES, REGISTER_GROUP, AdwPreferencesGroup)

/* A group titled @title, @description (nullable) under it and @total (nullable: none) at the
 * right of its header; its rows are FacturesRegisterRow, added with adw_preferences_group_add(). */
GtkWidget *factures_register_group_new (const char *title,
                                        const char *description,
                                        const char *total);

G_END_DECLS
