/* factures-form.h — small helpers shared by the forms (profile, client)
 *
 * Rows are AdwEntryRow / AdwComboRow whose accessible name is their title
 * (once: libadwaita 1.2 would say it twice), so AT-SPI clients (and the journey
 * test) find fields by their French title; an entry row is the AT-SPI "text". A FacturesForm keeps the
 * current validation message of each row. A row inside a FacturesFormRow
 * (factures-form-row.h) gets its message shown under it by that row; any other row
 * gets the style class "error", the tooltip and the accessible description, and its
 * message is listed, naming its field, in the form's label (if any).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_FORM (factures_form_get_type ())
G_DECLARE_FINAL_TYPE (FacturesForm, factures_form, FACTURES, FORM, GObject)

/* A form reporting into @error_label (may be NULL). */
FacturesForm *factures_form_new          (GtkLabel     *error_label);

/* @message: NULL or "" clears the row's error. */
void          factures_form_set_error    (FacturesForm *self,
                                          GtkWidget    *row,
                                          const char   *message);
gboolean      factures_form_has_errors   (FacturesForm *self);
/* The first row in error (in the order errors were first set), or NULL. */
GtkWidget    *factures_form_get_first_error_row (FacturesForm *self);

/* Names an entry row from a template once, by its title without the mnemonic's underscore
 * (libadwaita 1.2 names it by its title and its placeholder title: "Name Name";
 * AT-SPI role "text"). */
void          factures_entry_row_name_once (GtkWidget  *row);
/* Trimmed text of an editable; never NULL. */
char         *factures_editable_get_trimmed (GtkWidget *editable);
/* Sets the text of an editable, NULL meaning "". */
void          factures_editable_set_text_or_empty (GtkWidget  *editable,
                                                   const char *text);

/* Calls @callback (with @user_data) when the editable text of @row loses the keyboard focus. */
void          factures_entry_row_on_leave (GtkWidget *row,
                                           GCallback  callback,
                                           gpointer   user_data);

/* Names @drop_down @label for AT-SPI, and the toggle button GTK 4.8 puts inside it, which
 * AT-SPI would otherwise call "GtkToggleButton". */
void          factures_drop_down_set_accessible_label (GtkWidget  *drop_down,
                                                       const char *label);
/* Names every descendant of @widget of type @type and accessible role @role @label, or,
 * when @label is NULL, its tooltip, or hides it from AT-SPI when it has none: the
 * unnamed internals of GTK/libadwaita widgets (a password row's peek button, a disabled
 * search entry) that AT-SPI would otherwise name after their type. Returns how many
 * were changed. */
guint         factures_accessible_fix_descendants (GtkWidget         *widget,
                                                   GType              type,
                                                   GtkAccessibleRole  role,
                                                   const char        *label);

G_END_DECLS
