/* factures-pa-sync.c — the e-invoicing outbox and the polling of the plateforme agréée
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "factures-cdar.h"
#include "factures-cii-reader.h"
#include "factures-error.h"
#include "factures-pa-error.h"
#include "factures-pa-secret.h"
#include "factures-pa-sync.h"
#include "factures-store-facturx.h"
#include "factures-store-payments.h"

/* A string member of a PA's JSON, or @fallback when it is missing or not a string (a PA's
 * answer is not trusted to have the shapes of the norm). */
static const char *
str_member (JsonObject *object,
            const char *name,
            const char *fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fallback;
  return json_node_get_string (node);
}

FacturesPaClient *
factures_pa_open_client (FacturesStore  *store,
                         GError        **error)
{
  g_autoptr(FacturesPaAccount) account = NULL;
  g_autoptr(GError) local_error = NULL;
  char *secret;
  FacturesPaClient *client;

  account = factures_store_get_pa_account (store, &local_error);
  if (account == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_NOT_CONFIGURED,
                             _("No plateforme agréée is set up: fill in its account in Preferences → "
                               "E-invoicing. Invoices can still be sent by e-mail."));
      return NULL;
    }
  secret = factures_pa_secret_lookup (account->token_url, account->client_id, NULL, error);
  if (secret == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error_literal (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_NO_SECRET,
                             _("No client secret is known for the plateforme agréée: type it in Preferences → "
                               "E-invoicing (it is kept in the keyring)."));
      return NULL;
    }
  client = factures_pa_client_new (account, secret);
  factures_pa_secret_free (secret);
  return client;
}

gboolean
factures_pa_test_connection (FacturesPaClient  *client,
                             GError           **error)
{
  return factures_pa_client_healthcheck (client, error) &&
         factures_pa_client_fetch_token (client, error);
}

gint
factures_pa_backoff_seconds (gint attempts,
                             gint retry_after)
{
  gint64 seconds = 60;
  gint i;

  for (i = 1; i < attempts && seconds < 6 * 3600; i++)
    seconds *= 2;
  seconds = MIN (seconds, 6 * 3600);
  if (retry_after > seconds)
    seconds = MIN (retry_after, 86400);
  return (gint) seconds;
}

static FacturesPaAck
ack_of (JsonObject  *flow,
        char       **out_details)
{
  JsonNode *node = json_object_get_member (flow, "acknowledgement");
  JsonObject *ack;
  const char *status;

  *out_details = NULL;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FACTURES_PA_ACK_PENDING;
  ack = json_node_get_object (node);
  status = str_member (ack, "status", "Pending");
  if (json_object_has_member (ack, "details") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (ack, "details")) &&
      json_array_get_length (json_object_get_array_member (ack, "details")) > 0)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();

      json_generator_set_root (generator, json_object_get_member (ack, "details"));
      *out_details = json_generator_to_data (generator, NULL);
    }
  if (g_strcmp0 (status, "Ok") == 0)
    return FACTURES_PA_ACK_OK;
  if (g_strcmp0 (status, "Error") == 0)
    return FACTURES_PA_ACK_ERROR;
  return FACTURES_PA_ACK_PENDING;
}

/* "reasonCode : reasonMessage; …" of an acknowledgement's details. */
static char *
details_text (const char *details_json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  JsonArray *array;
  guint i;

  if (details_json == NULL || !json_parser_load_from_data (parser, details_json, -1, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return NULL;
  array = json_node_get_array (json_parser_get_root (parser));
  for (i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *o;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      o = json_node_get_object (node);
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append_printf (out, "%s : %s",
                              str_member (o, "reasonCode", "—"),
                              str_member (o, "reasonMessage", "—"));
    }
  return out->len > 0 ? g_strdup (out->str) : NULL;
}

static void
report_ack (FacturesPaReportFunc  report,
            gpointer              user_data,
            const char           *number,
            FacturesPaAck         ack,
            const char           *details)
{
  FacturesPaOutboxItem probe = { 0 };
  g_autofree char *text = details_text (details);

  if (report == NULL)
    return;
  probe.state = FACTURES_PA_OUTBOX_SENT;
  probe.ack = ack;
  report (number, factures_pa_outbox_item_words (&probe), text, user_data);
}

/* The flow of @item already at the PA (same trackingId and sha256), or NULL. */
static JsonObject *
find_deposit (FacturesPaClient           *client,
              const FacturesPaOutboxItem *item,
              GError                    **error)
{
  g_autoptr(JsonObject) where = json_object_new ();
  g_autoptr(JsonArray) results = NULL;
  guint i;

  json_object_set_string_member (where, "trackingId", item->tracking_id);
  results = factures_pa_client_search (client, where, 100, error);
  if (results == NULL)
    return NULL;
  for (i = 0; i < json_array_get_length (results); i++)
    {
      JsonNode *node = json_array_get_element (results, i);
      JsonObject *flow;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      flow = json_node_get_object (node);
      if (g_strcmp0 (str_member (flow, "trackingId", NULL), item->tracking_id) != 0 ||
          g_strcmp0 (str_member (flow, "flowDirection", "Out"), "Out") != 0)
        continue;
      /* Another document with our trackingId (another database?) is not ours. */
      if (json_object_has_member (flow, "sha256") &&
          g_strcmp0 (str_member (flow, "sha256", NULL), item->sha256) != 0)
        continue;
      return json_object_ref (flow);
    }
  return NULL;
}

gboolean
factures_pa_deposit_item (FacturesStore              *store,
                          FacturesPaClient           *client,
                          const FacturesPaOutboxItem *item,
                          FacturesPaReportFunc        report,
                          gpointer                    user_data,
                          GError                    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) flow = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autofree char *details = NULL;
  gboolean may_be_there = item->state == FACTURES_PA_OUTBOX_SENDING;
  FacturesPaAck ack;

  gboolean claimed = FALSE;

  /* Claimed by a process that may still be depositing it (no outcome recorded yet, its
   * lease, the time-out, not run out): left alone, even by hand. */
  if (item->state == FACTURES_PA_OUTBOX_SENDING && item->error == NULL && item->updated != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) stale = g_date_time_add_seconds (now, -(gdouble) (factures_pa_client_get_timeout (client) + 1));
      g_autofree char *stale_iso = g_date_time_format (stale, "%Y-%m-%dT%H:%M:%SZ");

      if (g_strcmp0 (item->updated, stale_iso) >= 0)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_BUSY,
                       _("%s is being sent by another Factures window or command at this moment; it is not sent "
                         "twice. Try again in a moment."), item->number);
          return FALSE;
        }
    }
  if (!factures_store_pa_outbox_begin (store, item->id, item->attempts, &claimed, error))
    return FALSE;
  if (!claimed)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_BUSY,
                   _("%s is being sent by another Factures window or command at this moment; it is not sent "
                     "twice. Try again in a moment."), item->number);
      return FALSE;
    }

  if (may_be_there)
    {
      /* The last attempt may have reached the PA: look before depositing again. */
      flow = find_deposit (client, item, &local_error);
      if (flow == NULL && local_error != NULL)
        goto failed;
      /* Not at the PA: the deposit below starts afresh. */
      may_be_there = FALSE;
    }
  if (flow == NULL)
    {
      payload = factures_store_pa_outbox_payload (store, item->id, &local_error);
      if (payload == NULL)
        {
          factures_store_pa_outbox_mark_failed (store, item->id, local_error->message, may_be_there, -1, NULL);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      flow = factures_pa_client_deposit (client, item->flow_syntax, item->flow_profile, item->processing_rule,
                                         item->file_name, item->tracking_id, payload,
                                         item->is_status ? "application/xml" : "application/pdf", &local_error);
      if (flow == NULL)
        goto failed;
    }
  ack = ack_of (flow, &details);
  if (!factures_store_pa_outbox_mark_sent (store, item->id,
                                           str_member (flow, "flowId", NULL),
                                           str_member (flow, "submittedAt", NULL),
                                           ack, details, error))
    return FALSE;
  if (report != NULL)
    {
      if (item->is_status)
        {
          g_autofree char *what = g_strdup_printf (_("status %d sent (%s)"), item->status_code,
                                                   factures_pa_status_label (item->status_code));
          report (item->number, what, str_member (flow, "flowId", NULL), user_data);
        }
      else
        report_ack (report, user_data, item->number, ack, details);
    }
  return TRUE;

failed:
  {
    gboolean uncertain = may_be_there || factures_pa_error_is_uncertain (local_error);
    gint retry = factures_pa_error_is_transient (local_error)
                 ? factures_pa_backoff_seconds (item->attempts + 1, factures_pa_client_get_retry_after (client))
                 : -1;

    if (!factures_store_pa_outbox_mark_failed (store, item->id, local_error->message, uncertain, retry, error))
      return FALSE;
    g_propagate_error (error, g_steal_pointer (&local_error));
    return FALSE;
  }
}

static GBytes *
cashed_message (const FacturesDocument *document,
                gint64                  paid,
                GError                **error)
{
  g_auto(FacturesTotals) totals = { 0 };
  g_autoptr(GDateTime) now = factures_now_utc ();
  g_autoptr(GArray) amounts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *message_id = NULL;
  gint64 gross = 0, given = 0;
  guint i;

  if (!factures_document_compute_totals (document, &totals, error))
    return NULL;
  for (i = 0; i < totals.breakdown->len; i++)
    {
      const FacturesVatBreakdown *row = &g_array_index (totals.breakdown, FacturesVatBreakdown, i);

      gross += row->base + row->vat;
    }
  /* The amount received split per VAT rate in proportion to each rate's TTC, the last
   * rate taking the rounding rest (integer cents, no double). */
  for (i = 0; i < totals.breakdown->len && gross > 0; i++)
    {
      const FacturesVatBreakdown *row = &g_array_index (totals.breakdown, FacturesVatBreakdown, i);
      gint64 rate = row->rate_bp;
      gint64 part = i + 1 == totals.breakdown->len ? paid - given
                                                   : (paid * (row->base + row->vat)) / gross;

      given += part;
      g_array_append_val (amounts, rate);
      g_array_append_val (amounts, part);
    }
  if (amounts->len == 0)
    {
      gint64 zero = 0;

      g_array_append_val (amounts, zero);
      g_array_append_val (amounts, paid);
    }
  message_id = g_strdup_printf ("CDV-212-%s", document->number);
  return factures_cdar_build (message_id, 212, "SE", document->number, &document->issue_date,
                              document->seller->party.siren, document->seller->party.name,
                              document->buyer->party.siren, document->buyer->party.name,
                              NULL, NULL, (const gint64 *) amounts->data, amounts->len / 2, now);
}

gint
factures_pa_queue_cashed (FacturesStore  *store,
                          GError        **error)
{
  g_autoptr(FacturesPaAccount) account = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) local_error = NULL;
  gint queued = 0;
  guint i;

  account = factures_store_get_pa_account (store, &local_error);
  if (account == NULL || !account->report_payments)
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return -1;
        }
      return 0;
    }
  ids = factures_store_pa_cashed_candidates (store, error);
  if (ids == NULL)
    return -1;
  for (i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(FacturesDocument) document = factures_store_get_document (store, id, error);
      g_autoptr(GBytes) cdar = NULL;
      FacturesBalance balance;

      if (document == NULL)
        return -1;
      /* Goods only: no payment status (services only). */
      if (document->seller->activity == FACTURES_ACTIVITY_GOODS)
        continue;
      if (!factures_store_get_payment_balance (store, id, &balance, error))
        return -1;
      if (balance.paid <= 0)
        continue;
      cdar = cashed_message (document, balance.paid, error);
      if (cdar == NULL || factures_store_pa_enqueue_status (store, id, 212, cdar, error) == 0)
        return -1;
      queued++;
    }
  return queued;
}

gint64
factures_pa_send_completed (FacturesStore  *store,
                            gint64          document_id,
                            const char     *reason,
                            GError        **error)
{
  g_autoptr(FacturesDocument) document = factures_store_get_document (store, document_id, error);
  g_autoptr(GDateTime) now = factures_now_utc ();
  g_autoptr(GBytes) cdar = NULL;
  g_autofree char *message_id = NULL;

  if (document == NULL)
    return 0;
  if (document->status != FACTURES_DOCUMENT_STATUS_ISSUED || document->seller == NULL || document->buyer == NULL)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("A lifecycle status can only be sent about an issued document, with a code of the list (200 to 213, 220)."));
      return 0;
    }
  if (reason != NULL && g_utf8_strlen (reason, -1) > 500)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID, _("Reason: at most 500 characters."));
      return 0;
    }
  message_id = g_strdup_printf ("CDV-209-%s", document->number);
  cdar = factures_cdar_build (message_id, 209, "SE", document->number, &document->issue_date,
                              document->seller->party.siren, document->seller->party.name,
                              document->buyer->party.siren, document->buyer->party.name,
                              NULL, reason, NULL, 0, now);
  return factures_store_pa_enqueue_status (store, document_id, 209, cdar, error);
}

gint64
factures_pa_respond (FacturesStore  *store,
                     gint64          imported_id,
                     gint            code,
                     const char     *reason_code,
                     const char     *reason,
                     GError        **error)
{
  g_autoptr(FacturesPaPurchase) purchase = NULL;
  g_autoptr(FacturesProfile) profile = NULL;
  g_autoptr(GDateTime) now = factures_now_utc ();
  g_autoptr(GBytes) cdar = NULL;
  g_autofree char *message_id = NULL;

  if (!factures_pa_check_buyer_status (code, reason_code, reason, error))
    return 0;
  purchase = factures_store_pa_get_purchase (store, imported_id, error);
  if (purchase == NULL)
    return 0;
  profile = factures_store_get_profile (store, error);
  if (profile == NULL)
    return 0;
  message_id = g_strdup_printf ("CDV-%d-P%" G_GINT64_FORMAT, code, imported_id);
  cdar = factures_cdar_build (message_id, code, "BY", purchase->number, &purchase->issue_date,
                              purchase->seller_siren != NULL ? purchase->seller_siren : "",
                              purchase->seller_name != NULL ? purchase->seller_name : "",
                              profile->party.siren != NULL ? profile->party.siren : "",
                              profile->party.name != NULL ? profile->party.name : "",
                              reason_code, reason, NULL, 0, now);
  return factures_store_pa_enqueue_purchase_status (store, imported_id, code, reason_code, reason, cdar, error);
}

guint
factures_pa_send_outbox (FacturesStore         *store,
                         FacturesPaClient      *client,
                         FacturesPaReportFunc   report,
                         gpointer               user_data,
                         GError               **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_iso = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(GDateTime) stale = g_date_time_add_seconds (now, -(gdouble) (factures_pa_client_get_timeout (client) + 1));
  g_autofree char *stale_iso = g_date_time_format (stale, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(GPtrArray) items = NULL;
  guint failed = 0;
  guint i;

  if (factures_store_pa_enqueue_new (store, error) < 0 || factures_pa_queue_cashed (store, error) < 0)
    return 1;
  /* A row another process is depositing stays its own until that process's time-out has
   * run out (its lease); then it may be at the PA and is looked for before depositing. */
  items = factures_store_pa_outbox_due (store, now_iso, stale_iso, error);
  if (items == NULL)
    return 1;
  for (i = 0; i < items->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      const FacturesPaOutboxItem *item = g_ptr_array_index (items, i);

      if (!factures_pa_deposit_item (store, client, item, report, user_data, &local_error))
        {
          if (g_error_matches (local_error, FACTURES_ERROR, FACTURES_ERROR_BUSY))
            continue;
          failed++;
          if (report != NULL)
            report (item->number, _("waiting to be sent"), local_error->message, user_data);
          if (error != NULL && *error == NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
        }
    }
  return failed;
}

static gint
compare_updated (gconstpointer a,
                 gconstpointer b)
{
  JsonObject *fa = json_node_get_object (*(JsonNode * const *) a);
  JsonObject *fb = json_node_get_object (*(JsonNode * const *) b);

  return g_strcmp0 (str_member (fa, "updatedAt", ""),
                    str_member (fb, "updatedAt", ""));
}

/* What the user should do after a status on one of our invoices (issue 14 item 3), or NULL. */
static const char *
status_advice (gint code)
{
  switch (code)
    {
    case 207:
      return _("the reminders pause while it is disputed");
    case 208:
      return _("complete the invoice, then send “complétée” (209): factures --pa-respond=NUMBER --pa-status=209");
    case 210:
    case 213:
      return _("the invoice left the reminders: issue a credit note, then a new invoice if needed");
    case 220:
      return _("the invoice was cancelled and left the reminders: book a credit note cancelling it, then issue a new invoice if needed");
    default:
      return NULL;
    }
}

/* Reads one lifecycle flow kept as inbox row @inbox_id. */
static gboolean
read_lifecycle (FacturesStore         *store,
                gint64                 inbox_id,
                const char            *flow_id,
                GBytes                *content,
                FacturesPaReportFunc   report,
                gpointer               user_data,
                GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) statuses = factures_cdar_parse (content, &local_error);
  guint i;

  if (statuses == NULL)
    {
      /* Kept as received, never dropped: shown to the user. */
      if (!factures_store_pa_inbox_mark (store, inbox_id, "unreadable", 0, local_error->message, error))
        return FALSE;
      if (report != NULL)
        report ("-", _("unreadable message kept"), local_error->message, user_data);
      return TRUE;
    }
  for (i = 0; i < statuses->len; i++)
    {
      const FacturesPaStatus *status = g_ptr_array_index (statuses, i);
      gint64 document_id = 0;

      if (!factures_store_pa_record_status (store, inbox_id, flow_id, status, &document_id, &local_error))
        {
          if (!g_error_matches (local_error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          /* A status about a supplier invoice of the purchases (our own answer echoed, or the
           * PAs' 200–203): read, shown, nothing to record on our documents. */
          if (factures_store_find_imported (store, status->invoice_number, NULL, NULL) != 0)
            {
              g_clear_error (&local_error);
              if (!factures_store_pa_inbox_mark (store, inbox_id, "read", 0, NULL, error))
                return FALSE;
              if (report != NULL)
                report (status->invoice_number, factures_pa_status_label (status->code), status->reason_code,
                        user_data);
              continue;
            }
          if (!factures_store_pa_inbox_mark (store, inbox_id, "unreadable", 0, local_error->message, error))
            return FALSE;
          if (report != NULL)
            report (status->invoice_number, _("unreadable message kept"), local_error->message, user_data);
          g_clear_error (&local_error);
          continue;
        }
      if (report != NULL)
        {
          g_autofree char *detail = NULL;

          const char *advice = status_advice (status->code);

          if (status->reason_code != NULL || status->reason != NULL)
            detail = g_strdup_printf ("%s%s%s", status->reason_code != NULL ? status->reason_code : "",
                                      status->reason_code != NULL && status->reason != NULL ? " : " : "",
                                      status->reason != NULL ? status->reason : "");
          if (advice != NULL)
            {
              char *with = g_strdup_printf ("%s%s%s", detail != NULL ? detail : "", detail != NULL ? " — " : "", advice);

              g_free (detail);
              detail = with;
            }
          report (status->invoice_number, factures_pa_status_label (status->code), detail, user_data);
        }
    }
  return TRUE;
}

/* A supplier invoice kept as inbox row @inbox_id goes into Achats through the importer and its
 * checks (the same as --import-facturx: XSD, content, ranges, duplicates); a file refused is
 * kept as received and reported. */
static gboolean
read_supplier_invoice (FacturesStore         *store,
                       gint64                 inbox_id,
                       GBytes                *content,
                       const char            *name,
                       FacturesPaReportFunc   report,
                       gpointer               user_data,
                       GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(FacturesInvoiceFile) file = factures_invoice_file_open (content, &local_error);
  FacturesImportedDirection direction = FACTURES_IMPORTED_PURCHASE;
  g_autofree char *reason = NULL;
  gint64 id = 0;

  if (file != NULL && file->xsd_problems->len > 0)
    reason = g_strdup (_("The supplier invoice does not pass its XML schema."));
  else if (file != NULL && !factures_invoice_file_check_importable (file, &local_error))
    reason = g_strdup (local_error->message);
  else if (file == NULL)
    reason = g_strdup (local_error->message);
  else
    {
      id = factures_store_import_history (store, file->imported, content, name, file->is_pdf, file->xml,
                                          factures_cii_profile_conformance_level (file->profile),
                                          file->figure_problems, &direction, &local_error);
      if (id == 0)
        reason = g_strdup (local_error->message);
    }
  if (reason != NULL)
    {
      if (!factures_store_pa_inbox_mark (store, inbox_id, "unreadable", 0, reason, error))
        return FALSE;
      if (report != NULL)
        report ("-", _("unreadable supplier invoice kept"), reason, user_data);
      return TRUE;
    }
  if (!factures_store_pa_inbox_mark (store, inbox_id, "read", 0, NULL, error))
    return FALSE;
  if (report != NULL)
    {
      g_autofree char *detail = g_strdup_printf ("%s — %s", file->imported->number,
                                                 file->imported->seller.name != NULL ? file->imported->seller.name : "?");

      report ("-", _("supplier invoice received"), detail, user_data);
    }
  return TRUE;
}

gboolean
factures_pa_poll (FacturesStore         *store,
                  FacturesPaClient      *client,
                  FacturesPaReportFunc   report,
                  gpointer               user_data,
                  GError               **error)
{
  const guint limit = 100;

  for (;;)
    {
      g_autoptr(JsonObject) where = json_object_new ();
      g_autoptr(JsonArray) results = NULL;
      g_autoptr(GPtrArray) flows = g_ptr_array_new ();
      g_autofree char *cursor = NULL;
      g_autoptr(GError) local_error = NULL;
      guint i;

      cursor = factures_store_pa_get_cursor (store, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* Strictly after the highest updatedAt seen. Flows sharing that exact instant across
       * a page edge could be missed: how the norm settles it is (to confirm), PA.md §1.3. */
      json_object_set_string_member (where, "updatedAfter", cursor != NULL ? cursor : "2000-01-01T00:00:00Z");
      results = factures_pa_client_search (client, where, limit, error);
      if (results == NULL)
        return FALSE;
      for (i = 0; i < json_array_get_length (results); i++)
        if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (results, i)))
          g_ptr_array_add (flows, json_array_get_element (results, i));
      g_ptr_array_sort (flows, compare_updated);

      for (i = 0; i < flows->len; i++)
        {
          JsonObject *flow = json_node_get_object (g_ptr_array_index (flows, i));
          const char *flow_id = str_member (flow, "flowId", NULL);
          const char *updated = str_member (flow, "updatedAt", NULL);
          const char *direction = str_member (flow, "flowDirection", "");
          const char *type = str_member (flow, "flowType", "");
          const char *syntax = str_member (flow, "flowSyntax", NULL);
          const char *name = str_member (flow, "name", NULL);

          if (flow_id == NULL)
            continue;
          if (g_strcmp0 (direction, "Out") == 0)
            {
              g_autofree char *details = NULL;
              FacturesPaAck ack = ack_of (flow, &details);
              gint64 row = 0;
              gboolean changed = FALSE;

              if (!factures_store_pa_outbox_set_ack (store, flow_id, ack, details, &row, &changed, error))
                return FALSE;
              if (changed)
                {
                  g_autoptr(GPtrArray) all = factures_store_pa_outbox_list (store, NULL);
                  guint k;

                  for (k = 0; all != NULL && k < all->len; k++)
                    {
                      FacturesPaOutboxItem *it = g_ptr_array_index (all, k);

                      if (it->id == row && !it->is_status)
                        report_ack (report, user_data, it->number, ack, details);
                    }
                }
            }
          else
            {
              g_autoptr(GBytes) content = NULL;
              gboolean lifecycle = g_str_has_suffix (type, "LC") || g_strcmp0 (syntax, "CDAR") == 0;
              gboolean supplier = g_strcmp0 (type, "SupplierInvoice") == 0;
              gboolean known = FALSE;
              gint64 inbox_id;

              /* Read again across a page edge (below): already kept, nothing to do. */
              if (!factures_store_pa_inbox_known (store, flow_id, &known, error))
                return FALSE;
              if (known)
                {
                  if (!factures_store_pa_set_cursor (store, updated, error))
                    return FALSE;
                  continue;
                }
              if (lifecycle || supplier)
                {
                  content = factures_pa_client_get_original (client, flow_id, error);
                  if (content == NULL)
                    return FALSE;
                }
              inbox_id = factures_store_pa_inbox_add (store, flow_id, type, direction, syntax, name, updated,
                                                      content, &known, error);
              if (inbox_id == 0 && !known)
                return FALSE;
              if (!known)
                {
                  if (lifecycle)
                    {
                      if (!read_lifecycle (store, inbox_id, flow_id, content, report, user_data, error))
                        return FALSE;
                    }
                  else if (supplier)
                    {
                      if (!read_supplier_invoice (store, inbox_id, content, name, report, user_data, error))
                        return FALSE;
                    }
                  else if (!factures_store_pa_inbox_mark (store, inbox_id, "ignored", 0, NULL, error))
                    return FALSE;
                }
            }
          if (!factures_store_pa_set_cursor (store, updated, error))
            return FALSE;
        }
      if (json_array_get_length (results) < limit)
        return TRUE;
      /* A full page: flows sharing the last updatedAt may go on past its edge, and
       * updatedAfter is strict. Read again from the previous distinct updatedAt (what was
       * recorded is recognised by its flowId). When the whole page shares one updatedAt it
       * cannot be paged this way: how the norm settles it is (to confirm), PA.md §1.3. */
      {
        const char *last = str_member (
          json_node_get_object (g_ptr_array_index (flows, flows->len - 1)), "updatedAt", NULL);
        const char *previous = NULL;
        guint k;

        for (k = flows->len; k > 0; k--)
          {
            const char *at = str_member (
              json_node_get_object (g_ptr_array_index (flows, k - 1)), "updatedAt", NULL);

            if (g_strcmp0 (at, last) < 0)
              {
                previous = at;
                break;
              }
          }
        if (previous == NULL)
          return TRUE;
        if (!factures_store_pa_rewind_cursor (store, previous, error))
          return FALSE;
      }
    }
}
