/* factures-placeholder-button.h — “Insert a Field”: template placeholders by their French names
 *
 * A menu button listing the placeholders of the message templates by names a French
 * user can read (« Nom du client », « Numéro », « Échéance »…: see
 * factures_mail_template_placeholders()); choosing one inserts "{Nom du client}" at
 * the cursor of the target, a GtkEditable (an AdwEntryRow, the subject) or a
 * GtkTextView (the body). The templates written with the older names ({client},
 * {due_date}) keep working: both are expanded.
 *
 *   <object class="FacturesPlaceholderButton">
 *     <property name="target">body_view</property>
 *   </object>
 *
 * The menu's items activate the widget-scoped action "placeholder.insert" (s).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_PLACEHOLDER_BUTTON (factures_placeholder_button_get_type ())
G_DECLARE_FINAL_TYPE (FacturesPlaceholderButton, factures_placeholder_button, FACTURES, PLACEHOLDER_BUTTON,
                      GtkWidget)

GtkWidget *factures_placeholder_button_new        (GtkWidget                 *target);
GtkWidget *factures_placeholder_button_get_target (FacturesPlaceholderButton *self);
/* @target: a GtkEditable or a GtkTextView, or NULL. */
void       factures_placeholder_button_set_target (FacturesPlaceholderButton *self,
                                                   GtkWidget                 *target);
/* What choosing @french (a placeholder's French name) in the menu does. */
void       factures_placeholder_button_insert     (FacturesPlaceholderButton *self,
                                                   const char                *french);

G_END_DECLS
