/* factures-store-json.c — JSON export and import of a whole database, and the
 * JSON snapshots of seller and buyer frozen in issued documents
 *
 * ## The file format ("factures" version 1)
 *
 * One UTF-8 JSON object, written by json-glib pretty-printed with a 2-space
 * indent and a final newline; keys always appear in the order below, so an
 * export of the same data is byte-identical. Money is integer cents, quantities
 * integer 1e-4, unit prices integer 1e-6 €, rates integer basis points, dates
 * "YYYY-MM-DD" strings; absent values are null. Enumerations are the integers of
 * factures-document.h.
 *
 *   {
 *     "format": "factures",            always this string
 *     "version": 1,                    files of a newer version are refused
 *     "profile": PROFILE or null,      the business profile (seller)
 *     "clients": [ CLIENT… ],          by id
 *     "documents": [ DOCUMENT… ],      by id
 *     "series": [ SERIES… ],           by name
 *     "catalogue", "recurring", "recurring_occurrences"
 *                                      (factures-store-recurring-json.c)
 *     "urssaf_settings", "urssaf_declarations"  (issue 17, when set; see
 *                                      factures-store-urssaf-private.h)
 *     "purchase_entries", "purchase_payments", "purchase_payment_reversals"
 *                                      (issue 17, when not empty; see
 *                                      factures-store-purchases-private.h)
 *     "ereporting"                     (issue 15, when set; see
 *                                      factures-store-ereporting-private.h)
 *   }
 *
 *   PARTY (the first keys of PROFILE and CLIENT):
 *     "name", "address" ('\n' between lines), "postal_code", "city",
 *     "country_code" (ISO 3166-1 alpha-2), "siren", "siret", "vat_id", "email",
 *     "phone": strings or null
 *   PROFILE: PARTY, then "registry" (0 none, 1 RCS, 2 RNE), "registry_city",
 *     "activity" (0 services, 1 goods, 2 both), "vat_regime" (0 franchise en
 *     base, 1 VAT registered), "iban", "bic", "terms_kind" (0 on receipt, 1 N days,
 *     2 45 days end of month), "terms_days", "eom_method" (0 add then end of
 *     month, 1 end of month then add), "penalty_rate_bp", "insurance", "logo"
 *     (PNG bytes in base64, or null); since issue 13, when set: "territory" (0
 *     metropolitan France, 1 Corsica, 2 Guadeloupe/Martinique/La Réunion, 3 Guyane/
 *     Mayotte), "line_activity" (as LINE "activity"), "vat_from" (the day VAT is charged from,
 *     migration 0025, only when VAT-registered), "exempt_activities":
 *     [ {"label", "basis" (1 art. 261-4-4° a, 2 261-4-4° b, 3 261-4-1°)}… ]
 *   CLIENT: "id", PARTY, "category" (0 individual, 1 company, 2 association,
 *     3 public body), "has_terms" (0/1: own terms instead of the profile's),
 *     "terms_kind", "terms_days", "notes", "legal_id" (issue 13: a business abroad's
 *     legal identifier; written only when set), "service_code" (issue 15: an
 *     administration's BT-10), "document_language" (issue 13 item 5: 1 French and English;
 *     written only when not 0, French); a frozen buyer also "electronic_address" (issue 15:
 *     the directory's address, BT-49) when set
 *   DOCUMENT: "id", "kind" (0 quote, 380 invoice, 381 credit note, 386 deposit
 *     invoice), "status" (0 draft, 1 issued), "number" (null for a draft),
 *     "issue_date", "delivery_date", "due_date", "terms_kind", "terms_days",
 *     "client_id", "client_name", "seller" (the frozen PROFILE without "logo",
 *     null for a draft), "buyer" (the frozen CLIENT, null for a draft),
 *     "allowance", "net_total", "vat_total", "gross_total", "amount_due",
 *     "notes", "purchase_order", "pdf" (the original PDF in base64, null for a
 *     draft), "pdf_sha256", "chain_seq" (position in the hash chain), "prev_hash",
 *     "hash" (hex SHA-256, see factures-store.c), since issue 13 item 4 "currency"
 *     (ISO 4217, only when not EUR) and "exchange_rate" (millionths of a euro per unit,
 *     only when set), "lines": [ LINE… ],
 *     "events": [ EVENT… ], then "quote": QUOTE (quotes only) and
 *     "links": [ LINK… ] (factures-store-lifecycle.c), and for a draft with a payment
 *     schedule "schedule": [ {"due_date", "amount"}… ] (factures-store-schedule.c)
 *   LINE: "position" (1, 2, …), "description", "quantity", "unit", "unit_price",
 *     "vat_rate_bp", "allowance" (cents), "net" (cents, frozen when issued), and
 *     since issue 13 (factures-vat.h) "activity" (0 the profile's, 1 goods, 2 BIC
 *     services, 3 BNC services, 4 classified furnished tourist let), "vat_category"
 *     (EN 16931 code "S", "Z", "E", "AE", "K", "G", "O", or null: the old rule),
 *     "vatex" (BT-121), "exemption_reason" (BT-120), "override_reason", and since
 *     issue 17 "debours" (1: a débours line, excluded from the URSSAF figures) (each written
 *     only when set, so that an export of older data keeps its bytes)
 *   EVENT: "kind" ("issued", "quote-accepted", "quote-refused", …), "date",
 *     "data" (string or null)
 *   QUOTE: "valid_until" (date), "conditions" (string or null)
 *   LINK: "role" ("quote": deposit invoice → its quote, "final": final invoice →
 *     its quote, "deposit": final invoice → a deposit invoice it deducts,
 *     "invoice": credit note → the invoice it corrects), "target_id" (a
 *     document "id" of the file), "position"
 *   SERIES: "name" ("invoice" for invoices and deposit invoices, "quote",
 *     "credit-note"), "pattern" ("F{YYYY}-{NNNN}"), "next_counter",
 *     "last_issued_date", "yearly_reset" (0/1)
 *   Issue 14 (plateforme agréée), each only when its table holds rows: "pa_account",
 *     "pa_outbox", "pa_inbox" (rows of every column, payload and content in base64; the
 *     client secret stays in the keyring; the polling cursor is pa_account's "cursor"),
 *     "pa_directory" (the directory cache, issue 15: each SIREN's last lookup; absent from
 *     older files), restored through the checks of factures-store-einvoicing-private.h.
 *
 * ## Import rules
 *
 * An import is one transaction: all or nothing. The file must be valid UTF-8
 * and JSON of this format (else FACTURES_ERROR_FORMAT, naming the line or the
 * JSON path of the first bad value, "documents[3].lines[0].quantity"). Before
 * json-glib parses it (its parser recurses once per level), the raw bytes are
 * walked: at most 64 levels of nesting, exactly one value at the top, no
 * "\u0000" in a text. There is no size limit: exports embed every stored PDF.
 *
 * One gate (issue 10): the profile goes through factures_store_write_profile(),
 * clients through factures_store_clean_client(), drafts through
 * factures_store_write_draft_at() (the editor's checks; totals computed by
 * factures_totals_compute(), the file's ignored), templates and catalogue items
 * through the checks of their editors. Issued documents (full restore only) are
 * checked for types, ranges and structure, their totals recomputed and compared
 * (a mismatch refuses the file), then the whole hash chain is verified; the
 * mention rules of today are not applied to them again. Series need a valid
 * pattern and a counter past every number of the file they could repeat. Two
 * clients or documents with one id are refused. Into an empty database (no client, no document) everything is
 * imported with its ids, the profile and the series, and the hash chain of the
 * issued documents is verified before COMMIT (FACTURES_ERROR_INTEGRITY). A file
 * with issued documents is refused by a database that is not empty
 * (FACTURES_ERROR_NOT_EMPTY); a file of clients and drafts adds them to it under
 * new ids (the drafts follow their clients), takes its profile only when the
 * database has none, and ignores its series.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "factures-store-private.h"
#include "factures-store-integrity-private.h"
#include "factures-store-mail-private.h"
#include "factures-store-einvoicing-private.h"
#include "factures-store-ereporting-private.h"
#include "factures-store-urssaf-private.h"
#include "factures-store-purchases-private.h"
#include "factures-store-lifecycle-private.h"
#include "factures-store-schedule-private.h"
#include "factures-store-facturx-private.h"
#include "factures-store-recurring-private.h"
#include "factures-store-payments-private.h"
#include "factures-series.h"
#include "factures-store-json-private.h"

/* ---- snapshots ---- */

static void
add_text (JsonBuilder *builder,
          const char  *key,
          const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

void
factures_store_json_add_party (JsonBuilder         *builder,
                               const FacturesParty *party)
{
  add_text (builder, "name", party->name);
  add_text (builder, "address", party->address);
  add_text (builder, "postal_code", party->postal_code);
  add_text (builder, "city", party->city);
  add_text (builder, "country_code", party->country_code);
  add_text (builder, "siren", party->siren);
  add_text (builder, "siret", party->siret);
  add_text (builder, "vat_id", party->vat_id);
  add_text (builder, "email", party->email);
  add_text (builder, "phone", party->phone);
}

static char *
member_dup (JsonObject *object,
            const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static gint64
member_int (JsonObject *object,
            const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

void
factures_store_json_read_party (JsonObject    *object,
                                FacturesParty *party)
{
  factures_party_clear (party);
  party->name = member_dup (object, "name");
  party->address = member_dup (object, "address");
  party->postal_code = member_dup (object, "postal_code");
  party->city = member_dup (object, "city");
  party->country_code = member_dup (object, "country_code");
  party->siren = member_dup (object, "siren");
  party->siret = member_dup (object, "siret");
  party->vat_id = member_dup (object, "vat_id");
  party->email = member_dup (object, "email");
  party->phone = member_dup (object, "phone");
}

static void
add_profile (JsonBuilder           *builder,
             const FacturesProfile *profile,
             gboolean               with_logo)
{
  json_builder_begin_object (builder);
  factures_store_json_add_party (builder, &profile->party);
  add_int (builder, "registry", profile->registry);
  add_text (builder, "registry_city", profile->registry_city);
  add_int (builder, "activity", profile->activity);
  add_int (builder, "vat_regime", profile->vat_regime);
  add_text (builder, "iban", profile->iban);
  add_text (builder, "bic", profile->bic);
  add_int (builder, "terms_kind", profile->default_terms.kind);
  add_int (builder, "terms_days", profile->default_terms.days);
  add_int (builder, "eom_method", profile->eom_method);
  add_int (builder, "penalty_rate_bp", profile->penalty_rate_bp);
  add_text (builder, "insurance", profile->insurance);
  /* Written only when set, so snapshots and exports without it keep their bytes. */
  if (profile->building_trade)
    add_int (builder, "building_trade", 1);
  if (profile->escompte_rate_bp != 0)
    {
      add_int (builder, "escompte_rate_bp", profile->escompte_rate_bp);
      add_int (builder, "escompte_days", profile->escompte_days);
    }
  /* Issue 13, written only when set (same reason). */
  if (profile->territory != FACTURES_VAT_TERRITORY_METROPOLE)
    add_int (builder, "territory", profile->territory);
  if (profile->line_activity != FACTURES_LINE_ACTIVITY_DEFAULT)
    add_int (builder, "line_activity", profile->line_activity);
  /* Migration 0025, written only when set (same reason). */
  if (profile->vat_regime == FACTURES_VAT_REGIME_REGISTERED && g_date_valid (&profile->vat_from))
    {
      g_autofree char *iso = factures_date_format_iso (&profile->vat_from);

      add_text (builder, "vat_from", iso);
    }
  if (profile->exempt_activities != NULL && profile->exempt_activities->len > 0)
    {
      json_builder_set_member_name (builder, "exempt_activities");
      json_builder_begin_array (builder);
      for (guint i = 0; i < profile->exempt_activities->len; i++)
        {
          const FacturesExemptActivity *activity = g_ptr_array_index (profile->exempt_activities, i);

          json_builder_begin_object (builder);
          add_text (builder, "label", activity->label);
          add_int (builder, "basis", activity->basis);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  if (with_logo)
    {
      g_autofree char *logo = NULL;

      if (profile->logo != NULL)
        logo = g_base64_encode (g_bytes_get_data (profile->logo, NULL), g_bytes_get_size (profile->logo));
      add_text (builder, "logo", logo);
    }
  json_builder_end_object (builder);
}

FacturesProfile *
factures_store_json_impl_read_profile (JsonObject *object)
{
  FacturesProfile *profile = factures_profile_new ();
  g_autofree char *logo = NULL;

  factures_store_json_read_party (object, &profile->party);
  profile->registry = member_int (object, "registry");
  profile->registry_city = member_dup (object, "registry_city");
  profile->activity = member_int (object, "activity");
  profile->vat_regime = member_int (object, "vat_regime");
  profile->iban = member_dup (object, "iban");
  profile->bic = member_dup (object, "bic");
  profile->default_terms.kind = member_int (object, "terms_kind");
  profile->default_terms.days = (guint) member_int (object, "terms_days");
  profile->eom_method = member_int (object, "eom_method");
  profile->penalty_rate_bp = (gint) member_int (object, "penalty_rate_bp");
  profile->insurance = member_dup (object, "insurance");
  profile->building_trade = member_int (object, "building_trade") != 0;
  profile->escompte_rate_bp = (gint) member_int (object, "escompte_rate_bp");
  profile->escompte_days = (guint) member_int (object, "escompte_days");
  profile->territory = (FacturesVatTerritory) member_int (object, "territory");
  profile->line_activity = (FacturesLineActivity) member_int (object, "line_activity");
  {
    g_autofree char *vat_from = member_dup (object, "vat_from");

    if (vat_from == NULL || !factures_date_parse_iso (vat_from, &profile->vat_from, NULL))
      g_date_clear (&profile->vat_from, 1);
  }
  if (json_object_has_member (object, "exempt_activities") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "exempt_activities")))
    {
      JsonArray *array = json_object_get_array_member (object, "exempt_activities");

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          JsonObject *item;
          g_autofree char *label = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            {
              /* Refused by the profile's checks: a basis of 0. */
              g_ptr_array_add (profile->exempt_activities,
                               factures_exempt_activity_new (NULL, FACTURES_VAT_EXEMPTION_NONE));
              continue;
            }
          item = json_node_get_object (node);
          label = member_dup (item, "label");
          g_ptr_array_add (profile->exempt_activities,
                           factures_exempt_activity_new (label, (FacturesVatExemption) member_int (item, "basis")));
        }
    }
  logo = member_dup (object, "logo");
  if (logo != NULL)
    {
      gsize len = 0;
      guchar *data = g_base64_decode (logo, &len);

      profile->logo = g_bytes_new_take (data, len);
    }
  return profile;
}

static void
add_client (JsonBuilder          *builder,
            const FacturesClient *client)
{
  json_builder_begin_object (builder);
  add_int (builder, "id", client->id);
  factures_store_json_add_party (builder, &client->party);
  add_int (builder, "category", client->category);
  add_int (builder, "has_terms", client->has_terms ? 1 : 0);
  add_int (builder, "terms_kind", client->terms.kind);
  add_int (builder, "terms_days", client->terms.days);
  add_text (builder, "notes", client->notes);
  /* Issue 13, written only when set (snapshots without it keep their bytes). */
  if (client->legal_id != NULL)
    add_text (builder, "legal_id", client->legal_id);
  /* Issue 15, written only when set: BT-10 and the directory's address (BT-49). */
  if (client->service_code != NULL)
    add_text (builder, "service_code", client->service_code);
  if (client->electronic_address != NULL)
    add_text (builder, "electronic_address", client->electronic_address);
  /* Issue 13 item 5, written only when not French (snapshots without it keep their bytes). */
  if (client->document_language != FACTURES_DOCUMENT_LANGUAGE_FRENCH)
    add_int (builder, "document_language", client->document_language);
  json_builder_end_object (builder);
}

FacturesClient *
factures_store_json_impl_read_client (JsonObject *object)
{
  FacturesClient *client = factures_client_new ();

  client->id = member_int (object, "id");
  factures_store_json_read_party (object, &client->party);
  client->category = member_int (object, "category");
  client->has_terms = member_int (object, "has_terms") != 0;
  client->terms.kind = member_int (object, "terms_kind");
  client->terms.days = (guint) member_int (object, "terms_days");
  g_free (client->notes);
  client->notes = member_dup (object, "notes");
  client->legal_id = member_dup (object, "legal_id");
  client->service_code = member_dup (object, "service_code");
  client->electronic_address = member_dup (object, "electronic_address");
  client->document_language = (FacturesDocumentLanguage) member_int (object, "document_language");
  return client;
}

char *
factures_store_json_impl_node_to_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static char *
builder_to_text (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  return factures_store_json_impl_node_to_text (root);
}

/* Compact JSON of the seller snapshot (keys in the PROFILE order). */
char *
factures_store_profile_to_json (const FacturesProfile *profile,
                                gboolean               with_logo)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  add_profile (builder, profile, with_logo);
  return builder_to_text (builder);
}

char *
factures_store_client_to_json (const FacturesClient *client)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  add_client (builder, client);
  return builder_to_text (builder);
}

static JsonNode *
parse_object_text (const char  *json,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                           _("A frozen seller or buyer snapshot is damaged."));
      return NULL;
    }
  return json_node_copy (root);
}

FacturesProfile *
factures_store_profile_from_json (const char  *json,
                                  GError     **error)
{
  g_autoptr(JsonNode) root = parse_object_text (json, error);

  if (root == NULL)
    return NULL;
  return factures_store_json_impl_read_profile (json_node_get_object (root));
}

FacturesClient *
factures_store_client_from_json (const char  *json,
                                 GError     **error)
{
  g_autoptr(JsonNode) root = parse_object_text (json, error);

  if (root == NULL)
    return NULL;
  return factures_store_json_impl_read_client (json_node_get_object (root));
}

/* ---- export ---- */

/* The columns of issue 13 (migration 0013) and lines.debours (issue 17), written only when set so that an export of data
 * without them keeps its bytes: NULL, or 0 for the activity, is left out. */
gboolean
factures_store_json_impl_skip_unset (sqlite3_stmt *stmt,
                                     int           col)
{
  static const char * const optional[] = {
    "activity", "vat_category", "vatex", "exemption_reason", "override_reason", "legal_id",
    "debours",   /* issue 17 (migration 0016) */
    "service_code",  /* issue 15 (migration 0020) */
    "document_language",   /* issue 13 item 5 (migration 0018) */
    "currency", "exchange_rate",   /* issue 13 item 4 (migration 0017) */
    NULL
  };
  const char *name = sqlite3_column_name (stmt, col);

  if (!g_strv_contains (optional, name))
    return FALSE;
  return sqlite3_column_type (stmt, col) == SQLITE_NULL ||
         (sqlite3_column_type (stmt, col) == SQLITE_INTEGER && sqlite3_column_int64 (stmt, col) == 0);
}

static void
add_column (JsonBuilder  *builder,
            sqlite3_stmt *stmt,
            int           col)
{
  if (factures_store_json_impl_skip_unset (stmt, col))
    return;
  json_builder_set_member_name (builder, sqlite3_column_name (stmt, col));
  switch (sqlite3_column_type (stmt, col))
    {
    case SQLITE_INTEGER:
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, col));
      break;
    case SQLITE_BLOB:
      {
        g_autofree char *text = g_base64_encode (sqlite3_column_blob (stmt, col),
                                                 sqlite3_column_bytes (stmt, col));
        json_builder_add_string_value (builder, text);
      }
      break;
    case SQLITE_NULL:
      json_builder_add_null_value (builder);
      break;
    case SQLITE_TEXT:
    default:
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, col));
      break;
    }
}

/* A column holding JSON text, added as a nested value. */
static gboolean
add_json_column (JsonBuilder   *builder,
                 sqlite3_stmt  *stmt,
                 int            col,
                 GError       **error)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  json_builder_set_member_name (builder, sqlite3_column_name (stmt, col));
  if (text == NULL)
    json_builder_add_null_value (builder);
  else
    {
      JsonNode *node = parse_object_text (text, error);

      if (node == NULL)
        return FALSE;
      json_builder_add_value (builder, node);
    }
  return TRUE;
}

static gboolean
export_rows (FacturesStore  *self,
             JsonBuilder    *builder,
             const char     *sql,
             gint64          id,
             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);

  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      for (int col = 0; col < sqlite3_column_count (stmt); col++)
        add_column (builder, stmt, col);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

#define DOCUMENT_COLUMNS "id, kind, status, number, issue_date, delivery_date, due_date, " \
                         "terms_kind, terms_days, client_id, client_name, seller, buyer, " \
                         "allowance, net_total, vat_total, gross_total, amount_due, notes, " \
                         "purchase_order, (SELECT pdf FROM document_originals o WHERE o.document_id = documents.id) AS pdf, " \
                         "pdf_sha256, chain_seq, prev_hash, hash, currency, exchange_rate"
#define DOCUMENT_SELLER_COL 11
#define DOCUMENT_BUYER_COL 12

static gboolean
export_documents (FacturesStore  *self,
                  JsonBuilder    *builder,
                  GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = factures_store_prepare (self, "SELECT " DOCUMENT_COLUMNS " FROM documents ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      json_builder_begin_object (builder);
      for (int col = 0; col < sqlite3_column_count (stmt); col++)
        {
          if (col == DOCUMENT_SELLER_COL || col == DOCUMENT_BUYER_COL)
            {
              if (!add_json_column (builder, stmt, col, error))
                return FALSE;
            }
          else
            add_column (builder, stmt, col);
        }

      json_builder_set_member_name (builder, "lines");
      if (!export_rows (self, builder,
                        "SELECT position, description, quantity, unit, unit_price, vat_rate_bp, "
                        "allowance, net, activity, vat_category, vatex, exemption_reason, "
                        "override_reason, debours FROM lines WHERE document_id = ?1 ORDER BY position",
                        id, error))
        return FALSE;
      json_builder_set_member_name (builder, "events");
      if (!export_rows (self, builder,
                        "SELECT kind, date, data FROM events WHERE document_id = ?1 ORDER BY id",
                        id, error))
        return FALSE;
      if (!factures_store_lifecycle_export_document (self, builder, id, error) ||
          !factures_store_schedule_export_document (self, builder, id, error) ||
          !factures_store_chain_export_document (self, builder, id, error))
        return FALSE;
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* The export as a JSON tree; with @with_head, its last member "chain_head" (the witness, whose
 * "history" fingerprints the history arrays of the tree itself: trial 5 findings 2 and 12). */
static JsonNode *
export_root (FacturesStore  *self,
             gboolean        with_head,
             GError        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(FacturesProfile) profile = NULL;
  JsonNode *root;
  GError *local_error = NULL;

  json_builder_begin_object (builder);
  add_text (builder, "format", FORMAT_NAME);
  add_int (builder, "version", FORMAT_VERSION);

  profile = factures_store_get_profile (self, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  json_builder_set_member_name (builder, "profile");
  if (profile != NULL)
    add_profile (builder, profile, TRUE);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "clients");
  if (!export_rows (self, builder,
                    "SELECT id, name, address, postal_code, city, country_code, siren, siret, "
                    "vat_id, email, phone, category, has_terms, terms_kind, terms_days, notes, "
                    "legal_id, service_code, document_language FROM clients ORDER BY id",
                    0, error))
    return NULL;

  json_builder_set_member_name (builder, "documents");
  if (!export_documents (self, builder, error))
    return NULL;

  json_builder_set_member_name (builder, "series");
  if (!export_rows (self, builder,
                    "SELECT name, pattern, next_counter, last_issued_date, yearly_reset "
                    "FROM number_series ORDER BY name",
                    0, error))
    return NULL;
  if (!factures_store_recurring_export_json (self, builder, error))
    return NULL;
  if (!factures_store_payments_export_json (self, builder, error))
    return NULL;
  if (!factures_store_facturx_export_json (self, builder, error))
    return NULL;
  if (!factures_store_mail_export_json (self, builder, error))
    return NULL;
  /* issue 17 (migration 0016) */
  if (!factures_store_urssaf_export_json (self, builder, error))
    return NULL;
  /* issue 17 item 5 (migration 0019): the registre des achats */
  if (!factures_store_purchases_export_json (self, builder, error))
    return NULL;
  /* issue 14 (migration 0015): the PA account (no secret), outbox, flows received, cursor */
  if (!factures_store_einvoicing_export_json (self, builder, error))
    return NULL;
  /* issue 15 item 2 (migration 0021): the e-reporting periodicity, reports and flows */
  if (!factures_store_ereporting_export_json (self, builder, error))
    return NULL;
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  if (with_head)
    {
      g_autoptr(JsonBuilder) head = json_builder_new ();
      g_autoptr(JsonNode) head_root = NULL;

      json_builder_begin_object (head);
      if (!factures_store_chain_head_export_json (self, head, json_node_get_object (root), error))
        {
          json_node_unref (root);
          return NULL;
        }
      json_builder_end_object (head);
      head_root = json_builder_get_root (head);
      json_object_set_member (json_node_get_object (root), "chain_head",
                              json_node_copy (json_object_get_member (json_node_get_object (head_root), "chain_head")));
    }
  return root;
}

/**
 * factures_store_json_export_root:
 * (see factures-store-integrity-private.h)
 */
JsonNode *
factures_store_json_export_root (FacturesStore  *self,
                                 GError        **error)
{
  return export_root (self, FALSE, error);
}

static char *
export_text (FacturesStore  *self,
             GError        **error)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  root = export_root (self, TRUE, error);
  if (root == NULL)
    return NULL;
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

/**
 * factures_store_export_json:
 * @path: the file to write (replaced atomically)
 *
 * Writes every table in the "factures" version 1 format described at the top of
 * this file, read in one transaction so the file is consistent.
 */
gboolean
factures_store_export_json (FacturesStore  *self,
                            const char     *path,
                            GError        **error)
{
  g_autofree char *text = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Trial 5 finding 1: never over the database itself. */
  if (!factures_store_check_destination (factures_store_get_path (self), path, NULL, error))
    return FALSE;
  if (!factures_store_exec (self, "BEGIN", error))
    return FALSE;
  text = export_text (self, error);
  factures_store_rollback (self);
  if (text == NULL)
    return FALSE;

  if (!g_file_set_contents (path, text, -1, &local_error))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                   _("Cannot write “%s”: %s"), path, local_error->message);
      g_clear_error (&local_error);
      return FALSE;
    }
  return TRUE;
}
