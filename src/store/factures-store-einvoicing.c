/* factures-store-einvoicing.c — the plateforme agréée tables (issue 14, migration 0015)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "factures-error.h"
#include "factures-store-einvoicing.h"
#include "factures-store-einvoicing-private.h"
#include "factures-store-json-private.h"
#include "factures-store-private.h"

/* ---- account ---- */

FacturesPaAccount *
factures_pa_account_new (void)
{
  FacturesPaAccount *account = g_new0 (FacturesPaAccount, 1);

  account->timeout_seconds = 30;
  account->report_payments = TRUE;
  return account;
}

FacturesPaAccount *
factures_pa_account_copy (const FacturesPaAccount *account)
{
  FacturesPaAccount *copy = g_new0 (FacturesPaAccount, 1);

  *copy = *account;
  copy->name = g_strdup (account->name);
  copy->registration = g_strdup (account->registration);
  copy->base_url = g_strdup (account->base_url);
  copy->token_url = g_strdup (account->token_url);
  copy->client_id = g_strdup (account->client_id);
  copy->directory_url = g_strdup (account->directory_url);
  return copy;
}

void
factures_pa_account_free (FacturesPaAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->name);
  g_free (account->registration);
  g_free (account->base_url);
  g_free (account->token_url);
  g_free (account->client_id);
  g_free (account->directory_url);
  g_free (account);
}

gboolean
factures_pa_url_is_acceptable (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (url == NULL)
    return FALSE;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;
  return g_ascii_strcasecmp (scheme, "http") == 0 &&
         (g_strcmp0 (host, "localhost") == 0 || g_strcmp0 (host, "127.0.0.1") == 0 ||
          g_strcmp0 (host, "::1") == 0);
}

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID, message);
  return FALSE;
}

static char *today_iso (void);

static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

FacturesPaAccount *
factures_store_get_pa_account (FacturesStore  *self,
                               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  FacturesPaAccount *account;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  stmt = factures_store_prepare (self,
                                 "SELECT name, registration, base_url, token_url, client_id, "
                                 "timeout_seconds, report_payments, directory_url, routes_b2g FROM pa_account WHERE id = 1",
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
  account = factures_pa_account_new ();
  account->name = factures_sql_col_dup (stmt, 0);
  account->registration = factures_sql_col_dup (stmt, 1);
  account->base_url = factures_sql_col_dup (stmt, 2);
  account->token_url = factures_sql_col_dup (stmt, 3);
  account->client_id = factures_sql_col_dup (stmt, 4);
  account->timeout_seconds = sqlite3_column_int (stmt, 5);
  account->report_payments = sqlite3_column_int (stmt, 6) != 0;
  account->directory_url = factures_sql_col_dup (stmt, 7);
  account->routes_b2g = sqlite3_column_int (stmt, 8) != 0;
  return account;
}

static char *
clean_field (const char *text)
{
  return text != NULL ? g_strstrip (g_strdup (text)) : g_strdup ("");
}

/* The checks of an account, for the preferences and for the JSON import (cleaned fields). */
static gboolean
check_account_fields (const char  *name,
                      const char  *registration,
                      const char  *base_url,
                      const char  *token_url,
                      const char  *client_id,
                      gint64       timeout_seconds,
                      GError     **error)
{
  if (*name == '\0' || !g_utf8_validate (name, -1, NULL) || g_utf8_strlen (name, -1) > 200)
    return invalid (error, _("PA name: fill in the name of your plateforme agréée (200 characters at most)."));
  if (strlen (registration) != 4 ||
      !(g_ascii_isalnum (registration[0]) && g_ascii_isalnum (registration[1]) &&
        g_ascii_isalnum (registration[2]) && g_ascii_isalnum (registration[3])))
    return invalid (error, _("Registration number: the PA’s registration number has exactly 4 letters or digits (it is on the DGFiP list of plateformes agréées)."));
  if (!factures_pa_url_is_acceptable (base_url))
    return invalid (error, _("Flow service address: give the full https:// address the PA gives for its flow service (http is only allowed to this computer)."));
  if (!factures_pa_url_is_acceptable (token_url))
    return invalid (error, _("Token address: give the full https:// address of the PA’s token service (http is only allowed to this computer)."));
  if (*client_id == '\0' || strlen (client_id) > 500)
    return invalid (error, _("Client ID: fill in the client ID the PA gave you."));
  if (timeout_seconds < 1 || timeout_seconds > 600)
    return invalid (error, _("Time-out: choose between 1 and 600 seconds."));
  return TRUE;
}

/* Issue 15: the Directory Service address, optional (empty: no lookup). */
static gboolean
check_directory_url (const char  *directory_url,
                     GError     **error)
{
  if (directory_url == NULL || *directory_url == '\0' || factures_pa_url_is_acceptable (directory_url))
    return TRUE;
  return invalid (error, _("Directory service address: give the full https:// address the PA gives for its directory service (http is only allowed to this computer), or leave it empty."));
}

gboolean
factures_store_save_pa_account (FacturesStore            *self,
                                const FacturesPaAccount  *account,
                                GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = clean_field (account->name);
  g_autofree char *registration = clean_field (account->registration);
  g_autofree char *base_url = clean_field (account->base_url);
  g_autofree char *token_url = clean_field (account->token_url);
  g_autofree char *client_id = clean_field (account->client_id);
  g_autofree char *directory_url = clean_field (account->directory_url);

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (!check_account_fields (name, registration, base_url, token_url, client_id,
                             account->timeout_seconds, error) ||
      !check_directory_url (directory_url, error))
    return FALSE;

  stmt = factures_store_prepare (self,
                                 "INSERT INTO pa_account (id, name, registration, base_url, token_url, client_id, "
                                 "timeout_seconds, report_payments, since, directory_url, routes_b2g) "
                                 "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                                 "ON CONFLICT (id) DO UPDATE SET name = ?1, registration = ?2, base_url = ?3, "
                                 "token_url = ?4, client_id = ?5, timeout_seconds = ?6, report_payments = ?7, "
                                 "directory_url = ?9, routes_b2g = ?10",
                                 error);
  if (stmt == NULL)
    return FALSE;
  {
    char *upper = g_ascii_strup (registration, -1);

    g_free (registration);
    registration = upper;
  }
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, registration, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, base_url, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, token_url, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, client_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, account->timeout_seconds);
  sqlite3_bind_int (stmt, 7, account->report_payments ? 1 : 0);
  sqlite3_bind_text (stmt, 8, today_iso (), -1, g_free);
  if (*directory_url != '\0')
    sqlite3_bind_text (stmt, 9, directory_url, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 10, account->routes_b2g ? 1 : 0);
  if (!factures_store_step_done (self, stmt, error))
    return FALSE;
  factures_store_emit_changed (self);
  return TRUE;
}

/* ---- the Directory Service cache (issue 15 item 1, migration 0020) ---- */

FacturesPaDirectoryEntry *
factures_pa_directory_entry_new (void)
{
  return g_new0 (FacturesPaDirectoryEntry, 1);
}

void
factures_pa_directory_entry_free (FacturesPaDirectoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->siren);
  g_free (entry->address);
  g_free (entry->siret);
  g_free (entry->platform);
  g_free (entry->name);
  g_free (entry->entity_type);
  g_free (entry->looked_up);
  g_free (entry);
}

static const char *const directory_codes[] = { NULL, "Enabled", "Disabled", "Upcoming", "Unknown" };

const char *
factures_pa_directory_status_code (FacturesPaDirectoryStatus status)
{
  return (guint) status < G_N_ELEMENTS (directory_codes) ? directory_codes[status] : NULL;
}

static FacturesPaDirectoryStatus
directory_status_from_code (const char *code)
{
  for (guint i = 1; i < G_N_ELEMENTS (directory_codes); i++)
    if (g_strcmp0 (code, directory_codes[i]) == 0)
      return (FacturesPaDirectoryStatus) i;
  return FACTURES_PA_DIRECTORY_NONE;
}

const char *
factures_pa_directory_status_words (FacturesPaDirectoryStatus status)
{
  switch (status)
    {
    case FACTURES_PA_DIRECTORY_ENABLED:
      return _("receives e-invoices");
    case FACTURES_PA_DIRECTORY_DISABLED:
      return _("does not receive e-invoices (directory line disabled)");
    case FACTURES_PA_DIRECTORY_UPCOMING:
      return _("will receive e-invoices soon (directory line upcoming)");
    case FACTURES_PA_DIRECTORY_UNKNOWN:
      return _("not in the directory");
    case FACTURES_PA_DIRECTORY_NONE:
    default:
      return _("not looked up yet");
    }
}

gboolean
factures_store_pa_directory_save (FacturesStore                  *self,
                                  const FacturesPaDirectoryEntry *entry,
                                  GError                        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *code = factures_pa_directory_status_code (entry->status);

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  if (entry->siren == NULL || strlen (entry->siren) != 9 || strspn (entry->siren, "0123456789") != 9)
    return invalid (error, _("SIREN: the directory is looked up with a SIREN of 9 digits."));
  if (code == NULL)
    return invalid (error, _("Directory status: Enabled, Disabled, Upcoming or Unknown."));
  if (entry->address != NULL && (*entry->address == '\0' || g_utf8_strlen (entry->address, -1) > 125))
    return invalid (error, _("Electronic address: the directory’s addressing identifier has 1 to 125 characters."));
  stmt = factures_store_prepare (self,
                                 "INSERT OR REPLACE INTO pa_directory (siren, status, address, siret, platform, name, "
                                 "entity_type, partial, looked_up) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entry->siren, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  factures_sql_bind_text (stmt, 3, entry->address);
  factures_sql_bind_text (stmt, 4, entry->siret);
  factures_sql_bind_text (stmt, 5, entry->platform);
  factures_sql_bind_text (stmt, 6, entry->name);
  factures_sql_bind_text (stmt, 7, entry->entity_type);
  sqlite3_bind_int (stmt, 8, entry->partial ? 1 : 0);
  if (entry->looked_up != NULL)
    sqlite3_bind_text (stmt, 9, entry->looked_up, -1, SQLITE_TRANSIENT);
  else
    {
      /* the lookup's day follows FACTURES_TODAY, as every date shown (trial finding T20) */
      g_autoptr(GDateTime) now = factures_now_utc ();

      sqlite3_bind_text (stmt, 9, g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ"), -1, g_free);
    }
  if (!factures_store_step_done (self, stmt, error))
    return FALSE;
  factures_store_emit_changed (self);
  return TRUE;
}

FacturesPaDirectoryEntry *
factures_store_pa_directory_get (FacturesStore  *self,
                                 const char     *siren,
                                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  FacturesPaDirectoryEntry *entry;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  if (siren == NULL)
    return NULL;
  stmt = factures_store_prepare (self,
                                 "SELECT siren, status, address, siret, platform, name, entity_type, partial, "
                                 "looked_up FROM pa_directory WHERE siren = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, siren, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  entry = factures_pa_directory_entry_new ();
  entry->siren = factures_sql_col_dup (stmt, 0);
  entry->status = directory_status_from_code ((const char *) sqlite3_column_text (stmt, 1));
  entry->address = factures_sql_col_dup (stmt, 2);
  entry->siret = factures_sql_col_dup (stmt, 3);
  entry->platform = factures_sql_col_dup (stmt, 4);
  entry->name = factures_sql_col_dup (stmt, 5);
  entry->entity_type = factures_sql_col_dup (stmt, 6);
  entry->partial = sqlite3_column_int (stmt, 7) != 0;
  entry->looked_up = factures_sql_col_dup (stmt, 8);
  return entry;
}

gboolean
factures_store_pa_document_goes (FacturesStore          *self,
                                 const FacturesDocument *document)
{
  g_autoptr(FacturesPaAccount) account = NULL;

  if (!factures_pa_document_is_eligible (document))
    return FALSE;
  if (document->buyer->category != FACTURES_CLIENT_CATEGORY_PUBLIC)
    return TRUE;
  /* Whether a PA forwards to Chorus Pro is per PA (to confirm with each, PA.md §4): the user
   * says so in the account; the default is off, the Chorus Pro portal by hand. */
  account = factures_store_get_pa_account (self, NULL);
  return account != NULL && account->routes_b2g;
}

char *
factures_store_pa_directory_warning (FacturesStore          *self,
                                     const FacturesDocument *document)
{
  g_autoptr(FacturesPaAccount) account = NULL;
  g_autoptr(FacturesPaDirectoryEntry) entry = NULL;

  if (!factures_pa_document_is_eligible (document) ||
      document->buyer->category == FACTURES_CLIENT_CATEGORY_PUBLIC)
    return NULL;
  account = factures_store_get_pa_account (self, NULL);
  if (account == NULL || account->directory_url == NULL)
    return NULL;
  entry = factures_store_pa_directory_get (self, document->buyer->party.siren, NULL);
  if (entry != NULL && entry->looked_up != NULL && strlen (entry->looked_up) >= 10)
    {
      /* "2026-12-06T…" → "06/12/2026" */
      char *day = g_strdup_printf ("%.2s/%.2s/%.4s", entry->looked_up + 8, entry->looked_up + 5, entry->looked_up);

      g_free (entry->looked_up);
      entry->looked_up = day;
    }
  if (entry == NULL)
    return g_strdup_printf (_("The directory was not looked up for %s yet: open the client and press « Refresh » in "
                              "its E-invoicing group to check that it receives e-invoices before sending."),
                            document->buyer->party.name);
  switch (entry->status)
    {
    case FACTURES_PA_DIRECTORY_ENABLED:
      return NULL;
    case FACTURES_PA_DIRECTORY_DISABLED:
      return g_strdup_printf (_("%s does not receive e-invoices: its directory line is disabled (looked up on %s). "
                                "Ask the client which plateforme agréée it uses, press « Refresh » on the client, "
                                "and until then send the invoice by e-mail."),
                              document->buyer->party.name, entry->looked_up);
    case FACTURES_PA_DIRECTORY_UPCOMING:
      return g_strdup_printf (_("%s will receive e-invoices soon but not yet (directory line upcoming, looked up on "
                                "%s). Press « Refresh » on the client before sending; until then send the "
                                "invoice by e-mail."),
                              document->buyer->party.name, entry->looked_up);
    case FACTURES_PA_DIRECTORY_UNKNOWN:
    case FACTURES_PA_DIRECTORY_NONE:
    default:
      return g_strdup_printf (_("%s is not in the directory (looked up on %s): check its SIREN on the client, ask "
                                "it which plateforme agréée it has chosen, and until then send the invoice by "
                                "e-mail."),
                              document->buyer->party.name, entry->looked_up);
    }
}

/* ---- words ---- */

const char *
factures_pa_status_label (gint code)
{
  switch (code)
    {
    case 200: return _("deposited");
    case 201: return _("issued by the platform");
    case 202: return _("received by the platform");
    case 203: return _("made available");
    case 204: return _("taken in charge");
    case 205: return _("approved");
    case 206: return _("partially approved");
    case 207: return _("disputed");
    case 208: return _("suspended");
    case 209: return _("completed");
    case 210: return _("refused");
    case 211: return _("payment sent");
    case 212: return _("cashed");
    case 213: return _("rejected");
    case 220: return _("cancelled");
    default:  return NULL;
    }
}

const char *
factures_pa_outbox_item_words (const FacturesPaOutboxItem *item)
{
  if (item->state != FACTURES_PA_OUTBOX_SENT)
    return _("waiting to be sent");
  switch (item->ack)
    {
    case FACTURES_PA_ACK_OK:    return _("transmitted to the platform");
    case FACTURES_PA_ACK_ERROR: return _("refused by the platform");
    default:                    return _("deposited, being checked by the platform");
    }
}

/* ---- outbox ---- */

void
factures_pa_outbox_item_free (FacturesPaOutboxItem *item)
{
  if (item == NULL)
    return;
  g_free (item->number);
  g_free (item->tracking_id);
  g_free (item->file_name);
  g_free (item->flow_syntax);
  g_free (item->flow_profile);
  g_free (item->processing_rule);
  g_free (item->sha256);
  g_free (item->next_attempt);
  g_free (item->error);
  g_free (item->flow_id);
  g_free (item->submitted_at);
  g_free (item->ack_details);
  g_free (item->updated);
  g_free (item);
}

static FacturesPaAck
ack_from_string (const char *text)
{
  if (g_strcmp0 (text, "Pending") == 0)
    return FACTURES_PA_ACK_PENDING;
  if (g_strcmp0 (text, "Ok") == 0)
    return FACTURES_PA_ACK_OK;
  if (g_strcmp0 (text, "Error") == 0)
    return FACTURES_PA_ACK_ERROR;
  return FACTURES_PA_ACK_NONE;
}

static const char *
ack_to_string (FacturesPaAck ack)
{
  switch (ack)
    {
    case FACTURES_PA_ACK_PENDING: return "Pending";
    case FACTURES_PA_ACK_OK:      return "Ok";
    case FACTURES_PA_ACK_ERROR:   return "Error";
    default:                      return NULL;
    }
}

static FacturesPaOutboxState
state_from_string (const char *text)
{
  if (g_strcmp0 (text, "sending") == 0)
    return FACTURES_PA_OUTBOX_SENDING;
  if (g_strcmp0 (text, "sent") == 0)
    return FACTURES_PA_OUTBOX_SENT;
  if (g_strcmp0 (text, "failed") == 0)
    return FACTURES_PA_OUTBOX_FAILED;
  return FACTURES_PA_OUTBOX_QUEUED;
}

#define ITEM_COLUMNS "o.id, coalesce (o.document_id, 0), coalesce (d.number, i.number), o.kind, o.status_code, " \
  "o.tracking_id, o.file_name, " \
  "o.flow_syntax, o.flow_profile, o.processing_rule, o.sha256, o.state, o.attempts, o.next_attempt, " \
  "o.error, o.flow_id, o.submitted_at, o.ack_status, o.ack_details, coalesce (o.imported_id, 0), o.updated " \
  "FROM pa_outbox o LEFT JOIN documents d ON d.id = o.document_id " \
  "LEFT JOIN imported_invoices i ON i.id = o.imported_id "

static FacturesPaOutboxItem *
item_from_row (sqlite3_stmt *stmt)
{
  FacturesPaOutboxItem *item = g_new0 (FacturesPaOutboxItem, 1);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->document_id = sqlite3_column_int64 (stmt, 1);
  item->number = factures_sql_col_dup (stmt, 2);
  item->is_status = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "status") == 0;
  item->status_code = sqlite3_column_int (stmt, 4);
  item->tracking_id = factures_sql_col_dup (stmt, 5);
  item->file_name = factures_sql_col_dup (stmt, 6);
  item->flow_syntax = factures_sql_col_dup (stmt, 7);
  item->flow_profile = factures_sql_col_dup (stmt, 8);
  item->processing_rule = factures_sql_col_dup (stmt, 9);
  item->sha256 = factures_sql_col_dup (stmt, 10);
  item->state = state_from_string ((const char *) sqlite3_column_text (stmt, 11));
  item->attempts = sqlite3_column_int (stmt, 12);
  item->next_attempt = factures_sql_col_dup (stmt, 13);
  item->error = factures_sql_col_dup (stmt, 14);
  item->flow_id = factures_sql_col_dup (stmt, 15);
  item->submitted_at = factures_sql_col_dup (stmt, 16);
  item->ack = ack_from_string ((const char *) sqlite3_column_text (stmt, 17));
  item->ack_details = factures_sql_col_dup (stmt, 18);
  item->imported_id = sqlite3_column_int64 (stmt, 19);
  item->updated = factures_sql_col_dup (stmt, 20);
  return item;
}

static GPtrArray *
items_query (FacturesStore  *self,
             const char     *sql,
             const char     *text,
             gint64          value,
             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self, sql, error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_pa_outbox_item_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else if (value != 0)
    sqlite3_bind_int64 (stmt, 1, value);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

gboolean
factures_pa_document_is_eligible (const FacturesDocument *document)
{
  const FacturesClient *buyer = document->buyer;

  if (document->status != FACTURES_DOCUMENT_STATUS_ISSUED ||
      document->kind == FACTURES_DOCUMENT_KIND_QUOTE || buyer == NULL)
    return FALSE;
  if (buyer->category == FACTURES_CLIENT_CATEGORY_INDIVIDUAL)
    return FALSE;
  if (buyer->party.country_code != NULL && *buyer->party.country_code &&
      g_ascii_strcasecmp (buyer->party.country_code, "FR") != 0)
    return FALSE;
  return buyer->party.siren != NULL && strlen (buyer->party.siren) == 9;
}

static gint64
existing_row (FacturesStore  *self,
              gint64          document_id,
              const char     *kind,
              gint            code,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self,
                                                         "SELECT id FROM pa_outbox WHERE document_id = ?1 AND kind = ?2 "
                                                         "AND coalesce (status_code, 0) = ?3", error);
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, code);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return -1;
    }
  return 0;
}

static gint64
insert_row (FacturesStore  *self,
            gint64          document_id,
            gint64          imported_id,
            const char     *kind,
            gint            code,
            const char     *tracking_id,
            const char     *file_name,
            const char     *syntax,
            const char     *profile,
            const char     *rule,
            const char     *sha256,
            GBytes         *payload,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *created = now_iso ();

  stmt = factures_store_prepare (self,
                                 "INSERT INTO pa_outbox (document_id, kind, status_code, tracking_id, file_name, "
                                 "flow_syntax, flow_profile, processing_rule, sha256, payload, created, imported_id) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error);
  if (stmt == NULL)
    return 0;
  if (document_id != 0)
    sqlite3_bind_int64 (stmt, 1, document_id);
  else
    sqlite3_bind_null (stmt, 1);
  if (imported_id != 0)
    sqlite3_bind_int64 (stmt, 12, imported_id);
  else
    sqlite3_bind_null (stmt, 12);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  if (code != 0)
    sqlite3_bind_int (stmt, 3, code);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, tracking_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, file_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, syntax, -1, SQLITE_STATIC);
  factures_sql_bind_text (stmt, 7, profile);
  sqlite3_bind_text (stmt, 8, rule, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, sha256, -1, SQLITE_TRANSIENT);
  if (payload != NULL)
    sqlite3_bind_blob (stmt, 10, g_bytes_get_data (payload, NULL), g_bytes_get_size (payload),
                       SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 10);
  sqlite3_bind_text (stmt, 11, created, -1, SQLITE_TRANSIENT);
  if (!factures_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (factures_store_get_db (self));
}

gint64
factures_store_pa_enqueue_document (FacturesStore  *self,
                                    gint64          document_id,
                                    GError        **error)
{
  g_autoptr(FacturesDocument) document = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *tracking_id = NULL;
  g_autofree char *file_name = NULL;
  const char *rule;
  gint64 id;

  g_return_val_if_fail (FACTURES_IS_STORE (self), 0);

  document = factures_store_get_document (self, document_id, error);
  if (document == NULL)
    return 0;
  if (document->status != FACTURES_DOCUMENT_STATUS_ISSUED || document->kind == FACTURES_DOCUMENT_KIND_QUOTE)
    {
      invalid (error, _("Only an issued invoice, deposit invoice or credit note can be sent through the plateforme agréée."));
      return 0;
    }
  if (!factures_pa_document_is_eligible (document))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s: the client is not a business in France with a known SIREN, so the invoice does not go through the plateforme agréée; send it by e-mail."),
                   document->number);
      return 0;
    }
  id = existing_row (self, document_id, "document", 0, error);
  if (id != 0)
    return MAX (id, 0);
  original = factures_store_get_original (self, document_id, error);
  if (original == NULL)
    return 0;
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, original);
  /* trackingId: our document's id (issue 14 item 2); the PA does not check it is unique. */
  tracking_id = g_strdup_printf ("%" G_GINT64_FORMAT, document_id);
  file_name = g_strdup_printf ("%s.pdf", document->number);
  /* A public buyer: B2G when the PA forwards to Chorus Pro (PA.md §4, Flow 1.2.0), otherwise
   * the Factur-X goes on the Chorus Pro portal by hand (issue 15 item 3). */
  if (document->buyer->category == FACTURES_CLIENT_CATEGORY_PUBLIC && !factures_store_pa_document_goes (self, document))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s: the client is an administration and your plateforme agréée does not forward invoices to Chorus Pro (Preferences → E-invoicing). Export the invoice for Chorus Pro from the document and upload it on the Chorus Pro portal."),
                   document->number);
      return 0;
    }
  rule = document->buyer->category == FACTURES_CLIENT_CATEGORY_PUBLIC ? "B2G" : "B2B";
  id = insert_row (self, document_id, 0, "document", 0, tracking_id, file_name, "Factur-X", "CIUS", rule,
                   sha256, NULL, error);
  if (id != 0)
    factures_store_emit_changed (self);
  return id;
}

gint64
factures_store_pa_enqueue_status (FacturesStore  *self,
                                  gint64          document_id,
                                  gint            code,
                                  GBytes         *cdar,
                                  GError        **error)
{
  g_autofree char *sha256 = NULL;
  g_autofree char *tracking_id = NULL;
  g_autofree char *file_name = NULL;
  g_autoptr(FacturesDocument) document = NULL;
  gint64 id;

  g_return_val_if_fail (FACTURES_IS_STORE (self), 0);
  g_return_val_if_fail (cdar != NULL, 0);

  document = factures_store_get_document (self, document_id, error);
  if (document == NULL)
    return 0;
  if (document->status != FACTURES_DOCUMENT_STATUS_ISSUED || factures_pa_status_label (code) == NULL)
    {
      invalid (error, _("A lifecycle status can only be sent about an issued document, with a code of the list (200 to 213, 220)."));
      return 0;
    }
  id = existing_row (self, document_id, "status", code, error);
  if (id != 0)
    return MAX (id, 0);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, cdar);
  /* ≤ 36 characters: "cdv-" + document id + "-" + code. */
  tracking_id = g_strdup_printf ("cdv-%" G_GINT64_FORMAT "-%d", document_id, code);
  file_name = g_strdup_printf ("CDV-%d-%s.xml", code, document->number);
  /* processingRule of a CDAR flow from a compatible solution: "NotApplicable" (to confirm,
   * PA.md §2.1 and §6 point 2). */
  id = insert_row (self, document_id, 0, "status", code, tracking_id, file_name, "CDAR", NULL, "NotApplicable",
                   sha256, cdar, error);
  if (id != 0)
    factures_store_emit_changed (self);
  return id;
}

gint
factures_store_pa_enqueue_new (FacturesStore  *self,
                               GError        **error)
{
  g_autoptr(GArray) ids = NULL;
  gint queued = 0;
  guint i;

  g_return_val_if_fail (FACTURES_IS_STORE (self), -1);
  ids = factures_store_select_ids (self,
                                   "SELECT d.id FROM documents d JOIN pa_account a ON a.id = 1 "
                                   "WHERE d.status = 1 AND d.kind IN (380, 381, 386) AND d.issue_date >= a.since "
                                   "AND NOT EXISTS (SELECT 1 FROM pa_outbox o WHERE o.document_id = d.id "
                                   "                AND o.kind = 'document') ORDER BY d.id", error);
  if (ids == NULL)
    return -1;
  for (i = 0; i < ids->len; i++)
    {
      g_autoptr(FacturesDocument) document = factures_store_get_document (self, g_array_index (ids, gint64, i), error);

      if (document == NULL)
        return -1;
      /* Private clients and clients abroad: e-mail, as before; an administration when the PA
       * does not route to Chorus Pro: the portal (issue 15 item 3). */
      if (!factures_store_pa_document_goes (self, document))
        continue;
      if (factures_store_pa_enqueue_document (self, document->id, error) == 0)
        return -1;
      queued++;
    }
  return queued;
}

GPtrArray *
factures_store_pa_outbox_due (FacturesStore  *self,
                              const char     *now,
                              const char     *stale,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_pa_outbox_item_free);
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  stmt = factures_store_prepare (self,
                                 "SELECT " ITEM_COLUMNS
                                 "WHERE o.state = 'queued' "
                                 "OR (o.state = 'sending' AND (o.error IS NOT NULL OR o.updated IS NULL OR o.updated < ?2)) "
                                 "OR (o.state = 'failed' AND o.next_attempt IS NOT NULL AND o.next_attempt <= ?1) "
                                 "ORDER BY o.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, stale, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

GPtrArray *
factures_store_pa_outbox_list (FacturesStore  *self,
                               GError        **error)
{
  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  return items_query (self, "SELECT " ITEM_COLUMNS "ORDER BY o.id DESC", NULL, 0, error);
}

gboolean
factures_store_pa_status_queued (FacturesStore  *self,
                                 gint64          document_id,
                                 gint            code,
                                 GError        **error)
{
  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  return existing_row (self, document_id, "status", code, error) > 0;
}

FacturesPaOutboxItem *
factures_store_pa_outbox_for_document (FacturesStore  *self,
                                       gint64          document_id,
                                       GError        **error)
{
  g_autoptr(GPtrArray) items = items_query (self,
                                            "SELECT " ITEM_COLUMNS
                                            "WHERE o.document_id = ?1 AND o.kind = 'document'",
                                            NULL, document_id, error);

  if (items == NULL || items->len == 0)
    return NULL;
  return g_ptr_array_steal_index (items, 0);
}

GBytes *
factures_store_pa_outbox_payload (FacturesStore  *self,
                                  gint64          id,
                                  GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self,
                                                         "SELECT document_id, kind, payload FROM pa_outbox WHERE id = ?1",
                                                         error);
  gint64 document_id;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                   _("No e-invoicing outbox entry %lld."), (long long) id);
      return NULL;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "status") == 0)
    return g_bytes_new (sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2));
  document_id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  return factures_store_get_original (self, document_id, error);
}

static gboolean
update_row (FacturesStore  *self,
            const char     *sql,
            gint64          id,
            const char     *t2,
            const char     *t3,
            const char     *t4,
            const char     *t5,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  factures_sql_bind_text (stmt, 2, t2);
  factures_sql_bind_text (stmt, 3, t3);
  factures_sql_bind_text (stmt, 4, t4);
  factures_sql_bind_text (stmt, 5, t5);
  if (!factures_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (factures_store_get_db (self)) == 0)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE,
                   _("E-invoicing outbox entry %lld is already deposited or does not exist."), (long long) id);
      return FALSE;
    }
  return TRUE;
}

gboolean
factures_store_pa_outbox_begin (FacturesStore  *self,
                                gint64          id,
                                gint            seen_attempts,
                                gboolean       *out_claimed,
                                GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = now_iso ();

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  *out_claimed = FALSE;
  /* The attempts counter is the claim: a second process that read the same row finds it
   * changed and leaves it (optimistic concurrency; SQLite serialises the UPDATEs). */
  stmt = factures_store_prepare (self,
                                 "UPDATE pa_outbox SET state = 'sending', attempts = attempts + 1, updated = ?2, error = NULL "
                                 "WHERE id = ?1 AND state <> 'sent' AND attempts = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, seen_attempts);
  if (!factures_store_step_done (self, stmt, error))
    return FALSE;
  *out_claimed = sqlite3_changes (factures_store_get_db (self)) == 1;
  if (*out_claimed)
    factures_store_emit_changed (self);
  return TRUE;
}

static gboolean
insert_event (FacturesStore  *self,
              gint64          document_id,
              const char     *kind,
              const char     *date,
              const char     *data,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self,
                                                         "INSERT INTO events (document_id, kind, date, data) VALUES (?1, ?2, ?3, ?4)",
                                                         error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  factures_sql_bind_text (stmt, 4, data);
  return factures_store_step_done (self, stmt, error);
}

static char *
today_iso (void)
{
  GDate today;

  factures_today (&today);
  return factures_date_format_iso (&today);
}

static char *
json_object_text (const char *first_key,
                  ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *key;
  va_list args;

  json_builder_begin_object (builder);
  va_start (args, first_key);
  for (key = first_key; key != NULL; key = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      json_builder_set_member_name (builder, key);
      if (value != NULL)
        json_builder_add_string_value (builder, value);
      else
        json_builder_add_null_value (builder);
    }
  va_end (args);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gint64
row_document (FacturesStore  *self,
              gint64          id,
              char          **out_kind,
              gint           *out_code,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self,
                                                         "SELECT document_id, kind, coalesce (status_code, 0) FROM pa_outbox WHERE id = ?1",
                                                         error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                   _("No e-invoicing outbox entry %lld."), (long long) id);
      return 0;
    }
  *out_kind = factures_sql_col_dup (stmt, 1);
  *out_code = sqlite3_column_int (stmt, 2);
  /* A status about a supplier invoice has no document of ours: −1. */
  return sqlite3_column_type (stmt, 0) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 0);
}

gboolean
factures_store_pa_outbox_mark_sent (FacturesStore  *self,
                                    gint64          id,
                                    const char     *flow_id,
                                    const char     *submitted_at,
                                    FacturesPaAck   ack,
                                    const char     *ack_details,
                                    GError        **error)
{
  g_autofree char *kind = NULL;
  g_autofree char *data = NULL;
  g_autofree char *today = today_iso ();
  g_autofree char *code_text = NULL;
  gint64 document_id;
  gint code = 0;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (flow_id != NULL, FALSE);

  if (!factures_store_begin (self, error))
    return FALSE;
  document_id = row_document (self, id, &kind, &code, error);
  if (document_id == 0)
    goto fail;
  if (!update_row (self,
                   "UPDATE pa_outbox SET state = 'sent', flow_id = ?2, submitted_at = ?3, ack_status = ?4, "
                   "ack_details = ?5, error = NULL, next_attempt = NULL WHERE id = ?1 AND state <> 'sent'",
                   id, flow_id, submitted_at, ack_to_string (ack != FACTURES_PA_ACK_NONE ? ack : FACTURES_PA_ACK_PENDING),
                   ack_details, error))
    goto fail;
  code_text = code != 0 ? g_strdup_printf ("%d", code) : NULL;
  data = json_object_text ("flow_id", flow_id, "submitted_at", submitted_at, "kind", kind,
                           "status_code", code_text, NULL);
  if ((document_id > 0 && !insert_event (self, document_id, "pa-deposited", today, data, error)) ||
      !factures_store_commit (self, error))
    goto fail;
  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}

gboolean
factures_store_pa_outbox_mark_failed (FacturesStore  *self,
                                      gint64          id,
                                      const char     *reason,
                                      gboolean        uncertain,
                                      gint            retry_seconds,
                                      GError        **error)
{
  g_autofree char *next = NULL;
  g_autofree char *now = now_iso ();

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  if (retry_seconds >= 0)
    {
      g_autoptr(GDateTime) t = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) later = g_date_time_add_seconds (t, retry_seconds);

      next = g_date_time_format (later, "%Y-%m-%dT%H:%M:%SZ");
    }
  if (!update_row (self,
                   "UPDATE pa_outbox SET state = ?4, error = ?2, next_attempt = ?3, updated = ?5 "
                   "WHERE id = ?1 AND state <> 'sent'",
                   id, reason, next, uncertain ? "sending" : "failed", now, error))
    return FALSE;
  factures_store_emit_changed (self);
  return TRUE;
}

gboolean
factures_store_pa_outbox_retry (FacturesStore  *self,
                                gint64          id,
                                GError        **error)
{
  g_autofree char *now = now_iso ();

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  /* A row that may have reached the PA stays "sending": the retry searches first. */
  if (!update_row (self,
                   "UPDATE pa_outbox SET state = CASE state WHEN 'sending' THEN 'sending' ELSE 'queued' END, "
                   "next_attempt = ?2 WHERE id = ?1 AND state <> 'sent' AND ?3 IS NULL AND ?4 IS NULL AND ?5 IS NULL",
                   id, now, NULL, NULL, NULL, error))
    return FALSE;
  factures_store_emit_changed (self);
  return TRUE;
}

gboolean
factures_store_pa_outbox_set_ack (FacturesStore  *self,
                                  const char     *flow_id,
                                  FacturesPaAck   ack,
                                  const char     *ack_details,
                                  gint64         *out_id,
                                  gboolean       *out_changed,
                                  GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *old = NULL;
  g_autofree char *data = NULL;
  g_autofree char *today = today_iso ();
  gint64 id, document_id;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  *out_id = 0;
  *out_changed = FALSE;
  if (!factures_store_begin (self, error))
    return FALSE;
  stmt = factures_store_prepare (self, "SELECT id, document_id, ack_status FROM pa_outbox WHERE flow_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, flow_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      factures_store_rollback (self);
      return TRUE;
    }
  if (rc != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      goto fail;
    }
  id = sqlite3_column_int64 (stmt, 0);
  document_id = sqlite3_column_int64 (stmt, 1);   /* 0: a status about a supplier invoice */
  old = factures_sql_col_dup (stmt, 2);
  g_clear_pointer (&stmt, sqlite3_finalize);
  *out_id = id;
  if (ack == FACTURES_PA_ACK_NONE || g_strcmp0 (old, ack_to_string (ack)) == 0)
    {
      factures_store_rollback (self);
      return TRUE;
    }
  stmt = factures_store_prepare (self, "UPDATE pa_outbox SET ack_status = ?2, ack_details = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, ack_to_string (ack), -1, SQLITE_STATIC);
  factures_sql_bind_text (stmt, 3, ack_details);
  if (!factures_store_step_done (self, stmt, error))
    goto fail;
  if (ack != FACTURES_PA_ACK_PENDING && document_id != 0)
    {
      data = json_object_text ("flow_id", flow_id, "status", ack_to_string (ack), "details", ack_details, NULL);
      if (!insert_event (self, document_id, "pa-ack", today, data, error))
        goto fail;
    }
  if (!factures_store_commit (self, error))
    goto fail;
  *out_changed = TRUE;
  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}

const char * const *
factures_pa_business_reason_codes (void)
{
  /* PA.md §2 (gobl fr/ctc flow6 codes.go, matching the DGFiP table). */
  static const char * const codes[] = {
    "NON_TRANSMISE", "JUSTIF_ABS", "ROUTAGE_ERR", "AUTRE", "COORD_BANC_ERR", "TX_TVA_ERR",
    "MONTANTTOTAL_ERR", "CALCUL_ERR", "NON_CONFORME", "DOUBLON", "DEST_INC", "DEST_ERR",
    "TRANSAC_INC", "EMMET_INC", "CONTRAT_TERM", "DOUBLE_FACT", "CMD_ERR", "ADR_ERR", "SIRET_ERR",
    "CODE_ROUTAGE_ERR", "REF_CT_ABSENT", "REF_ERR", "PU_ERR", "REM_ERR", "QTE_ERR", "ART_ERR",
    "MODPAI_ERR", "QUALITE_ERR", "LIVR_INCOMP", NULL
  };
  return codes;
}

void
factures_pa_purchase_free (FacturesPaPurchase *purchase)
{
  if (purchase == NULL)
    return;
  g_free (purchase->number);
  g_free (purchase->seller_siren);
  g_free (purchase->seller_name);
  g_free (purchase);
}

FacturesPaPurchase *
factures_store_pa_get_purchase (FacturesStore  *self,
                                gint64          imported_id,
                                GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  FacturesPaPurchase *purchase;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  stmt = factures_store_prepare (self,
                                 "SELECT number, issue_date, seller_siren, seller_name FROM imported_invoices "
                                 "WHERE id = ?1 AND direction = 'purchase'", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, imported_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                   _("No supplier invoice %lld in the purchases."), (long long) imported_id);
      return NULL;
    }
  purchase = g_new0 (FacturesPaPurchase, 1);
  purchase->number = factures_sql_col_dup (stmt, 0);
  factures_sql_col_date (stmt, 1, &purchase->issue_date);
  purchase->seller_siren = factures_sql_col_dup (stmt, 2);
  purchase->seller_name = factures_sql_col_dup (stmt, 3);
  return purchase;
}

gboolean
factures_pa_check_buyer_status (gint         code,
                                const char  *reason_code,
                                const char  *reason,
                                GError     **error)
{
  gboolean needs_reason = code == 206 || code == 207 || code == 208 || code == 210;

  if (code != 204 && code != 205 && code != 206 && code != 207 && code != 208 && code != 210 && code != 211)
    return invalid (error, _("Status: as the buyer you can send 204 (taken in charge), 205 (approved), 206 "
                             "(partially approved), 207 (disputed), 208 (suspended), 210 (refused) or 211 "
                             "(payment sent)."));
  if (needs_reason && (reason_code == NULL || !g_strv_contains (factures_pa_business_reason_codes (), reason_code)))
    return invalid (error, _("Reason code: choose one of the list (TX_TVA_ERR, QTE_ERR, PU_ERR, AUTRE…) for a "
                             "partial approval, a dispute, a suspension or a refusal."));
  if (!needs_reason && reason_code != NULL)
    return invalid (error, _("Reason code: only a partial approval, a dispute, a suspension or a refusal carries one."));
  if (reason != NULL && (!g_utf8_validate (reason, -1, NULL) || g_utf8_strlen (reason, -1) > 500))
    return invalid (error, _("Reason: at most 500 characters."));
  return TRUE;
}

gint64
factures_store_pa_enqueue_purchase_status (FacturesStore  *self,
                                           gint64          imported_id,
                                           gint            code,
                                           const char     *reason_code,
                                           const char     *reason,
                                           GBytes         *cdar,
                                           GError        **error)
{
  g_autoptr(FacturesPaPurchase) purchase = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *tracking_id = NULL;
  g_autofree char *file_name = NULL;
  gint64 id;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), 0);
  g_return_val_if_fail (cdar != NULL, 0);
  if (!factures_pa_check_buyer_status (code, reason_code, reason, error))
    return 0;
  purchase = factures_store_pa_get_purchase (self, imported_id, error);
  if (purchase == NULL)
    return 0;
  stmt = factures_store_prepare (self,
                                 "SELECT id FROM pa_outbox WHERE imported_id = ?1 AND kind = 'status' AND status_code = ?2",
                                 error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, imported_id);
  sqlite3_bind_int (stmt, 2, code);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, cdar);
  tracking_id = g_strdup_printf ("cdv-p%" G_GINT64_FORMAT "-%d", imported_id, code);
  file_name = g_strdup_printf ("CDV-%d-%s.xml", code, purchase->number);
  if (!factures_store_begin (self, error))
    return 0;
  id = insert_row (self, 0, imported_id, "status", code, tracking_id, file_name, "CDAR", NULL, "NotApplicable",
                   sha256, cdar, error);
  if (id != 0)
    {
      stmt = factures_store_prepare (self, "UPDATE pa_outbox SET reason_code = ?2, reason = ?3 WHERE id = ?1", error);
      if (stmt == NULL)
        id = 0;
      else
        {
          sqlite3_bind_int64 (stmt, 1, id);
          factures_sql_bind_text (stmt, 2, reason_code);
          factures_sql_bind_text (stmt, 3, reason);
          if (!factures_store_step_done (self, stmt, error))
            id = 0;
        }
    }
  if (id == 0 || !factures_store_commit (self, error))
    {
      factures_store_rollback (self);
      return 0;
    }
  factures_store_emit_changed (self);
  return id;
}

GArray *
factures_store_pa_cashed_candidates (FacturesStore  *self,
                                     GError        **error)
{
  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  return factures_store_select_ids (self,
                                    "SELECT d.id FROM documents d JOIN pa_outbox o ON o.document_id = d.id "
                                    "AND o.kind = 'document' AND o.state = 'sent' AND coalesce (o.ack_status, '') <> 'Error' "
                                    "WHERE d.status = 1 AND d.kind IN (380, 386) "
                                    "AND NOT EXISTS (SELECT 1 FROM pa_outbox s WHERE s.document_id = d.id "
                                    "                AND s.kind = 'status' AND s.status_code = 212) "
                                    "AND EXISTS (SELECT 1 FROM payment_allocations a WHERE a.document_id = d.id "
                                    "            AND (a.payment_id IS NULL OR a.payment_id NOT IN "
                                    "                 (SELECT payment_id FROM payment_reversals))) "
                                    "ORDER BY d.id", error);
}

void
factures_store_pa_notify_synced (FacturesStore *self)
{
  g_return_if_fail (FACTURES_IS_STORE (self));
  factures_store_emit_changed (self);
}

/* ---- cursor ---- */

char *
factures_store_pa_get_cursor (FacturesStore  *self,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self, "SELECT cursor FROM pa_account WHERE id = 1", error);

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return factures_sql_col_dup (stmt, 0);
}

gboolean
factures_store_pa_set_cursor (FacturesStore  *self,
                              const char     *updated_at,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  if (updated_at == NULL)
    return TRUE;
  /* ISO 8601 UTC texts of one PA compare as strings. */
  stmt = factures_store_prepare (self,
                                 "UPDATE pa_account SET cursor = ?1 WHERE id = 1 AND (cursor IS NULL OR cursor < ?1)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, updated_at, -1, SQLITE_TRANSIENT);
  return factures_store_step_done (self, stmt, error);
}

gboolean
factures_store_pa_rewind_cursor (FacturesStore  *self,
                                 const char     *updated_at,
                                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  stmt = factures_store_prepare (self, "UPDATE pa_account SET cursor = ?1 WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  factures_sql_bind_text (stmt, 1, updated_at);
  return factures_store_step_done (self, stmt, error);
}

/* ---- inbox ---- */

gboolean
factures_store_pa_inbox_known (FacturesStore  *self,
                               const char     *flow_id,
                               gboolean       *out_known,
                               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  *out_known = FALSE;
  stmt = factures_store_prepare (self, "SELECT 1 FROM pa_inbox WHERE flow_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, flow_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  *out_known = rc == SQLITE_ROW;
  return TRUE;
}

gint64
factures_store_pa_inbox_add (FacturesStore  *self,
                             const char     *flow_id,
                             const char     *flow_type,
                             const char     *flow_direction,
                             const char     *flow_syntax,
                             const char     *name,
                             const char     *updated_at,
                             GBytes         *content,
                             gboolean       *out_known,
                             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = now_iso ();

  g_return_val_if_fail (FACTURES_IS_STORE (self), 0);
  *out_known = FALSE;
  stmt = factures_store_prepare (self,
                                 "INSERT INTO pa_inbox (flow_id, flow_type, flow_direction, flow_syntax, name, "
                                 "updated_at, received, content) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                                 "ON CONFLICT (flow_id) DO NOTHING", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, flow_id, -1, SQLITE_TRANSIENT);
  factures_sql_bind_text (stmt, 2, flow_type);
  factures_sql_bind_text (stmt, 3, flow_direction);
  factures_sql_bind_text (stmt, 4, flow_syntax);
  factures_sql_bind_text (stmt, 5, name);
  factures_sql_bind_text (stmt, 6, updated_at);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  if (content != NULL)
    sqlite3_bind_blob (stmt, 8, g_bytes_get_data (content, NULL), g_bytes_get_size (content), SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 8);
  if (!factures_store_step_done (self, stmt, error))
    return 0;
  if (sqlite3_changes (factures_store_get_db (self)) == 0)
    {
      *out_known = TRUE;
      return 0;
    }
  return sqlite3_last_insert_rowid (factures_store_get_db (self));
}

gboolean
factures_store_pa_inbox_mark (FacturesStore  *self,
                              gint64          inbox_id,
                              const char     *state,
                              gint64          document_id,
                              const char     *reason,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  stmt = factures_store_prepare (self,
                                 "UPDATE pa_inbox SET state = ?2, document_id = ?3, error = ?4 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, inbox_id);
  sqlite3_bind_text (stmt, 2, state, -1, SQLITE_TRANSIENT);
  if (document_id != 0)
    sqlite3_bind_int64 (stmt, 3, document_id);
  else
    sqlite3_bind_null (stmt, 3);
  factures_sql_bind_text (stmt, 4, reason);
  if (!factures_store_step_done (self, stmt, error))
    return FALSE;
  factures_store_emit_changed (self);
  return TRUE;
}

void
factures_pa_status_free (FacturesPaStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->message_id);
  g_free (status->invoice_number);
  g_free (status->date);
  g_free (status->sender_role);
  g_free (status->sender_id);
  g_free (status->sender_name);
  g_free (status->reason_code);
  g_free (status->reason);
  g_free (status);
}

/* Opens a dispute row (the same mechanism as a dispute entered by hand in the dunning
 * panel: factures_store_set_dispute) unless one is open: the ladder stops while it is. */
static gboolean
open_dispute (FacturesStore  *self,
              gint64          document_id,
              const char     *note,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = today_iso ();

  stmt = factures_store_prepare (self,
                                 "INSERT INTO disputes (document_id, opened, closed, note) "
                                 "SELECT ?1, ?2, NULL, ?3 WHERE NOT EXISTS "
                                 "(SELECT 1 FROM disputes WHERE document_id = ?1 AND closed IS NULL)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, note, -1, SQLITE_TRANSIENT);
  return factures_store_step_done (self, stmt, error);
}

gboolean
factures_store_pa_record_status (FacturesStore          *self,
                                 gint64                  inbox_id,
                                 const char             *flow_id,
                                 const FacturesPaStatus *status,
                                 gint64                 *out_document_id,
                                 GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  g_autofree char *day = NULL;
  gint64 document_id;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  *out_document_id = 0;
  if (!factures_store_begin (self, error))
    return FALSE;
  stmt = factures_store_prepare (self,
                                 "SELECT id FROM documents WHERE number = ?1 AND status = 1 AND kind <> 0", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, status->invoice_number, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        factures_store_set_db_error (self, error);
      else
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                     _("The status message names the invoice “%s”, which is not one of the issued documents."),
                     status->invoice_number);
      goto fail;
    }
  document_id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_int_value (builder, status->code);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, factures_pa_status_label (status->code));
#define ADD_TEXT(key, value) \
  if ((value) != NULL) { json_builder_set_member_name (builder, key); json_builder_add_string_value (builder, value); }
  ADD_TEXT ("date", status->date);
  ADD_TEXT ("sender_role", status->sender_role);
  ADD_TEXT ("sender_id", status->sender_id);
  ADD_TEXT ("sender_name", status->sender_name);
  ADD_TEXT ("reason_code", status->reason_code);
  ADD_TEXT ("reason", status->reason);
  ADD_TEXT ("message_id", status->message_id);
  ADD_TEXT ("flow_id", flow_id);
#undef ADD_TEXT
  if (status->amount != 0)
    {
      json_builder_set_member_name (builder, "amount");
      json_builder_add_int_value (builder, status->amount);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, NULL);
  day = status->date != NULL && strlen (status->date) >= 10 ? g_strndup (status->date, 10) : today_iso ();
  if (!insert_event (self, document_id, "pa-status", day, data, error))
    goto fail;

  /* Dunning: 210 refusée, 213 rejetée and 220 annulée leave the ladder (a credit note
   * follows: the invoice no longer counts), 207 en litige pauses it; all as an open dispute
   * (PA.md §2). */
  if (status->code == 210 || status->code == 213 || status->code == 220 || status->code == 207)
    {
      /* "[PA 207]": a fixed marker, so that a later approval closes only what the PA opened. */
      g_autofree char *note = g_strdup_printf ("[PA %d] ", status->code);
      g_autofree char *text = g_strdup_printf (_("Through the plateforme agréée: %s (%d)%s%s"),
                                               factures_pa_status_label (status->code), status->code,
                                               status->reason != NULL ? " — " : "",
                                               status->reason != NULL ? status->reason : "");
      g_autofree char *full = g_strconcat (note, text, NULL);

      if (!open_dispute (self, document_id, full, error))
        goto fail;
    }
  /* Approved after "en litige": the dispute the PA opened closes, the ladder runs again (a
   * refusal, a rejection or a cancellation stays: a credit note follows). */
  if (status->code == 205 || status->code == 206)
    {
      g_autofree char *today = today_iso ();

      stmt = factures_store_prepare (self,
                                     "UPDATE disputes SET closed = ?2 WHERE document_id = ?1 AND closed IS NULL "
                                     "AND note LIKE '[PA 207]%'", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, document_id);
      sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
      if (!factures_store_step_done (self, stmt, error))
        goto fail;
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  if (inbox_id != 0)
    {
      stmt = factures_store_prepare (self,
                                     "UPDATE pa_inbox SET state = 'read', document_id = ?2, status_code = ?3 WHERE id = ?1",
                                     error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, inbox_id);
      sqlite3_bind_int64 (stmt, 2, document_id);
      sqlite3_bind_int (stmt, 3, status->code);
      if (!factures_store_step_done (self, stmt, error))
        goto fail;
    }
  if (!factures_store_commit (self, error))
    goto fail;
  *out_document_id = document_id;
  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}

gint
factures_store_pa_last_status (FacturesStore  *self,
                               gint64          document_id,
                               char          **out_reason,
                               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self,
                                                         "SELECT json_extract (data, '$.code'), json_extract (data, '$.reason') "
                                                         "FROM events WHERE document_id = ?1 AND kind = 'pa-status' "
                                                         "ORDER BY id DESC LIMIT 1", error);

  if (out_reason != NULL)
    *out_reason = NULL;
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  if (out_reason != NULL)
    *out_reason = factures_sql_col_dup (stmt, 1);
  return sqlite3_column_int (stmt, 0);
}

GPtrArray *
factures_store_pa_history (FacturesStore  *self,
                           gint64          document_id,
                           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) history = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  stmt = factures_store_prepare (self,
                                 "SELECT coalesce (json_extract (data, '$.code'), 0), json_extract (data, '$.date'), "
                                 "json_extract (data, '$.sender_role'), json_extract (data, '$.sender_id'), "
                                 "json_extract (data, '$.sender_name'), json_extract (data, '$.reason_code'), "
                                 "json_extract (data, '$.reason'), coalesce (json_extract (data, '$.amount'), 0), date "
                                 "FROM events WHERE document_id = ?1 AND kind = 'pa-status' ORDER BY id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  history = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_pa_status_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesPaStatus *status = g_new0 (FacturesPaStatus, 1);

      status->code = sqlite3_column_int (stmt, 0);
      status->date = factures_sql_col_dup (stmt, 1);
      if (status->date == NULL)
        status->date = factures_sql_col_dup (stmt, 8);
      status->sender_role = factures_sql_col_dup (stmt, 2);
      status->sender_id = factures_sql_col_dup (stmt, 3);
      status->sender_name = factures_sql_col_dup (stmt, 4);
      status->reason_code = factures_sql_col_dup (stmt, 5);
      status->reason = factures_sql_col_dup (stmt, 6);
      status->amount = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (history, status);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&history);
}

GStrv
factures_store_pa_inbox_unreadable (FacturesStore  *self,
                                    GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self,
                                                         "SELECT flow_id, coalesce (error, '') FROM pa_inbox "
                                                         "WHERE state = 'unreadable' ORDER BY id", error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *line = g_strdup_printf ("%s\t%s", sqlite3_column_text (stmt, 0),
                                               sqlite3_column_text (stmt, 1));
      g_strv_builder_add (builder, line);
    }
  return g_strv_builder_end (builder);
}

/* ---- JSON export and import (factures-store-json.c; issue 14: a restore loses nothing) ---- */

/* pa_directory (migration 0020): the directory cache, in the backup too (leftovers3); absent
 * from older files, which still import. */
static const char *const pa_json_tables[] = { "pa_account", "pa_outbox", "pa_inbox", "pa_directory" };

static gboolean
pa_json_is_blob (const char *column)
{
  return strcmp (column, "payload") == 0 || strcmp (column, "content") == 0;
}

gboolean
factures_store_einvoicing_export_json (FacturesStore  *self,
                                       JsonBuilder    *builder,
                                       GError        **error)
{
  for (guint t = 0; t < G_N_ELEMENTS (pa_json_tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY %s", pa_json_tables[t],
                                              strcmp (pa_json_tables[t], "pa_directory") == 0 ? "siren" : "id");
      g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self, sql, error);
      gboolean first = TRUE;
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          if (first)
            {
              json_builder_set_member_name (builder, pa_json_tables[t]);
              json_builder_begin_array (builder);
              first = FALSE;
            }
          json_builder_begin_object (builder);
          for (int col = 0; col < sqlite3_column_count (stmt); col++)
            {
              json_builder_set_member_name (builder, sqlite3_column_name (stmt, col));
              switch (sqlite3_column_type (stmt, col))
                {
                case SQLITE_INTEGER:
                  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, col));
                  break;
                case SQLITE_NULL:
                  json_builder_add_null_value (builder);
                  break;
                case SQLITE_BLOB:
                  {
                    g_autofree char *text = g_base64_encode (sqlite3_column_blob (stmt, col),
                                                             (gsize) sqlite3_column_bytes (stmt, col));

                    json_builder_add_string_value (builder, text);
                  }
                  break;
                default:
                  if (pa_json_is_blob (sqlite3_column_name (stmt, col)))
                    {
                      g_autofree char *text = g_base64_encode (sqlite3_column_text (stmt, col),
                                                               (gsize) sqlite3_column_bytes (stmt, col));

                      json_builder_add_string_value (builder, text);
                    }
                  else
                    json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, col));
                  break;
                }
            }
          json_builder_end_object (builder);
        }
      if (rc != SQLITE_DONE)
        {
          factures_store_set_db_error (self, error);
          return FALSE;
        }
      if (!first)
        json_builder_end_array (builder);
    }
  return TRUE;
}

/* Whether a row with id @id exists in @sql's table (documents issued, supplier invoices). */
static gboolean
pa_json_exists (FacturesStore *self,
                const char    *sql,
                gint64         id)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* @key of @row, when set: the id of an issued document or of a supplier invoice of the file. */
static gboolean
pa_json_check_ref (FacturesStore  *self,
                   JsonObject     *row,
                   const char     *where,
                   const char     *key,
                   gint64         *out,
                   GError        **error)
{
  gboolean document = strcmp (key, "document_id") == 0;

  if (!factures_store_json_impl_get_int (row, where, key, 0, out, error))
    return FALSE;
  if (*out == 0)
    return TRUE;
  if (!pa_json_exists (self, document ? "SELECT 1 FROM documents WHERE id = ?1 AND status = 1"
                                      : "SELECT 1 FROM imported_invoices WHERE id = ?1", *out))
    {
      factures_store_json_impl_format_error (error, where, key,
                                             document ? _("the id of an issued document in the file")
                                                      : _("the id of a supplier invoice in the file"));
      return FALSE;
    }
  return TRUE;
}

/* @key of @row is one of @allowed (NULL-terminated), or absent/null when @optional. */
static gboolean
pa_json_check_word (JsonObject         *row,
                    const char         *where,
                    const char         *key,
                    const char *const  *allowed,
                    gboolean            optional,
                    GError            **error)
{
  const char *text;

  if (!factures_store_json_impl_get_text (row, where, key, &text, error))
    return FALSE;
  if (text == NULL && optional)
    return TRUE;
  if (text == NULL || !g_strv_contains (allowed, text))
    {
      g_autofree char *list = g_strjoinv (", ", (char **) allowed);

      factures_store_json_impl_format_error (error, where, key, list);
      return FALSE;
    }
  return TRUE;
}

static gboolean
pa_json_check_code (JsonObject  *row,
                    const char  *where,
                    gboolean     required,
                    GError     **error)
{
  gint64 code;

  if (!factures_store_json_impl_get_int (row, where, "status_code", 0, &code, error))
    return FALSE;
  if ((code == 0 && !required) || (code > 0 && code <= G_MAXINT && factures_pa_status_label ((gint) code) != NULL))
    return TRUE;
  factures_store_json_impl_format_error (error, where, "status_code", _("a lifecycle status code (200 to 213, 220)"));
  return FALSE;
}

static gboolean
pa_json_check_required_text (JsonObject  *row,
                             const char  *where,
                             const char  *key,
                             const char **out,
                             GError     **error)
{
  if (!factures_store_json_impl_get_text (row, where, key, out, error))
    return FALSE;
  if (*out == NULL || **out == '\0')
    {
      factures_store_json_impl_format_error (error, where, key, _("a text that is not empty"));
      return FALSE;
    }
  return TRUE;
}

/* @key of @row: a time the app wrote, starting with a date YYYY-MM-DD. */
static gboolean
pa_json_check_timestamp (JsonObject  *row,
                         const char  *where,
                         const char  *key,
                         GError     **error)
{
  const char *text;
  g_autofree char *day = NULL;
  GDate date;

  if (!pa_json_check_required_text (row, where, key, &text, error))
    return FALSE;
  day = g_strndup (text, 10);
  if (strlen (day) != 10 || !factures_date_parse_iso (day, &date, NULL))
    {
      factures_store_json_impl_format_error (error, where, key, _("a date and time written YYYY-MM-DD…"));
      return FALSE;
    }
  return TRUE;
}

/* The checks of the app on row @where of @table, before it is inserted. */
static gboolean
pa_json_check_row (FacturesStore  *self,
                   const char     *table,
                   const char     *where,
                   JsonObject     *row,
                   GError        **error)
{
  if (strcmp (table, "pa_account") == 0)
    {
      const char *name, *registration, *base_url, *token_url, *client_id, *since, *cursor;
      gint64 id, timeout, report;
      g_autofree char *clean_name = NULL, *clean_registration = NULL, *clean_base = NULL;
      g_autofree char *clean_token = NULL, *clean_client = NULL;
      GError *local_error = NULL;

      if (!factures_store_json_impl_get_int_range (row, where, "id", -1, 1, 1, &id, error) ||
          !factures_store_json_impl_get_text (row, where, "name", &name, error) ||
          !factures_store_json_impl_get_text (row, where, "registration", &registration, error) ||
          !factures_store_json_impl_get_text (row, where, "base_url", &base_url, error) ||
          !factures_store_json_impl_get_text (row, where, "token_url", &token_url, error) ||
          !factures_store_json_impl_get_text (row, where, "client_id", &client_id, error) ||
          !factures_store_json_impl_get_int (row, where, "timeout_seconds", 30, &timeout, error) ||
          !factures_store_json_impl_get_int_range (row, where, "report_payments", 1, 0, 1, &report, error) ||
          !factures_store_json_impl_get_date (row, where, "since", TRUE, &since, error) ||
          !factures_store_json_impl_get_text (row, where, "cursor", &cursor, error))
        return FALSE;
      clean_name = clean_field (name);
      clean_registration = clean_field (registration);
      clean_base = clean_field (base_url);
      clean_token = clean_field (token_url);
      clean_client = clean_field (client_id);
      if (g_strcmp0 (clean_name, name) != 0 || g_strcmp0 (clean_registration, registration) != 0 ||
          g_strcmp0 (clean_base, base_url) != 0 || g_strcmp0 (clean_token, token_url) != 0 ||
          g_strcmp0 (clean_client, client_id) != 0)
        {
          factures_store_json_impl_format_error (error, where, "name", _("texts without spaces around them"));
          return FALSE;
        }
      /* Issue 15 (migration 0020): both optional in the file. */
      {
        const char *directory_url = NULL;
        gint64 routes_b2g;

        if (!factures_store_json_impl_get_text (row, where, "directory_url", &directory_url, error) ||
            !factures_store_json_impl_get_int_range (row, where, "routes_b2g", 0, 0, 1, &routes_b2g, error))
          return FALSE;
        if (directory_url != NULL && !check_directory_url (directory_url, &local_error))
          {
            g_propagate_error (error, local_error);
            factures_store_json_impl_prefix_path (error, where);
            return FALSE;
          }
      }
      if (!check_account_fields (clean_name, clean_registration, clean_base, clean_token, clean_client,
                                 timeout, &local_error))
        {
          g_propagate_error (error, local_error);
          factures_store_json_impl_prefix_path (error, where);
          return FALSE;
        }
      return TRUE;
    }
  if (strcmp (table, "pa_outbox") == 0)
    {
      static const char *const kinds[] = { "document", "status", NULL };
      static const char *const states[] = { "queued", "sending", "sent", "failed", NULL };
      static const char *const acks[] = { "Pending", "Ok", "Error", NULL };
      const char *kind, *tracking_id, *sha256, *text;
      gint64 document_id, imported_id, attempts;
      g_autoptr(GBytes) payload = NULL;

      if (!pa_json_check_ref (self, row, where, "document_id", &document_id, error) ||
          !pa_json_check_ref (self, row, where, "imported_id", &imported_id, error) ||
          !pa_json_check_word (row, where, "kind", kinds, FALSE, error) ||
          !pa_json_check_word (row, where, "state", states, TRUE, error) ||
          !pa_json_check_word (row, where, "ack_status", acks, TRUE, error) ||
          !pa_json_check_required_text (row, where, "tracking_id", &tracking_id, error) ||
          !pa_json_check_required_text (row, where, "file_name", &text, error) ||
          !pa_json_check_required_text (row, where, "flow_syntax", &text, error) ||
          !pa_json_check_required_text (row, where, "processing_rule", &text, error) ||
          !pa_json_check_required_text (row, where, "sha256", &sha256, error) ||
          !pa_json_check_timestamp (row, where, "created", error) ||
          !factures_store_json_impl_get_int (row, where, "attempts", 0, &attempts, error) ||
          !factures_store_json_impl_get_base64 (row, where, "payload", &payload, error))
        return FALSE;
      factures_store_json_impl_get_text (row, where, "kind", &kind, NULL);
      if ((document_id == 0) == (imported_id == 0))
        {
          factures_store_json_impl_format_error (error, where, "document_id",
                                                 _("either an issued document or a supplier invoice"));
          return FALSE;
        }
      if (!pa_json_check_code (row, where, strcmp (kind, "status") == 0, error))
        return FALSE;
      if (strlen (tracking_id) > 36)
        {
          factures_store_json_impl_format_error (error, where, "tracking_id", _("at most 36 characters"));
          return FALSE;
        }
      if (attempts < 0)
        {
          factures_store_json_impl_format_error (error, where, "attempts", _("a whole number not below zero"));
          return FALSE;
        }
      if (strcmp (kind, "status") == 0)
        {
          g_autofree char *computed = payload != NULL
                                      ? g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, payload) : NULL;

          if (computed == NULL || g_ascii_strcasecmp (computed, sha256) != 0)
            {
              factures_store_json_impl_format_error (error, where, "sha256",
                                                     _("the SHA-256 of the status message in payload"));
              return FALSE;
            }
        }
      return TRUE;
    }
  if (strcmp (table, "pa_directory") == 0)
    {
      /* The checks of factures_store_pa_directory_save(), naming the member. */
      static const char *const statuses[] = { "Enabled", "Disabled", "Upcoming", "Unknown", NULL };
      const char *siren, *address, *text;
      gint64 partial;

      if (!pa_json_check_required_text (row, where, "siren", &siren, error))
        return FALSE;
      if (strlen (siren) != 9 || strspn (siren, "0123456789") != 9)
        {
          factures_store_json_impl_format_error (error, where, "siren", _("a SIREN of 9 digits"));
          return FALSE;
        }
      if (!pa_json_check_word (row, where, "status", statuses, FALSE, error) ||
          !factures_store_json_impl_get_text (row, where, "address", &address, error) ||
          !factures_store_json_impl_get_text (row, where, "siret", &text, error) ||
          !factures_store_json_impl_get_text (row, where, "platform", &text, error) ||
          !factures_store_json_impl_get_text (row, where, "name", &text, error) ||
          !factures_store_json_impl_get_text (row, where, "entity_type", &text, error) ||
          !factures_store_json_impl_get_int_range (row, where, "partial", 0, 0, 1, &partial, error) ||
          !pa_json_check_timestamp (row, where, "looked_up", error))
        return FALSE;
      if (address != NULL && (*address == '\0' || g_utf8_strlen (address, -1) > 125))
        {
          factures_store_json_impl_format_error (error, where, "address", _("1 to 125 characters"));
          return FALSE;
        }
      return TRUE;
    }
  /* pa_inbox */
  {
    static const char *const states[] = { "new", "read", "unreadable", "ignored", NULL };
    const char *text;
    gint64 document_id, imported_id;
    g_autoptr(GBytes) content = NULL;

    return pa_json_check_required_text (row, where, "flow_id", &text, error) &&
           pa_json_check_timestamp (row, where, "received", error) &&
           pa_json_check_word (row, where, "state", states, TRUE, error) &&
           pa_json_check_ref (self, row, where, "document_id", &document_id, error) &&
           pa_json_check_ref (self, row, where, "imported_id", &imported_id, error) &&
           pa_json_check_code (row, where, FALSE, error) &&
           factures_store_json_impl_get_base64 (row, where, "content", &content, error);
  }
}

gboolean
factures_store_einvoicing_import_json (FacturesStore  *self,
                                       JsonObject     *root,
                                       gboolean        keep_ids,
                                       GError        **error)
{
  if (!keep_ids)
    return TRUE;
  for (guint t = 0; t < G_N_ELEMENTS (pa_json_tables); t++)
    {
      const char *table = pa_json_tables[t];
      JsonArray *rows;

      if (!json_object_has_member (root, table))
        continue;
      rows = factures_store_json_impl_get_array (root, "", table, error);
      if (rows == NULL)
        return FALSE;
      /* the file's account replaces the one saved (one account, id 1) */
      if (strcmp (table, "pa_account") == 0 && !factures_store_exec (self, "DELETE FROM pa_account", error))
        return FALSE;
      for (guint i = 0; i < json_array_get_length (rows); i++)
        {
          g_autofree char *where = g_strdup_printf ("%s[%u]", table, i);
          JsonObject *row = factures_store_json_impl_get_element_object (rows, i, table, error);
          g_autoptr(GString) names = g_string_new (NULL);
          g_autoptr(GString) marks = g_string_new (NULL);
          g_autoptr(GList) members = NULL;
          g_autofree char *sql = NULL;
          g_autoptr(sqlite3_stmt) stmt = NULL;
          int n = 0;

          if (row == NULL)
            return FALSE;
          if (!pa_json_check_row (self, table, where, row, error))
            return FALSE;
          members = json_object_get_members (row);
          for (GList *m = members; m != NULL; m = m->next)
            {
              g_autofree char *check = g_strdup_printf ("SELECT 1 FROM pragma_table_info ('%s') WHERE name = ?1",
                                                        table);
              g_autoptr(sqlite3_stmt) known = factures_store_prepare (self, check, error);

              if (known == NULL)
                return FALSE;
              sqlite3_bind_text (known, 1, m->data, -1, SQLITE_TRANSIENT);
              if (sqlite3_step (known) != SQLITE_ROW)
                {
                  factures_store_json_impl_format_error (error, where, m->data, _("a column of this table (unknown member)"));
                  return FALSE;
                }
              g_string_append_printf (names, "%s\"%s\"", names->len ? ", " : "", (const char *) m->data);
              g_string_append_printf (marks, "%s?", marks->len ? ", " : "");
            }
          if (members == NULL)
            {
              factures_store_json_impl_format_error (error, where, "id", _("a row that is not empty"));
              return FALSE;
            }
          sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", table, names->str, marks->str);
          stmt = factures_store_prepare (self, sql, error);
          if (stmt == NULL)
            return FALSE;
          for (GList *m = members; m != NULL; m = m->next)
            {
              JsonNode *value = json_object_get_member (row, m->data);

              n++;
              if (JSON_NODE_HOLDS_NULL (value))
                sqlite3_bind_null (stmt, n);
              else if (pa_json_is_blob (m->data))
                {
                  g_autoptr(GBytes) bytes = NULL;

                  /* (checked base64 by pa_json_check_row) */
                  if (!factures_store_json_impl_get_base64 (row, where, m->data, &bytes, error))
                    return FALSE;
                  sqlite3_bind_blob (stmt, n, g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes),
                                     SQLITE_TRANSIENT);
                }
              else if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64)
                sqlite3_bind_int64 (stmt, n, json_node_get_int (value));
              else if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
                sqlite3_bind_text (stmt, n, json_node_get_string (value), -1, SQLITE_TRANSIENT);
              else
                {
                  factures_store_json_impl_format_error (error, where, m->data, _("a whole number, a text or null"));
                  return FALSE;
                }
            }
          if (sqlite3_step (stmt) != SQLITE_DONE)
            {
              g_autofree char *detail = g_strdup (sqlite3_errmsg (factures_store_get_db (self)));

              /* the French message names the row; SQLite's words only as detail */
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                           _("Invalid file: %s: the row cannot be restored (twice the same flow or tracking id?) (%s)."),
                           where, detail);
              return FALSE;
            }
        }
    }
  return TRUE;
}
