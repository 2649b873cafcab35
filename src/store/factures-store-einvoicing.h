/* factures-store-einvoicing.h — the plateforme agréée tables: account, e-invoicing outbox,
 * flows received, lifecycle statuses (issue 14; migration 0015)
 *
 * The PA's client secret is never stored by the store: see
 * src/einvoicing/factures-pa-secret.h. Errors are in the FACTURES_ERROR domain.
 * Facts (endpoints, enums, status codes): PA.md §1.3 (AFNOR XP Z12-013 Flow Service) and §2.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store.h"

G_BEGIN_DECLS

/* The PA account. Strings UTF-8. */
typedef struct {
  char     *name;             /* the PA's name, shown to the user */
  char     *registration;     /* its registration number: 4 characters (e-reporting) */
  char     *base_url;         /* flow-service base, "https://pa.example/flow-service" */
  char     *token_url;        /* OAuth2 token URL (client credentials) */
  char     *client_id;
  guint     timeout_seconds;  /* connection and each answer, 1–600 */
  gboolean  report_payments;  /* send "encaissée" (212) on a payment; default TRUE (to confirm
                               * for the franchise en base, PA.md §3 and §6 point 3) */
  /* Issue 15 (migration 0020). */
  char     *directory_url;    /* Directory Service base, "https://pa.example/directory-service",
                               * or NULL: no directory lookup */
  gboolean  routes_b2g;       /* the PA forwards invoices to public buyers (Chorus Pro,
                               * processingRule B2G, PA.md §4); FALSE: the user uploads the
                               * Factur-X on the Chorus Pro portal */
} FacturesPaAccount;

FacturesPaAccount *factures_pa_account_new  (void);
FacturesPaAccount *factures_pa_account_copy (const FacturesPaAccount *account);
void               factures_pa_account_free (FacturesPaAccount       *account);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesPaAccount, factures_pa_account_free)

/* TRUE for "http://localhost…", "http://127.0.0.1…" and every "https://…" URL. */
gboolean           factures_pa_url_is_acceptable (const char *url);

/* NULL without error when no account was saved (everything else works as without a PA). */
FacturesPaAccount *factures_store_get_pa_account  (FacturesStore            *self,
                                                   GError                  **error);
/* Validates (FACTURES_ERROR_INVALID naming the field: Nom de la plateforme, Numéro
 * d'immatriculation (4 letters or digits), Adresse du service de flux, Adresse du jeton
 * (https, or http to this computer only), Identifiant client, Adresse du service annuaire
 * (empty, or as the others)) and saves; emits "changed". */
gboolean           factures_store_save_pa_account (FacturesStore            *self,
                                                   const FacturesPaAccount  *account,
                                                   GError                  **error);

/* ---- the Directory Service cache (issue 15 item 1, migration 0020; PA.md §1.4) ---- */
typedef enum {
  FACTURES_PA_DIRECTORY_NONE,      /* never looked up (no row) */
  FACTURES_PA_DIRECTORY_ENABLED,   /* directoryLineStatus Enabled: receives e-invoices */
  FACTURES_PA_DIRECTORY_DISABLED,  /* Disabled: the line exists but does not receive */
  FACTURES_PA_DIRECTORY_UPCOMING,  /* Upcoming: will receive from a later date */
  FACTURES_PA_DIRECTORY_UNKNOWN,   /* the directory answered 204: the SIREN is not registered */
} FacturesPaDirectoryStatus;

/* The last lookup of one SIREN. Strings UTF-8, NULL when unknown. */
typedef struct {
  char                      *siren;        /* 9 digits */
  FacturesPaDirectoryStatus  status;
  char                      *address;      /* addressingIdentifier (BT-49, scheme 0225), ≤ 125 */
  char                      *siret;        /* the line's SIRET when it is a facility's line */
  char                      *platform;     /* platformType: "WK" (a PA) or "DFH" (the PPF) */
  char                      *name;         /* businessName from /v1/siren/search */
  char                      *entity_type;  /* "Public" or "PrivateVatRegistered" */
  gboolean                   partial;      /* the directory answered 206 (a reduced set) */
  char                      *looked_up;    /* "YYYY-MM-DDTHH:MM:SSZ" (UTC) */
} FacturesPaDirectoryEntry;

FacturesPaDirectoryEntry *factures_pa_directory_entry_new  (void);
void                      factures_pa_directory_entry_free (FacturesPaDirectoryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesPaDirectoryEntry, factures_pa_directory_entry_free)

/* The status in words: « reçoit les factures électroniques », « ne reçoit pas (ligne
 * désactivée) », « recevra bientôt », « absent de l'annuaire », « pas encore consulté ».
 * Translated, static. */
const char *factures_pa_directory_status_words (FacturesPaDirectoryStatus status);
/* "Enabled", "Disabled", "Upcoming", "Unknown", or NULL for NONE (the stored words). */
const char *factures_pa_directory_status_code  (FacturesPaDirectoryStatus status);

/* Saves @entry (replacing the previous lookup of its SIREN); looked_up NULL: now. Emits
 * "changed". FACTURES_ERROR_INVALID for a SIREN that is not 9 digits or an address over 125
 * characters. */
gboolean    factures_store_pa_directory_save (FacturesStore                  *self,
                                              const FacturesPaDirectoryEntry *entry,
                                              GError                        **error);
/* The last lookup of @siren, or NULL without error when it was never looked up. */
FacturesPaDirectoryEntry *factures_store_pa_directory_get (FacturesStore  *self,
                                                           const char     *siren,
                                                           GError        **error);
/* What to do before depositing @document, issued to a business in France, when its buyer is
 * not known to receive e-invoices (issue 15 item 1): NULL when the cached lookup says
 * Enabled, when there is no directory address in the account, or for a document that does
 * not go through the PA; otherwise a French sentence saying what the directory said and what
 * to do (transfer full). */
char       *factures_store_pa_directory_warning (FacturesStore          *self,
                                                 const FacturesDocument *document);

/* TRUE when @document goes through the PA with this account: eligible
 * (factures_pa_document_is_eligible()) and, for a public buyer, the account routes B2G. */
gboolean    factures_store_pa_document_goes (FacturesStore          *self,
                                             const FacturesDocument *document);

/* ---- the e-invoicing outbox ---- */
typedef enum {
  FACTURES_PA_OUTBOX_QUEUED,
  FACTURES_PA_OUTBOX_SENDING,  /* the request may have reached the PA: search before depositing */
  FACTURES_PA_OUTBOX_SENT,     /* deposited: flow_id and submitted_at known */
  FACTURES_PA_OUTBOX_FAILED,   /* next_attempt NULL: the user must act, then retry by hand */
} FacturesPaOutboxState;

typedef enum {
  FACTURES_PA_ACK_NONE,        /* not deposited yet */
  FACTURES_PA_ACK_PENDING,
  FACTURES_PA_ACK_OK,
  FACTURES_PA_ACK_ERROR,
} FacturesPaAck;

typedef struct {
  gint64                 id;
  gint64                 document_id;
  char                  *number;           /* the document's number */
  gboolean               is_status;        /* a lifecycle status (CDAR), else the document */
  gint                   status_code;      /* 200–220 for a status, 0 otherwise */
  char                  *tracking_id;      /* ≤ 36: the document's id, "cdv-<row>" for a status */
  char                  *file_name;
  char                  *flow_syntax;      /* "Factur-X", "CDAR" */
  char                  *flow_profile;     /* "CIUS" or NULL */
  char                  *processing_rule;  /* "B2B", "B2G", "NotApplicable" */
  char                  *sha256;           /* lower-case hex of the bytes deposited */
  FacturesPaOutboxState  state;
  gint                   attempts;
  char                  *next_attempt;     /* "YYYY-MM-DDTHH:MM:SSZ" or NULL */
  char                  *error;            /* French reason of the last failure */
  char                  *flow_id;          /* the PA's flowId once deposited */
  char                  *submitted_at;     /* the PA's submittedAt */
  FacturesPaAck          ack;
  char                  *ack_details;      /* JSON array [{reasonCode, reasonMessage, …}] or NULL */
  gint64                 imported_id;      /* a status about a supplier invoice (document_id 0) */
  char                  *updated;          /* when the last attempt began or ended, or NULL */
} FacturesPaOutboxItem;

void        factures_pa_outbox_item_free (FacturesPaOutboxItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesPaOutboxItem, factures_pa_outbox_item_free)

/* The acknowledgement in words, distinct from the lifecycle statuses (issue 14 item 2):
 * "en attente d'envoi" (not deposited), "déposée, contrôle en cours" (Pending), "transmise à
 * la plateforme" (Ok), "refusée par la plateforme" (Error). Translated, static. */
const char *factures_pa_outbox_item_words (const FacturesPaOutboxItem *item);
/* "déposée", "émise", … "encaissée", "annulée" for 200–213 and 220 (PA.md §2); NULL for
 * any other code. Translated, static. */
const char *factures_pa_status_label     (gint code);

/* TRUE when @document goes through the PA: an issued invoice, deposit invoice or credit
 * note to a business (not a private person) in France whose SIREN is known. */
gboolean    factures_pa_document_is_eligible (const FacturesDocument *document);

/* Puts an issued document into the outbox (its stored original, Factur-X, CIUS; B2B, or B2G
 * for a public buyer). Returns the row id, or the existing row's id when it is already
 * there; 0 with FACTURES_ERROR_INVALID when the document is not eligible (the message says
 * why), FACTURES_ERROR_NOT_FOUND for an unknown id. */
gint64      factures_store_pa_enqueue_document (FacturesStore  *self,
                                                gint64          document_id,
                                                GError        **error);
/* Puts a lifecycle status message (@cdar: the CDAR XML, checked by the caller) about an
 * issued document into the outbox, once per (document, code): a second call returns the
 * existing row's id. */
gint64      factures_store_pa_enqueue_status   (FacturesStore  *self,
                                                gint64          document_id,
                                                gint            code,
                                                GBytes         *cdar,
                                                GError        **error);
/* Puts into the outbox every eligible document (factures_pa_document_is_eligible()) issued
 * since the account was first saved and not there yet: what was issued before that day goes
 * only by hand (factures_store_pa_enqueue_document()). Returns how many, −1 on error. */
gint        factures_store_pa_enqueue_new      (FacturesStore  *self,
                                                GError        **error);

/* Rows to work on now, in id order: queued; failed whose next_attempt ≤ @now_iso; sending
 * whose last attempt ended uncertain (its error is set), or began before @stale_iso (a row
 * claimed later may still be in another process's hands: its lease, the account's time-out,
 * has not run out).
 * (element-type FacturesPaOutboxItem) (transfer full). */
GPtrArray  *factures_store_pa_outbox_due       (FacturesStore  *self,
                                                const char     *now_iso,
                                                const char     *stale_iso,
                                                GError        **error);
/* Every row (the newest first) (element-type FacturesPaOutboxItem) (transfer full). */
GPtrArray  *factures_store_pa_outbox_list      (FacturesStore  *self,
                                                GError        **error);
/* Whether the lifecycle status @code (200–213, 220) about our issued document @document_id is
 * already in the outbox, waiting or sent (each status goes once, PA.md §2). FALSE with @error
 * set on a database error (FACTURES_ERROR_DATABASE). */
gboolean    factures_store_pa_status_queued    (FacturesStore  *self,
                                                gint64          document_id,
                                                gint            code,
                                                GError        **error);
/* The document deposit of @document_id, or NULL without error. */
FacturesPaOutboxItem *factures_store_pa_outbox_for_document (FacturesStore *self,
                                                             gint64         document_id,
                                                             GError       **error);
/* The bytes to deposit: the stored original for a document, the CDAR for a status. */
GBytes     *factures_store_pa_outbox_payload   (FacturesStore  *self,
                                                gint64          id,
                                                GError        **error);
/* Claims the row: → sending, attempts + 1, committed before any request, only when its
 * attempts are still @seen_attempts (what the caller read): two processes never deposit the
 * same row at once. *@out_claimed FALSE (no error) when another process claimed it first or
 * it is already sent. */
gboolean    factures_store_pa_outbox_begin     (FacturesStore  *self,
                                                gint64          id,
                                                gint            seen_attempts,
                                                gboolean       *out_claimed,
                                                GError        **error);
/* One transaction: the row becomes sent with the PA's flowId, submittedAt and
 * acknowledgement, and a "pa-deposited" event goes on the document. */
gboolean    factures_store_pa_outbox_mark_sent (FacturesStore  *self,
                                                gint64          id,
                                                const char     *flow_id,
                                                const char     *submitted_at,
                                                FacturesPaAck   ack,
                                                const char     *ack_details,
                                                GError        **error);
/* Records a failure (@reason, French). @uncertain: the PA may have the flow (lost answer,
 * time-out): the row stays "sending" and the next attempt searches its trackingId first.
 * @retry_seconds: the next automatic attempt (backoff, Retry-After), −1: none, the user must
 * act first. The document is not touched. */
gboolean    factures_store_pa_outbox_mark_failed (FacturesStore *self,
                                                  gint64         id,
                                                  const char    *reason,
                                                  gboolean       uncertain,
                                                  gint           retry_seconds,
                                                  GError       **error);
/* A failed or waiting row back to queued now (retry by hand). */
gboolean    factures_store_pa_outbox_retry     (FacturesStore  *self,
                                                gint64          id,
                                                GError        **error);
/* The acknowledgement of a deposited flow changed (polling): updates it and, when it
 * becomes Ok or Error, puts a "pa-ack" event on the document. *@out_changed: whether
 * anything changed; *@out_id: the row (0: not one of our flows). */
gboolean    factures_store_pa_outbox_set_ack   (FacturesStore  *self,
                                                const char     *flow_id,
                                                FacturesPaAck   ack,
                                                const char     *ack_details,
                                                gint64         *out_id,
                                                gboolean       *out_changed,
                                                GError        **error);

/* ---- statuses the user sends as the buyer of a supplier invoice (Achats) ---- */

/* The business reason codes of PA.md §2 (206, 207, 208, 210), NULL-terminated, static. */
const char * const *factures_pa_business_reason_codes (void);

/* What a buyer's status message needs about a supplier invoice kept in the purchases. */
typedef struct {
  char  *number;          /* BT-1 */
  GDate  issue_date;      /* BT-2, invalid when unknown */
  char  *seller_siren;
  char  *seller_name;
} FacturesPaPurchase;

void                factures_pa_purchase_free (FacturesPaPurchase *purchase);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesPaPurchase, factures_pa_purchase_free)

/* The supplier invoice @imported_id of the purchases; NULL with FACTURES_ERROR_NOT_FOUND when
 * there is no such purchase (a sale kept as history is not one). */
FacturesPaPurchase *factures_store_pa_get_purchase (FacturesStore  *self,
                                                    gint64          imported_id,
                                                    GError        **error);

/* Checks a buyer's status: @code one of 204 (prise en charge), 205 (approuvée), 206
 * (approuvée partiellement), 207 (en litige), 208 (suspendue), 210 (refusée), 211 (paiement
 * transmis); 206, 207, 208 and 210 need @reason_code from factures_pa_business_reason_codes();
 * @reason (optional) at most 500 characters. FACTURES_ERROR_INVALID in French naming the
 * field otherwise. */
gboolean    factures_pa_check_buyer_status     (gint            code,
                                                const char     *reason_code,
                                                const char     *reason,
                                                GError        **error);

/* Puts the buyer's status @code about supplier invoice @imported_id (@cdar: its CDAR message)
 * into the outbox, once per code (a second call returns the existing row's id); checks as
 * factures_pa_check_buyer_status(). Returns the row id, 0 on error. */
gint64      factures_store_pa_enqueue_purchase_status (FacturesStore *self,
                                                       gint64         imported_id,
                                                       gint           code,
                                                       const char    *reason_code,
                                                       const char    *reason,
                                                       GBytes        *cdar,
                                                       GError       **error);

/* Invoices and deposit invoices deposited through the PA (not refused by it) that have a
 * payment (or applied credit) still counting and no "encaissée" (212) in the outbox yet:
 * the ids, in id order (element-type gint64) (transfer full). */
GArray     *factures_store_pa_cashed_candidates (FacturesStore *self,
                                                 GError       **error);

/* Tells the views of this connection that another connection (the synchronisation thread)
 * wrote: emits "changed" as after a write. */
void        factures_store_pa_notify_synced    (FacturesStore  *self);

/* ---- the polling cursor (highest updatedAt seen) ---- */
char       *factures_store_pa_get_cursor       (FacturesStore  *self,
                                                GError        **error);
/* Keeps the highest of the stored cursor and @updated_at (ISO 8601 texts of the PA). */
gboolean    factures_store_pa_set_cursor       (FacturesStore  *self,
                                                const char     *updated_at,
                                                GError        **error);

/* Sets the cursor to @updated_at exactly, even lower (to read again flows that share one
 * updatedAt across a page edge). */
gboolean    factures_store_pa_rewind_cursor    (FacturesStore  *self,
                                                const char     *updated_at,
                                                GError        **error);

/* ---- flows received ---- */
/* TRUE in *@out_known when the flow @flow_id was already received. */
gboolean    factures_store_pa_inbox_known      (FacturesStore  *self,
                                                const char     *flow_id,
                                                gboolean       *out_known,
                                                GError        **error);
/* Keeps a flow as received before reading it. Returns its row id; 0 with *@out_known TRUE
 * (no error) when that flowId was already received. */
gint64      factures_store_pa_inbox_add        (FacturesStore  *self,
                                                const char     *flow_id,
                                                const char     *flow_type,
                                                const char     *flow_direction,
                                                const char     *flow_syntax,
                                                const char     *name,
                                                const char     *updated_at,
                                                GBytes         *content,
                                                gboolean       *out_known,
                                                GError        **error);
/* A flow that could not be read: kept, state "unreadable", @reason (French) shown. */
gboolean    factures_store_pa_inbox_mark       (FacturesStore  *self,
                                                gint64          inbox_id,
                                                const char     *state,
                                                gint64          document_id,
                                                const char     *reason,
                                                GError        **error);

/* A lifecycle status read from a CDAR message (PA.md §2.1). */
typedef struct {
  gint   code;              /* ProcessConditionCode: 200–213, 220 */
  char  *message_id;        /* ExchangedDocument/ID */
  char  *invoice_number;    /* ReferenceReferencedDocument/IssuerAssignedID (BT-1) */
  char  *date;              /* the status's date-time, "YYYY-MM-DDTHH:MM:SS" */
  char  *sender_role;       /* IssuerTradeParty/RoleCode: SE, BY, WK */
  char  *sender_id;         /* its GlobalID (SIREN) or NULL */
  char  *sender_name;
  char  *reason_code;       /* SpecifiedDocumentStatus/ReasonCode or NULL */
  char  *reason;            /* SpecifiedDocumentStatus/Reason or NULL */
  gint64 amount;            /* sum of the MEN amounts, cents (212), 0 otherwise */
} FacturesPaStatus;

void        factures_pa_status_free            (FacturesPaStatus *status);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesPaStatus, factures_pa_status_free)

/* One transaction: finds our issued document numbered status->invoice_number (else
 * FACTURES_ERROR_NOT_FOUND), puts a "pa-status" event on it (JSON: code, label, date,
 * sender, reason_code, reason, flow_id), applies the dunning rule — 210 refusée and 213
 * rejetée take the invoice out of the dunning ladder, 207 en litige pauses it: both through
 * the disputes table, as a dispute entered by hand (its note starts "[PA <code>]"); a later
 * 205/206 closes a "[PA 207]" dispute so the ladder runs again — and marks inbox row
 * @inbox_id read.
 * *@out_document_id: the document. */
gboolean    factures_store_pa_record_status    (FacturesStore          *self,
                                                gint64                  inbox_id,
                                                const char             *flow_id,
                                                const FacturesPaStatus *status,
                                                gint64                 *out_document_id,
                                                GError                **error);
/* The latest lifecycle code recorded on @document_id (0: none), and its reason. */
gint        factures_store_pa_last_status      (FacturesStore  *self,
                                                gint64          document_id,
                                                char          **out_reason,
                                                GError        **error);
/* The lifecycle statuses recorded on @document_id ("pa-status" events), oldest first: code,
 * date, sender (role, id, name), reason code and reason, amount; message_id and
 * invoice_number NULL. For the issued-document view (issue 14 item 3).
 * (element-type FacturesPaStatus) (transfer full); NULL on error. */
GPtrArray  *factures_store_pa_history          (FacturesStore  *self,
                                                gint64          document_id,
                                                GError        **error);
/* Flows kept as unreadable: "flowId\treason" strings (transfer full). */
GStrv       factures_store_pa_inbox_unreadable (FacturesStore  *self,
                                                GError        **error);

G_END_DECLS
