/* factures-profile-editor.c — the business profile form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "factures-file-chooser.h"
#include "factures-checks.h"
#include "factures-country-row.h"
#include "factures-form.h"
#include "factures-form-row.h"
#include "factures-identifiers.h"
#include "factures-identifiers-eu.h"
#include "factures-logo.h"
#include "factures-profile-editor-private.h"
#include "factures-terms.h"

G_DEFINE_FINAL_TYPE (FacturesProfileEditor, factures_profile_editor, GTK_TYPE_BOX)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------ validation -- */

static gboolean
validate_row (FacturesProfileEditor *self,
              GtkWidget             *row)
{
  FacturesFormRow *form_row = factures_form_row_find (row);

  return form_row == NULL || factures_form_row_validate (form_row);
}

/* Shows @message (NULL clears it) under @row. */
static void
set_row_message (GtkWidget  *row,
                 const char *message)
{
  FacturesFormRow *form_row = factures_form_row_find (row);

  if (form_row != NULL)
    factures_form_row_set_message (form_row, message);
}

static gboolean
row_in_error (GtkWidget *row)
{
  FacturesFormRow *form_row = factures_form_row_find (row);

  return form_row != NULL && factures_form_row_get_message (form_row) != NULL;
}

static void apply_changes (FacturesProfileEditor *self);

static void
row_validated_cb (FacturesProfileEditor *self,
                  gboolean               valid)
{
  if (valid && self->apply_on_change && !self->applying_held)
    apply_changes (self);
}

static gboolean
row_valid (GtkWidget *row)
{
  FacturesFormRow *form_row = factures_form_row_find (row);

  return form_row == NULL || factures_form_row_is_valid (form_row);
}

static void
update_sensitivity (FacturesProfileEditor *self)
{
  guint terms = adw_combo_row_get_selected (ADW_COMBO_ROW (self->terms_row));
  gboolean rcs = adw_combo_row_get_selected (ADW_COMBO_ROW (self->registry_row)) == REGISTRY_POS_RCS;

  gtk_widget_set_sensitive (self->registry_city_row, rcs);
  /* The VAT number is asked in franchise too: a franchise seller needs one to sell services
   * reverse-charged in another member state (art. 286 ter 5° CGI; issue 13 item 2). */
  if (_factures_profile_editor_charges_vat (self))
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->vat_group),
                                           _("Your VAT number is printed on every invoice."));
  else
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->vat_group),
                                           _("In franchise you charge no VAT, but selling services to businesses "
                                             "in other EU countries needs your intra-community VAT number "
                                             "(art. 286 ter of the CGI): ask your tax office (SIE) for it."));
  if (!_factures_profile_editor_charges_vat (self) && row_in_error (self->vat_id_row))
    validate_row (self, self->vat_id_row);
  gtk_widget_set_sensitive (self->days_row, terms == TERMS_POS_DAYS);
  gtk_widget_set_sensitive (self->eom_row, terms == TERMS_POS_EOM_45);
  if (!rcs)
    set_row_message (self->registry_city_row, NULL);
  if (terms != TERMS_POS_DAYS)
    set_row_message (self->days_row, NULL);
}

static void
combo_selected_cb (FacturesProfileEditor *self)
{
  update_sensitivity (self);
  if (self->apply_on_change && !self->applying_held)
    apply_changes (self);
}

void
_factures_profile_editor_vat_changed (FacturesProfileEditor *self)
{
  combo_selected_cb (self);
}

static void
territory_selected_cb (FacturesProfileEditor *self)
{
  if (self->country_row == NULL)
    return;
  _factures_profile_editor_country_from_territory (self);
  combo_selected_cb (self);
}

/* Under the VAT regime: the day VAT is charged from, when the Year view said it (migration 0025). */
static void
show_vat_from (FacturesProfileEditor *self)
{
  g_autofree char *subtitle = NULL;

  if (_factures_profile_editor_charges_vat (self) && g_date_valid (&self->vat_from))
    {
      g_autofree char *on = factures_date_format_long (&self->vat_from);

      /* Translators: under « Régime de TVA », e.g. "VAT charged from 1 March 2026" */
      subtitle = g_strdup_printf (_("VAT charged from %s"), on);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->vat_row), subtitle != NULL ? subtitle : "");
}

/* Switching to "charges VAT" with an empty VAT number: propose the French one
 * computed from the SIREN ("FR" + key + SIREN). */
static void
vat_regime_selected_cb (FacturesProfileEditor *self)
{
  show_vat_from (self);
  g_autofree char *vat_id = factures_editable_get_trimmed (self->vat_id_row);
  g_autofree char *siret = factures_editable_get_trimmed (self->siret_row);
  g_autofree char *siren = NULL;

  if (_factures_profile_editor_charges_vat (self) && *vat_id == '\0')
    {
      g_free (factures_check_siren_or_siret (siret, TRUE, &siren, NULL));
      if (siren != NULL)
        {
          g_autofree char *computed = factures_vat_id_from_siren (siren);
          factures_editable_set_text_or_empty (self->vat_id_row, computed);
        }
    }
  update_sensitivity (self);
  if (self->apply_on_change && !self->applying_held)
    {
      /* A VAT number is needed from now on: say so under it at once. */
      validate_row (self, self->vat_id_row);
      apply_changes (self);
    }
}

static void
country_changed_cb (FacturesProfileEditor *self)
{
  if (self->country_row == NULL)
    return;
  /* An overseas department sets the territory. */
  if (self->territory_row != NULL)
    _factures_profile_editor_territory_from_country (self);
  /* A choice, checked and applied at once like the combo rows. */
  if (validate_row (self, self->country_row) && self->apply_on_change && !self->applying_held)
    apply_changes (self);
}

static void
on_append_ei (FacturesProfileEditor *self)
{
  g_autofree char *text = factures_editable_get_trimmed (self->name_row);
  g_autofree char *with_ei = g_strconcat (text, *text ? " EI" : "EI", NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), with_ei);
  validate_row (self, self->name_row);
}

/* ------------------------------------------------------------------ logo -- */

static void
update_logo_row (FacturesProfileEditor *self,
                 const char            *name)
{
  if (self->logo == NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->logo_row), _("No logo"));
  else if (name != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->logo_row), name);
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->logo_row), _("PNG image"));
  gtk_widget_set_visible (self->logo_remove_button, self->logo != NULL);

  /* A thumbnail of the logo as it will be printed. */
  gtk_picture_set_paintable (GTK_PICTURE (self->logo_picture), NULL);
  if (self->logo != NULL)
    {
      g_autoptr (GdkTexture) texture = gdk_texture_new_from_bytes (self->logo, NULL);
      if (texture != NULL)
        gtk_picture_set_paintable (GTK_PICTURE (self->logo_picture), GDK_PAINTABLE (texture));
    }
  gtk_widget_set_visible (self->logo_picture, self->logo != NULL);
}

/**
 * factures_profile_editor_load_logo:
 * @self: a FacturesProfileEditor
 * @file: a PNG or JPEG image
 *
 * What "Choose a Logo…" does with the file chosen: the logo is prepared
 * (factures_logo_prepare()) and shown with its original size; a refusal is shown
 * under the Logo row. Saved with the profile.
 *
 * Returns: TRUE when the logo was taken.
 */
gboolean
factures_profile_editor_load_logo (FacturesProfileEditor *self,
                                   GFile                 *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *description = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GBytes) logo = NULL;
  gsize length = 0;
  int width = 0;
  int height = 0;

  g_return_val_if_fail (FACTURES_IS_PROFILE_EDITOR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  basename = g_file_get_basename (file);
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Logo: cannot read “%s”: %s"), basename, error->message);
      set_row_message (self->logo_row, message);
      return FALSE;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  /* The one way in (issue 11 item 10): PNG or JPEG, stored as a PNG of at most 600 px. */
  logo = factures_logo_prepare (bytes, &width, &height, &error);
  if (logo == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s (%s)", error->message, basename);
      set_row_message (self->logo_row, message);
      return FALSE;
    }

  g_clear_pointer (&self->logo, g_bytes_unref);
  self->logo = g_steal_pointer (&logo);
  set_row_message (self->logo_row, NULL);
  if (MAX (width, height) > FACTURES_LOGO_MAX_SIDE)
    {
      g_autoptr (GdkTexture) texture = gdk_texture_new_from_bytes (self->logo, NULL);

      /* TRANSLATORS: file name, then the size of the image in pixels, then the size kept. */
      description = g_strdup_printf (_("%s, %d × %d px, reduced to %d × %d px"), basename, width, height,
                                     texture != NULL ? gdk_texture_get_width (texture) : 0,
                                     texture != NULL ? gdk_texture_get_height (texture) : 0);
    }
  else
    /* TRANSLATORS: file name, then the size of the image in pixels. */
    description = g_strdup_printf (_("%s, %d × %d px"), basename, width, height);
  update_logo_row (self, description);
  if (self->apply_on_change)
    apply_changes (self);
  return TRUE;
}

static void
on_chooser_response (GtkNativeDialog       *dialog,
                     int                    response,
                     FacturesProfileEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      factures_profile_editor_load_logo (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
on_choose_logo (FacturesProfileEditor *self)
{
  GtkFileFilter *filter;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Choose a Logo"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  factures_file_chooser_start_in_documents (self->chooser);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PNG or JPEG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_remove_logo (FacturesProfileEditor *self)
{
  g_clear_pointer (&self->logo, g_bytes_unref);
  set_row_message (self->logo_row, NULL);
  update_logo_row (self, NULL);
  if (self->apply_on_change)
    apply_changes (self);
}

/* ------------------------------------------------------------------ load -- */

static void
load_profile (FacturesProfileEditor *self)
{
  g_autoptr (FacturesProfile) profile = NULL;
  g_autoptr (GError) error = NULL;
  const char *siret;
  guint terms_pos = TERMS_POS_ON_RECEIPT;

  profile = factures_store_get_profile (self->store, &error);
  if (profile == NULL)
    {
      if (error != NULL)
        g_warning ("Cannot read the business profile: %s", error->message);
      return;
    }

  factures_editable_set_text_or_empty (self->name_row, profile->party.name);
  factures_editable_set_text_or_empty (self->address_row, profile->party.address);
  factures_editable_set_text_or_empty (self->postal_code_row, profile->party.postal_code);
  factures_editable_set_text_or_empty (self->city_row, profile->party.city);
  factures_country_row_set_country_code (FACTURES_COUNTRY_ROW (self->country_row), profile->party.country_code);
  factures_editable_set_text_or_empty (self->email_row, profile->party.email);
  factures_editable_set_text_or_empty (self->phone_row, profile->party.phone);
  siret = profile->party.siret != NULL && *profile->party.siret ? profile->party.siret : profile->party.siren;
  factures_editable_set_text_or_empty (self->siret_row, siret);

  switch (profile->registry)
    {
    case FACTURES_REGISTRY_RCS:
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->registry_row), REGISTRY_POS_RCS);
      break;
    case FACTURES_REGISTRY_RNE:
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->registry_row), REGISTRY_POS_RNE);
      break;
    case FACTURES_REGISTRY_NONE:
    default:
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->registry_row), REGISTRY_POS_NONE);
      break;
    }
  factures_editable_set_text_or_empty (self->registry_city_row, profile->registry_city);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->activity_row), profile->activity);
  self->vat_from = profile->vat_from;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->vat_row), profile->vat_regime);
  show_vat_from (self);
  {
    g_autofree char *vat_id = factures_identifier_display (profile->party.vat_id);

    factures_editable_set_text_or_empty (self->vat_id_row, vat_id);
  }
  _factures_profile_editor_load_vat (self, profile);
  factures_editable_set_text_or_empty (self->insurance_row, profile->insurance);
  if (profile->iban != NULL)
    {
      g_autofree char *iban = factures_iban_format (profile->iban);
      factures_editable_set_text_or_empty (self->iban_row, iban);
    }
  factures_editable_set_text_or_empty (self->bic_row, profile->bic);

  switch (profile->default_terms.kind)
    {
    case FACTURES_TERMS_DAYS:
      terms_pos = TERMS_POS_DAYS;
      break;
    case FACTURES_TERMS_END_OF_MONTH_45:
      terms_pos = TERMS_POS_EOM_45;
      break;
    case FACTURES_TERMS_ON_RECEIPT:
    default:
      terms_pos = TERMS_POS_ON_RECEIPT;
      break;
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->terms_row), terms_pos);
  if (profile->default_terms.kind == FACTURES_TERMS_DAYS)
    {
      g_autofree char *days = g_strdup_printf ("%u", profile->default_terms.days);
      gtk_editable_set_text (GTK_EDITABLE (self->days_row), days);
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->eom_row), profile->eom_method);
  if (profile->penalty_rate_bp > 0)
    {
      g_autofree char *rate = factures_rate_format (profile->penalty_rate_bp);
      gtk_editable_set_text (GTK_EDITABLE (self->penalty_row), rate);
    }
  if (profile->logo != NULL)
    self->logo = g_bytes_ref (profile->logo);
  update_logo_row (self, NULL);
  update_sensitivity (self);
}

/* ------------------------------------------------------------------ save -- */

static char *
row_text_or_null (GtkWidget *row)
{
  char *text = factures_editable_get_trimmed (row);

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static char *
row_clean (GtkWidget *row,
           gsize      max_chars)
{
  g_autofree char *text = factures_editable_get_trimmed (row);

  if (*text == '\0')
    return NULL;
  return factures_text_clean (text, "", max_chars, FALSE, NULL);
}

static FacturesProfile *
build_profile (FacturesProfileEditor *self)
{
  g_autoptr (FacturesProfile) profile = factures_profile_new ();
  g_autofree char *siret = factures_editable_get_trimmed (self->siret_row);
  g_autofree char *iban = factures_editable_get_trimmed (self->iban_row);
  g_autofree char *bic = factures_editable_get_trimmed (self->bic_row);
  g_autofree char *penalty = factures_editable_get_trimmed (self->penalty_row);
  guint registry = adw_combo_row_get_selected (ADW_COMBO_ROW (self->registry_row));
  guint terms = adw_combo_row_get_selected (ADW_COMBO_ROW (self->terms_row));

  factures_party_clear (&profile->party);
  profile->party.name = row_clean (self->name_row, 200);
  profile->party.address = row_clean (self->address_row, 300);
  profile->party.postal_code = row_text_or_null (self->postal_code_row);
  profile->party.city = row_clean (self->city_row, 100);
  profile->party.country_code = g_strdup (factures_country_row_get_country_code (FACTURES_COUNTRY_ROW (self->country_row)));
  /* Set on the Numbering page (issue 3): keep it. */
  {
    g_autoptr (FacturesProfile) stored = factures_store_get_profile (self->store, NULL);

    profile->building_trade = stored != NULL && stored->building_trade;
    /* Set on the Discounts page (issue 3 item 9): kept as stored. */
    profile->escompte_rate_bp = stored != NULL ? stored->escompte_rate_bp : 0;
    profile->escompte_days = stored != NULL ? stored->escompte_days : 0;
  }
  profile->party.email = row_text_or_null (self->email_row);
  profile->party.phone = row_text_or_null (self->phone_row);
  g_free (factures_check_siren_or_siret (siret, TRUE, &profile->party.siren, &profile->party.siret));

  switch (registry)
    {
    case REGISTRY_POS_RCS:
      profile->registry = FACTURES_REGISTRY_RCS;
      profile->registry_city = row_clean (self->registry_city_row, 100);
      break;
    case REGISTRY_POS_RNE:
      profile->registry = FACTURES_REGISTRY_RNE;
      break;
    default:
      profile->registry = FACTURES_REGISTRY_NONE;
      break;
    }
  profile->activity = (FacturesActivity) adw_combo_row_get_selected (ADW_COMBO_ROW (self->activity_row));
  profile->vat_regime = (FacturesVatRegime) adw_combo_row_get_selected (ADW_COMBO_ROW (self->vat_row));
  {
    g_autofree char *vat_id = factures_editable_get_trimmed (self->vat_id_row);
    if (*vat_id != '\0')
      factures_vat_id_check (vat_id, &profile->party.vat_id, NULL);
  }
  profile->insurance = row_clean (self->insurance_row, 500);

  g_clear_pointer (&profile->iban, g_free);
  g_clear_pointer (&profile->bic, g_free);
  factures_iban_check (iban, &profile->iban, NULL);
  factures_bic_check (bic, &profile->bic, NULL);

  switch (terms)
    {
    case TERMS_POS_DAYS:
      {
        g_autofree char *days = factures_editable_get_trimmed (self->days_row);
        profile->default_terms.kind = FACTURES_TERMS_DAYS;
        g_free (factures_check_days (days, FACTURES_CLIENT_CATEGORY_COMPANY, &profile->default_terms.days));
      }
      break;
    case TERMS_POS_EOM_45:
      profile->default_terms.kind = FACTURES_TERMS_END_OF_MONTH_45;
      profile->default_terms.days = 0;
      break;
    default:
      profile->default_terms.kind = FACTURES_TERMS_ON_RECEIPT;
      profile->default_terms.days = 0;
      break;
    }
  profile->eom_method = (FacturesEomMethod) adw_combo_row_get_selected (ADW_COMBO_ROW (self->eom_row));

  profile->penalty_rate_bp = 0;
  if (*penalty != '\0')
    factures_rate_parse (penalty, "", &profile->penalty_rate_bp, NULL);

  g_clear_pointer (&profile->logo, g_bytes_unref);
  if (self->logo != NULL)
    profile->logo = g_bytes_ref (self->logo);
  _factures_profile_editor_build_vat (self, profile);
  /* The day VAT is charged from is set in the Year view; kept while VAT-registered. */
  if (profile->vat_regime == FACTURES_VAT_REGIME_REGISTERED)
    profile->vat_from = self->vat_from;

  return g_steal_pointer (&profile);
}

/* What is saved while some fields are invalid or half-typed: their stored values. */
static void
keep_stored_where_invalid (FacturesProfileEditor *self,
                           FacturesProfile       *profile,
                           const FacturesProfile *stored)
{
#define KEEP_TEXT(row, member) \
  if (!row_valid (self->row)) \
    { \
      g_free (profile->member); \
      profile->member = g_strdup (stored->member); \
    }

  KEEP_TEXT (name_row, party.name);
  KEEP_TEXT (address_row, party.address);
  KEEP_TEXT (postal_code_row, party.postal_code);
  KEEP_TEXT (city_row, party.city);
  KEEP_TEXT (country_row, party.country_code);
  KEEP_TEXT (email_row, party.email);
  KEEP_TEXT (phone_row, party.phone);
  KEEP_TEXT (insurance_row, insurance);
  KEEP_TEXT (iban_row, iban);
  KEEP_TEXT (bic_row, bic);
  if (!row_valid (self->siret_row))
    {
      g_free (profile->party.siren);
      g_free (profile->party.siret);
      profile->party.siren = g_strdup (stored->party.siren);
      profile->party.siret = g_strdup (stored->party.siret);
    }
  if (!row_valid (self->registry_city_row))
    {
      g_free (profile->registry_city);
      profile->registry_city = g_strdup (stored->registry_city);
      profile->registry = stored->registry;
    }
  if (!row_valid (self->vat_id_row))
    {
      g_free (profile->party.vat_id);
      profile->party.vat_id = g_strdup (stored->party.vat_id);
      profile->vat_regime = stored->vat_regime;
    }
  if (!row_valid (self->days_row))
    profile->default_terms = stored->default_terms;
  if (!row_valid (self->penalty_row))
    profile->penalty_rate_bp = stored->penalty_rate_bp;
#undef KEEP_TEXT
}

static void
show_store_error (FacturesProfileEditor *self,
                  const char            *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

/* Preferences (issue 11 item 6): the profile as entered, each invalid or half-typed
 * field keeping its stored value, is saved at once. */
static void
apply_changes (FacturesProfileEditor *self)
{
  g_autoptr (FacturesProfile) stored = NULL;
  g_autoptr (FacturesProfile) profile = NULL;
  g_autoptr (GError) error = NULL;

  stored = factures_store_get_profile (self->store, &error);
  if (stored == NULL)
    {
      /* No profile yet: the first one is saved with Save, complete. */
      show_store_error (self, error != NULL ? error->message : NULL);
      return;
    }
  profile = build_profile (self);
  keep_stored_where_invalid (self, profile, stored);
  if (!factures_store_save_profile (self->store, profile, &error))
    {
      show_store_error (self, error->message);
      return;
    }
  show_store_error (self, NULL);
  g_signal_emit (self, signals[SAVED], 0);
}

/**
 * factures_profile_editor_set_apply_on_change:
 * @self: a FacturesProfileEditor
 * @apply_on_change: TRUE in the Preferences
 *
 * With @apply_on_change, there is no Save button: a valid value is saved as soon as
 * it is entered (leaving the field, Enter, a choice, a logo); an invalid one stays
 * in its field with its message and is not saved (the stored value stays).
 * factures_profile_editor_flush() says, when the window closes, whether some are left.
 */
void
factures_profile_editor_set_apply_on_change (FacturesProfileEditor *self,
                                             gboolean               apply_on_change)
{
  g_return_if_fail (FACTURES_IS_PROFILE_EDITOR (self));

  self->apply_on_change = !!apply_on_change;
  gtk_widget_set_visible (self->save_box, !self->apply_on_change);
}

/**
 * factures_profile_editor_flush:
 * @self: a FacturesProfileEditor with apply-on-change
 *
 * Checks every field (showing the messages), saves what is valid.
 *
 * Returns: TRUE when every field is valid (nothing is left unsaved).
 */
gboolean
factures_profile_editor_flush (FacturesProfileEditor *self)
{
  GtkWidget *rows[] = {
    self->name_row, self->address_row, self->postal_code_row, self->city_row, self->country_row,
    self->email_row, self->phone_row, self->siret_row, self->registry_city_row, self->vat_id_row,
    self->insurance_row, self->iban_row, self->bic_row, self->days_row, self->penalty_row,
  };
  gboolean all_valid = TRUE;

  g_return_val_if_fail (FACTURES_IS_PROFILE_EDITOR (self), TRUE);

  self->applying_held = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (!validate_row (self, rows[i]))
      all_valid = FALSE;
  self->applying_held = FALSE;
  if (self->apply_on_change)
    apply_changes (self);
  return all_valid;
}

gboolean
factures_profile_editor_save (FacturesProfileEditor *self,
                              GError               **error)
{
  GtkWidget *rows[] = {
    self->name_row, self->address_row, self->postal_code_row, self->city_row, self->country_row,
    self->email_row, self->phone_row, self->siret_row, self->registry_city_row, self->vat_id_row,
    self->insurance_row, self->iban_row, self->bic_row, self->days_row, self->penalty_row,
  };
  g_autoptr (FacturesProfile) profile = NULL;
  g_autoptr (GError) local_error = NULL;
  GtkWidget *first;

  g_return_val_if_fail (FACTURES_IS_PROFILE_EDITOR (self), FALSE);

  gtk_widget_set_visible (self->error_label, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    validate_row (self, rows[i]);

  first = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (rows) && first == NULL; i++)
    if (row_in_error (rows[i]))
      first = rows[i];
  if (first == NULL && row_in_error (self->logo_row))
    first = self->logo_row;
  if (first != NULL)
    {
      gtk_widget_grab_focus (first);
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           gtk_widget_get_tooltip_text (first));
      return FALSE;
    }

  profile = build_profile (self);
  if (!factures_store_save_profile (self->store, profile, &local_error))
    {
      gtk_label_set_text (GTK_LABEL (self->error_label), local_error->message);
      gtk_widget_set_visible (self->error_label, TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  factures_profile_editor_save (FACTURES_PROFILE_EDITOR (widget), NULL);
}

static void
choose_logo_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  on_choose_logo (FACTURES_PROFILE_EDITOR (widget));
}

static void
remove_logo_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  on_remove_logo (FACTURES_PROFILE_EDITOR (widget));
}

static void
append_ei_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  on_append_ei (FACTURES_PROFILE_EDITOR (widget));
}

/* -------------------------------------------------------------- GObject -- */

static void
factures_profile_editor_dispose (GObject *object)
{
  FacturesProfileEditor *self = FACTURES_PROFILE_EDITOR (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_pointer (&self->logo, g_bytes_unref);
  g_clear_pointer (&self->exempt_activities, g_ptr_array_unref);
  g_clear_pointer (&self->exempt_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_PROFILE_EDITOR);

  G_OBJECT_CLASS (factures_profile_editor_parent_class)->dispose (object);
}

static void
factures_profile_editor_class_init (FacturesProfileEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_profile_editor_dispose;

  /**
   * FacturesProfileEditor::saved:
   * Emitted after the profile was written to the store.
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);

  g_type_ensure (FACTURES_TYPE_COUNTRY_ROW);
  g_type_ensure (FACTURES_TYPE_FORM_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/preferences/factures-profile-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, FacturesProfileEditor, name)
  BIND (name_row);
  BIND (append_ei_button);
  gtk_widget_class_bind_template_callback (widget_class, on_append_ei);
  BIND (address_row);
  BIND (postal_code_row);
  BIND (city_row);
  BIND (country_row);
  BIND (email_row);
  BIND (phone_row);
  BIND (siret_row);
  BIND (registry_row);
  BIND (registry_city_row);
  BIND (activity_row);
  BIND (vat_group);
  BIND (territory_row);
  BIND (vat_row);
  BIND (vat_id_row);
  BIND (line_activity_row);
  BIND (exempt_group);
  BIND (exempt_label_row);
  BIND (exempt_basis_row);
  BIND (insurance_row);
  BIND (iban_row);
  BIND (bic_row);
  BIND (terms_row);
  BIND (days_row);
  BIND (eom_row);
  BIND (penalty_row);
  BIND (logo_row);
  BIND (logo_picture);
  BIND (logo_remove_button);
  BIND (error_label);
  BIND (save_button);
  BIND (save_box);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, combo_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, country_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, territory_selected_cb);
  _factures_profile_editor_class_init_vat (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, vat_regime_selected_cb);

  gtk_widget_class_install_action (widget_class, "profile.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "profile.choose-logo", NULL, choose_logo_activated);
  gtk_widget_class_install_action (widget_class, "profile.remove-logo", NULL, remove_logo_activated);
  gtk_widget_class_install_action (widget_class, "profile.append-ei", NULL, append_ei_activated);
}

static void
factures_profile_editor_init (FacturesProfileEditor *self)
{
  self->applying_held = TRUE;
  self->exempt_activities = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_exempt_activity_free);
  self->exempt_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  _factures_profile_editor_setup_checks (self);
  _factures_profile_editor_setup_vat (self);

  /* Preferences: a valid value is saved as soon as it is entered. */
  {
    GtkWidget *fields[] = {
      self->name_row, self->address_row, self->postal_code_row, self->city_row,
      self->email_row, self->phone_row, self->siret_row, self->registry_city_row, self->vat_id_row,
      self->insurance_row, self->iban_row, self->bic_row, self->days_row, self->penalty_row,
    };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      g_signal_connect_swapped (factures_form_row_find (fields[i]), "validated",
                                G_CALLBACK (row_validated_cb), self);
  }

  gtk_editable_set_text (GTK_EDITABLE (self->days_row), "30");
  update_logo_row (self, NULL);
  update_sensitivity (self);
  self->applying_held = FALSE;
}

GtkWidget *
factures_profile_editor_new (FacturesStore *store)
{
  FacturesProfileEditor *self;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_PROFILE_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->applying_held = TRUE;
  load_profile (self);
  self->applying_held = FALSE;
  return GTK_WIDGET (self);
}
