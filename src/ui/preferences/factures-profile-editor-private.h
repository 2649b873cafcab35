/* factures-profile-editor-private.h — the profile editor's instance, for its sibling files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-profile-editor.h"

G_BEGIN_DECLS

/* Positions in the combo rows; they follow the core enums except where noted. */
enum { REGISTRY_POS_NONE, REGISTRY_POS_RCS, REGISTRY_POS_RNE };
enum { TERMS_POS_ON_RECEIPT, TERMS_POS_DAYS, TERMS_POS_EOM_45 };

struct _FacturesProfileEditor
{
  GtkBox         parent_instance;

  FacturesStore *store;
  GBytes        *logo;

  /* Template children */
  GtkWidget     *name_row;
  GtkWidget     *address_row;
  GtkWidget     *postal_code_row;
  GtkWidget     *city_row;
  GtkWidget     *country_row;
  GtkWidget     *email_row;
  GtkWidget     *phone_row;
  GtkWidget     *siret_row;
  GtkWidget     *registry_row;
  GtkWidget     *registry_city_row;
  GtkWidget     *activity_row;
  GtkWidget     *vat_group;
  GtkWidget     *territory_row;
  GtkWidget     *vat_row;
  GtkWidget     *vat_id_row;
  GtkWidget     *line_activity_row;
  GtkWidget     *exempt_group;
  GtkWidget     *exempt_label_row;
  GtkWidget     *exempt_basis_row;
  GtkWidget     *insurance_row;
  GtkWidget     *iban_row;
  GtkWidget     *bic_row;
  GtkWidget     *terms_row;
  GtkWidget     *days_row;
  GtkWidget     *eom_row;
  GtkWidget     *penalty_row;
  GtkWidget     *logo_row;
  GtkWidget     *logo_picture;
  GtkWidget     *logo_remove_button;
  GtkWidget     *error_label;
  GtkWidget     *save_button;
  GtkWidget     *save_box;

  GtkWidget     *append_ei_button;

  GPtrArray     *exempt_activities;  /* FacturesExemptActivity*, as edited */
  GPtrArray     *exempt_rows;        /* their rows in exempt_group, same order */  /* in the name row's suffix while offered */

  GDate          vat_from;         /* the day VAT is charged from, as loaded (migration 0025) */

  gboolean       apply_on_change;  /* Preferences: each valid value is saved when entered */
  gboolean       applying_held;    /* while load or a validation of every row runs */

  GtkFileChooserNative *chooser;
};

/* factures-profile-editor-checks.c: the check of each field, set on its FacturesFormRow. */
void     _factures_profile_editor_setup_checks (FacturesProfileEditor *self);
gboolean _factures_profile_editor_charges_vat  (FacturesProfileEditor *self);
/* TRUE for "FR" and the overseas departments' codes (GP, MQ, RE, GF, YT). */
gboolean _factures_profile_editor_country_allowed (const char *country_code);

/* factures-profile-editor-vat.c: territory, usual activity, exempt activities (issue 13). */
void     _factures_profile_editor_class_init_vat          (GtkWidgetClass        *widget_class);
void     _factures_profile_editor_setup_vat               (FacturesProfileEditor *self);
void     _factures_profile_editor_load_vat                (FacturesProfileEditor *self,
                                                           const FacturesProfile *profile);
void     _factures_profile_editor_build_vat               (FacturesProfileEditor *self,
                                                           FacturesProfile       *profile);
void     _factures_profile_editor_show_exempt_activities  (FacturesProfileEditor *self);
void     _factures_profile_editor_territory_from_country  (FacturesProfileEditor *self);
void     _factures_profile_editor_country_from_territory  (FacturesProfileEditor *self);
/* factures-profile-editor.c: a VAT choice changed (applied at once in the Preferences). */
void     _factures_profile_editor_vat_changed             (FacturesProfileEditor *self);

G_END_DECLS
