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
 *     (PNG bytes in base64, or null)
 *   CLIENT: "id", PARTY, "category" (0 individual, 1 company, 2 association,
 *     3 public body), "has_terms" (0/1: own terms instead of the profile's),
 *     "terms_kind", "terms_days", "notes"
 *   DOCUMENT: "id", "kind" (0 quote, 380 invoice, 381 credit note, 386 deposit
 *     invoice), "status" (0 draft, 1 issued), "number" (null for a draft),
 *     "issue_date", "delivery_date", "due_date", "terms_kind", "terms_days",
 *     "client_id", "client_name", "seller" (the frozen PROFILE without "logo",
 *     null for a draft), "buyer" (the frozen CLIENT, null for a draft),
 *     "allowance", "net_total", "vat_total", "gross_total", "amount_due",
 *     "notes", "purchase_order", "pdf" (the original PDF in base64, null for a
 *     draft), "pdf_sha256", "chain_seq" (position in the hash chain), "prev_hash",
 *     "hash" (hex SHA-256, see factures-store.c), "lines": [ LINE… ],
 *     "events": [ EVENT… ], then "quote": QUOTE (quotes only) and
 *     "links": [ LINK… ] (factures-store-lifecycle.c), and for a draft with a payment
 *     schedule "schedule": [ {"due_date", "amount"}… ] (factures-store-schedule.c)
 *   LINE: "position" (1, 2, …), "description", "quantity", "unit", "unit_price",
 *     "vat_rate_bp", "allowance" (cents), "net" (cents, frozen when issued)
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
#include "factures-store-lifecycle-private.h"
#include "factures-store-schedule-private.h"
#include "factures-store-facturx-private.h"
#include "factures-store-recurring-private.h"
#include "factures-store-payments-private.h"
#include "factures-series.h"

#define FORMAT_NAME "factures"
#define FORMAT_VERSION 1


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
  if (with_logo)
    {
      g_autofree char *logo = NULL;

      if (profile->logo != NULL)
        logo = g_base64_encode (g_bytes_get_data (profile->logo, NULL), g_bytes_get_size (profile->logo));
      add_text (builder, "logo", logo);
    }
  json_builder_end_object (builder);
}

static FacturesProfile *
read_profile (JsonObject *object)
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
  json_builder_end_object (builder);
}

static FacturesClient *
read_client (JsonObject *object)
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
  return client;
}

static char *
node_to_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static char *
builder_to_text (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  return node_to_text (root);
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
  return read_profile (json_node_get_object (root));
}

FacturesClient *
factures_store_client_from_json (const char  *json,
                                 GError     **error)
{
  g_autoptr(JsonNode) root = parse_object_text (json, error);

  if (root == NULL)
    return NULL;
  return read_client (json_node_get_object (root));
}

/* ---- export ---- */

static void
add_column (JsonBuilder  *builder,
            sqlite3_stmt *stmt,
            int           col)
{
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
                         "pdf_sha256, chain_seq, prev_hash, hash"
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
                        "allowance, net FROM lines WHERE document_id = ?1 ORDER BY position",
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

static char *
export_text (FacturesStore  *self,
             GError        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(FacturesProfile) profile = NULL;
  g_autofree char *text = NULL;
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
                    "vat_id, email, phone, category, has_terms, terms_kind, terms_days, notes "
                    "FROM clients ORDER BY id",
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
  if (!factures_store_chain_head_export_json (self, builder, error))
    return NULL;
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
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

/* ---- import ---- */

/* Deepest nesting of arrays and objects a file may have: the app's own exports
 * use 5 levels; json-glib's parser recurses once per level. */
#define MAX_DEPTH 64

typedef struct {
  FacturesStore *store;
  gboolean       keep_ids;
  GHashTable    *client_ids;    /* file id → new id (gint64 pointers) */
  GHashTable    *document_ids;  /* file ids of documents seen (gint64 pointers) */
  GHashTable    *issued_gross;  /* file id of an issued document → its gross total */
  GPtrArray     *issued;        /* numbers of the issued documents, for the series */
  GHashTable    *numbers;       /* the same numbers (set), and "#<chain_seq>" of each */
} Import;

/* "documents[3]" + "lines" → "documents[3].lines"; "" + "clients" → "clients". */
static char *
path_join (const char *where,
           const char *key)
{
  if (where == NULL || *where == '\0')
    return g_strdup (key);
  return g_strconcat (where, ".", key, NULL);
}

static void
format_error (GError     **error,
              const char  *where,
              const char  *key,
              const char  *expected)
{
  g_autofree char *path = path_join (where, key);

  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
               _("Invalid file: %s must be %s."), path, expected);
}

/* Prefixes a refusal of the checks with the JSON path of the refused value. */
static void
prefix_path (GError     **error,
             const char  *path)
{
  g_prefix_error (error, _("Invalid file: %s: "), path);
}

/* ---- checks on the raw bytes, before json-glib parses them ---- */

typedef struct {
  gboolean    array;
  guint       index;     /* array: current element */
  gboolean    want_key;  /* object: the next string is a key */
  const char *key;       /* object: the current key (raw bytes, never escaped in our format) */
  gsize       key_len;
} Frame;

static char *
frames_path (const Frame *frames,
             guint        depth)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    {
      if (frames[i].array)
        g_string_append_printf (path, "[%u]", frames[i].index);
      else if (frames[i].key != NULL)
        {
          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append_len (path, frames[i].key, (gssize) frames[i].key_len);
        }
    }
  if (path->len == 0)
    g_string_append (path, _("the top of the file"));
  return g_string_free (path, FALSE);
}

static gboolean
is_scalar_char (char c)
{
  return g_ascii_isalnum (c) || c == '+' || c == '-' || c == '.';
}

/* Walks @data (valid UTF-8) without recursion: nesting at most MAX_DEPTH
 * levels, one value at the top, no "\u0000" in a string (a C string would end
 * there: "ACME\u0000SAS" would be stored as "ACME"), nothing between values
 * but JSON's own tokens. Other syntax errors are left to json-glib, which
 * names their line. */
static gboolean
check_raw_json (const char  *data,
                gsize        len,
                GError     **error)
{
  Frame frames[MAX_DEPTH];
  guint depth = 0;
  gboolean top_seen = FALSE;
  guint line = 1;
  gsize i = 0;

  while (i < len)
    {
      char c = data[i];

      if (c == '\n')
        {
          line++;
          i++;
          continue;
        }
      if (c == ' ' || c == '\t' || c == '\r')
        {
          i++;
          continue;
        }
      if (depth == 0)
        {
          if (top_seen)
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                           _("Invalid file: a second JSON value follows the first, at line %u; "
                             "a Factures export is one JSON object."),
                           line);
              return FALSE;
            }
          top_seen = TRUE;
        }

      switch (c)
        {
        case '{':
        case '[':
          if (depth == MAX_DEPTH)
            {
              g_autofree char *path = frames_path (frames, depth);

              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                           _("Invalid file: %s is nested more than %d levels deep (line %u)."),
                           path, MAX_DEPTH, line);
              return FALSE;
            }
          frames[depth].array = c == '[';
          frames[depth].index = 0;
          frames[depth].want_key = c == '{';
          frames[depth].key = NULL;
          frames[depth].key_len = 0;
          depth++;
          i++;
          break;

        case '}':
        case ']':
          if (depth > 0)
            depth--;
          i++;
          break;

        case ',':
          if (depth > 0)
            {
              Frame *frame = &frames[depth - 1];

              if (frame->array)
                frame->index++;
              else
                {
                  frame->want_key = TRUE;
                  frame->key = NULL;
                }
            }
          i++;
          break;

        case '"':
          {
            gsize start = ++i;

            while (i < len && data[i] != '"')
              {
                if (data[i] == '\\')
                  {
                    if (len - i >= 6 && data[i + 1] == 'u' && memcmp (data + i + 2, "0000", 4) == 0)
                      {
                        g_autofree char *path = NULL;

                        if (depth > 0 && frames[depth - 1].want_key)
                          frames[depth - 1].key = NULL;
                        path = frames_path (frames, depth);
                        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                                     _("Invalid file: %s holds a NUL character (\\u0000, line %u); "
                                       "no text may contain one."),
                                     path, line);
                        return FALSE;
                      }
                    i += 2;
                    continue;
                  }
                if (data[i] == '\n')
                  line++;
                i++;
              }
            if (depth > 0 && !frames[depth - 1].array && frames[depth - 1].want_key)
              {
                frames[depth - 1].key = data + start;
                frames[depth - 1].key_len = MIN (i, len) - start;
                frames[depth - 1].want_key = FALSE;
              }
            i++;
          }
          break;

        case ':':
          i++;
          break;

        default:
          /* A number or a literal (true, false, null), nothing else: json-glib
           * also reads comments and single-quoted strings, which could hide
           * brackets from this walk; an export never has them. */
          if (!is_scalar_char (c))
            {
              char text[8] = { 0 };

              g_unichar_to_utf8 (g_utf8_get_char (data + i), text);
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                           _("Invalid file: unexpected “%s” at line %u; a Factures export is "
                             "plain JSON, without comments."),
                           text, line);
              return FALSE;
            }
          while (i < len && is_scalar_char (data[i]))
            i++;
          break;
        }
    }
  return TRUE;
}

/* ---- typed members ---- */

/* An optional integer member: missing or null gives @fallback. */
static gboolean
get_int (JsonObject  *object,
         const char  *where,
         const char  *key,
         gint64       fallback,
         gint64      *out,
         GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = fallback;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      format_error (error, where, key, _("an integer"));
      return FALSE;
    }
  *out = json_node_get_int (node);
  return TRUE;
}

/* An integer member within [@min, @max]. */
static gboolean
get_int_range (JsonObject  *object,
               const char  *where,
               const char  *key,
               gint64       fallback,
               gint64       min,
               gint64       max,
               gint64      *out,
               GError     **error)
{
  if (!get_int (object, where, key, fallback, out, error))
    return FALSE;
  if (*out < min || *out > max)
    {
      g_autofree char *path = path_join (where, key);

      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                   _("Invalid file: %s must be between %" PRId64 " and %" PRId64 "."),
                   path, min, max);
      return FALSE;
    }
  return TRUE;
}

/* An optional string member: missing or null gives NULL. */
static gboolean
get_text (JsonObject   *object,
          const char   *where,
          const char   *key,
          const char  **out,
          GError      **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      format_error (error, where, key, _("a string"));
      return FALSE;
    }
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_date (JsonObject   *object,
          const char   *where,
          const char   *key,
          gboolean      required,
          const char  **out,
          GError      **error)
{
  GDate date;

  if (!get_text (object, where, key, out, error))
    return FALSE;
  if (*out == NULL && !required)
    return TRUE;
  if (*out == NULL || !factures_date_parse_iso (*out, &date, NULL))
    {
      format_error (error, where, key, _("a date written YYYY-MM-DD"));
      return FALSE;
    }
  return TRUE;
}

/* Base64 as g_base64_encode() writes it: groups of 4 of A–Z a–z 0–9 + /, '=' padding. */
static gboolean
is_base64 (const char *text)
{
  gsize n = strlen (text);
  guint pad = 0;

  if (n % 4 != 0)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      char c = text[i];

      if (c == '=')
        {
          if (i + 2 < n)
            return FALSE;
          pad++;
        }
      else if (pad > 0 || !(g_ascii_isalnum (c) || c == '+' || c == '/'))
        return FALSE;
    }
  return TRUE;
}

/* An optional base64 member, decoded. */
static gboolean
get_base64 (JsonObject   *object,
            const char   *where,
            const char   *key,
            GBytes      **out,
            GError      **error)
{
  const char *text;
  gsize len = 0;
  guchar *data;

  *out = NULL;
  if (!get_text (object, where, key, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (!is_base64 (text))
    {
      format_error (error, where, key, _("base64 data"));
      return FALSE;
    }
  data = g_base64_decode (text, &len);
  *out = g_bytes_new_take (data, len);
  return TRUE;
}

static JsonArray *
get_array (JsonObject  *object,
           const char  *where,
           const char  *key,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      format_error (error, where, key, _("a list"));
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
get_element_object (JsonArray   *array,
                    guint        index,
                    const char  *where,
                    GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                   _("Invalid file: %s must be an object."), where);
      return NULL;
    }
  return json_node_get_object (node);
}

static const char *const party_text_keys[] = {
  "name", "address", "postal_code", "city", "country_code", "siren", "siret", "vat_id",
  "email", "phone",
};

/* Types of the PARTY members and of @text_keys and @int_keys (read_profile() and
 * read_client() skip a value of the wrong type: refuse it here instead). */
static gboolean
check_types (JsonObject         *object,
             const char         *where,
             const char *const  *text_keys,
             guint               n_text,
             const char *const  *int_keys,
             guint               n_int,
             GError            **error)
{
  const char *text;
  gint64 value;

  for (guint i = 0; i < G_N_ELEMENTS (party_text_keys); i++)
    if (!get_text (object, where, party_text_keys[i], &text, error))
      return FALSE;
  for (guint i = 0; i < n_text; i++)
    if (!get_text (object, where, text_keys[i], &text, error))
      return FALSE;
  for (guint i = 0; i < n_int; i++)
    if (!get_int_range (object, where, int_keys[i], 0, G_MININT, G_MAXINT, &value, error))
      return FALSE;
  return TRUE;
}

/* ---- profile and clients: the checks of the preferences and of the client editor ---- */

static gboolean
import_profile (Import      *import,
                JsonNode    *node,
                GError     **error)
{
  static const char *const text_keys[] = { "registry_city", "iban", "bic", "insurance" };
  static const char *const int_keys[] = {
    "registry", "activity", "vat_regime", "terms_kind", "terms_days", "eom_method",
    "penalty_rate_bp", "building_trade", "escompte_rate_bp", "escompte_days",
  };
  g_autoptr(FacturesProfile) profile = NULL;
  g_autoptr(FacturesProfile) current = NULL;
  g_autoptr(GBytes) logo = NULL;
  GError *local_error = NULL;
  JsonObject *object;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      format_error (error, "", "profile", _("an object"));
      return FALSE;
    }
  object = json_node_get_object (node);
  if (!check_types (object, "profile", text_keys, G_N_ELEMENTS (text_keys),
                    int_keys, G_N_ELEMENTS (int_keys), error) ||
      !get_base64 (object, "profile", "logo", &logo, error))
    return FALSE;

  if (!import->keep_ids)
    {
      current = factures_store_get_profile (import->store, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      /* Adding to a database: its own profile wins. */
      if (current != NULL)
        return TRUE;
    }

  profile = read_profile (object);
  if (!factures_store_write_profile (import->store, profile, error))
    {
      prefix_path (error, "profile");
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_clients (Import     *import,
                JsonArray  *clients,
                GError    **error)
{
  static const char *const text_keys[] = { "notes" };
  static const char *const int_keys[] = { "category", "has_terms", "terms_kind", "terms_days" };

  for (guint i = 0; i < json_array_get_length (clients); i++)
    {
      g_autofree char *where = g_strdup_printf ("clients[%u]", i);
      g_autoptr(FacturesClient) client = NULL;
      JsonObject *object = get_element_object (clients, i, where, error);
      gint64 file_id, new_id = 0;

      if (object == NULL ||
          !get_int (object, where, "id", 0, &file_id, error) ||
          !check_types (object, where, text_keys, G_N_ELEMENTS (text_keys),
                        int_keys, G_N_ELEMENTS (int_keys), error))
        return FALSE;
      if (file_id <= 0)
        {
          format_error (error, where, "id", _("a positive integer"));
          return FALSE;
        }
      if (g_hash_table_contains (import->client_ids, &file_id))
        {
          g_autofree char *path = path_join (where, "id");

          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                       _("Invalid file: %s: two clients have the id %" PRId64 "."), path, file_id);
          return FALSE;
        }

      /* The client editor's checks (factures_store_save_client()). */
      client = read_client (object);
      client->id = 0;
      if (!factures_store_clean_client (client, error) ||
          !factures_store_write_client (import->store, client,
                                        import->keep_ids ? file_id : 0, &new_id, error))
        {
          prefix_path (error, where);
          return FALSE;
        }
      g_hash_table_insert (import->client_ids, g_memdup2 (&file_id, sizeof file_id),
                           g_memdup2 (&new_id, sizeof new_id));
    }
  return TRUE;
}

/* ---- documents ---- */

static gboolean
bind_object_text (sqlite3_stmt  *stmt,
                  int            index,
                  JsonObject    *object,
                  const char    *where,
                  const char    *key,
                  GError       **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      format_error (error, where, key, _("an object"));
      return FALSE;
    }
  sqlite3_bind_text (stmt, index, node_to_text (node), -1, g_free);
  return TRUE;
}

/* The lines of a document as FacturesLine (types checked; a rate outside gint
 * becomes -1 so that the range check refuses it). */
static GPtrArray *
read_lines (JsonArray   *lines,
            const char  *doc_where,
            GArray      *nets,
            GError     **error)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_line_free);

  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.lines[%u]", doc_where, i);
      JsonObject *object = get_element_object (lines, i, where, error);
      gint64 position, quantity, unit_price, vat_rate_bp, allowance, net;
      const char *description, *unit;
      FacturesLine *line;

      if (object == NULL ||
          !get_int_range (object, where, "position", i + 1, i + 1, i + 1, &position, error) ||
          !get_text (object, where, "description", &description, error) ||
          !get_int (object, where, "quantity", 0, &quantity, error) ||
          !get_text (object, where, "unit", &unit, error) ||
          !get_int (object, where, "unit_price", 0, &unit_price, error) ||
          !get_int (object, where, "vat_rate_bp", 0, &vat_rate_bp, error) ||
          !get_int (object, where, "allowance", 0, &allowance, error) ||
          !get_int (object, where, "net", 0, &net, error))
        return NULL;
      if (description == NULL)
        {
          format_error (error, where, "description", _("a string"));
          return NULL;
        }

      line = factures_line_new ();
      g_free (line->description);
      g_free (line->unit);
      line->description = g_strdup (description);
      line->unit = g_strdup (unit);
      line->quantity = quantity;
      line->unit_price = unit_price;
      line->vat_rate_bp = vat_rate_bp >= 0 && vat_rate_bp <= G_MAXINT ? (gint) vat_rate_bp : -1;
      line->allowance = allowance;
      g_ptr_array_add (array, line);
      if (nets != NULL)
        g_array_append_val (nets, net);
    }
  return g_steal_pointer (&array);
}

static gboolean
import_events (Import      *import,
               gint64       document_id,
               JsonArray   *events,
               const char  *doc_where,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = factures_store_prepare (import->store,
                                 "INSERT INTO events (document_id, kind, date, data) "
                                 "VALUES (?1, ?2, ?3, ?4)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.events[%u]", doc_where, i);
      JsonObject *object = get_element_object (events, i, where, error);
      const char *kind, *date, *data;

      if (object == NULL ||
          !get_text (object, where, "kind", &kind, error) ||
          !get_date (object, where, "date", TRUE, &date, error) ||
          !get_text (object, where, "data", &data, error))
        return FALSE;
      if (kind == NULL)
        {
          format_error (error, where, "kind", _("a string"));
          return FALSE;
        }

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, document_id);
      sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
      if (data != NULL)
        sqlite3_bind_text (stmt, 4, data, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 4);
      if (!factures_store_step_done (import->store, stmt, error))
        {
          prefix_path (error, where);
          return FALSE;
        }
    }
  return TRUE;
}

/* The links of a draft (factures-store-lifecycle.c), without its "quote" member:
 * the draft check has written it already. */
static gboolean
import_links (Import      *import,
              JsonObject  *object,
              gint64       new_id,
              const char  *where,
              GError     **error)
{
  g_autoptr(JsonObject) links_only = NULL;
  JsonNode *links;

  links_only = json_object_new ();
  links = json_object_get_member (object, "links");
  if (links != NULL)
    json_object_set_member (links_only, "links", json_node_copy (links));
  return factures_store_lifecycle_import_document (import->store, links_only, new_id,
                                                   import->keep_ids, where, error);
}

/* A draft goes through the editor's gate: factures_store_write_draft_at() cleans
 * and checks it and computes its totals with factures_totals_compute(); the
 * totals of the file are ignored. */
static gboolean
import_draft (Import      *import,
              JsonObject  *object,
              const char  *where,
              gint64       file_id,
              gint64       kind,
              gint64       client_id,
              JsonArray   *lines,
              gint64      *out_id,
              GError     **error)
{
  g_autoptr(FacturesDocument) document = NULL;
  g_autoptr(GPtrArray) array = NULL;
  const char *issue_date, *delivery_date, *notes, *purchase_order;
  const char *key = NULL;
  gint64 allowance;
  gint line = -1;
  JsonNode *quote;

  if (!get_date (object, where, "issue_date", TRUE, &issue_date, error) ||
      !get_date (object, where, "delivery_date", FALSE, &delivery_date, error) ||
      !get_int (object, where, "allowance", 0, &allowance, error) ||
      !get_text (object, where, "notes", &notes, error) ||
      !get_text (object, where, "purchase_order", &purchase_order, error))
    return FALSE;
  array = read_lines (lines, where, NULL, error);
  if (array == NULL)
    return FALSE;

  document = factures_document_new (kind >= 0 && kind <= G_MAXINT ? (FacturesDocumentKind) kind : 1);
  factures_date_parse_iso (issue_date, &document->issue_date, NULL);
  if (delivery_date != NULL)
    factures_date_parse_iso (delivery_date, &document->delivery_date, NULL);
  document->client_id = client_id;
  document->allowance = allowance;
  document->notes = g_strdup (notes);
  document->purchase_order = g_strdup (purchase_order);
  g_ptr_array_extend_and_steal (document->lines, g_steal_pointer (&array));

  /* A quote's validity and conditions go through the same check (lifecycle_save). */
  quote = json_object_get_member (object, "quote");
  if (quote != NULL && JSON_NODE_HOLDS_OBJECT (quote))
    {
      g_autofree char *quote_where = path_join (where, "quote");
      JsonObject *quote_object = json_node_get_object (quote);
      const char *until, *conditions;

      if (!get_date (quote_object, quote_where, "valid_until", FALSE, &until, error) ||
          !get_text (quote_object, quote_where, "conditions", &conditions, error))
        return FALSE;
      if (until != NULL)
        factures_date_parse_iso (until, &document->valid_until, NULL);
      document->conditions = g_strdup (conditions);
    }
  else if (quote != NULL && !JSON_NODE_HOLDS_NULL (quote))
    {
      format_error (error, where, "quote", _("an object"));
      return FALSE;
    }

  if (import->keep_ids && file_id > 0)
    {
      /* The id is kept (links and occurrences cite it): a placeholder row that
       * write_draft then updates with the checked values. */
      g_autoptr(sqlite3_stmt) stmt = NULL;

      stmt = factures_store_prepare (import->store,
                                     "INSERT INTO documents (id, kind, status, issue_date) "
                                     "VALUES (?1, 380, 0, ?2)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, file_id);
      sqlite3_bind_text (stmt, 2, issue_date, -1, SQLITE_TRANSIENT);
      if (!factures_store_step_done (import->store, stmt, error))
        {
          prefix_path (error, where);
          return FALSE;
        }
      document->id = file_id;
    }

  if (!factures_store_write_draft_at (import->store, document, &key, &line, error))
    {
      g_autofree char *path = NULL;

      if (key == NULL)
        path = g_strdup (where);
      else if (line >= 0)
        path = g_strdup_printf ("%s.lines[%d].%s", where, line, key);
      else
        path = path_join (where, key);
      prefix_path (error, path);
      return FALSE;
    }
  *out_id = document->id;
  return TRUE;
}

/* Extra columns of the documents table the export wrote (a later migration's,
 * e.g. a chain format version): imported as they are, so that they round-trip. */
static const char *const known_document_keys[] = {
  "id", "kind", "status", "number", "issue_date", "delivery_date", "due_date", "terms_kind",
  "terms_days", "client_id", "client_name", "seller", "buyer", "allowance", "net_total",
  "vat_total", "gross_total", "amount_due", "notes", "purchase_order", "pdf", "pdf_sha256",
  "chain_seq", "prev_hash", "hash", "client_key", "search_key",
};

static GPtrArray *
extra_document_columns (Import      *import,
                        JsonObject  *object,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = factures_store_prepare (import->store, "SELECT name FROM pragma_table_info ('documents')", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      gboolean known = FALSE;
      JsonNode *node;

      for (guint i = 0; i < G_N_ELEMENTS (known_document_keys) && !known; i++)
        known = g_strcmp0 (name, known_document_keys[i]) == 0;
      node = known || name == NULL ? NULL : json_object_get_member (object, name);
      if (node != NULL && (JSON_NODE_HOLDS_NULL (node) ||
                           (JSON_NODE_HOLDS_VALUE (node) &&
                            (json_node_get_value_type (node) == G_TYPE_INT64 ||
                             json_node_get_value_type (node) == G_TYPE_STRING))))
        g_ptr_array_add (columns, g_strdup (name));
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (import->store, error);
      return NULL;
    }
  return g_steal_pointer (&columns);
}

static void
bind_json_value (sqlite3_stmt *stmt,
                 int           index,
                 JsonNode     *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    sqlite3_bind_null (stmt, index);
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
  else
    sqlite3_bind_text (stmt, index, json_node_get_string (node), -1, SQLITE_TRANSIENT);
}

/* An issued document of a full restore: types, ranges and structure checked,
 * totals recomputed from its lines (factures_totals_compute(), VAT regime of its
 * frozen seller) and compared with the stored ones; its hash is checked with
 * the whole chain before COMMIT. Today's mention rules are not applied again:
 * a document issued under earlier rules stays restorable. */
static gboolean
import_issued (Import      *import,
               JsonObject  *object,
               const char  *where,
               gint64       file_id,
               gint64       kind,
               gint64       client_id,
               JsonArray   *lines,
               gint64      *out_id,
               GError     **error)
{
  FacturesStore *store = import->store;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) line_stmt = NULL;
  g_autoptr(sqlite3_stmt) issue = NULL;
  g_autoptr(GPtrArray) array = NULL;
  g_autoptr(GArray) nets = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GPtrArray) extra = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_auto(FacturesTotals) totals = { NULL, };
  g_autoptr(GString) sql = NULL;
  const char *number, *issue_date, *delivery_date, *due_date, *client_name;
  const char *notes, *purchase_order, *pdf_sha256, *prev_hash, *hash;
  gint64 terms_kind, terms_days, allowance, net_total, vat_total, gross_total, amount_due;
  gint64 chain_seq, vat_regime, deposits = 0;
  JsonNode *seller, *links_node;
  GError *local_error = NULL;
  struct { const char *key; gint64 stored; gint64 computed; } figures[4];

  if (!get_text (object, where, "number", &number, error) ||
      !get_date (object, where, "issue_date", TRUE, &issue_date, error) ||
      !get_date (object, where, "delivery_date", FALSE, &delivery_date, error) ||
      !get_date (object, where, "due_date", TRUE, &due_date, error) ||
      !get_int_range (object, where, "terms_kind", 0, 0, FACTURES_TERMS_END_OF_MONTH_45, &terms_kind, error) ||
      !get_int_range (object, where, "terms_days", 0, 0, 366, &terms_days, error) ||
      !get_text (object, where, "client_name", &client_name, error) ||
      !get_int_range (object, where, "allowance", 0, 0, G_MAXINT64, &allowance, error) ||
      !get_int (object, where, "net_total", 0, &net_total, error) ||
      !get_int (object, where, "vat_total", 0, &vat_total, error) ||
      !get_int (object, where, "gross_total", 0, &gross_total, error) ||
      !get_int (object, where, "amount_due", 0, &amount_due, error) ||
      !get_text (object, where, "notes", &notes, error) ||
      !get_text (object, where, "purchase_order", &purchase_order, error) ||
      !get_base64 (object, where, "pdf", &pdf, error) ||
      !get_text (object, where, "pdf_sha256", &pdf_sha256, error) ||
      !get_int_range (object, where, "chain_seq", 0, 1, G_MAXINT64, &chain_seq, error) ||
      !get_text (object, where, "prev_hash", &prev_hash, error) ||
      !get_text (object, where, "hash", &hash, error))
    return FALSE;
  if (kind != FACTURES_DOCUMENT_KIND_QUOTE && kind != FACTURES_DOCUMENT_KIND_INVOICE &&
      kind != FACTURES_DOCUMENT_KIND_CREDIT_NOTE && kind != FACTURES_DOCUMENT_KIND_DEPOSIT)
    {
      format_error (error, where, "kind", _("0, 380, 381 or 386"));
      return FALSE;
    }
  if (number == NULL || *number == '\0')
    {
      format_error (error, where, "number", _("the document’s number"));
      return FALSE;
    }
  {
    g_autofree char *seq_key = g_strdup_printf ("#%" G_GINT64_FORMAT, chain_seq);
    const char *key = g_hash_table_contains (import->numbers, number) ? "number"
                      : g_hash_table_contains (import->numbers, seq_key) ? "chain_seq" : NULL;

    if (key != NULL)
      {
        g_autofree char *path = path_join (where, key);

        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                     _("Invalid file: %s: another document of the file has the same value."), path);
        return FALSE;
      }
    g_hash_table_add (import->numbers, g_strdup (number));
    g_hash_table_add (import->numbers, g_steal_pointer (&seq_key));
  }
  if (pdf == NULL || hash == NULL)
    {
      format_error (error, where, pdf == NULL ? "pdf" : "hash",
                    pdf == NULL ? _("the original PDF in base64") : _("the document’s hash"));
      return FALSE;
    }

  /* The seller's VAT regime decides the totals, as when it was issued. */
  seller = json_object_get_member (object, "seller");
  if (seller == NULL || !JSON_NODE_HOLDS_OBJECT (seller))
    {
      format_error (error, where, "seller", _("an object"));
      return FALSE;
    }
  {
    g_autofree char *seller_where = path_join (where, "seller");

    if (!get_int_range (json_node_get_object (seller), seller_where, "vat_regime", 0, 0,
                        FACTURES_VAT_REGIME_REGISTERED, &vat_regime, error))
      return FALSE;
  }

  /* Lines: types and ranges, then the totals computed again. */
  array = read_lines (lines, where, nets, error);
  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < array->len; i++)
    {
      const FacturesLine *line = g_ptr_array_index (array, i);
      g_autofree char *line_where = g_strdup_printf ("%s.lines[%u]", where, i);
      const char *key = NULL;

      if (line->quantity > FACTURES_QUANTITY_MAX || line->quantity < -FACTURES_QUANTITY_MAX)
        key = "quantity";
      else if (line->vat_rate_bp < 0 || line->vat_rate_bp > FACTURES_RATE_ONE)
        key = "vat_rate_bp";
      else if (line->allowance < 0)
        key = "allowance";
      if (key != NULL)
        {
          g_autofree char *path = path_join (line_where, key);

          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                       _("Invalid file: %s is out of range."), path);
          return FALSE;
        }
    }
  if (!factures_totals_compute (array, allowance, vat_regime == FACTURES_VAT_REGIME_FRANCHISE,
                                &totals, &local_error))
    {
      g_autofree char *path = path_join (where, "lines");

      g_propagate_error (error, local_error);
      prefix_path (error, path);
      return FALSE;
    }
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (nets, gint64, i) != g_array_index (totals.line_nets, gint64, i))
      {
        g_autofree char *path = g_strdup_printf ("%s.lines[%u].net", where, i);
        g_autofree char *stored = factures_money_format (g_array_index (nets, gint64, i));
        g_autofree char *computed = factures_money_format (g_array_index (totals.line_nets, gint64, i));

        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                     _("Invalid file: %s is %s but the line computes to %s."), path, stored, computed);
        return FALSE;
      }

  /* A final invoice's amount due deducts its deposit invoices (earlier in the file). */
  links_node = json_object_get_member (object, "links");
  if (links_node != NULL && JSON_NODE_HOLDS_ARRAY (links_node))
    {
      JsonArray *links = json_node_get_array (links_node);

      for (guint i = 0; i < json_array_get_length (links); i++)
        {
          JsonNode *element = json_array_get_element (links, i);
          JsonObject *link;
          gint64 target = 0;
          gint64 *gross;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          link = json_node_get_object (element);
          if (g_strcmp0 (json_object_get_string_member_with_default (link, "role", ""), "deposit") != 0)
            continue;
          if (json_object_has_member (link, "target_id") &&
              json_node_get_value_type (json_object_get_member (link, "target_id")) == G_TYPE_INT64)
            target = json_object_get_int_member (link, "target_id");
          gross = g_hash_table_lookup (import->issued_gross, &target);
          if (gross != NULL)
            deposits += *gross;
        }
    }

  figures[0].key = "net_total";
  figures[0].stored = net_total;
  figures[0].computed = totals.net_total;
  figures[1].key = "vat_total";
  figures[1].stored = vat_total;
  figures[1].computed = totals.vat_total;
  figures[2].key = "gross_total";
  figures[2].stored = gross_total;
  figures[2].computed = totals.gross_total;
  figures[3].key = "amount_due";
  figures[3].stored = amount_due;
  figures[3].computed = totals.gross_total - (kind == FACTURES_DOCUMENT_KIND_INVOICE ? deposits : 0);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    if (figures[i].stored != figures[i].computed)
      {
        g_autofree char *path = path_join (where, figures[i].key);
        g_autofree char *stored = factures_money_format (figures[i].stored);
        g_autofree char *computed = factures_money_format (figures[i].computed);

        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                     _("Invalid file: %s is %s but the document’s lines compute to %s."),
                     path, stored, computed);
        return FALSE;
      }

  /* Inserted as a draft with its lines; then issued, as the triggers demand. */
  extra = extra_document_columns (import, object, error);
  if (extra == NULL)
    return FALSE;
  sql = g_string_new ("INSERT INTO documents (id, kind, status, number, issue_date, "
                      "delivery_date, due_date, terms_kind, terms_days, client_id, "
                      "client_name, seller, buyer, allowance, net_total, vat_total, "
                      "gross_total, amount_due, notes, purchase_order, pdf_sha256, "
                      "client_key, search_key");
  for (guint i = 0; i < extra->len; i++)
    g_string_append_printf (sql, ", \"%s\"", (const char *) g_ptr_array_index (extra, i));
  g_string_append (sql, ") VALUES (?1, ?2, 0, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                        "?14, ?15, ?16, ?17, ?18, ?19, ?21, factures_fold (?10), "
                        "factures_fold (coalesce (?3 || ' ', '') || coalesce (?10, ''))");
  for (guint i = 0; i < extra->len; i++)
    g_string_append_printf (sql, ", ?%u", 22 + i);
  g_string_append (sql, ")");
  stmt = factures_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, file_id);
  sqlite3_bind_int64 (stmt, 2, kind);
  factures_sql_bind_text (stmt, 3, number);
  factures_sql_bind_text (stmt, 4, issue_date);
  factures_sql_bind_text (stmt, 5, delivery_date);
  factures_sql_bind_text (stmt, 6, due_date);
  sqlite3_bind_int64 (stmt, 7, terms_kind);
  sqlite3_bind_int64 (stmt, 8, terms_days);
  if (client_id != 0)
    sqlite3_bind_int64 (stmt, 9, client_id);
  else
    sqlite3_bind_null (stmt, 9);
  factures_sql_bind_text (stmt, 10, client_name);
  if (!bind_object_text (stmt, 11, object, where, "seller", error) ||
      !bind_object_text (stmt, 12, object, where, "buyer", error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 13, allowance);
  sqlite3_bind_int64 (stmt, 14, net_total);
  sqlite3_bind_int64 (stmt, 15, vat_total);
  sqlite3_bind_int64 (stmt, 16, gross_total);
  sqlite3_bind_int64 (stmt, 17, amount_due);
  factures_sql_bind_text (stmt, 18, notes);
  factures_sql_bind_text (stmt, 19, purchase_order);
  factures_sql_bind_text (stmt, 21, pdf_sha256);
  for (guint i = 0; i < extra->len; i++)
    bind_json_value (stmt, 22 + (int) i, json_object_get_member (object, g_ptr_array_index (extra, i)));
  if (!factures_store_step_done (store, stmt, error))
    {
      prefix_path (error, where);
      return FALSE;
    }

  line_stmt = factures_store_prepare (store,
                                      "INSERT INTO lines (document_id, position, description, quantity, "
                                      "unit, unit_price, vat_rate_bp, allowance, net) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                      error);
  if (line_stmt == NULL)
    return FALSE;
  for (guint i = 0; i < array->len; i++)
    {
      const FacturesLine *line = g_ptr_array_index (array, i);

      sqlite3_reset (line_stmt);
      sqlite3_bind_int64 (line_stmt, 1, file_id);
      sqlite3_bind_int (line_stmt, 2, (int) i + 1);
      factures_sql_bind_text (line_stmt, 3, line->description);
      sqlite3_bind_int64 (line_stmt, 4, line->quantity);
      factures_sql_bind_text (line_stmt, 5, line->unit);
      sqlite3_bind_int64 (line_stmt, 6, line->unit_price);
      sqlite3_bind_int (line_stmt, 7, line->vat_rate_bp);
      sqlite3_bind_int64 (line_stmt, 8, line->allowance);
      sqlite3_bind_int64 (line_stmt, 9, g_array_index (nets, gint64, i));
      if (!factures_store_step_done (store, line_stmt, error))
        {
          g_autofree char *path = g_strdup_printf ("%s.lines[%u]", where, i);

          prefix_path (error, path);
          return FALSE;
        }
    }

  /* Quote details, links and schedule while it is still a draft (the triggers). */
  if (!factures_store_lifecycle_import_document (store, object, file_id, TRUE, where, error) ||
      !factures_store_schedule_import_document (store, object, file_id, TRUE, where, error) ||
      !factures_store_chain_import_document (store, object, file_id, where, error))
    return FALSE;

  /* The original in its own table (migration 0010), before the row is issued. */
  {
    g_autoptr(sqlite3_stmt) original = factures_store_prepare (store,
                                                               "INSERT INTO document_originals (document_id, pdf) "
                                                               "VALUES (?1, ?2)",
                                                               error);

    if (original == NULL)
      return FALSE;
    sqlite3_bind_int64 (original, 1, file_id);
    sqlite3_bind_blob64 (original, 2, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), SQLITE_TRANSIENT);
    if (!factures_store_step_done (store, original, error))
      {
        prefix_path (error, where);
        return FALSE;
      }
  }

  issue = factures_store_prepare (store,
                                  "UPDATE documents SET status = 1, chain_seq = ?1, "
                                  "prev_hash = ?2, hash = ?3 WHERE id = ?4",
                                  error);
  if (issue == NULL)
    return FALSE;
  sqlite3_bind_int64 (issue, 1, chain_seq);
  factures_sql_bind_text (issue, 2, prev_hash);
  factures_sql_bind_text (issue, 3, hash);
  sqlite3_bind_int64 (issue, 4, file_id);
  *out_id = file_id;
  if (!factures_store_step_done (store, issue, error))
    {
      prefix_path (error, where);
      return FALSE;
    }

  g_hash_table_insert (import->issued_gross, g_memdup2 (&file_id, sizeof file_id),
                       g_memdup2 (&gross_total, sizeof gross_total));
  g_ptr_array_add (import->issued, g_strdup (number));
  return TRUE;
}

static gboolean
import_document (Import      *import,
                 JsonObject  *object,
                 const char  *where,
                 GError     **error)
{
  FacturesStore *store = import->store;
  JsonArray *lines, *events;
  gint64 id, kind, status, client_id;
  gint64 new_id = 0;

  if (!get_int (object, where, "id", 0, &id, error) ||
      !get_int (object, where, "kind", FACTURES_DOCUMENT_KIND_INVOICE, &kind, error) ||
      !get_int (object, where, "status", 0, &status, error) ||
      !get_int (object, where, "client_id", 0, &client_id, error))
    return FALSE;

  lines = get_array (object, where, "lines", error);
  if (lines == NULL)
    return FALSE;
  events = get_array (object, where, "events", error);
  if (events == NULL)
    return FALSE;

  if (status != 0 && status != 1)
    {
      format_error (error, where, "status", _("0 (draft) or 1 (issued)"));
      return FALSE;
    }
  if (status == 1 && !import->keep_ids)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_NOT_EMPTY,
                           _("This file holds issued documents: it can only be imported into "
                             "an empty database."));
      return FALSE;
    }
  if (import->keep_ids)
    {
      if (id <= 0)
        {
          format_error (error, where, "id", _("a positive integer"));
          return FALSE;
        }
      if (g_hash_table_contains (import->document_ids, &id))
        {
          g_autofree char *path = path_join (where, "id");

          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                       _("Invalid file: %s: two documents have the id %" PRId64 "."), path, id);
          return FALSE;
        }
      g_hash_table_add (import->document_ids, g_memdup2 (&id, sizeof id));
    }
  if (client_id != 0)
    {
      gint64 *mapped = g_hash_table_lookup (import->client_ids, &client_id);

      if (mapped == NULL)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                       _("Invalid file: %s refers to client %" PRId64 ", which is not in the file."),
                       where, client_id);
          return FALSE;
        }
      client_id = *mapped;
    }

  if (status == 1)
    {
      if (!import_issued (import, object, where, id, kind, client_id, lines, &new_id, error))
        return FALSE;
    }
  else if (!import_draft (import, object, where, id, kind, client_id, lines, &new_id, error) ||
           !import_links (import, object, new_id, where, error) ||
           !factures_store_schedule_import_document (store, object, new_id, import->keep_ids,
                                                     where, error))
    return FALSE;

  return import_events (import, new_id, events, where, error);
}

/* A series is checked as the numbering preferences check it, and must never
 * issue again a number of the file (a restore that would repeat a number). */
static gboolean
import_series (Import     *import,
               JsonArray  *series,
               GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = factures_store_prepare (import->store,
                                 "INSERT OR REPLACE INTO number_series (name, pattern, next_counter, "
                                 "last_issued_date, yearly_reset) VALUES (?1, ?2, ?3, ?4, ?5)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (series); i++)
    {
      g_autofree char *where = g_strdup_printf ("series[%u]", i);
      JsonObject *object = get_element_object (series, i, where, error);
      const char *name, *pattern, *last;
      gint64 next_counter;
      gint64 yearly_reset = 0;
      GDate last_date;

      if (object == NULL ||
          !get_text (object, where, "name", &name, error) ||
          !get_text (object, where, "pattern", &pattern, error) ||
          !get_int_range (object, where, "next_counter", 1, 1, G_MAXINT64 / 2, &next_counter, error) ||
          !get_date (object, where, "last_issued_date", FALSE, &last, error) ||
          !get_int_range (object, where, "yearly_reset", 0, 0, 1, &yearly_reset, error))
        return FALSE;
      if (name == NULL || (strcmp (name, "invoice") != 0 && strcmp (name, "quote") != 0 &&
                           strcmp (name, "credit-note") != 0))
        {
          format_error (error, where, "name", _("“invoice”, “quote” or “credit-note”"));
          return FALSE;
        }
      if (!factures_series_pattern_check (pattern, yearly_reset != 0, error))
        {
          g_autofree char *path = path_join (where, "pattern");

          prefix_path (error, path);
          return FALSE;
        }
      g_date_clear (&last_date, 1);
      if (last != NULL)
        factures_date_parse_iso (last, &last_date, NULL);
      for (guint j = 0; j < import->issued->len; j++)
        {
          const char *number = g_ptr_array_index (import->issued, j);

          if (factures_series_may_repeat (pattern, yearly_reset != 0, next_counter, &last_date, number))
            {
              g_autofree char *path = path_join (where, "next_counter");

              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                           _("Invalid file: %s: with the counter at %" PRId64 ", the series would "
                             "issue %s again, a number the file already holds."),
                           path, next_counter, number);
              return FALSE;
            }
        }

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, pattern, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, next_counter);
      factures_sql_bind_text (stmt, 4, last);
      sqlite3_bind_int (stmt, 5, yearly_reset != 0);
      if (!factures_store_step_done (import->store, stmt, error))
        {
          prefix_path (error, where);
          return FALSE;
        }
    }
  return TRUE;
}

/* After the series: none of the database's series (those the file did not
 * carry keep their defaults) may issue a number of the file again. */
static gboolean
check_series_after_import (Import  *import,
                           GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (import->issued->len == 0)
    return TRUE;
  stmt = factures_store_prepare (import->store,
                                 "SELECT name, pattern, next_counter, last_issued_date, yearly_reset "
                                 "FROM number_series ORDER BY name",
                                 error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *pattern = (const char *) sqlite3_column_text (stmt, 1);
      GDate last;

      factures_sql_col_date (stmt, 3, &last);
      for (guint j = 0; j < import->issued->len; j++)
        {
          const char *number = g_ptr_array_index (import->issued, j);

          if (pattern != NULL &&
              factures_series_may_repeat (pattern, sqlite3_column_int (stmt, 4) != 0,
                                          sqlite3_column_int64 (stmt, 2), &last, number))
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                           _("Invalid file: the series “%s” is missing from “series” or behind: "
                             "it would issue %s again, a number the file already holds."),
                           (const char *) sqlite3_column_text (stmt, 0), number);
              return FALSE;
            }
        }
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (import->store, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_root (Import      *import,
             JsonObject  *root,
             GError     **error)
{
  JsonArray *clients, *documents, *series;
  const char *format;
  gint64 version;
  gint64 content;

  if (!get_text (root, "", "format", &format, error) ||
      !get_int (root, "", "version", 0, &version, error))
    return FALSE;
  if (g_strcmp0 (format, FORMAT_NAME) != 0)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                           _("This file is not a Factures export (its “format” is not “factures”)."));
      return FALSE;
    }
  if (version != FORMAT_VERSION)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                   _("This file is in version %" PRId64 " of the format; this version of "
                     "Factures reads version %d."), version, FORMAT_VERSION);
      return FALSE;
    }

  clients = get_array (root, "", "clients", error);
  if (clients == NULL)
    return FALSE;
  documents = get_array (root, "", "documents", error);
  if (documents == NULL)
    return FALSE;
  series = get_array (root, "", "series", error);
  if (series == NULL)
    return FALSE;

  content = factures_store_count_content (import->store, error);
  if (content < 0)
    return FALSE;
  import->keep_ids = content == 0;

  if (!import_profile (import, json_object_get_member (root, "profile"), error) ||
      !import_clients (import, clients, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      g_autofree char *where = g_strdup_printf ("documents[%u]", i);
      JsonObject *object = get_element_object (documents, i, where, error);

      if (object == NULL || !import_document (import, object, where, error))
        return FALSE;
    }

  if (import->keep_ids &&
      (!import_series (import, series, error) || !check_series_after_import (import, error)))
    return FALSE;
  if (!factures_store_recurring_import_json (import->store, root, import->keep_ids,
                                             import->client_ids, error))
    return FALSE;

  if (!factures_store_payments_import_json (import->store, root, import->keep_ids, error))
    return FALSE;
  if (!factures_store_facturx_import_json (import->store, root, import->keep_ids, error))
    return FALSE;
  if (!factures_store_mail_import_json (import->store, root, import->keep_ids, error))
    return FALSE;
  return factures_store_verify_chain (import->store, error);
}

/* Line (1-based) of byte @offset in @data. */
static guint
line_of_offset (const char *data,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

/**
 * factures_store_import_json:
 * @path: a file in the "factures" version 1 format (top of this file)
 * @error: FACTURES_ERROR_FORMAT (not UTF-8, not JSON, nested more than 64
 *   levels, more than one value, a NUL character in a text, not this format, a
 *   value of the wrong type or out of range, two clients or documents with the
 *   same id, a series that would repeat a number: the message names the JSON
 *   path of the first bad value, or the line), FACTURES_ERROR_NOT_EMPTY (issued
 *   documents into a non-empty database), FACTURES_ERROR_INVALID (a value the
 *   editor's checks refuse, after the JSON path: the profile, a client, a draft,
 *   a recurring template), FACTURES_ERROR_INTEGRITY (an issued document whose
 *   totals differ from its lines, a broken hash chain)
 *
 * One transaction, all or nothing; see "Import rules" at the top of this file.
 * There is no size limit: the app's own exports embed every stored PDF.
 */
gboolean
factures_store_import_json (FacturesStore  *self,
                            const char     *path,
                            GError        **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) client_ids = NULL;
  g_autoptr(GHashTable) document_ids = NULL;
  g_autoptr(GHashTable) issued_gross = NULL;
  g_autoptr(GPtrArray) issued = NULL;
  g_autoptr(GHashTable) numbers = NULL;
  g_autofree char *data = NULL;
  GError *local_error = NULL;
  const char *end = NULL;
  JsonNode *root;
  Import import = { self, FALSE, NULL, NULL, NULL, NULL, NULL };
  gsize len = 0;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &data, &len, &local_error))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                   _("Cannot read “%s”: %s"), path, local_error->message);
      g_clear_error (&local_error);
      return FALSE;
    }

  if (!g_utf8_validate (data, (gssize) len, &end))
    {
      gsize offset = (gsize) (end - data);

      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                   _("“%s” is not valid UTF-8 text: invalid byte at line %u (byte %zu). "
                     "Nothing was imported."),
                   path, line_of_offset (data, offset), offset);
      return FALSE;
    }

  /* Before json-glib: its parser recurses once per level of nesting. */
  if (!check_raw_json (data, len, error))
    return FALSE;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local_error))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                   _("“%s” is not valid JSON: %s. Nothing was imported."), path, local_error->message);
      g_clear_error (&local_error);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                           _("This file is not a Factures export (no JSON object at its top)."));
      return FALSE;
    }

  client_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  document_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  issued_gross = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  issued = g_ptr_array_new_with_free_func (g_free);
  import.client_ids = client_ids;
  import.document_ids = document_ids;
  import.issued_gross = issued_gross;
  import.issued = issued;
  numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.numbers = numbers;

  if (!factures_store_begin (self, error))
    return FALSE;
  if (!import_root (&import, json_node_get_object (root), error) ||
      !factures_store_commit (self, error))
    {
      factures_store_rollback (self);
      return FALSE;
    }

  factures_store_emit_changed (self);
  return TRUE;
}
