/* factures-bank-match.c — which invoices a bank movement pays, and why
 * (see factures-bank-match.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-bank-match.h"
#include "factures-currency.h"
#include "factures-bank-statement.h"

/* A credit at most this far below a balance is the balance less a bank fee… */
#define MAX_FEE_CENTS 1500
/* …and at most this part of it (basis points). */
#define MAX_FEE_BP    500
/* Open invoices of one client tried together for a transfer paying several. */
#define MAX_SUM_INVOICES 12
#define MAX_SUGGESTIONS  5

void
factures_bank_suggestion_free (FacturesBankSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->client_name);
  g_array_unref (suggestion->allocations);
  g_free (suggestion->numbers);
  g_free (suggestion->reason);
  g_free (suggestion->currency);
  g_free (suggestion);
}

void
factures_bank_match_free (FacturesBankMatch *match)
{
  if (match == NULL)
    return;
  factures_bank_entry_free (match->entry);
  factures_bank_suggestion_free (match->best);
  g_free (match);
}

const char *
factures_bank_confidence_label (FacturesBankConfidence confidence)
{
  switch (confidence)
    {
    case FACTURES_BANK_CONFIDENCE_SURE:
      return _("Sure");
    case FACTURES_BANK_CONFIDENCE_LIKELY:
      return _("Likely");
    case FACTURES_BANK_CONFIDENCE_POSSIBLE:
      return _("Possible");
    case FACTURES_BANK_CONFIDENCE_NONE:
    default:
      return _("None");
    }
}

FacturesPaymentMethod
factures_bank_method_for_kind (gint kind)
{
  switch (kind)
    {
    case FACTURES_BANK_KIND_TRANSFER:
      return FACTURES_PAYMENT_METHOD_TRANSFER;
    case FACTURES_BANK_KIND_DIRECT_DEBIT:
      return FACTURES_PAYMENT_METHOD_DIRECT_DEBIT;
    case FACTURES_BANK_KIND_CARD:
      return FACTURES_PAYMENT_METHOD_CARD;
    case FACTURES_BANK_KIND_CHEQUE:
      return FACTURES_PAYMENT_METHOD_CHEQUE;
    case FACTURES_BANK_KIND_CASH:
      return FACTURES_PAYMENT_METHOD_CASH;
    default:
      return FACTURES_PAYMENT_METHOD_OTHER;
    }
}

/* ---- text ---- */

/* Lower-case ASCII words separated by single spaces, with a space at both ends (" vir sepa
 * dupont "), so that strstr (" word ") finds whole words. */
static char *
fold_words (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", "C");
  GString *out = g_string_new (" ");

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  if (out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

/* Letters and digits only, lower case: "F2026-0003" → "f20260003". */
static char *
squash (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

static char *
digits_only (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* @needle in @haystack not followed by a digit (nor preceded by one when @digit_bounded). */
static gboolean
find_bounded (const char *haystack,
              const char *needle,
              gboolean    digit_bounded)
{
  gsize n = strlen (needle);

  if (n == 0)
    return FALSE;
  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    {
      if (g_ascii_isdigit (p[n]))
        continue;
      if (digit_bounded && p > haystack && g_ascii_isdigit (p[-1]))
        continue;
      return TRUE;
    }
  return FALSE;
}

/* The movement's text as the matcher reads it. */
typedef struct {
  char *words;     /* fold_words of label, reference, counterparty */
  char *squashed;  /* squash of the same, each part apart: "label|reference|counterparty" */
  char *digits;    /* digits of the same, parts apart by '|' */
} Text;

static void
text_init (Text                    *text,
           const FacturesBankEntry *entry)
{
  g_autofree char *all = g_strjoin (" ", entry->label != NULL ? entry->label : "",
                                    entry->reference != NULL ? entry->reference : "",
                                    entry->counterparty != NULL ? entry->counterparty : "", NULL);
  const char *parts[] = { entry->label, entry->reference, entry->counterparty };
  GString *squashed = g_string_new (NULL);
  GString *digits = g_string_new (NULL);

  text->words = fold_words (all);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *s = squash (parts[i]);
      g_autoptr(GString) d = g_string_new (NULL);

      g_string_append (squashed, s);
      g_string_append_c (squashed, '|');
      /* digit runs kept apart by '|' so that "F 2026 0003" still reads 20260003 while two
       * numbers far apart do not join */
      for (const char *p = parts[i] != NULL ? parts[i] : ""; *p != '\0'; p++)
        {
          if (g_ascii_isdigit (*p))
            g_string_append_c (d, *p);
          else if (*p != ' ' && *p != '-' && *p != '/' && *p != '.' && d->len > 0 && d->str[d->len - 1] != '|')
            g_string_append_c (d, '|');
        }
      g_string_append (digits, d->str);
      g_string_append_c (digits, '|');
    }
  text->squashed = g_string_free (squashed, FALSE);
  text->digits = g_string_free (digits, FALSE);
}

static void
text_clear (Text *text)
{
  g_free (text->words);
  g_free (text->squashed);
  g_free (text->digits);
}

/* The document number in the text: whole ("F2026-0003", whatever the separators), or its
 * digits when they are enough to tell it (5 or more: "2026-0003" for "F2026-0003"). */
static gboolean
number_in_text (const Text *text,
                const char *number)
{
  g_autofree char *s = squash (number);
  g_autofree char *d = digits_only (number);

  if (strlen (s) >= 3 && strpbrk (s, "0123456789") != NULL && find_bounded (text->squashed, s, FALSE))
    return TRUE;
  return strlen (d) >= 5 && find_bounded (text->digits, d, TRUE);
}

static const char * const name_stop_words[] = {
  "sarl", "sas", "sasu", "eurl", "sa", "sci", "snc", "scop", "selarl", "ets", "etablissements",
  "societe", "ste", "cie", "et", "de", "des", "du", "la", "le", "les", "mme", "mr", "m", "monsieur",
  "madame", "the", "and", "ltd", "gmbh", "inc", "ei", "eirl",
};

/* Every significant word of the client's name (3 letters or more, no legal form) in the text,
 * whole or as its initial ("VIR M MUSTERMANN" for Max Mustermann), one at least whole. */
static gboolean
name_in_text (const Text *text,
              const char *name)
{
  g_autofree char *folded = fold_words (name);
  g_auto(GStrv) words = g_strsplit (g_strstrip (folded), " ", -1);
  guint significant = 0, whole = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *needle = NULL;
      gboolean stop = strlen (words[i]) < 3;

      for (guint s = 0; !stop && s < G_N_ELEMENTS (name_stop_words); s++)
        stop = strcmp (words[i], name_stop_words[s]) == 0;
      if (stop)
        continue;
      significant++;
      needle = g_strdup_printf (" %s ", words[i]);
      if (strstr (text->words, needle) != NULL)
        {
          whole++;
          continue;
        }
      needle[2] = ' ';
      needle[3] = '\0';
      if (!g_ascii_isalpha (words[i][0]) || strstr (text->words, needle) == NULL)
        return FALSE;
    }
  return significant > 0 && whole > 0;
}

/* ---- candidates ---- */

typedef enum {
  FIT_EXACT,
  FIT_INSTALMENT,
  FIT_SUM,
  FIT_FEE,
  FIT_PARTIAL,
  FIT_OVER,
  FIT_REFUND,
  FIT_FOREIGN,   /* issue 13 item 4: an invoice in another currency, the movement its EUR amount */
} Fit;

static gint
fit_score (Fit fit)
{
  switch (fit)
    {
    case FIT_EXACT:      return 40;
    case FIT_INSTALMENT: return 35;
    case FIT_SUM:        return 35;
    case FIT_REFUND:     return 40;
    case FIT_FOREIGN:    return 30;
    case FIT_FEE:        return 25;
    case FIT_PARTIAL:
    case FIT_OVER:
    default:             return 10;
    }
}

static gboolean
is_fee (gint64 balance,
        gint64 amount)
{
  gint64 gap = balance - amount;

  return gap > 0 && gap <= MAX_FEE_CENTS && gap * 10000 <= balance * MAX_FEE_BP;
}

/* Builds a suggestion paying @docs (FacturesBankOpenDocument*, one client) with @fit. */
static FacturesBankSuggestion *
suggestion_new (const FacturesBankEntry  *entry,
                GPtrArray                *docs,
                Fit                       fit,
                guint                     n_numbers,
                gboolean                  name)
{
  FacturesBankSuggestion *s = g_new0 (FacturesBankSuggestion, 1);
  const FacturesBankOpenDocument *first = g_ptr_array_index (docs, 0);
  g_autoptr(GString) numbers = g_string_new (NULL);
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  gint64 amount = entry->amount < 0 ? -entry->amount : entry->amount;
  gint64 total = 0;
  gboolean before_issue = FALSE;

  s->transaction_id = entry->id;
  s->refund = fit == FIT_REFUND;
  s->client_id = first->client_id;
  s->client_name = g_strdup (first->client_name);
  s->allocations = g_array_new (FALSE, TRUE, sizeof (FacturesAllocation));
  for (guint i = 0; i < docs->len; i++)
    {
      const FacturesBankOpenDocument *doc = g_ptr_array_index (docs, i);
      FacturesAllocation a = { doc->document_id, doc->balance };

      if (fit == FIT_PARTIAL || fit == FIT_INSTALMENT || fit == FIT_EXACT || fit == FIT_REFUND)
        a.amount = amount;
      g_array_append_val (s->allocations, a);
      total += doc->balance;
      if (numbers->len > 0)
        g_string_append (numbers, ", ");
      g_string_append (numbers, doc->number);
      if (g_date_valid (&doc->issue_date) && g_date_compare (&entry->booking_date, &doc->issue_date) < 0)
        before_issue = TRUE;
    }
  s->numbers = g_strdup (numbers->str);
  s->amount = amount;
  if (fit == FIT_FOREIGN)
    {
      /* the invoice's balance in its currency; the movement is the euros the bank credited */
      s->currency = g_strdup (first->currency);
      s->amount = total;
      s->eur_amount = amount;
    }
  if (fit == FIT_FEE)
    {
      s->fee = total - amount;
      s->amount = total;
    }
  if (fit == FIT_OVER)
    s->excess = amount - total;

  /* Why, in the order the user checks it. */
  if (n_numbers > 0 && docs->len == 1)
    g_ptr_array_add (reasons, g_strdup_printf (s->refund ? _("credit note number %s in the label or reference")
                                                         : _("invoice number %s in the label or reference"),
                                               first->number));
  else if (n_numbers > 0)
    g_ptr_array_add (reasons, g_strdup_printf (_("%u of the invoice numbers in the label or reference"), n_numbers));
  if (name)
    g_ptr_array_add (reasons, g_strdup_printf (_("client name “%s” in the label"), first->client_name));
  switch (fit)
    {
    case FIT_EXACT:
      g_ptr_array_add (reasons, g_strdup (_("exact amount due")));
      break;
    case FIT_INSTALMENT:
      g_ptr_array_add (reasons, g_strdup (_("amount of the next instalment")));
      break;
    case FIT_SUM:
      g_ptr_array_add (reasons, g_strdup_printf (_("sum of %u invoices of the client"), docs->len));
      break;
    case FIT_FEE:
      {
        g_autofree char *fee = factures_money_format (s->fee);

        g_ptr_array_add (reasons, g_strdup_printf (_("%s below the amount due: bank fee withheld, paid in full"), fee));
      }
      break;
    case FIT_PARTIAL:
      {
        g_autofree char *left = factures_money_format (total - amount);

        g_ptr_array_add (reasons, g_strdup_printf (_("partial payment, %s left to pay"), left));
      }
      break;
    case FIT_OVER:
      {
        g_autofree char *excess = factures_money_format (s->excess);

        g_ptr_array_add (reasons, g_strdup_printf (_("%s more than the amount due, kept as the client’s credit"), excess));
      }
      break;
    case FIT_REFUND:
      g_ptr_array_add (reasons, g_strdup (_("amount to refund on the credit note")));
      break;
    case FIT_FOREIGN:
      {
        g_autofree char *balance = factures_currency_format (total, first->currency);
        g_autofree char *credited = factures_money_format (amount);

        /* Translators: "invoice in GBP: its balance of 1 000,00 GBP paid, 1 150,00 € credited" */
        g_ptr_array_add (reasons, g_strdup_printf (_("invoice in %s: its balance of %s paid, %s credited"),
                                                   first->currency, balance, credited));
      }
      break;
    default:
      break;
    }
  if (n_numbers == 0 && !name)
    g_ptr_array_add (reasons, g_strdup (_("the amount only: no number or name in the label")));
  if (before_issue)
    g_ptr_array_add (reasons, g_strdup (_("dated before the issue")));
  g_ptr_array_add (reasons, NULL);
  {
    g_autofree char *joined = g_strjoinv (", ", (char **) reasons->pdata);

    /* Capitalised first letter: the reason reads as a sentence. */
    s->reason = g_strconcat (joined, ".", NULL);
    if (g_ascii_islower (s->reason[0]))
      s->reason[0] = g_ascii_toupper (s->reason[0]);
  }

  s->score = fit_score (fit) + (n_numbers > 0 ? 50 : 0) + (name ? 25 : 0) - (before_issue ? 40 : 0);
  if (fit == FIT_EXACT && docs->len == 1 && n_numbers > 0 && !before_issue && !s->refund)
    s->confidence = FACTURES_BANK_CONFIDENCE_SURE;
  else if ((n_numbers > 0 || name) && fit != FIT_PARTIAL && fit != FIT_OVER && !before_issue)
    s->confidence = FACTURES_BANK_CONFIDENCE_LIKELY;
  else
    s->confidence = FACTURES_BANK_CONFIDENCE_POSSIBLE;
  if (s->confidence == FACTURES_BANK_CONFIDENCE_SURE)
    s->score += 100;
  return s;
}

static gint
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const FacturesBankSuggestion *sa = *(FacturesBankSuggestion * const *) a;
  const FacturesBankSuggestion *sb = *(FacturesBankSuggestion * const *) b;
  gint64 da = g_array_index (sa->allocations, FacturesAllocation, 0).document_id;
  gint64 db = g_array_index (sb->allocations, FacturesAllocation, 0).document_id;

  if (sa->score != sb->score)
    return sb->score - sa->score;
  if (sa->allocations->len != sb->allocations->len)
    return (gint) sa->allocations->len - (gint) sb->allocations->len;
  return da < db ? -1 : da > db;
}

static GPtrArray *
one_doc (const FacturesBankOpenDocument *doc)
{
  GPtrArray *docs = g_ptr_array_new ();

  g_ptr_array_add (docs, (gpointer) doc);
  return docs;
}

/* Several open invoices of one client whose balances add up to @amount (or to @amount plus a
 * fee): the fewest, then the oldest. */
static void
add_sums (const FacturesBankEntry *entry,
          GPtrArray               *client_docs,
          const Text              *text,
          gboolean                 name,
          GPtrArray               *out)
{
  guint n = MIN (client_docs->len, MAX_SUM_INVOICES);
  guint best_mask = 0, best_count = G_MAXUINT;
  gboolean best_fee = TRUE;

  if (n < 2)
    return;
  for (guint mask = 1; mask < (1u << n); mask++)
    {
      guint count = (guint) __builtin_popcount (mask);
      gint64 sum = 0;
      gboolean fee;

      if (count < 2)
        continue;
      for (guint i = 0; i < n; i++)
        if (mask & (1u << i))
          sum += ((const FacturesBankOpenDocument *) g_ptr_array_index (client_docs, i))->balance;
      if (sum != entry->amount && !is_fee (sum, entry->amount))
        continue;
      fee = sum != entry->amount;
      /* exact before fee, then fewest invoices, then oldest (lowest mask bits) */
      if ((best_fee && !fee) || (fee == best_fee && count < best_count))
        {
          best_mask = mask;
          best_count = count;
          best_fee = fee;
        }
    }
  if (best_mask != 0)
    {
      g_autoptr(GPtrArray) docs = g_ptr_array_new ();
      guint n_numbers = 0;

      for (guint i = 0; i < n; i++)
        if (best_mask & (1u << i))
          {
            const FacturesBankOpenDocument *doc = g_ptr_array_index (client_docs, i);

            g_ptr_array_add (docs, (gpointer) doc);
            if (number_in_text (text, doc->number))
              n_numbers++;
          }
      g_ptr_array_add (out, suggestion_new (entry, docs, best_fee ? FIT_FEE : FIT_SUM, n_numbers, name));
    }
}

GPtrArray *
factures_bank_match_entry (const FacturesBankEntry *entry,
                           GPtrArray               *documents)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_bank_suggestion_free);
  g_autoptr(GHashTable) name_cache = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) identified = g_hash_table_new (g_int64_hash, g_int64_equal);  /* client id → GPtrArray */
  g_autoptr(GPtrArray) client_lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  gboolean credit = entry->amount > 0;
  Text text;

  g_return_val_if_fail (entry != NULL && documents != NULL, NULL);

  if (entry->amount == 0)
    return g_steal_pointer (&out);
  text_init (&text, entry);

  for (guint i = 0; i < documents->len; i++)
    {
      const FacturesBankOpenDocument *doc = g_ptr_array_index (documents, i);
      gboolean is_credit_note = doc->kind == FACTURES_DOCUMENT_KIND_CREDIT_NOTE;
      gboolean number, name;
      gpointer cached;
      g_autoptr(GPtrArray) docs = NULL;
      Fit fit;

      if (is_credit_note == credit)
        continue;
      /* the client's name, once per client */
      if (g_hash_table_lookup_extended (name_cache, &doc->client_id, NULL, &cached))
        name = GPOINTER_TO_INT (cached) != 0;
      else
        {
          name = name_in_text (&text, doc->client_name);
          g_hash_table_insert (name_cache, (gpointer) &doc->client_id, GINT_TO_POINTER (name ? 1 : 0));
        }
      number = number_in_text (&text, doc->number);

      if (!credit)
        {
          /* A debit: the refund of a credit note of that exact amount (in euros). */
          if (doc->currency == NULL && doc->balance == -entry->amount)
            {
              docs = one_doc (doc);
              g_ptr_array_add (out, suggestion_new (entry, docs, FIT_REFUND, number ? 1 : 0, name));
            }
          continue;
        }

      if (number || name)
        {
          GPtrArray *list = g_hash_table_lookup (identified, &doc->client_id);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_ptr_array_add (client_lists, list);
              g_hash_table_insert (identified, (gpointer) &doc->client_id, list);
            }
        }

      /* Issue 13 item 4: an invoice in another currency has a balance that no euro amount can
       * be compared with: only its number or its client's name proposes it, paid in full in its
       * currency with the movement as the EUR amount; never sure (the user checks the amount). */
      if (doc->currency != NULL)
        {
          if (!number && !name)
            continue;
          docs = one_doc (doc);
          g_ptr_array_add (out, suggestion_new (entry, docs, FIT_FOREIGN, number ? 1 : 0, name));
          continue;
        }

      if (doc->balance == entry->amount)
        fit = FIT_EXACT;
      else if (doc->next_instalment == entry->amount)
        fit = FIT_INSTALMENT;
      else if (!number && !name)
        continue;
      else if (is_fee (doc->balance, entry->amount))
        fit = FIT_FEE;
      else if (entry->amount < doc->balance)
        fit = FIT_PARTIAL;
      else if (number)
        fit = FIT_OVER;
      else
        continue;   /* more than this invoice and only the name: maybe several (below) */
      docs = one_doc (doc);
      g_ptr_array_add (out, suggestion_new (entry, docs, fit, number ? 1 : 0, name));
    }

  /* Several invoices of a client the text names (or one of whose numbers it gives). */
  if (credit && g_hash_table_size (identified) > 0)
    {
      GHashTableIter iter;
      gpointer key, value;

      for (guint i = 0; i < documents->len; i++)
        {
          const FacturesBankOpenDocument *doc = g_ptr_array_index (documents, i);
          GPtrArray *list = g_hash_table_lookup (identified, &doc->client_id);

          if (list != NULL && doc->kind != FACTURES_DOCUMENT_KIND_CREDIT_NOTE && doc->currency == NULL)
            g_ptr_array_add (list, (gpointer) doc);
        }
      g_hash_table_iter_init (&iter, identified);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          GPtrArray *list = value;
          gpointer cached = g_hash_table_lookup (name_cache, key);

          add_sums (entry, list, &text, GPOINTER_TO_INT (cached) != 0, out);
        }
    }
  text_clear (&text);

  g_ptr_array_sort (out, compare_suggestions);
  /* Two equally good answers: neither is sure. */
  if (out->len > 1)
    {
      FacturesBankSuggestion *a = g_ptr_array_index (out, 0);
      FacturesBankSuggestion *b = g_ptr_array_index (out, 1);

      if (a->confidence == FACTURES_BANK_CONFIDENCE_SURE && b->confidence == FACTURES_BANK_CONFIDENCE_SURE)
        {
          a->confidence = b->confidence = FACTURES_BANK_CONFIDENCE_LIKELY;
          a->score -= 100;
          b->score -= 100;
        }
    }
  if (out->len > MAX_SUGGESTIONS)
    g_ptr_array_set_size (out, MAX_SUGGESTIONS);
  return g_steal_pointer (&out);
}

GPtrArray *
factures_bank_match_pending (FacturesStore  *store,
                             GError        **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_bank_match_free);

  entries = factures_store_bank_list (store, FACTURES_BANK_LIST_UNDECIDED, FALSE, error);
  if (entries == NULL)
    return NULL;
  documents = factures_store_bank_open_documents (store, error);
  if (documents == NULL)
    return NULL;
  for (guint i = 0; i < entries->len; i++)
    {
      FacturesBankEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GPtrArray) suggestions = factures_bank_match_entry (entry, documents);
      FacturesBankMatch *match;

      if (entry->amount < 0 && suggestions->len == 0)
        continue;
      match = g_new0 (FacturesBankMatch, 1);
      match->entry = g_steal_pointer (&entries->pdata[i]);
      if (suggestions->len > 0)
        match->best = g_ptr_array_steal_index (suggestions, 0);
      g_ptr_array_add (out, match);
    }
  return g_steal_pointer (&out);
}

/* ---- confirming ---- */

/* A movement of kind "other" (CSV rarely says): the French label's usual prefixes. */
static FacturesPaymentMethod
method_of_entry (const FacturesBankEntry *entry)
{
  g_autofree char *words = NULL;

  if (entry->kind != FACTURES_BANK_KIND_OTHER)
    return factures_bank_method_for_kind (entry->kind);
  words = fold_words (entry->label);
  if (g_str_has_prefix (words, " vir ") || strstr (words, " virement ") != NULL)
    return FACTURES_PAYMENT_METHOD_TRANSFER;
  if (g_str_has_prefix (words, " prlv ") || strstr (words, " prelevement ") != NULL)
    return FACTURES_PAYMENT_METHOD_DIRECT_DEBIT;
  if (g_str_has_prefix (words, " cb ") || g_str_has_prefix (words, " carte "))
    return FACTURES_PAYMENT_METHOD_CARD;
  if (strstr (words, " chq ") != NULL || strstr (words, " cheque ") != NULL || strstr (words, " cheques ") != NULL)
    return FACTURES_PAYMENT_METHOD_CHEQUE;
  return FACTURES_PAYMENT_METHOD_OTHER;
}

/* At most FACTURES_MAX_SHORT characters of @text. */
static char *
short_text (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;
  if (g_utf8_strlen (text, -1) <= FACTURES_MAX_SHORT)
    return g_strdup (text);
  return g_utf8_substring (text, 0, FACTURES_MAX_SHORT);
}

gboolean
factures_bank_confirm (FacturesStore                 *store,
                       const FacturesBankEntry       *entry,
                       const FacturesBankSuggestion  *suggestion,
                       GPtrArray                    **out_warnings,
                       GError                       **error)
{
  g_autoptr(FacturesPayment) payment = NULL;
  FacturesPaymentMethod method;

  g_return_val_if_fail (FACTURES_IS_STORE (store), FALSE);
  g_return_val_if_fail (entry != NULL && suggestion != NULL, FALSE);

  method = method_of_entry (entry);
  if (suggestion->refund)
    return factures_store_bank_confirm_refund (store, entry->id,
                                               g_array_index (suggestion->allocations, FacturesAllocation, 0).document_id,
                                               method, error);

  payment = factures_payment_new ();
  payment->date = entry->booking_date;
  payment->amount = suggestion->amount;
  payment->eur_amount = suggestion->eur_amount;   /* issue 13 item 4; 0 in euros */
  payment->method = method;
  payment->reference = short_text (entry->reference != NULL ? entry->reference : entry->label);
  if (method == FACTURES_PAYMENT_METHOD_CHEQUE && payment->reference == NULL)
    payment->reference = g_strdup ("remise de chèques");
  if (suggestion->fee > 0)
    {
      g_autofree char *fee = factures_money_format (suggestion->fee);

      /* French whatever the interface language: the note stays with the payment. */
      payment->notes = g_strdup_printf ("Frais bancaires retenus : %s (reçu %s)", fee,
                                        entry->label != NULL ? entry->label : "");
      g_strdelimit (payment->notes, "\n", ' ');
      if (g_utf8_strlen (payment->notes, -1) > FACTURES_MAX_SHORT)
        {
          char *cut = g_utf8_substring (payment->notes, 0, FACTURES_MAX_SHORT);

          g_free (payment->notes);
          payment->notes = cut;
        }
    }
  for (guint i = 0; i < suggestion->allocations->len; i++)
    {
      const FacturesAllocation *a = &g_array_index (suggestion->allocations, FacturesAllocation, i);

      factures_payment_add_allocation (payment, a->document_id, a->amount);
    }
  return factures_store_bank_confirm_payment (store, entry->id, payment, suggestion->fee,
                                              suggestion->excess > 0 ? FACTURES_OVERPAYMENT_KEEP_CREDIT
                                                                     : FACTURES_OVERPAYMENT_REFUSE,
                                              out_warnings, error);
}

/**
 * factures_bank_confirm_in_currency:
 * @entry: the movement (a credit, in euros)
 * @suggestion: one of its suggestions paying one invoice in another currency (@eur_amount > 0)
 * @amount: what the client paid, in the invoice's currency (cents > 0): its balance, or less for
 *   a part payment the user states
 * @out_warnings: (out) (optional) (transfer full) (element-type utf8): the payment's warnings
 *
 * Issue 13 item 4: records @amount on the invoice, in its currency, with the movement's amount
 * as the payment's EUR amount (the euros the bank credited, for the livre des recettes), through
 * factures_store_bank_confirm_payment(). FACTURES_ERROR_INVALID in French: a suggestion in euros
 * or over several invoices, an amount ≤ 0; the payment's own refusals (an amount over the
 * balance is refused: the excess of a payment in another currency is not kept as credit).
 */
gboolean
factures_bank_confirm_in_currency (FacturesStore                 *store,
                                   const FacturesBankEntry       *entry,
                                   const FacturesBankSuggestion  *suggestion,
                                   gint64                         amount,
                                   GPtrArray                    **out_warnings,
                                   GError                       **error)
{
  FacturesBankSuggestion copy;
  g_autoptr(GArray) allocations = NULL;
  FacturesAllocation a;

  g_return_val_if_fail (entry != NULL && suggestion != NULL, FALSE);

  if (suggestion->eur_amount <= 0 || suggestion->currency == NULL || suggestion->allocations->len != 1)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Amount: this movement does not pay one invoice in another currency than the euro."));
      return FALSE;
    }
  if (amount <= 0)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Amount: the amount paid in %s must be greater than zero."), suggestion->currency);
      return FALSE;
    }
  a = g_array_index (suggestion->allocations, FacturesAllocation, 0);
  a.amount = amount;
  allocations = g_array_new (FALSE, TRUE, sizeof (FacturesAllocation));
  g_array_append_val (allocations, a);
  copy = *suggestion;
  copy.allocations = allocations;
  copy.amount = amount;
  copy.excess = 0;
  copy.fee = 0;
  return factures_bank_confirm (store, entry, &copy, out_warnings, error);
}
