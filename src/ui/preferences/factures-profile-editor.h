/* factures-profile-editor.h — the business profile form (first-run welcome and Preferences)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_PROFILE_EDITOR (factures_profile_editor_get_type ())
G_DECLARE_FINAL_TYPE (FacturesProfileEditor, factures_profile_editor, FACTURES, PROFILE_EDITOR, GtkBox)

/**
 * factures_profile_editor_new:
 * @store: the open database; its profile, when there is one, fills the form
 *
 * The seller's business profile (LEGAL.md §1: name followed by "EI", address,
 * SIREN/SIRET, registration, VAT regime, payment terms, late-penalty rate, trade
 * insurance, bank details, logo). Every field is checked when it loses the focus,
 * with a French message naming the field; "Save" refuses while a field is invalid,
 * then writes through factures_store_save_profile() and emits "saved".
 *
 * Returns: (transfer floating): the editor
 */
GtkWidget *factures_profile_editor_new (FacturesStore *store);

/* Validates every field and saves. FALSE (and the messages shown) when invalid or
 * when the store refused; @error then holds the first message. */
gboolean   factures_profile_editor_save (FacturesProfileEditor *self,
                                         GError               **error);

/* Preferences: no Save button, each valid value saved when entered (see the .c). */
void       factures_profile_editor_set_apply_on_change (FacturesProfileEditor *self,
                                                        gboolean               apply_on_change);
/* Checks every field, saves the valid ones; FALSE when some are left invalid. */
gboolean   factures_profile_editor_flush (FacturesProfileEditor *self);

/* The file a user chose with "Choose a Logo…" (PNG or JPEG; see the .c). */
gboolean   factures_profile_editor_load_logo (FacturesProfileEditor *self,
                                              GFile                 *file);

G_END_DECLS
