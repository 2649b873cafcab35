/* factures-profile-editor-checks.c — the check of each field of the business profile
 *
 * Each returns NULL when the trimmed text is acceptable, else a message naming the
 * field; the FacturesFormRow around the field shows it under the field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "factures-checks.h"
#include "factures-country-row.h"
#include "factures-form.h"
#include "factures-form-row.h"
#include "factures-identifiers.h"
#include "factures-profile-editor-private.h"
#include "factures-terms.h"

static char *
take_message (GError *error)
{
  char *message = g_strdup (error->message);

  g_error_free (error);
  return message;
}

/* The seller's name must be followed by "EI" or the words "entrepreneur individuel"
 * (C. com. R526-26 since the loi 2022-172; LEGAL.md §1). */
static gboolean
name_has_ei (const char *name)
{
  gsize len = strlen (name);

  if (g_str_has_suffix (name, "entrepreneur individuel") ||
      g_str_has_suffix (name, "Entrepreneur individuel"))
    return TRUE;
  if (len < 2 || !g_str_has_suffix (name, "EI"))
    return FALSE;
  return len == 2 || !g_ascii_isalnum (name[len - 3]);
}

/* The suffix box of an entry row takes room as soon as it holds a widget, even a
 * hidden one: add the button only while it is offered. */
static void
offer_append_ei (FacturesProfileEditor *self,
                 gboolean               offer)
{
  gboolean shown = gtk_widget_get_parent (self->append_ei_button) != NULL;

  if (offer && !shown)
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->name_row), self->append_ei_button);
  else if (!offer && shown)
    adw_entry_row_remove (ADW_ENTRY_ROW (self->name_row), self->append_ei_button);
}

static char *
check_name (const char *text,
            gpointer    user_data)
{
  FacturesProfileEditor *self = user_data;

  char *message = factures_check_text (text, _("Name"), 200, TRUE);

  offer_append_ei (self, FALSE);
  if (message != NULL)
    return message;
  if (!name_has_ei (text))
    {
      offer_append_ei (self, TRUE);
      return g_strdup (_("Name: an individual entrepreneur’s name must be followed by “EI”."));
    }
  return NULL;
}

static char *
check_address (const char *text,
               gpointer    user_data)
{
  return factures_check_text (text, _("Address"), 300, TRUE);
}

static char *
check_city (const char *text,
            gpointer    user_data)
{
  return factures_check_text (text, _("City"), 100, TRUE);
}

static char *
check_postal_code (const char *text,
                   gpointer    user_data)
{
  return factures_check_postal_code (text, TRUE);
}

/* Where the seller may be established: France, or an overseas department where French VAT
 * rules apply with their own rates (CGI art. 294 to 296). */
static const char *const seller_countries[] = { "FR", "GP", "MQ", "RE", "GF", "YT" };

gboolean
_factures_profile_editor_country_allowed (const char *country_code)
{
  for (guint i = 0; i < G_N_ELEMENTS (seller_countries); i++)
    if (g_strcmp0 (country_code, seller_countries[i]) == 0)
      return TRUE;
  return FALSE;
}

static char *
check_country (const char *text,
               gpointer    user_data)
{
  FacturesProfileEditor *self = user_data;
  const char *code = factures_country_row_get_country_code (FACTURES_COUNTRY_ROW (self->country_row));

  if (!_factures_profile_editor_country_allowed (code))
    return g_strdup (_("Country: a micro-entrepreneur is established in France, metropolitan or "
                       "overseas (Guadeloupe, Martinique, La Réunion, Guyane, Mayotte)."));
  return NULL;
}

static char *
check_siret (const char *text,
             gpointer    user_data)
{
  return factures_check_siren_or_siret (text, TRUE, NULL, NULL);
}

static char *
check_registry_city (const char *text,
                     gpointer    user_data)
{
  FacturesProfileEditor *self = user_data;

  if (adw_combo_row_get_selected (ADW_COMBO_ROW (self->registry_row)) != REGISTRY_POS_RCS)
    return NULL;
  if (*text == '\0')
    return g_strdup (_("Registry city: required with an RCS registration (“RCS Lyon”)."));
  return factures_check_text (text, _("Registry city"), 100, TRUE);
}

static char *
check_email (const char *text,
             gpointer    user_data)
{
  return factures_check_email (text);
}

static char *
check_phone (const char *text,
             gpointer    user_data)
{
  return factures_check_phone (text);
}

gboolean
_factures_profile_editor_charges_vat (FacturesProfileEditor *self)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (self->vat_row)) == FACTURES_VAT_REGIME_REGISTERED;
}

/* A seller that charges VAT prints its VAT number (CGI art. 242 nonies A; LEGAL.md §1). */
static char *
check_vat_id (const char *text,
              gpointer    user_data)
{
  FacturesProfileEditor *self = user_data;

  g_autofree char *out = NULL;
  GError *error = NULL;

  if (*text == '\0')
    {
      if (_factures_profile_editor_charges_vat (self))
        return g_strdup (_("VAT number: required when you charge VAT."));
      return NULL;
    }
  if (!factures_vat_id_check (text, &out, &error))
    return take_message (error);
  /* The seller's is French: "FR", a key, the SIREN. */
  if (!g_str_has_prefix (out, "FR"))
    return g_strdup (_("VAT number: yours is French: “FR”, two characters, then your SIREN."));
  return NULL;
}

static char *
check_insurance (const char *text,
                 gpointer    user_data)
{
  return factures_check_text (text, _("Trade insurance"), 500, FALSE);
}

static char *
check_iban (const char *text,
            gpointer    user_data)
{
  g_autofree char *out = NULL;
  GError *error = NULL;

  if (!factures_iban_check (text, &out, &error))
    return take_message (error);
  return NULL;
}

static char *
check_bic (const char *text,
           gpointer    user_data)
{
  g_autofree char *out = NULL;
  GError *error = NULL;

  if (!factures_bic_check (text, &out, &error))
    return take_message (error);
  return NULL;
}

static char *
check_days (const char *text,
            gpointer    user_data)
{
  FacturesProfileEditor *self = user_data;

  if (adw_combo_row_get_selected (ADW_COMBO_ROW (self->terms_row)) != TERMS_POS_DAYS)
    return NULL;
  /* The default terms apply to business clients too: keep them within the B2B maximum. */
  return factures_check_days (text, FACTURES_CLIENT_CATEGORY_COMPANY, NULL);
}

static char *
check_penalty (const char *text,
               gpointer    user_data)
{
  gint rate = 0;
  GError *error = NULL;

  if (*text == '\0')
    return NULL;
  if (!factures_rate_parse (text, _("Late penalty rate"), &rate, &error))
    return take_message (error);
  if (rate <= 0)
    return g_strdup (_("Late penalty rate: leave it blank for the ECB rate + 10 points, or enter a rate above zero."));
  return NULL;
}

void
_factures_profile_editor_setup_checks (FacturesProfileEditor *self)
{
  const struct
  {
    GtkWidget           *row;
    FacturesFormRowCheck check;
  } checks[] = {
    { self->name_row, check_name },
    { self->address_row, check_address },
    { self->postal_code_row, check_postal_code },
    { self->city_row, check_city },
    { self->country_row, check_country },
    { self->email_row, check_email },
    { self->phone_row, check_phone },
    { self->siret_row, check_siret },
    { self->registry_city_row, check_registry_city },
    { self->vat_id_row, check_vat_id },
    { self->insurance_row, check_insurance },
    { self->iban_row, check_iban },
    { self->bic_row, check_bic },
    { self->days_row, check_days },
    { self->penalty_row, check_penalty },
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      if (ADW_IS_ENTRY_ROW (checks[i].row))
        factures_entry_row_name_once (checks[i].row);
      factures_form_row_set_check (factures_form_row_find (checks[i].row), checks[i].check, self, NULL);
    }
}
