/* test-bank-match.c — the matcher's table: which invoices a movement pays, and why
 *
 * Cases of issue 16: exact amount with the number, several invoices of one client, partial,
 * over, bank fee withheld, number in the label, name only, the amount only, nothing; the
 * refund of a credit note; "sure" kept for the one definition.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bank-test-util.h"
#include "factures-bank-match.h"
#include "factures-bank-statement.h"

typedef struct {
  const char            *label;
  const char            *counterparty;
  gint64                 amount;
  FacturesBankConfidence confidence;     /* of the best suggestion; NONE = nothing proposed */
  const char            *numbers;        /* the invoices it pays: "A", "B+C"… (letters below) */
  gint64                 fee;
  gint64                 excess;
  const char            *reason_has;     /* a word of the (English, untranslated) reason */
} Case;

/* Invoices: A Dupont 1 200,00 ; B Martin 300,00 ; C Martin 450,00 ; D Leroy 800,00 ;
 * E Leroy 800,00 (two of the same amount: the amount alone proposes, never sure). */
static const Case cases[] = {
  /* exact, number in the label: sure */
  { "VIR SEPA DUPONT CONSEIL FACT %A", NULL, 120000, FACTURES_BANK_CONFIDENCE_SURE, "A", 0, 0, "exact" },
  /* the number written differently ("2026 0001" for "F2026-0001") */
  { "VIREMENT FACTURE %a", "DUPONT CONSEIL", 120000, FACTURES_BANK_CONFIDENCE_SURE, "A", 0, 0, "number" },
  /* several invoices of one client, named */
  { "VIR SEPA MARTIN", "MARTIN ET FILS", 75000, FACTURES_BANK_CONFIDENCE_LIKELY, "B+C", 0, 0, "sum of 2" },
  /* partial payment with the number */
  { "VIR DUPONT CONSEIL %A ACOMPTE", NULL, 50000, FACTURES_BANK_CONFIDENCE_POSSIBLE, "A", 0, 0, "partial" },
  /* overpayment with the number: the excess kept as credit */
  { "VIR %A", NULL, 125000, FACTURES_BANK_CONFIDENCE_POSSIBLE, "A", 0, 5000, "credit" },
  /* a bank fee withheld (a foreign transfer): proposed as the full payment */
  { "VIR INTERNATIONAL DUPONT CONSEIL", NULL, 119650, FACTURES_BANK_CONFIDENCE_LIKELY, "A", 350, 0, "fee" },
  /* the name only, exact amount: likely, not sure */
  { "VIR SEPA DUPONT CONSEIL", NULL, 120000, FACTURES_BANK_CONFIDENCE_LIKELY, "A", 0, 0, "name" },
  /* the amount only, one invoice of that amount */
  { "VIR SEPA CLIENT", NULL, 30000, FACTURES_BANK_CONFIDENCE_POSSIBLE, "B", 0, 0, "amount only" },
  /* two invoices of the same amount: the number decides */
  { "VIR SEPA LEROY %E", NULL, 80000, FACTURES_BANK_CONFIDENCE_SURE, "E", 0, 0, "exact" },
  /* …and without it, the oldest is proposed, never sure */
  { "VIR SEPA LB", NULL, 80000, FACTURES_BANK_CONFIDENCE_POSSIBLE, "D", 0, 0, "amount only" },
  /* nothing fits */
  { "VIR SEPA INCONNU", NULL, 7777, FACTURES_BANK_CONFIDENCE_NONE, NULL, 0, 0, NULL },
};

typedef struct {
  BankFixture  f;
  gint64       ids[5];
  char        *numbers[5];
} Fixture;

static void
set_up (Fixture *x, gconstpointer data)
{
  gint64 dupont, martin, leroy;

  bank_fixture_set_up (&x->f);
  dupont = bank_client (&x->f, "Dupont Conseil SARL");
  martin = bank_client (&x->f, "Martin et Fils");
  leroy = bank_client (&x->f, "Leroy Bâtiment");
  x->ids[0] = bank_invoice (&x->f, dupont, "2026-10-01", 120000, &x->numbers[0]);
  x->ids[1] = bank_invoice (&x->f, martin, "2026-10-02", 30000, &x->numbers[1]);
  x->ids[2] = bank_invoice (&x->f, martin, "2026-10-03", 45000, &x->numbers[2]);
  x->ids[3] = bank_invoice (&x->f, leroy, "2026-10-04", 80000, &x->numbers[3]);
  x->ids[4] = bank_invoice (&x->f, leroy, "2026-10-05", 80000, &x->numbers[4]);
}

static void
tear_down (Fixture *x, gconstpointer data)
{
  bank_fixture_tear_down (&x->f);
  for (guint i = 0; i < G_N_ELEMENTS (x->numbers); i++)
    g_free (x->numbers[i]);
}

/* "%A" → the number of A, "%a" → its digits with a space ("2026 0001"). */
static char *
expand (Fixture *x, const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '%' && p[1] >= 'A' && p[1] <= 'E')
        {
          g_string_append (out, x->numbers[p[1] - 'A']);
          p++;
        }
      else if (*p == '%' && p[1] >= 'a' && p[1] <= 'e')
        {
          const char *number = x->numbers[p[1] - 'a'];
          gboolean digits = FALSE;

          for (const char *n = number; *n != '\0'; n++)
            if (g_ascii_isdigit (*n))
              {
                g_string_append_c (out, *n);
                digits = TRUE;
              }
            else if (digits)
              g_string_append_c (out, ' ');
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
test_table (Fixture *x, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = g_strdup_printf ("T%u", i);
      g_autofree char *label = expand (x, cases[i].label);

      g_ptr_array_add (entries, bank_entry (id, "2026-11-10", cases[i].amount, label, cases[i].counterparty,
                                            FACTURES_BANK_KIND_TRANSFER));
    }
  stored = bank_import_entries (&x->f, g_steal_pointer (&entries));
  g_assert_cmpuint (stored->len, ==, G_N_ELEMENTS (cases));
  documents = factures_store_bank_open_documents (x->f.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 5);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      const FacturesBankEntry *entry = g_ptr_array_index (stored, i);
      g_autoptr(GPtrArray) suggestions = factures_bank_match_entry (entry, documents);
      const FacturesBankSuggestion *best;
      g_autoptr(GString) paid = g_string_new (NULL);

      g_test_message ("case %u: %s", i, entry->label);
      if (c->confidence == FACTURES_BANK_CONFIDENCE_NONE)
        {
          g_assert_cmpuint (suggestions->len, ==, 0);
          continue;
        }
      g_assert_cmpuint (suggestions->len, >, 0);
      best = g_ptr_array_index (suggestions, 0);
      g_test_message ("  → %s (%s)", best->reason, factures_bank_confidence_label (best->confidence));
      g_assert_cmpint (best->confidence, ==, c->confidence);
      for (guint a = 0; a < best->allocations->len; a++)
        {
          gint64 doc = g_array_index (best->allocations, FacturesAllocation, a).document_id;

          for (guint k = 0; k < G_N_ELEMENTS (x->ids); k++)
            if (x->ids[k] == doc)
              g_string_append_printf (paid, "%s%c", paid->len > 0 ? "+" : "", 'A' + k);
        }
      g_assert_cmpstr (paid->str, ==, c->numbers);
      g_assert_cmpint (best->fee, ==, c->fee);
      g_assert_cmpint (best->excess, ==, c->excess);
      g_assert_cmpint (best->amount, ==, entry->amount + c->fee);
      g_assert_nonnull (strstr (best->reason, c->reason_has));
    }
}

/* "Sure" is only the exact balance of one invoice with its number, on or after the issue. */
static void
test_sure_needs_date (Fixture *x, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *label = g_strdup_printf ("VIR %s", x->numbers[0]);
  const FacturesBankSuggestion *best;

  g_ptr_array_add (entries, bank_entry ("early", "2026-09-30", 120000, label, NULL, FACTURES_BANK_KIND_TRANSFER));
  stored = bank_import_entries (&x->f, g_steal_pointer (&entries));
  documents = factures_store_bank_open_documents (x->f.store, &error);
  g_assert_no_error (error);
  suggestions = factures_bank_match_entry (g_ptr_array_index (stored, 0), documents);
  g_assert_cmpuint (suggestions->len, >, 0);
  best = g_ptr_array_index (suggestions, 0);
  g_assert_cmpint (best->confidence, ==, FACTURES_BANK_CONFIDENCE_POSSIBLE);
  g_assert_nonnull (strstr (best->reason, "before the issue"));
}

/* A private client named by the initial of the first name ("VIR M MUSTERMANN" for Max
 * Mustermann): a credit a few euros below the invoice is proposed with the fee withheld, and a
 * smaller one as a partial payment (issue 16 item 3; the tester's "Aucune facture ouverte"). */
static void
test_initial (Fixture *x, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) fee = NULL;
  g_autoptr(GPtrArray) partial = NULL;
  g_autoptr(GPtrArray) other = NULL;
  gint64 max = bank_client (&x->f, "Max Mustermann");
  g_autofree char *number = NULL;
  gint64 invoice = bank_invoice (&x->f, max, "2026-10-06", 7200, &number);
  const FacturesBankSuggestion *best;

  g_ptr_array_add (entries, bank_entry ("m1", "2026-11-10", 7000, "VIR M MUSTERMANN", NULL, FACTURES_BANK_KIND_TRANSFER));
  g_ptr_array_add (entries, bank_entry ("m2", "2026-11-11", 3000, "VIR M MUSTERMANN", NULL, FACTURES_BANK_KIND_TRANSFER));
  /* the initial alone names nobody */
  g_ptr_array_add (entries, bank_entry ("m3", "2026-11-12", 7000, "VIR M X", NULL, FACTURES_BANK_KIND_TRANSFER));
  stored = bank_import_entries (&x->f, g_steal_pointer (&entries));
  documents = factures_store_bank_open_documents (x->f.store, &error);
  g_assert_no_error (error);

  fee = factures_bank_match_entry (g_ptr_array_index (stored, 0), documents);
  g_assert_cmpuint (fee->len, >, 0);
  best = g_ptr_array_index (fee, 0);
  g_assert_cmpuint (best->allocations->len, ==, 1);
  g_assert_cmpint (g_array_index (best->allocations, FacturesAllocation, 0).document_id, ==, invoice);
  g_assert_cmpint (best->fee, ==, 200);
  g_assert_nonnull (strstr (best->reason, "fee"));

  partial = factures_bank_match_entry (g_ptr_array_index (stored, 1), documents);
  g_assert_cmpuint (partial->len, >, 0);
  best = g_ptr_array_index (partial, 0);
  g_assert_cmpint (g_array_index (best->allocations, FacturesAllocation, 0).document_id, ==, invoice);
  g_assert_nonnull (strstr (best->reason, "partial"));

  other = factures_bank_match_entry (g_ptr_array_index (stored, 2), documents);
  for (guint i = 0; i < other->len; i++)
    {
      const FacturesBankSuggestion *s = g_ptr_array_index (other, i);

      g_assert_cmpint (g_array_index (s->allocations, FacturesAllocation, 0).document_id, !=, invoice);
    }
}

/* A debit equal to a credit note's amount to refund is proposed as its refund; confirmed, it
 * is a negative line of the livre des recettes on the booking date; undone, a positive one. */
static void
test_refund (Fixture *x, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) receipts = NULL;
  g_autoptr(FacturesDocument) credit = NULL;
  g_autoptr(FacturesPayment) payment = factures_payment_new ();
  const FacturesBankSuggestion *best;
  FacturesReceipt *line;
  GDate from, to, undo_date;
  gint64 credit_id;

  /* B is paid in full, then credited 100 € (HT = TTC in franchise): 100 € to refund. */
  g_assert_true (factures_date_parse_iso ("2026-10-20", &payment->date, NULL));
  payment->amount = 30000;
  payment->method = FACTURES_PAYMENT_METHOD_TRANSFER;
  factures_payment_add_allocation (payment, x->ids[1], 0);
  g_assert_true (factures_store_record_payment (x->f.store, payment, FACTURES_OVERPAYMENT_REFUSE, NULL, &error));
  g_assert_no_error (error);
  credit_id = factures_store_credit_note_new (x->f.store, x->ids[1], NULL, 0, 10000, &error);
  g_assert_no_error (error);
  credit = factures_store_issue (x->f.store, credit_id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (factures_store_get_refundable (x->f.store, credit_id, &error), ==, 10000);

  g_ptr_array_add (entries, bank_entry ("R1", "2026-11-15", -10000, "VIR SEPA EMIS MARTIN ET FILS REMBOURSEMENT",
                                        NULL, FACTURES_BANK_KIND_TRANSFER));
  g_ptr_array_add (entries, bank_entry ("R2", "2026-11-15", -4321, "PRLV EDF", NULL, FACTURES_BANK_KIND_DIRECT_DEBIT));
  stored = bank_import_entries (&x->f, g_steal_pointer (&entries));
  documents = factures_store_bank_open_documents (x->f.store, &error);
  g_assert_no_error (error);
  suggestions = factures_bank_match_entry (g_ptr_array_index (stored, 0), documents);
  g_assert_cmpuint (suggestions->len, ==, 1);
  best = g_ptr_array_index (suggestions, 0);
  g_assert_true (best->refund);
  g_assert_cmpint (g_array_index (best->allocations, FacturesAllocation, 0).document_id, ==, credit_id);
  g_assert_nonnull (strstr (best->reason, "refund"));
  /* other debits are left alone */
  {
    g_autoptr(GPtrArray) none = factures_bank_match_entry (g_ptr_array_index (stored, 1), documents);

    g_assert_cmpuint (none->len, ==, 0);
  }

  g_assert_true (factures_bank_confirm (x->f.store, g_ptr_array_index (stored, 0), best, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (factures_store_get_refundable (x->f.store, credit_id, &error), ==, 0);

  g_date_set_dmy (&from, 1, 11, 2026);
  g_date_set_dmy (&to, 30, 11, 2026);
  receipts = factures_store_list_receipts (x->f.store, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (receipts->len, ==, 1);
  line = g_ptr_array_index (receipts, 0);
  g_assert_cmpint (line->source, ==, FACTURES_RECEIPT_REFUND);
  g_assert_cmpint (line->amount, ==, -10000);
  g_assert_cmpint (g_date_get_day (&line->date), ==, 15);
  g_assert_cmpstr (line->invoices, ==, credit->number);

  /* undone: the reversing entry, a positive line on its own date; proposed again */
  g_date_set_dmy (&undo_date, 20, 11, 2026);
  g_assert_true (factures_store_bank_undo (x->f.store, ((FacturesBankEntry *) g_ptr_array_index (stored, 0))->id,
                                           &undo_date, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&receipts, g_ptr_array_unref);
  receipts = factures_store_list_receipts (x->f.store, &from, &to, &error);
  g_assert_cmpuint (receipts->len, ==, 2);
  line = g_ptr_array_index (receipts, 1);
  g_assert_true (line->reversal);
  g_assert_cmpint (line->amount, ==, 10000);
  g_assert_cmpint (factures_store_get_refundable (x->f.store, credit_id, &error), ==, 10000);
}

/* An invoice with an instalment plan: a credit of the next instalment is proposed for it. */
static void
test_instalment (Fixture *x, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) plan = g_array_new (FALSE, TRUE, sizeof (FacturesInstalment));
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  FacturesInstalment one = { 0 }, two = { 0 };
  const FacturesBankSuggestion *best;

  /* C (Martin, 450,00) in two: 150,00 then 300,00 */
  one.amount = 15000;
  g_date_set_dmy (&one.due_date, 15, 11, 2026);
  two.amount = 30000;
  g_date_set_dmy (&two.due_date, 15, 12, 2026);
  g_array_append_val (plan, one);
  g_array_append_val (plan, two);
  g_assert_true (factures_store_set_instalments (x->f.store, x->ids[2], plan, &error));
  g_assert_no_error (error);

  g_ptr_array_add (entries, bank_entry ("I1", "2026-11-14", 15000, "VIR SEPA MARTIN ET FILS ECHEANCE 1", NULL,
                                        FACTURES_BANK_KIND_TRANSFER));
  stored = bank_import_entries (&x->f, g_steal_pointer (&entries));
  documents = factures_store_bank_open_documents (x->f.store, &error);
  g_assert_no_error (error);
  suggestions = factures_bank_match_entry (g_ptr_array_index (stored, 0), documents);
  g_assert_cmpuint (suggestions->len, >, 0);
  best = g_ptr_array_index (suggestions, 0);
  g_assert_cmpint (g_array_index (best->allocations, FacturesAllocation, 0).document_id, ==, x->ids[2]);
  g_assert_cmpint (best->amount, ==, 15000);
  g_assert_cmpint (best->confidence, ==, FACTURES_BANK_CONFIDENCE_LIKELY);
  g_assert_nonnull (strstr (best->reason, "instalment"));
  g_assert_true (factures_bank_confirm (x->f.store, g_ptr_array_index (stored, 0), best, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bank_balance (&x->f, x->ids[2]), ==, 30000);
}

/* Issue 13 item 4: an invoice of 1 000,00 GBP paid by a transfer of which the bank credited
 * 1 150,00 €. Proposed by its number (never sure: the amounts are in two currencies), recorded
 * as its balance in GBP with the movement as the EUR amount; the livre des recettes has
 * 1 150,00 €. A part payment the user states is recorded in GBP the same way. */
static void
test_foreign_currency (Fixture *x, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) draft = store_test_draft (bank_client (&x->f, "Example Ltd"), "2026-11-02", 1);
  g_autoptr(FacturesDocument) issued = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) suggestions2 = NULL;
  g_autoptr(GPtrArray) receipts = NULL;
  g_autofree char *label = NULL;
  g_autofree char *label2 = NULL;
  const FacturesBankSuggestion *best;
  const FacturesReceipt *line;
  FacturesLine *l = g_ptr_array_index (draft->lines, 0);
  GDate from, to;

  l->unit_price = 100000 * (FACTURES_UNIT_PRICE_ONE / 100);
  draft->currency = g_strdup ("GBP");
  g_assert_true (factures_store_save_draft (x->f.store, draft, &error));
  g_assert_no_error (error);
  issued = factures_store_issue (x->f.store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (issued->currency, ==, "GBP");

  label = g_strdup_printf ("VIR SEPA EXAMPLE LTD %s PART", issued->number);
  label2 = g_strdup_printf ("VIR SEPA EXAMPLE LTD %s", issued->number);
  g_ptr_array_add (entries, bank_entry ("G1", "2026-11-20", 46000, label, NULL, FACTURES_BANK_KIND_TRANSFER));
  g_ptr_array_add (entries, bank_entry ("G2", "2026-11-25", 69000, label2, NULL, FACTURES_BANK_KIND_TRANSFER));
  stored = bank_import_entries (&x->f, g_steal_pointer (&entries));
  documents = factures_store_bank_open_documents (x->f.store, &error);
  g_assert_no_error (error);

  /* the first: 400,00 GBP stated by the user, 460,00 € credited */
  suggestions = factures_bank_match_entry (g_ptr_array_index (stored, 0), documents);
  g_assert_cmpuint (suggestions->len, >, 0);
  best = g_ptr_array_index (suggestions, 0);
  g_assert_cmpint (g_array_index (best->allocations, FacturesAllocation, 0).document_id, ==, issued->id);
  g_assert_cmpstr (best->currency, ==, "GBP");
  g_assert_cmpint (best->amount, ==, 100000);
  g_assert_cmpint (best->eur_amount, ==, 46000);
  g_assert_cmpint (best->confidence, !=, FACTURES_BANK_CONFIDENCE_SURE);
  g_assert_nonnull (strstr (best->reason, "GBP"));
  /* an amount of 0 is refused, nothing recorded */
  g_assert_false (factures_bank_confirm_in_currency (x->f.store, g_ptr_array_index (stored, 0), best, 0, NULL, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (factures_bank_confirm_in_currency (x->f.store, g_ptr_array_index (stored, 0), best, 40000,
                                                    NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bank_balance (&x->f, issued->id), ==, 60000);

  /* the second: the balance, 600,00 GBP, 690,00 € credited */
  g_clear_pointer (&documents, g_ptr_array_unref);
  documents = factures_store_bank_open_documents (x->f.store, &error);
  g_assert_no_error (error);
  suggestions2 = factures_bank_match_entry (g_ptr_array_index (stored, 1), documents);
  g_assert_cmpuint (suggestions2->len, >, 0);
  best = g_ptr_array_index (suggestions2, 0);
  g_assert_cmpint (best->amount, ==, 60000);
  g_assert_cmpint (best->eur_amount, ==, 69000);
  g_assert_true (factures_bank_confirm (x->f.store, g_ptr_array_index (stored, 1), best, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bank_balance (&x->f, issued->id), ==, 0);

  g_date_set_dmy (&from, 1, 11, 2026);
  g_date_set_dmy (&to, 30, 11, 2026);
  receipts = factures_store_list_receipts (x->f.store, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (receipts->len, ==, 2);
  line = g_ptr_array_index (receipts, 0);
  g_assert_cmpint (line->amount, ==, 46000);
  line = g_ptr_array_index (receipts, 1);
  g_assert_cmpint (line->amount, ==, 69000);

  /* undone: the GBP balance is due again and the reversal is -690,00 € in the livre */
  {
    g_autoptr(GPtrArray) after = NULL;
    GDate undo_date;

    g_date_set_dmy (&undo_date, 27, 11, 2026);
    g_assert_true (factures_store_bank_undo (x->f.store, ((FacturesBankEntry *) g_ptr_array_index (stored, 1))->id,
                                             &undo_date, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (bank_balance (&x->f, issued->id), ==, 60000);
    after = factures_store_list_receipts (x->f.store, &from, &to, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (after->len, ==, 3);
    line = g_ptr_array_index (after, 2);
    g_assert_true (line->reversal);
    g_assert_cmpint (line->amount, ==, -69000);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/bank/match/table", Fixture, NULL, set_up, test_table, tear_down);
  g_test_add ("/bank/match/sure-needs-date", Fixture, NULL, set_up, test_sure_needs_date, tear_down);
  g_test_add ("/bank/match/initial", Fixture, NULL, set_up, test_initial, tear_down);
  g_test_add ("/bank/match/refund", Fixture, NULL, set_up, test_refund, tear_down);
  g_test_add ("/bank/match/instalment", Fixture, NULL, set_up, test_instalment, tear_down);
  g_test_add ("/bank/match/foreign-currency", Fixture, NULL, set_up, test_foreign_currency, tear_down);
  return g_test_run ();
}
