/* factures-document-status.c — what the documents list says of each document (issue 11)
 *
 * One status per document, in this order of precedence for an issued invoice: cancelled
 * (credited in full), disputed, paid, overdue (with its days), partly paid, sent, issued.
 * French adjectives agree with the kind ("Facture … Payée", "Avoir … Émis"): each text has
 * a context per gender (C_("feminine", …), C_("masculine", …)) so the translation can differ.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-date.h"
#include "factures-document-status.h"
#include "factures-lifecycle.h"
#include "factures-store-mail.h"
#include "factures-store-payments.h"

static gboolean
is_invoice (FacturesDocumentKind kind)
{
  return kind == FACTURES_DOCUMENT_KIND_INVOICE || kind == FACTURES_DOCUMENT_KIND_DEPOSIT;
}

void
factures_document_facts_load (FacturesStore         *store,
                              FacturesDocumentRow   *row,
                              FacturesDocumentFacts *out)
{
  const char *issue_date = factures_document_row_get_issue_date (row);
  GDate date;

  memset (out, 0, sizeof *out);
  out->id = factures_document_row_get_id (row);
  out->kind = factures_document_row_get_kind (row);
  out->status = factures_document_row_get_status (row);
  out->quote_status = factures_document_row_get_quote_status (row);
  out->balance = factures_document_row_get_balance (row);
  out->amount_due = factures_document_row_get_total (row);
  out->days_late = factures_document_row_get_days_late (row);
  if (issue_date != NULL && factures_date_parse_iso (issue_date, &date, NULL))
    out->year = g_date_get_year (&date);

  if (store == NULL || out->status != FACTURES_DOCUMENT_STATUS_ISSUED)
    return;

  out->sent = factures_store_count_events (store, out->id, "sent", NULL) > 0;
  if (is_invoice (out->kind))
    {
      FacturesBalance balance;

      if (factures_store_get_payment_balance (store, out->id, &balance, NULL))
        {
          out->amount_due = balance.amount_due;
          out->paid = balance.paid;
          out->credited = balance.credited;
          out->balance = balance.balance;
        }
      factures_store_get_dispute (store, out->id, &out->disputed, NULL);
    }
}

FacturesDocumentState
factures_document_state_of (const FacturesDocumentFacts *facts)
{
  if (facts->status == FACTURES_DOCUMENT_STATUS_DRAFT)
    return FACTURES_DOCUMENT_STATE_DRAFT;
  if (facts->kind == FACTURES_DOCUMENT_KIND_QUOTE)
    return FACTURES_DOCUMENT_STATE_QUOTE;
  if (is_invoice (facts->kind))
    {
      if (facts->credited > 0 && facts->credited >= facts->amount_due)
        return FACTURES_DOCUMENT_STATE_CANCELLED;
      if (facts->disputed && facts->balance > 0)
        return FACTURES_DOCUMENT_STATE_DISPUTED;
      if (facts->balance <= 0 && facts->amount_due > 0)
        return FACTURES_DOCUMENT_STATE_PAID;
      if (facts->days_late > 0)
        return FACTURES_DOCUMENT_STATE_OVERDUE;
      if (facts->paid > 0 || facts->credited > 0)
        return FACTURES_DOCUMENT_STATE_PARTLY_PAID;
    }
  return facts->sent ? FACTURES_DOCUMENT_STATE_SENT : FACTURES_DOCUMENT_STATE_ISSUED;
}

char *
factures_document_state_label (const FacturesDocumentFacts *facts)
{
  /* Une facture, une facture d'acompte; un devis, un avoir. */
  gboolean feminine = is_invoice (facts->kind);

  switch (factures_document_state_of (facts))
    {
    case FACTURES_DOCUMENT_STATE_DRAFT:
      return g_strdup (feminine ? C_("feminine", "Draft") : C_("masculine", "Draft"));
    case FACTURES_DOCUMENT_STATE_QUOTE:
      return g_strdup (factures_quote_status_title (facts->quote_status));
    case FACTURES_DOCUMENT_STATE_SENT:
      return g_strdup (feminine ? C_("feminine", "Sent") : C_("masculine", "Sent"));
    case FACTURES_DOCUMENT_STATE_PARTLY_PAID:
      return g_strdup (feminine ? C_("feminine", "Partly paid") : C_("masculine", "Partly paid"));
    case FACTURES_DOCUMENT_STATE_PAID:
      return g_strdup (feminine ? C_("feminine", "Paid") : C_("masculine", "Paid"));
    case FACTURES_DOCUMENT_STATE_OVERDUE:
      /* Translators: status of an overdue invoice, "En retard de 12 jours" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %d day", "Overdue by %d days",
                                           facts->days_late),
                              facts->days_late);
    case FACTURES_DOCUMENT_STATE_DISPUTED:
      return g_strdup (feminine ? C_("feminine", "Disputed") : C_("masculine", "Disputed"));
    case FACTURES_DOCUMENT_STATE_CANCELLED:
      return g_strdup (feminine ? C_("feminine", "Cancelled") : C_("masculine", "Cancelled"));
    case FACTURES_DOCUMENT_STATE_ISSUED:
    case FACTURES_DOCUMENT_STATE_ANY:
    case FACTURES_N_DOCUMENT_STATES:
    default:
      return g_strdup (feminine ? C_("feminine", "Issued") : C_("masculine", "Issued"));
    }
}

const char *
factures_document_state_filter_label (FacturesDocumentState state)
{
  switch (state)
    {
    case FACTURES_DOCUMENT_STATE_ANY:
      return _("All statuses");
    case FACTURES_DOCUMENT_STATE_DRAFT:
      return C_("filter", "Drafts");
    case FACTURES_DOCUMENT_STATE_ISSUED:
      return C_("filter", "Issued");
    case FACTURES_DOCUMENT_STATE_SENT:
      return C_("filter", "Sent");
    case FACTURES_DOCUMENT_STATE_PARTLY_PAID:
      return C_("filter", "Partly paid");
    case FACTURES_DOCUMENT_STATE_PAID:
      return C_("filter", "Paid");
    case FACTURES_DOCUMENT_STATE_OVERDUE:
      return C_("filter", "Overdue");
    case FACTURES_DOCUMENT_STATE_DISPUTED:
      return C_("filter", "Disputed");
    case FACTURES_DOCUMENT_STATE_CANCELLED:
      return C_("filter", "Cancelled");
    case FACTURES_DOCUMENT_STATE_QUOTE:
      return C_("filter", "Quotes");
    case FACTURES_N_DOCUMENT_STATES:
    default:
      return "";
    }
}
