/* factures-bank-camt.c — ISO 20022 camt.053 (BkToCstmrStmt) statements through libxml2
 *
 * The message and its version come from the root element's namespace,
 * urn:iso:std:iso:20022:tech:xsd:camt.053.001.NN; versions 02 to 13 share the elements read
 * here (v08 wraps party names in Pty).  camt.052 (intraday report) and camt.054 (debit/credit
 * notification) are refused: they announce movements that a later statement books, and
 * importing both would count them twice.  One transaction per booked entry (Ntry): a batch
 * entry with several TxDtls is one movement on the account.  LEGAL-2.md §6.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "factures-bank-readers.h"

#define CAMT_NS_PREFIX "urn:iso:std:iso:20022:tech:xsd:camt."

static gboolean
is (const xmlNode *node, const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         strcmp ((const char *) node->name, name) == 0;
}

static xmlNode *
child (const xmlNode *node, const char *name)
{
  if (node == NULL)
    return NULL;
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is (c, name))
      return c;
  return NULL;
}

/* child (child (…)) along a '/' path. */
static xmlNode *
path_of (const xmlNode *node, const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  const xmlNode *here = node;

  for (guint i = 0; parts[i] != NULL && here != NULL; i++)
    here = child (here, parts[i]);
  return (xmlNode *) here;
}

/* The trimmed text of the element at @path under @node, NULL when absent or empty. */
static char *
text_of (const xmlNode *node, const char *path)
{
  xmlNode *found = path != NULL ? path_of (node, path) : (xmlNode *) node;
  xmlChar *content;
  char *clean;

  if (found == NULL)
    return NULL;
  content = xmlNodeGetContent (found);
  clean = factures_bank_clean_text ((const char *) content, -1);
  xmlFree (content);
  if (clean != NULL && clean[0] == '\0')
    g_clear_pointer (&clean, g_free);
  return clean;
}

/* <Dt>2014-12-31</Dt> or <DtTm>2014-12-31T13:15:00+01:00</DtTm>: the day as the bank wrote it. */
static gboolean
date_of (const xmlNode *node, GDate *date)
{
  g_autofree char *text = NULL;
  guint year, month, day;

  g_date_clear (date, 1);
  if (node == NULL)
    return FALSE;
  text = text_of (node, "Dt");
  if (text == NULL)
    text = text_of (node, "DtTm");
  if (text == NULL)
    text = text_of (node, NULL);
  if (text == NULL || strlen (text) < 10 ||
      sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3 || year < 1900 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

typedef struct
{
  const char *name;
  FacturesBankFile *file;
} Reading;

/* An <Amt Ccy="EUR">12.50</Amt> with its <CdtDbtInd> sibling, signed. */
static gboolean
amount_of (Reading *reading, const xmlNode *parent, gint64 *cents, char currency[4])
{
  xmlNode *amt = child (parent, "Amt");
  g_autofree char *text = NULL;
  g_autofree char *indicator = NULL;
  xmlChar *ccy;

  if (amt == NULL)
    return FALSE;
  /* v08 balances: <Amt><Amt Ccy>…</Amt></Amt> is not used, but some banks nest InstdAmt. */
  text = text_of (amt, NULL);
  if (text == NULL || !factures_bank_parse_decimal (text, '.', cents) ||
      strchr (text, ',') != NULL || strchr (text, ' ') != NULL)
    return FALSE;
  if (*cents < 0)
    return FALSE;
  ccy = xmlGetProp (amt, (const xmlChar *) "Ccy");
  if (ccy != NULL && strlen ((const char *) ccy) == 3)
    {
      for (int i = 0; i < 3; i++)
        currency[i] = g_ascii_toupper (ccy[i]);
      currency[3] = '\0';
    }
  xmlFree (ccy);
  indicator = text_of (parent, "CdtDbtInd");
  if (g_strcmp0 (indicator, "DBIT") == 0)
    *cents = -*cents;
  else if (g_strcmp0 (indicator, "CRDT") != 0)
    return FALSE;
  return TRUE;
}

static FacturesBankKind
kind_of (const xmlNode *entry)
{
  xmlNode *code = path_of (entry, "BkTxCd/Domn");
  g_autofree char *domain = text_of (code, "Cd");
  g_autofree char *family = text_of (code, "Fmly/Cd");

  if (domain == NULL || family == NULL)
    return FACTURES_BANK_KIND_OTHER;
  if (strcmp (domain, "PMNT") == 0)
    {
      if (strcmp (family, "RCDT") == 0 || strcmp (family, "ICDT") == 0)
        return FACTURES_BANK_KIND_TRANSFER;
      if (strcmp (family, "RDDT") == 0 || strcmp (family, "IDDT") == 0)
        return FACTURES_BANK_KIND_DIRECT_DEBIT;
      if (strcmp (family, "CCRD") == 0 || strcmp (family, "RCRD") == 0)
        return FACTURES_BANK_KIND_CARD;
      if (strcmp (family, "RCHQ") == 0 || strcmp (family, "ICHQ") == 0)
        return FACTURES_BANK_KIND_CHEQUE;
      if (strcmp (family, "CNTR") == 0)
        return FACTURES_BANK_KIND_CASH;
      if (strcmp (family, "MCOP") == 0)
        return FACTURES_BANK_KIND_FEE;
    }
  if (strcmp (domain, "ACMT") == 0 && strcmp (family, "MDOP") == 0)
    return FACTURES_BANK_KIND_FEE;
  if (strcmp (domain, "CAMT") == 0 && strcmp (family, "CAPL") == 0)
    return FACTURES_BANK_KIND_CASH;
  return FACTURES_BANK_KIND_OTHER;
}

/* A party's name: <Dbtr><Nm> (v02–v07) or <Dbtr><Pty><Nm> (v08 and later). */
static char *
party_name (const xmlNode *parties, const char *role)
{
  xmlNode *party = child (parties, role);
  char *name;

  if (party == NULL)
    return NULL;
  name = text_of (party, "Nm");
  if (name == NULL)
    name = text_of (party, "Pty/Nm");
  return name;
}

static void
append (GString *text, const char *part)
{
  if (part == NULL || part[0] == '\0' || strstr (text->str, part) != NULL)
    return;
  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append (text, part);
}

/* What one TxDtls (or the whole entry) says: parties, remittance text, references. */
typedef struct
{
  GString *label;
  GString *reference;
  char *counterparty;
  char *id; /* the bank's reference of the transaction, NULL when none */
  gboolean has_amount;
  gint64 amount; /* unsigned, from AmtDtls/TxAmt/Amt or Amt */
  FacturesBankKind kind;
} Details;

static void
details_clear (Details *details)
{
  g_string_free (details->label, TRUE);
  g_string_free (details->reference, TRUE);
  g_free (details->counterparty);
  g_free (details->id);
}

static void
read_details (const xmlNode *tx, gboolean credit, Details *details)
{
  xmlNode *parties, *remittance, *amount;
  g_autofree char *end_to_end = text_of (tx, "Refs/EndToEndId");
  g_autofree char *tx_ref = text_of (tx, "Refs/AcctSvcrRef");
  g_autofree char *info = text_of (tx, "AddtlTxInf");

  details->label = g_string_new (NULL);
  details->reference = g_string_new (NULL);
  if (end_to_end != NULL && g_ascii_strcasecmp (end_to_end, "NOTPROVIDED") == 0)
    g_clear_pointer (&end_to_end, g_free);
  details->id = g_strdup (tx_ref != NULL ? tx_ref : end_to_end);

  parties = child (tx, "RltdPties");
  if (parties != NULL)
    details->counterparty = party_name (parties, credit ? "Dbtr" : "Cdtr");
  remittance = child (tx, "RmtInf");
  if (remittance != NULL)
    for (xmlNode *r = remittance->children; r != NULL; r = r->next)
      {
        g_autofree char *part = NULL;

        if (is (r, "Ustrd"))
          part = text_of (r, NULL);
        else if (is (r, "Strd"))
          {
            part = text_of (r, "CdtrRefInf/Ref");
            if (part == NULL)
              part = text_of (r, "AddtlRmtInf");
          }
        append (details->reference, part);
      }
  append (details->label, info);
  if (end_to_end != NULL && details->reference->len == 0)
    append (details->reference, end_to_end);
  details->kind = kind_of (tx);

  amount = path_of (tx, "AmtDtls/TxAmt/Amt");
  if (amount == NULL)
    amount = child (tx, "Amt");
  if (amount != NULL)
    {
      g_autofree char *text = text_of (amount, NULL);

      details->has_amount = text != NULL && strchr (text, ',') == NULL &&
                            factures_bank_parse_decimal (text, '.', &details->amount) &&
                            details->amount >= 0;
    }
}

/* A transaction from the entry's common parts and one set of details. */
static FacturesBankTransaction *
make_transaction (const FacturesBankTransaction *common,
                  const char *additional,
                  const Details *details)
{
  FacturesBankTransaction *transaction = factures_bank_transaction_new ();
  g_autoptr(GString) label = g_string_new (additional);

  *transaction = *common;
  transaction->id = NULL;
  append (label, details->label->str);
  if (label->len == 0)
    append (label, details->reference->str);
  if (details->counterparty != NULL && strstr (label->str, details->counterparty) == NULL)
    {
      g_autoptr(GString) fresh = g_string_new (details->counterparty);

      append (fresh, label->str);
      g_string_assign (label, fresh->str);
    }
  transaction->label = g_strdup (label->str);
  transaction->counterparty = g_strdup (details->counterparty);
  transaction->reference = details->reference->len > 0 ? g_strdup (details->reference->str) : NULL;
  if (transaction->kind == FACTURES_BANK_KIND_OTHER)
    transaction->kind = details->kind;
  if (transaction->kind == FACTURES_BANK_KIND_OTHER)
    transaction->kind = factures_bank_kind_from_label (transaction->label);
  return transaction;
}

/* One booked entry (Ntry) gives one transaction, or one per TxDtls when it is a batch whose
 * details carry amounts adding up to the entry's (a "crédit groupé": each client's transfer
 * pays its own invoice). */
static void
read_entry (Reading *reading, FacturesBankStatement *statement, xmlNode *entry, GPtrArray *out)
{
  FacturesBankTransaction common = { 0 };
  guint line = (guint) xmlGetLineNo (entry);
  g_autofree char *status = text_of (entry, "Sts/Cd");
  g_autofree char *amount_text = text_of (entry, "Amt");
  g_autofree char *entry_ref = text_of (entry, "AcctSvcrRef");
  g_autofree char *additional = text_of (entry, "AddtlNtryInf");
  g_autoptr(GArray) all = g_array_new (FALSE, TRUE, sizeof (Details));
  gint64 sum = 0;
  gboolean split;

  g_array_set_clear_func (all, (GDestroyNotify) details_clear);
  if (status == NULL)
    status = text_of (entry, "Sts");
  if (status != NULL && strcmp (status, "BOOK") != 0)
    {
      factures_bank_file_warn (reading->file,
                               _("%s, line %u: the entry is not booked (Sts “%s”); it is left "
                                 "out"),
                               reading->name, line, status);
      return;
    }

  g_date_clear (&common.booking_date, 1);
  g_date_clear (&common.value_date, 1);
  memcpy (common.currency, statement->currency, 4);
  if (!amount_of (reading, entry, &common.amount, common.currency))
    {
      factures_bank_file_warn (reading->file,
                               _("%s, line %u: the entry’s amount “%s” (Amt, CdtDbtInd) cannot "
                                 "be read; it is left out"),
                               reading->name, line, amount_text != NULL ? amount_text : "");
      return;
    }
  if (!date_of (child (entry, "BookgDt"), &common.booking_date) &&
      !date_of (child (entry, "ValDt"), &common.booking_date))
    {
      factures_bank_file_warn (reading->file,
                               _("%s, line %u: the entry gives no booking date (BookgDt); it is "
                                 "left out"),
                               reading->name, line);
      return;
    }
  date_of (child (entry, "ValDt"), &common.value_date);
  common.source_line = line;
  common.kind = kind_of (entry);

  for (xmlNode *details = child (entry, "NtryDtls"); details != NULL; details = details->next)
    {
      if (!is (details, "NtryDtls"))
        continue;
      for (xmlNode *tx = details->children; tx != NULL; tx = tx->next)
        {
          Details fresh = { 0 };

          if (!is (tx, "TxDtls"))
            continue;
          read_details (tx, common.amount > 0, &fresh);
          g_array_append_val (all, fresh);
        }
    }

  split = all->len >= 2;
  for (guint i = 0; split && i < all->len; i++)
    {
      Details *details = &g_array_index (all, Details, i);

      if (!details->has_amount)
        split = FALSE;
      else
        sum += details->amount;
    }
  if (split && sum != (common.amount < 0 ? -common.amount : common.amount))
    split = FALSE;

  if (split)
    {
      for (guint i = 0; i < all->len; i++)
        {
          Details *details = &g_array_index (all, Details, i);
          FacturesBankTransaction *transaction = make_transaction (&common, NULL, details);
          gboolean shared = FALSE;

          for (guint j = 0; j < all->len; j++)
            if (j != i && details->id != NULL &&
                g_strcmp0 (details->id, g_array_index (all, Details, j).id) == 0)
              shared = TRUE;
          transaction->amount = common.amount < 0 ? -details->amount : details->amount;
          if (shared)
            transaction->id =
                g_strdup_printf ("%s/%u", entry_ref != NULL ? entry_ref : details->id, i + 1);
          else if (details->id != NULL)
            transaction->id = g_strdup (details->id);
          else if (entry_ref != NULL)
            transaction->id = g_strdup_printf ("%s/%u", entry_ref, i + 1);
          if (additional != NULL && transaction->reference == NULL)
            transaction->reference = g_strdup (additional);
          g_ptr_array_add (out, transaction);
        }
      return;
    }

  {
    Details merged = { 0 };
    FacturesBankTransaction *transaction;

    merged.label = g_string_new (NULL);
    merged.reference = g_string_new (NULL);
    for (guint i = 0; i < all->len; i++)
      {
        Details *details = &g_array_index (all, Details, i);

        if (i == 0)
          append (merged.label, details->label->str);
        append (merged.reference, details->reference->str);
        if (merged.counterparty == NULL)
          merged.counterparty = g_strdup (details->counterparty);
        if (merged.kind == FACTURES_BANK_KIND_OTHER)
          merged.kind = details->kind;
      }
    transaction = make_transaction (&common, additional, &merged);
    if (entry_ref != NULL)
      transaction->id = g_strdup (entry_ref);
    else if (all->len == 1 && g_array_index (all, Details, 0).id != NULL)
      transaction->id = g_strdup (g_array_index (all, Details, 0).id);
    g_ptr_array_add (out, transaction);
    details_clear (&merged);
  }
}

static void
read_balances (Reading *reading, FacturesBankStatement *statement, xmlNode *stmt)
{
  for (xmlNode *bal = stmt->children; bal != NULL; bal = bal->next)
    {
      g_autofree char *code = NULL;
      char currency[4] = "";
      gint64 cents;

      if (!is (bal, "Bal"))
        continue;
      code = text_of (bal, "Tp/CdOrPrtry/Cd");
      if (code == NULL)
        code = text_of (bal, "Tp/CdOrPrtry/Prtry");
      if (code == NULL || !amount_of (reading, bal, &cents, currency))
        continue;
      if ((strcmp (code, "OPBD") == 0 ||
           (strcmp (code, "PRCD") == 0 && !statement->has_opening_balance)))
        {
          statement->has_opening_balance = TRUE;
          statement->opening_balance = cents;
        }
      else if (strcmp (code, "CLBD") == 0)
        {
          statement->has_closing_balance = TRUE;
          statement->closing_balance = cents;
        }
    }
}

FacturesBankFile *
factures_bank_read_camt (const char *path,
                         GCancellable *cancellable,
                         FacturesBankProgress progress,
                         gpointer progress_data,
                         GError **error)
{
  g_autofree char *name = factures_bank_display_name (path);
  FacturesBankFile *file = NULL;
  Reading reading = { 0 };
  xmlDoc *doc;
  xmlNode *root, *message;
  const char *ns;
  char kind[4] = "";
  guint version = 0;
  guint64 size = 0;
  guint n_entries = 0, done = 0;
  struct stat st;

  if (g_stat (path, &st) == 0)
    size = st.st_size;

  /* No network, no entity substitution, libxml2's default limits (no XML_PARSE_HUGE). */
  /* No network, no entity substitution, libxml2's default limits (no XML_PARSE_HUGE). */
  doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      const xmlError *xml_error = xmlGetLastError ();

      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s, line %d: the XML cannot be read; the file is truncated or damaged"),
                   name, xml_error != NULL ? xml_error->line : 0);
      return NULL;
    }
  if (progress != NULL)
    progress (size / 2, size, progress_data);

  root = xmlDocGetRootElement (doc);
  ns = root != NULL && root->ns != NULL ? (const char *) root->ns->href : "";
  if (!is (root, "Document") || !g_str_has_prefix (ns, CAMT_NS_PREFIX) ||
      sscanf (ns + strlen (CAMT_NS_PREFIX), "%3[0-9].001.%u", kind, &version) != 2)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s: not an ISO 20022 camt message (Document in the namespace %s…)"), name,
                   CAMT_NS_PREFIX);
      goto out;
    }
  if (strcmp (kind, "054") == 0)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s: this is a camt.054 debit/credit notification, not an account "
                     "statement; import the camt.053 statement that books these movements"),
                   name);
      goto out;
    }
  if (strcmp (kind, "053") != 0)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s: this is a camt.%s message, not a camt.053 account statement"), name,
                   kind);
      goto out;
    }
  if (version < 2 || version > 13)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s: camt.053 version %03u is not supported (versions 002 to 013 are)"), name,
                   version);
      goto out;
    }
  message = child (root, "BkToCstmrStmt");
  if (message == NULL || child (message, "Stmt") == NULL)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s, line %u: the message holds no statement (BkToCstmrStmt/Stmt)"), name,
                   message != NULL ? (guint) xmlGetLineNo (message) : 1);
      goto out;
    }

  for (xmlNode *stmt = message->children; stmt != NULL; stmt = stmt->next)
    if (is (stmt, "Stmt"))
      for (xmlNode *entry = stmt->children; entry != NULL; entry = entry->next)
        if (is (entry, "Ntry"))
          n_entries++;

  file = factures_bank_file_new (FACTURES_BANK_FORMAT_CAMT053);
  reading.name = name;
  reading.file = file;
  for (xmlNode *stmt = message->children; stmt != NULL; stmt = stmt->next)
    {
      FacturesBankStatement *statement;
      g_autofree char *account = NULL;
      g_autofree char *currency = NULL;

      if (!is (stmt, "Stmt"))
        continue;
      statement = factures_bank_statement_new (FACTURES_BANK_FORMAT_CAMT053);
      g_ptr_array_add (file->statements, statement);

      account = text_of (stmt, "Acct/Id/IBAN");
      if (account == NULL)
        account = text_of (stmt, "Acct/Id/Othr/Id");
      if (account != NULL)
        {
          g_free (statement->account);
          statement->account = g_steal_pointer (&account);
        }
      else
        factures_bank_file_warn (file, _("%s, line %u: the statement gives no account (Acct/Id)"),
                                 name, (guint) xmlGetLineNo (stmt));
      currency = text_of (stmt, "Acct/Ccy");
      if (currency != NULL && strlen (currency) == 3)
        for (int i = 0; i < 3; i++)
          statement->currency[i] = g_ascii_toupper (currency[i]);
      else
        {
          /* No Acct/Ccy: the currency of the balances, else of the first entry. */
          xmlNode *bal = child (stmt, "Bal");
          xmlNode *entry = child (stmt, "Ntry");
          xmlNode *amt = child (bal != NULL ? bal : entry, "Amt");
          xmlChar *ccy = amt != NULL ? xmlGetProp (amt, (const xmlChar *) "Ccy") : NULL;

          if (ccy != NULL && strlen ((const char *) ccy) == 3)
            for (int i = 0; i < 3; i++)
              statement->currency[i] = g_ascii_toupper (ccy[i]);
          else
            {
              memcpy (statement->currency, "XXX", 4);
              factures_bank_file_warn (file,
                                       _("%s, line %u: the statement gives no currency (Ccy)"),
                                       name, (guint) xmlGetLineNo (stmt));
            }
          xmlFree (ccy);
        }
      if (!date_of (path_of (stmt, "FrToDt/FrDtTm"), &statement->start_date))
        date_of (path_of (stmt, "FrToDt/FrDt"), &statement->start_date);
      if (!date_of (path_of (stmt, "FrToDt/ToDtTm"), &statement->end_date))
        date_of (path_of (stmt, "FrToDt/ToDt"), &statement->end_date);
      read_balances (&reading, statement, stmt);

      for (xmlNode *entry = stmt->children; entry != NULL; entry = entry->next)
        {
          if (!is (entry, "Ntry"))
            continue;
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              g_clear_pointer (&file, factures_bank_file_free);
              goto out;
            }
          read_entry (&reading, statement, entry, statement->transactions);
          done++;
          if (progress != NULL && (done % 1024) == 0)
            progress (size / 2 + size / 2 * done / MAX (n_entries, 1), size, progress_data);
        }
      if (statement->transactions->len == 0)
        factures_bank_file_warn (file, _("%s, account %s: the statement has no movement"), name,
                                 statement->account[0] != '\0' ? statement->account : "?");
    }
  if (progress != NULL)
    progress (size, size, progress_data);

out:
  xmlFreeDoc (doc);
  return file;
}
