/* factures-store-parties.c — validation helpers, the business profile and clients
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "factures-identifiers.h"
#include "factures-identifiers-eu.h"
#include "factures-lifecycle.h"
#include "factures-mentions.h"
#include "factures-rows.h"
#include "factures-sql-list-model.h"
#include "factures-store-private.h"
#include "factures-store-integrity-private.h"
#include "factures-store-lifecycle-private.h"
#include "factures-store-numbering-private.h"
#include "factures-store-payments-private.h"
#include "factures-store-schedule-private.h"
#include "factures-store-resources.h"
#include "factures-terms.h"

#define MIGRATIONS_PATH "/org/example/Factures/migrations"
#include "factures-store-impl-private.h"

/* ---- validation helpers ---- */

/* Cleans optional text into *out (NULL when empty). */
gboolean
factures_store_impl_clean_optional (const char  *text,
                                    const char  *field,
                                    gsize        max_chars,
                                    char       **out,
                                    GError     **error)
{
  char *clean;

  *out = NULL;
  if (text == NULL)
    return TRUE;
  clean = factures_text_clean (text, field, max_chars, FALSE, error);
  if (clean == NULL)
    return FALSE;
  if (*clean == '\0')
    g_free (clean);
  else
    *out = clean;
  return TRUE;
}

static gboolean
clean_email (const char  *text,
             char       **out,
             GError     **error)
{
  if (!factures_store_impl_clean_optional (text, _("E-mail"), FACTURES_MAX_SHORT, out, error))
    return FALSE;
  if (*out != NULL && (strchr (*out, '@') == NULL || strchr (*out, ' ') != NULL))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("E-mail: “%s” is not a valid address."), *out);
      g_clear_pointer (out, g_free);
      return FALSE;
    }
  return TRUE;
}

/* Replaces @party's fields by cleaned copies. */
static gboolean
clean_party (FacturesParty  *party,
             const char     *name_field,
             GError        **error)
{
  FacturesParty clean = { NULL, };
  char *name;

  name = factures_text_clean (party->name, name_field, FACTURES_MAX_NAME, TRUE, error);
  if (name == NULL)
    return FALSE;
  clean.name = name;

  if (!factures_store_impl_clean_optional (party->address, _("Address"), FACTURES_MAX_ADDRESS, &clean.address, error) ||
      !factures_store_impl_clean_optional (party->postal_code, _("Postal code"), 20, &clean.postal_code, error) ||
      !factures_store_impl_clean_optional (party->city, _("City"), FACTURES_MAX_SHORT, &clean.city, error) ||
      !factures_country_code_check (party->country_code, &clean.country_code, error) ||
      !clean_email (party->email, &clean.email, error) ||
      !factures_store_impl_clean_optional (party->phone, _("Phone"), 40, &clean.phone, error) ||
      !factures_siren_check (party->siren, &clean.siren, error) ||
      !factures_siret_check (party->siret, &clean.siret, error) ||
      !factures_vat_id_check (party->vat_id, &clean.vat_id, error))
    {
      factures_party_clear (&clean);
      return FALSE;
    }

  /* Fifth trial, findings 5 and 6: the postal code fits the country, and the
   * SIREN, SIRET and VAT number are those of one business. */
  if (!factures_postal_code_check (clean.postal_code, clean.country_code, error) ||
      !factures_party_identifiers_check (clean.siren, clean.siret, clean.vat_id, error))
    {
      factures_party_clear (&clean);
      return FALSE;
    }

  /* Issue 3 item 7: the SIREN is filled from a French VAT number (none for Monaco's). */
  if (clean.siren == NULL && clean.vat_id != NULL)
    clean.siren = factures_vat_id_fr_to_siren (clean.vat_id);

  if (clean.country_code == NULL)
    clean.country_code = g_strdup ("FR");

  factures_party_clear (party);
  *party = clean;
  return TRUE;
}

static void
bind_party (sqlite3_stmt        *stmt,
            int                  first,
            const FacturesParty *party)
{
  factures_sql_bind_text (stmt, first + 0, party->name);
  factures_sql_bind_text (stmt, first + 1, party->address);
  factures_sql_bind_text (stmt, first + 2, party->postal_code);
  factures_sql_bind_text (stmt, first + 3, party->city);
  factures_sql_bind_text (stmt, first + 4, party->country_code);
  factures_sql_bind_text (stmt, first + 5, party->siren);
  factures_sql_bind_text (stmt, first + 6, party->siret);
  factures_sql_bind_text (stmt, first + 7, party->vat_id);
  factures_sql_bind_text (stmt, first + 8, party->email);
  factures_sql_bind_text (stmt, first + 9, party->phone);
}

static void
read_party (sqlite3_stmt  *stmt,
            int            first,
            FacturesParty *party)
{
  factures_party_clear (party);
  party->name = factures_sql_col_dup (stmt, first + 0);
  party->address = factures_sql_col_dup (stmt, first + 1);
  party->postal_code = factures_sql_col_dup (stmt, first + 2);
  party->city = factures_sql_col_dup (stmt, first + 3);
  party->country_code = factures_sql_col_dup (stmt, first + 4);
  party->siren = factures_sql_col_dup (stmt, first + 5);
  party->siret = factures_sql_col_dup (stmt, first + 6);
  party->vat_id = factures_sql_col_dup (stmt, first + 7);
  party->email = factures_sql_col_dup (stmt, first + 8);
  party->phone = factures_sql_col_dup (stmt, first + 9);
}

#define PARTY_COLUMNS "name, address, postal_code, city, country_code, siren, siret, vat_id, email, phone"

/* ---- business profile ---- */

/* Issue 13 (migration 0013): territory, default line activity, exempt activities. */
static gboolean
read_profile_vat (FacturesStore    *self,
                  FacturesProfile  *profile,
                  GError          **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  g_autoptr(FacturesCachedStmt) exempt = NULL;
  int rc;

  stmt = factures_store_prepare_cached (self, "SELECT territory, line_activity, vat_from FROM profile WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      profile->territory = sqlite3_column_int (stmt, 0);
      profile->line_activity = sqlite3_column_int (stmt, 1);
      /* Migration 0025 */
      if (sqlite3_column_type (stmt, 2) == SQLITE_TEXT &&
          !factures_date_parse_iso ((const char *) sqlite3_column_text (stmt, 2), &profile->vat_from, NULL))
        g_date_clear (&profile->vat_from, 1);
    }
  exempt = factures_store_prepare_cached (self,
                                          "SELECT label, basis FROM profile_exempt_activities ORDER BY position",
                                   error);
  if (exempt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (exempt)) == SQLITE_ROW)
    g_ptr_array_add (profile->exempt_activities,
                     factures_exempt_activity_new ((const char *) sqlite3_column_text (exempt, 0),
                                                   sqlite3_column_int (exempt, 1)));
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_profile_vat (FacturesStore          *self,
                   const FacturesProfile  *profile,
                   GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autoptr(sqlite3_stmt) ins = NULL;

  stmt = factures_store_prepare (self, "UPDATE profile SET territory = ?1, line_activity = ?2, vat_from = ?3 "
                                 "WHERE id = 1", error);
  del = factures_store_prepare (self, "DELETE FROM profile_exempt_activities", error);
  ins = factures_store_prepare (self,
                                "INSERT INTO profile_exempt_activities (position, label, basis) "
                                "VALUES (?1, ?2, ?3)",
                                error);
  if (stmt == NULL || del == NULL || ins == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, profile->territory);
  sqlite3_bind_int (stmt, 2, profile->line_activity);
  /* Migration 0025: the day VAT is charged from, kept only while VAT-registered. */
  if (profile->vat_regime == FACTURES_VAT_REGIME_REGISTERED && g_date_valid (&profile->vat_from))
    {
      g_autofree char *iso = factures_date_format_iso (&profile->vat_from);

      factures_sql_bind_text (stmt, 3, iso);
    }
  else
    sqlite3_bind_null (stmt, 3);
  if (!factures_store_step_done (self, stmt, error) || !factures_store_step_done (self, del, error))
    return FALSE;
  for (guint i = 0; profile->exempt_activities != NULL && i < profile->exempt_activities->len; i++)
    {
      const FacturesExemptActivity *activity = g_ptr_array_index (profile->exempt_activities, i);

      sqlite3_reset (ins);
      sqlite3_bind_int (ins, 1, (int) i + 1);
      factures_sql_bind_text (ins, 2, activity->label);
      sqlite3_bind_int (ins, 3, activity->basis);
      if (!factures_store_step_done (self, ins, error))
        return FALSE;
    }
  return TRUE;
}

/* The choices of issue 13 the preferences offer, and nothing else. */
static gboolean
check_profile_vat (const FacturesProfile  *profile,
                   GPtrArray              *labels,
                   GError                **error)
{
  if ((guint) profile->territory > FACTURES_VAT_TERRITORY_LAST)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Territory: unknown territory."));
      return FALSE;
    }
  if ((guint) profile->line_activity > FACTURES_LINE_ACTIVITY_LAST)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Activity of the lines: unknown activity."));
      return FALSE;
    }
  /* Migration 0025: VAT is charged from a day that has come (the Year view refuses a later one). */
  if (profile->vat_regime == FACTURES_VAT_REGIME_REGISTERED && g_date_valid (&profile->vat_from))
    {
      GDate today;

      factures_today (&today);
      /* Trial 6 finding 3: never before the registers' first year. */
      if (!factures_date_check_record (&profile->vat_from, _("VAT charged from"), error))
        return FALSE;
      if (g_date_compare (&profile->vat_from, &today) > 0 || g_date_get_year (&profile->vat_from) < FACTURES_YEAR_FIRST)
        {
          g_autofree char *text = factures_date_format_fr (&profile->vat_from);

          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("VAT charged from: %s is later than today."), text);
          return FALSE;
        }
    }
  for (guint i = 0; profile->exempt_activities != NULL && i < profile->exempt_activities->len; i++)
    {
      const FacturesExemptActivity *activity = g_ptr_array_index (profile->exempt_activities, i);
      char *label = NULL;
      GError *local_error = NULL;

      if (activity->basis == FACTURES_VAT_EXEMPTION_NONE ||
          (guint) activity->basis > FACTURES_VAT_EXEMPTION_LAST)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Exempt activity %u: Legal basis: choose the article of the CGI that "
                         "exempts it."), i + 1);
          return FALSE;
        }
      if (!factures_store_impl_clean_optional (activity->label, _("Name"), FACTURES_MAX_SHORT, &label,
                                               &local_error) || label == NULL)
        {
          if (local_error == NULL)
            g_set_error (&local_error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                         _("Name: the name is missing."));
          g_propagate_prefixed_error (error, local_error, _("Exempt activity %u: "), i + 1);
          return FALSE;
        }
      g_ptr_array_add (labels, label);
    }
  return TRUE;
}

/**
 * factures_store_get_profile:
 *
 * Returns: (transfer full) (nullable): the business profile, NULL without error
 *   when none was saved yet.
 */
FacturesProfile *
factures_store_get_profile (FacturesStore  *self,
                            GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  FacturesProfile *profile;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare_cached (self,
                                        "SELECT " PARTY_COLUMNS ", registry, registry_city, activity, "
                                        "vat_regime, iban, bic, terms_kind, terms_days, eom_method, "
                                        "penalty_rate_bp, insurance, logo, building_trade, escompte_rate_bp, "
                                        "escompte_days FROM profile WHERE id = 1",
                                 error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }

  profile = factures_profile_new ();
  read_party (stmt, 0, &profile->party);
  profile->registry = sqlite3_column_int (stmt, 10);
  profile->registry_city = factures_sql_col_dup (stmt, 11);
  profile->activity = sqlite3_column_int (stmt, 12);
  profile->vat_regime = sqlite3_column_int (stmt, 13);
  profile->iban = factures_sql_col_dup (stmt, 14);
  profile->bic = factures_sql_col_dup (stmt, 15);
  profile->default_terms.kind = sqlite3_column_int (stmt, 16);
  profile->default_terms.days = (guint) sqlite3_column_int (stmt, 17);
  profile->eom_method = sqlite3_column_int (stmt, 18);
  profile->penalty_rate_bp = sqlite3_column_int (stmt, 19);
  profile->insurance = factures_sql_col_dup (stmt, 20);
  if (sqlite3_column_type (stmt, 21) == SQLITE_BLOB)
    profile->logo = g_bytes_new (sqlite3_column_blob (stmt, 21), sqlite3_column_bytes (stmt, 21));
  profile->building_trade = sqlite3_column_int (stmt, 22) != 0;
  profile->escompte_rate_bp = sqlite3_column_int (stmt, 23);
  profile->escompte_days = (guint) sqlite3_column_int (stmt, 24);

  if (!read_profile_vat (self, profile, error))
    {
      factures_profile_free (profile);
      return NULL;
    }
  return profile;
}

/**
 * factures_store_write_profile: (skip)
 * @profile: the business profile
 * @error: FACTURES_ERROR_INVALID naming the field (name required; SIREN, SIRET,
 *   VAT number, IBAN and BIC checked; default terms within the B2B maximum of
 *   C. com. L441-10), FACTURES_ERROR_DATABASE
 *
 * Saves the single profile row. Documents already issued keep their frozen seller.
 */
gboolean
factures_store_write_profile (FacturesStore          *self,
                              const FacturesProfile  *profile,
                              GError                **error)
{
  g_autoptr(FacturesProfile) clean = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *registry_city = NULL;
  g_autofree char *insurance = NULL;
  g_autofree char *iban = NULL;
  g_autofree char *bic = NULL;
  g_autoptr(GPtrArray) exempt_labels = g_ptr_array_new_with_free_func (g_free);

  clean = factures_profile_copy (profile);
  if (!clean_party (&clean->party, _("Business name"), error) ||
      !factures_store_impl_clean_optional (profile->registry_city, _("Registry city"), FACTURES_MAX_SHORT,
                       &registry_city, error) ||
      !factures_store_impl_clean_optional (profile->insurance, _("Insurance"), FACTURES_MAX_NOTES, &insurance, error) ||
      !factures_iban_check (profile->iban, &iban, error) ||
      !factures_bic_check (profile->bic, &bic, error) ||
      !factures_terms_validate (&profile->default_terms, FACTURES_CLIENT_CATEGORY_COMPANY, error))
    return FALSE;

  /* The preferences take a PNG image of at most 2 MB. */
  if (profile->logo != NULL)
    {
      /* The start of the PNG signature (RFC 2083 §3.1); the preferences decode the image too. */
      static const guint8 png_signature[4] = { 0x89, 'P', 'N', 'G' };
      gsize size = 0;
      const guint8 *bytes = g_bytes_get_data (profile->logo, &size);

      if (size < sizeof png_signature || memcmp (bytes, png_signature, sizeof png_signature) != 0)
        {
          g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                               _("Logo: the image is not a PNG image."));
          return FALSE;
        }
      if (size > 2 * 1024 * 1024)
        {
          g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                               _("Logo: the image is larger than 2 MB."));
          return FALSE;
        }
    }
  /* The choices the preferences offer, and nothing else (the JSON import comes here too). */
  if ((guint) profile->registry > FACTURES_REGISTRY_RNE)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Registry: unknown registry."));
      return FALSE;
    }
  if ((guint) profile->activity > FACTURES_ACTIVITY_BOTH)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Activity: unknown activity."));
      return FALSE;
    }
  if ((guint) profile->vat_regime > FACTURES_VAT_REGIME_REGISTERED)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("VAT regime: unknown regime."));
      return FALSE;
    }
  if (!check_profile_vat (profile, exempt_labels, error))
    return FALSE;
  for (guint i = 0; i < exempt_labels->len; i++)
    {
      FacturesExemptActivity *activity = g_ptr_array_index (clean->exempt_activities, i);

      g_free (activity->label);
      activity->label = g_strdup (g_ptr_array_index (exempt_labels, i));
    }
  if ((guint) profile->eom_method > FACTURES_EOM_METHOD_END_THEN_ADD)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("End of month: unknown method."));
      return FALSE;
    }
  if (profile->penalty_rate_bp < 0 || profile->penalty_rate_bp > 100 * FACTURES_RATE_ONE)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Late penalty rate: the rate must be between 0 and 100 %."));
      return FALSE;
    }
  /* Issue 3 item 9: escompte terms (C. com. L441-9). */
  if (profile->escompte_rate_bp < 0 || profile->escompte_rate_bp > 50 * 100)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Escompte rate: the rate must be between 0 and 50 %."));
      return FALSE;
    }
  if (profile->escompte_rate_bp > 0 && (profile->escompte_days < 1 || profile->escompte_days > 365))
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Escompte period: enter a number of days from 1 to 365."));
      return FALSE;
    }

  stmt = factures_store_prepare (self,
                                 "INSERT OR REPLACE INTO profile (id, " PARTY_COLUMNS ", registry, "
                                 "registry_city, activity, vat_regime, iban, bic, terms_kind, "
                                 "terms_days, eom_method, penalty_rate_bp, insurance, logo, building_trade, "
                                 "escompte_rate_bp, escompte_days) "
                                 "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                                 "?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  bind_party (stmt, 1, &clean->party);
  sqlite3_bind_int (stmt, 11, profile->registry);
  factures_sql_bind_text (stmt, 12, registry_city);
  sqlite3_bind_int (stmt, 13, profile->activity);
  sqlite3_bind_int (stmt, 14, profile->vat_regime);
  factures_sql_bind_text (stmt, 15, iban);
  factures_sql_bind_text (stmt, 16, bic);
  sqlite3_bind_int (stmt, 17, profile->default_terms.kind);
  sqlite3_bind_int (stmt, 18, (int) profile->default_terms.days);
  sqlite3_bind_int (stmt, 19, profile->eom_method);
  sqlite3_bind_int (stmt, 20, profile->penalty_rate_bp);
  factures_sql_bind_text (stmt, 21, insurance);
  if (profile->logo != NULL)
    sqlite3_bind_blob64 (stmt, 22, g_bytes_get_data (profile->logo, NULL),
                         g_bytes_get_size (profile->logo), SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 22);
  sqlite3_bind_int (stmt, 23, profile->building_trade ? 1 : 0);
  sqlite3_bind_int (stmt, 24, profile->escompte_rate_bp);
  sqlite3_bind_int (stmt, 25, (int) profile->escompte_days);

  return factures_store_step_done (self, stmt, error) && write_profile_vat (self, clean, error);
}

/**
 * factures_store_save_profile:
 *
 * Validates and saves the single profile row (see factures_store_write_profile()
 * for the checks), then emits "changed".
 */
/* The figures kept on drafts for the lists follow the seller's VAT regime. */
static gboolean
refresh_draft_totals (FacturesStore  *self,
                      gboolean        vat_exempt,
                      GError        **error)
{
  g_autoptr(sqlite3_stmt) drafts = NULL;
  g_autoptr(sqlite3_stmt) lines = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  int rc;

  drafts = factures_store_prepare (self, "SELECT id, allowance FROM documents WHERE status = 0", error);
  lines = factures_store_prepare (self,
                                  "SELECT quantity, unit_price, vat_rate_bp, allowance, vat_category "
                                  "FROM lines WHERE document_id = ?1 ORDER BY position",
                                  error);
  update = factures_store_prepare (self,
                                   "UPDATE documents SET net_total = ?1, vat_total = ?2, "
                                   "gross_total = ?3, amount_due = ?4 WHERE id = ?5 AND status = 0",
                                   error);
  if (drafts == NULL || lines == NULL || update == NULL)
    return FALSE;

  while ((rc = sqlite3_step (drafts)) == SQLITE_ROW)
    {
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_line_free);
      g_auto(FacturesTotals) totals = { NULL, };

      sqlite3_reset (lines);
      sqlite3_bind_int64 (lines, 1, sqlite3_column_int64 (drafts, 0));
      while (sqlite3_step (lines) == SQLITE_ROW)
        {
          FacturesLine *line = factures_line_new ();

          line->quantity = sqlite3_column_int64 (lines, 0);
          line->unit_price = sqlite3_column_int64 (lines, 1);
          line->vat_rate_bp = sqlite3_column_int (lines, 2);
          line->allowance = sqlite3_column_int64 (lines, 3);
          line->vat_category = factures_vat_category_from_code ((const char *) sqlite3_column_text (lines, 4));
          g_ptr_array_add (array, line);
        }
      /* A draft whose figures no longer compute keeps its old ones until edited. */
      if (!factures_totals_compute (array, sqlite3_column_int64 (drafts, 1), vat_exempt, &totals, NULL))
        continue;

      sqlite3_reset (update);
      sqlite3_bind_int64 (update, 1, totals.net_total);
      sqlite3_bind_int64 (update, 2, totals.vat_total);
      sqlite3_bind_int64 (update, 3, totals.gross_total);
      sqlite3_bind_int64 (update, 4, totals.amount_due);
      sqlite3_bind_int64 (update, 5, sqlite3_column_int64 (drafts, 0));
      if (!factures_store_step_done (self, update, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
factures_store_save_profile (FacturesStore          *self,
                             const FacturesProfile  *profile,
                             GError                **error)
{
  g_autoptr(FacturesProfile) old = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);

  if (!factures_store_begin (self, error))
    return FALSE;

  old = factures_store_get_profile (self, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      factures_store_rollback (self);
      return FALSE;
    }
  if (!factures_store_write_profile (self, profile, error) ||
      ((old == NULL || old->vat_regime != profile->vat_regime) &&
       !refresh_draft_totals (self, profile->vat_regime == FACTURES_VAT_REGIME_FRANCHISE, error)) ||
      !factures_store_commit (self, error))
    {
      factures_store_rollback (self);
      return FALSE;
    }

  factures_store_emit_changed (self);
  return TRUE;
}

/* ---- clients ---- */

gboolean
factures_store_clean_client (FacturesClient  *client,
                             GError         **error)
{
  char *notes = NULL;

  if (!clean_party (&client->party, _("Client name"), error))
    return FALSE;
  if (!factures_store_impl_clean_optional (client->notes, _("Notes"), FACTURES_MAX_NOTES, &notes, error))
    return FALSE;
  g_free (client->notes);
  client->notes = notes;
  /* Issue 13: the legal identifier of a business abroad (BT-47). */
  if (!factures_store_impl_clean_optional (client->legal_id, _("Legal identifier"), FACTURES_MAX_SHORT,
                                           &notes, error))
    return FALSE;
  g_free (client->legal_id);
  client->legal_id = notes;
  /* Issue 15: an administration's service code (BT-10), which Chorus Pro requires. */
  if (!factures_store_impl_clean_optional (client->service_code, _("Service code"), 100, &notes, error))
    return FALSE;
  g_free (client->service_code);
  client->service_code = notes;
  if (client->service_code != NULL && client->category != FACTURES_CLIENT_CATEGORY_PUBLIC)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Service code: only an administration (public buyer) has a service code; choose the category Administration or leave the field empty."));
      return FALSE;
    }

  /* Issue 13 item 5 (migration 0018). */
  if ((guint) client->document_language > FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Document language: French (0) or French and English (1)."));
      return FALSE;
    }
  if ((guint) client->category > FACTURES_CLIENT_CATEGORY_PUBLIC)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Category: unknown client category."));
      return FALSE;
    }
  if (client->has_terms && !factures_terms_validate (&client->terms, client->category, error))
    return FALSE;

  return TRUE;
}

gboolean
factures_store_impl_client_exists (FacturesStore *self,
                                   gint64         id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT 1 FROM clients WHERE id = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Inserts (id 0, or @force_id for imports) or updates one client, inside the caller's transaction. */
gboolean
factures_store_write_client (FacturesStore         *self,
                             const FacturesClient  *client,
                             gint64                 force_id,
                             gint64                *out_id,
                             GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) drafts = NULL;
  gboolean update = client->id != 0 && force_id == 0;

  if (update)
    stmt = factures_store_prepare (self,
                                   "UPDATE clients SET name = ?1, address = ?2, postal_code = ?3, "
                                   "city = ?4, country_code = ?5, siren = ?6, siret = ?7, vat_id = ?8, "
                                   "email = ?9, phone = ?10, category = ?11, has_terms = ?12, "
                                   "terms_kind = ?13, terms_days = ?14, notes = ?15, "
                                   "name_key = factures_fold (?1), city_key = factures_fold (?4), "
                                   "search_key = factures_fold (?1 || ' ' || coalesce (?4, '') || ' ' "
                                   "|| coalesce (?9, '') || ' ' || coalesce (?6, '')) WHERE id = ?16",
                                   error);
  else
    stmt = factures_store_prepare (self,
                                   "INSERT INTO clients (" PARTY_COLUMNS ", category, has_terms, "
                                   "terms_kind, terms_days, notes, name_key, city_key, search_key, id) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                                   "?14, ?15, factures_fold (?1), factures_fold (?4), "
                                   "factures_fold (?1 || ' ' || coalesce (?4, '') || ' ' || "
                                   "coalesce (?9, '') || ' ' || coalesce (?6, '')), ?16)",
                                   error);
  if (stmt == NULL)
    return FALSE;

  bind_party (stmt, 1, &client->party);
  sqlite3_bind_int (stmt, 11, client->category);
  sqlite3_bind_int (stmt, 12, client->has_terms ? 1 : 0);
  sqlite3_bind_int (stmt, 13, client->terms.kind);
  sqlite3_bind_int (stmt, 14, (int) client->terms.days);
  factures_sql_bind_text (stmt, 15, client->notes);
  if (update)
    sqlite3_bind_int64 (stmt, 16, client->id);
  else if (force_id != 0)
    sqlite3_bind_int64 (stmt, 16, force_id);
  else
    sqlite3_bind_null (stmt, 16);

  if (!factures_store_step_done (self, stmt, error))
    return FALSE;

  if (update)
    {
      if (sqlite3_changes (self->db) == 0)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                       _("No client with id %" PRId64 "."), client->id);
          return FALSE;
        }

      /* Drafts show the client's current name; issued documents keep their snapshot. */
      drafts = factures_store_prepare (self,
                                       "UPDATE documents SET client_name = ?1, "
                                       "client_key = factures_fold (?1), "
                                       "search_key = factures_fold (coalesce (number, '') || ' ' || ?1) "
                                       "WHERE client_id = ?2 AND status = 0",
                                       error);
      if (drafts == NULL)
        return FALSE;
      factures_sql_bind_text (drafts, 1, client->party.name);
      sqlite3_bind_int64 (drafts, 2, client->id);
      if (!factures_store_step_done (self, drafts, error))
        return FALSE;
      *out_id = client->id;
    }
  else
    *out_id = sqlite3_last_insert_rowid (self->db);

  /* Issue 13 (migration 0013). */
  {
    g_autoptr(sqlite3_stmt) legal = factures_store_prepare (self,
                                                            "UPDATE clients SET legal_id = ?1 WHERE id = ?2",
                                                            error);

    if (legal == NULL)
      return FALSE;
    factures_sql_bind_text (legal, 1, client->legal_id);
    sqlite3_bind_int64 (legal, 2, *out_id);
    if (!factures_store_step_done (self, legal, error))
      return FALSE;
  }
  /* Issue 15 (migration 0020). */
  {
    g_autoptr(sqlite3_stmt) code = factures_store_prepare (self,
                                                           "UPDATE clients SET service_code = ?1 WHERE id = ?2",
                                                           error);

    if (code == NULL)
      return FALSE;
    factures_sql_bind_text (code, 1, client->service_code);
    sqlite3_bind_int64 (code, 2, *out_id);
    if (!factures_store_step_done (self, code, error))
      return FALSE;
  }
  /* Issue 13 item 5 (migration 0018). */
  {
    g_autoptr(sqlite3_stmt) language = factures_store_prepare (self,
                                                               "UPDATE clients SET document_language = ?1 "
                                                               "WHERE id = ?2",
                                                               error);

    if (language == NULL)
      return FALSE;
    sqlite3_bind_int (language, 1, client->document_language);
    sqlite3_bind_int64 (language, 2, *out_id);
    if (!factures_store_step_done (self, language, error))
      return FALSE;
  }
  return TRUE;
}

/**
 * factures_store_save_client:
 * @client: the client; its id is set on insert
 * @error: FACTURES_ERROR_INVALID naming the field (empty name, too long text,
 *   invalid SIREN/SIRET/VAT number or e-mail, terms beyond the B2B maximum),
 *   FACTURES_ERROR_NOT_FOUND, FACTURES_ERROR_DATABASE
 *
 * Inserts when client->id == 0, else updates (drafts of that client follow the
 * new name). The stored text is cleaned (trimmed, NFC).
 */
gboolean
factures_store_save_client (FacturesStore   *self,
                            FacturesClient  *client,
                            GError         **error)
{
  g_autoptr(FacturesClient) clean = NULL;
  gint64 id = 0;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (client != NULL, FALSE);

  clean = factures_client_copy (client);
  if (!factures_store_clean_client (clean, error))
    return FALSE;

  if (!factures_store_begin (self, error))
    return FALSE;
  if (!factures_store_write_client (self, clean, 0, &id, error) ||
      !factures_store_commit (self, error))
    {
      factures_store_rollback (self);
      return FALSE;
    }

  client->id = id;
  factures_store_emit_changed (self);
  return TRUE;
}

#define CLIENT_SELECT "SELECT id, " PARTY_COLUMNS ", category, has_terms, terms_kind, " \
                      "terms_days, notes, legal_id, service_code, " \
                      "(SELECT address FROM pa_directory p WHERE p.siren = clients.siren " \
                      " AND p.status = 'Enabled'), document_language FROM clients "

static FacturesClient *
read_client (sqlite3_stmt *stmt)
{
  FacturesClient *client = factures_client_new ();

  client->id = sqlite3_column_int64 (stmt, 0);
  read_party (stmt, 1, &client->party);
  client->category = sqlite3_column_int (stmt, 11);
  client->has_terms = sqlite3_column_int (stmt, 12) != 0;
  client->terms.kind = sqlite3_column_int (stmt, 13);
  client->terms.days = (guint) sqlite3_column_int (stmt, 14);
  g_free (client->notes);
  client->notes = factures_sql_col_dup (stmt, 15);
  client->legal_id = factures_sql_col_dup (stmt, 16);
  client->service_code = factures_sql_col_dup (stmt, 17);
  client->electronic_address = factures_sql_col_dup (stmt, 18);
  client->document_language = sqlite3_column_int (stmt, 19);
  return client;
}

/**
 * factures_store_get_client:
 *
 * Returns: (transfer full): the client, or NULL with FACTURES_ERROR_NOT_FOUND.
 */
FacturesClient *
factures_store_get_client (FacturesStore  *self,
                           gint64          id,
                           GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare_cached (self, CLIENT_SELECT "WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_client (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                 _("No client with id %" PRId64 "."), id);
  else
    factures_store_set_db_error (self, error);
  return NULL;
}

/**
 * factures_store_delete_client:
 * @error: FACTURES_ERROR_IMMUTABLE when documents were issued to the client,
 *   FACTURES_ERROR_NOT_FOUND
 *
 * Deletes a client that has no issued document; its drafts lose their client.
 */
gboolean
factures_store_delete_client (FacturesStore  *self,
                              gint64          id,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) check = NULL;
  g_autoptr(sqlite3_stmt) detach = NULL;
  g_autoptr(sqlite3_stmt) del = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (!factures_store_begin (self, error))
    return FALSE;

  check = factures_store_prepare (self, "SELECT count(*) FROM documents WHERE client_id = ?1 AND status = 1", error);
  if (check == NULL)
    goto fail;
  sqlite3_bind_int64 (check, 1, id);
  if (sqlite3_step (check) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      goto fail;
    }
  if (sqlite3_column_int64 (check, 0) > 0)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE,
                           _("This client cannot be deleted: documents were issued to them."));
      goto fail;
    }

  detach = factures_store_prepare (self,
                                   "UPDATE documents SET client_id = NULL, client_name = NULL, "
                                   "client_key = '', search_key = '' WHERE client_id = ?1 AND status = 0",
                                   error);
  if (detach == NULL)
    goto fail;
  sqlite3_bind_int64 (detach, 1, id);
  if (!factures_store_step_done (self, detach, error))
    goto fail;

  del = factures_store_prepare (self, "DELETE FROM clients WHERE id = ?1", error);
  if (del == NULL)
    goto fail;
  sqlite3_bind_int64 (del, 1, id);
  if (!factures_store_step_done (self, del, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                   _("No client with id %" PRId64 "."), id);
      goto fail;
    }

  if (!factures_store_commit (self, error))
    goto fail;
  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}
