/* factures-form-row.h — a form field with its validation message shown under it
 *
 * libadwaita 1.2's AdwEntryRow has no subtitle and AdwBanner is 1.3, so a
 * FacturesFormRow wraps one field row (usually an AdwEntryRow, any widget works)
 * and shows the field's message in a label *under* the field, inside the same
 * card of the boxed list. While the field is valid the label is hidden; the row
 * then looks exactly like the field alone.
 *
 * With a message set, the field row gets the "error" style class, the message as
 * tooltip, as accessible description and the "invalid" state, so a screen reader
 * says it on that field; the label under it has the accessible role "alert"
 * (AT-SPI "notification", spoken by Orca when it is shown: GTK 4.8 has no
 * gtk_accessible_announce()).
 *
 * Validation: give the row a check (factures_form_row_set_check()). The row runs it
 * when the field loses the keyboard focus or Enter is pressed in it, and again on
 * each change while a message is shown (so the message goes as soon as the value
 * is right, and never appears while the user is still typing a first value: the
 * window does not jump under the pointer). factures_form_row_validate() runs it now.
 * Each run emits "validated" (valid or not): settings that apply on change save a
 * valid value from there.
 *
 * In a template, put the field inside the row; the field keeps its own title,
 * which stays its accessible name (the AT-SPI tests find fields by title):
 *
 *   <child>
 *     <object class="FacturesFormRow" id="name_form_row">
 *       <child>
 *         <object class="AdwEntryRow" id="name_row">
 *           <property name="title" translatable="yes">Name</property>
 *         </object>
 *       </child>
 *     </object>
 *   </child>
 *
 * and in C:
 *
 *   factures_form_row_set_check (self->name_form_row, check_name, self, NULL);
 *   …
 *   if (!factures_form_row_validate (self->name_form_row)) …
 *
 * or, without a template, adw_preferences_group_add (group, factures_form_row_new (field)).
 * A FacturesForm (factures-form.h) can also set the message of the row around a field
 * with factures_form_set_error (form, field, message), and find the first field in error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_FORM_ROW (factures_form_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesFormRow, factures_form_row, FACTURES, FORM_ROW, AdwPreferencesRow)

/* Returns NULL when @text (trimmed, never NULL) is acceptable, else a newly allocated
 * message naming the field. */
typedef char *(*FacturesFormRowCheck) (const char *text,
                                       gpointer    user_data);

GtkWidget       *factures_form_row_new         (GtkWidget       *field);
GtkWidget       *factures_form_row_get_field   (FacturesFormRow *self);
void             factures_form_row_set_field   (FacturesFormRow *self,
                                                GtkWidget       *field);
/* The message shown, or NULL. */
const char      *factures_form_row_get_message (FacturesFormRow *self);
/* @message: NULL or "" clears it. */
void             factures_form_row_set_message (FacturesFormRow *self,
                                                const char      *message);
void             factures_form_row_set_check   (FacturesFormRow     *self,
                                                FacturesFormRowCheck check,
                                                gpointer             user_data,
                                                GDestroyNotify       destroy);
/* Runs the check (if any) on the field's trimmed text now; TRUE when valid. */
gboolean         factures_form_row_validate    (FacturesFormRow *self);
/* Runs the check without showing its message; TRUE when valid. */
gboolean         factures_form_row_is_valid    (FacturesFormRow *self);
/* The FacturesFormRow around @field (or @field itself), or NULL. */
FacturesFormRow *factures_form_row_find        (GtkWidget       *field);

G_END_DECLS
