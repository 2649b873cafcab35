/* test-mentions.c — the legal-mentions checker (LEGAL.md §1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "factures-mentions.h"
#include "factures-terms.h"

static void
set_date (GDate      *date,
          const char *iso)
{
  g_assert_true (factures_date_parse_iso (iso, date, NULL));
}

static FacturesProfile *
franchise_profile (void)
{
  FacturesProfile *p = factures_profile_new ();

  p->party.name = g_strdup ("Marie Dupont EI");
  p->party.address = g_strdup ("12 rue des Lilas");
  p->party.postal_code = g_strdup ("69003");
  p->party.city = g_strdup ("Lyon");
  p->party.siren = g_strdup ("404833048");
  p->registry = FACTURES_REGISTRY_NONE;
  p->activity = FACTURES_ACTIVITY_SERVICES;
  p->vat_regime = FACTURES_VAT_REGIME_FRANCHISE;
  return p;
}

static FacturesClient *
individual_client (void)
{
  FacturesClient *c = factures_client_new ();

  c->category = FACTURES_CLIENT_CATEGORY_INDIVIDUAL;
  c->party.name = g_strdup ("Jean Martin");
  c->party.address = g_strdup ("3 place Bellecour");
  c->party.postal_code = g_strdup ("69002");
  c->party.city = g_strdup ("Lyon");
  return c;
}

static FacturesLine *
line (const char *description,
      gint64      quantity,
      gint64      unit_price,
      gint        rate_bp)
{
  FacturesLine *l = factures_line_new ();

  l->description = g_strdup (description);
  l->quantity = quantity;
  l->unit_price = unit_price;
  l->vat_rate_bp = rate_bp;
  return l;
}

/* A complete B2C invoice from a franchise seller. */
static FacturesDocument *
b2c_franchise (const char *issue)
{
  FacturesDocument *d = factures_document_new (FACTURES_DOCUMENT_KIND_INVOICE);

  set_date (&d->issue_date, issue);
  d->due_date = d->issue_date;
  d->seller = franchise_profile ();
  d->buyer = individual_client ();
  g_ptr_array_add (d->lines, line ("Cours de piano", 2 * FACTURES_QUANTITY_ONE,
                                   45 * FACTURES_UNIT_PRICE_ONE, 0));
  return d;
}

/* A complete B2B invoice from a VAT-registered trader. */
static FacturesDocument *
b2b_vat (const char *issue)
{
  FacturesDocument *d = factures_document_new (FACTURES_DOCUMENT_KIND_INVOICE);
  FacturesPaymentTerms terms = { FACTURES_TERMS_DAYS, 30 };

  set_date (&d->issue_date, issue);
  d->terms = terms;
  factures_terms_due_date (&terms, FACTURES_EOM_METHOD_ADD_THEN_END, &d->issue_date, &d->due_date);
  d->seller = franchise_profile ();
  d->seller->vat_regime = FACTURES_VAT_REGIME_REGISTERED;
  d->seller->registry = FACTURES_REGISTRY_RCS;
  d->seller->registry_city = g_strdup ("Lyon");
  d->seller->party.vat_id = g_strdup ("FR83404833048");
  d->seller->activity = FACTURES_ACTIVITY_BOTH;
  d->buyer = factures_client_new ();
  d->buyer->category = FACTURES_CLIENT_CATEGORY_COMPANY;
  d->buyer->party.name = g_strdup ("Atelier Rhône SARL");
  d->buyer->party.address = g_strdup ("8 quai Perrache");
  d->buyer->party.postal_code = g_strdup ("69002");
  d->buyer->party.city = g_strdup ("Lyon");
  d->buyer->party.siret = g_strdup ("73282932000074");
  d->buyer->party.vat_id = g_strdup ("FR44732829320");
  g_ptr_array_add (d->lines, line ("Développement", 10 * FACTURES_QUANTITY_ONE,
                                   400 * FACTURES_UNIT_PRICE_ONE, 2000));
  g_ptr_array_add (d->lines, line ("Livre", FACTURES_QUANTITY_ONE,
                                   20 * FACTURES_UNIT_PRICE_ONE, 550));
  /* a seller of both: each line says which (issue 17) */
  ((FacturesLine *) g_ptr_array_index (d->lines, 0))->activity = FACTURES_LINE_ACTIVITY_SERVICES_BIC;
  ((FacturesLine *) g_ptr_array_index (d->lines, 1))->activity = FACTURES_LINE_ACTIVITY_GOODS;
  return d;
}

static const FacturesMissingMention *
find (const GPtrArray *list,
      const char      *code)
{
  guint i;

  for (i = 0; i < list->len; i++)
    {
      const FacturesMissingMention *m = g_ptr_array_index ((GPtrArray *) list, i);
      if (g_strcmp0 (m->code, code) == 0)
        return m;
    }
  return NULL;
}

static void
assert_only (const GPtrArray         *list,
             const char              *code,
             FacturesMentionSeverity  severity)
{
  const FacturesMissingMention *m;

  if (list->len != 1)
    {
      guint i;
      for (i = 0; i < list->len; i++)
        g_test_message ("unexpected: %s", ((FacturesMissingMention *) g_ptr_array_index ((GPtrArray *) list, i))->code);
    }
  g_assert_cmpuint (list->len, ==, 1);
  m = find (list, code);
  g_assert_nonnull (m);
  g_assert_cmpint (m->severity, ==, severity);
  g_assert_nonnull (m->message);
  g_assert_cmpstr (m->message, !=, "");
}

static void
test_complete_documents (void)
{
  g_autoptr(FacturesDocument) b2c = b2c_franchise ("2026-11-30");
  g_autoptr(FacturesDocument) b2c_late = b2c_franchise ("2027-10-01");
  g_autoptr(FacturesDocument) b2b = b2b_vat ("2026-11-30");
  g_autoptr(FacturesDocument) b2b_late = b2b_vat ("2027-09-01");
  g_autoptr(GPtrArray) l1 = factures_mentions_check (b2c);
  g_autoptr(GPtrArray) l2 = factures_mentions_check (b2c_late);
  g_autoptr(GPtrArray) l3 = factures_mentions_check (b2b);
  g_autoptr(GPtrArray) l4 = factures_mentions_check (b2b_late);

  g_assert_cmpuint (l1->len, ==, 0);
  g_assert_cmpuint (l2->len, ==, 0);
  g_assert_cmpuint (l3->len, ==, 0);
  g_assert_cmpuint (l4->len, ==, 0);
  g_assert_false (factures_mentions_has_errors (l1));
  g_assert_false (factures_mentions_has_errors (l4));
}

static void
test_seller_ei (void)
{
  static const char * const ok[] = {
    "Marie Dupont EI", "Marie Dupont ei", "Marie Dupont, EI", "Marie Dupont (EI)",
    "Marie Dupont E.I.", "Marie Dupont entrepreneur individuel",
    "Marie Dupont Entrepreneur Individuel", "Studio Lumière – EI",
  };
  static const char * const bad[] = {
    "Marie Dupont", "Marie DupontEI", "EI", "Marie Dupont SARL", "Marie Dupont EIRL",
    "Marie Dupont entrepreneur", "Dupont Rei",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      g_autoptr(FacturesDocument) d = b2c_franchise ("2026-11-30");
      g_autoptr(GPtrArray) list = NULL;

      g_free (d->seller->party.name);
      d->seller->party.name = g_strdup (ok[i]);
      list = factures_mentions_check (d);
      g_assert_cmpuint (list->len, ==, 0);
    }
  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(FacturesDocument) d = b2c_franchise ("2026-11-30");
      g_autoptr(GPtrArray) list = NULL;

      g_free (d->seller->party.name);
      d->seller->party.name = g_strdup (bad[i]);
      list = factures_mentions_check (d);
      assert_only (list, "seller-ei", FACTURES_MENTION_ERROR);
    }

  {
    g_autoptr(FacturesDocument) d = b2c_franchise ("2026-11-30");
    g_autoptr(GPtrArray) list = NULL;

    g_clear_pointer (&d->seller->party.name, g_free);
    list = factures_mentions_check (d);
    assert_only (list, "seller-name", FACTURES_MENTION_ERROR);
    g_assert_true (factures_mentions_has_errors (list));
  }
}

static void
test_seller_fields (void)
{
  {
    g_autoptr(FacturesDocument) d = b2c_franchise ("2026-11-30");
    g_autoptr(GPtrArray) list = NULL;

    g_clear_pointer (&d->seller->party.city, g_free);
    list = factures_mentions_check (d);
    assert_only (list, "seller-address", FACTURES_MENTION_ERROR);
  }
  {
    g_autoptr(FacturesDocument) d = b2c_franchise ("2026-11-30");
    g_autoptr(GPtrArray) list = NULL;

    g_free (d->seller->party.siren);
    d->seller->party.siren = g_strdup ("404833047");  /* bad key */
    list = factures_mentions_check (d);
    assert_only (list, "seller-siren", FACTURES_MENTION_ERROR);
  }
  {
    /* A SIRET alone is enough. */
    g_autoptr(FacturesDocument) d = b2c_franchise ("2026-11-30");
    g_autoptr(GPtrArray) list = NULL;

    g_clear_pointer (&d->seller->party.siren, g_free);
    d->seller->party.siret = g_strdup ("73282932000074");
    list = factures_mentions_check (d);
    g_assert_cmpuint (list->len, ==, 0);
  }
  {
    g_autoptr(FacturesDocument) d = b2c_franchise ("2026-11-30");
    g_autoptr(GPtrArray) list = NULL;

    d->seller->registry = FACTURES_REGISTRY_RCS;
    d->seller->registry_city = g_strdup ("  ");
    list = factures_mentions_check (d);
    assert_only (list, "seller-registry", FACTURES_MENTION_ERROR);
  }
  {
    /* Artisan in the RNE: no city needed. */
    g_autoptr(FacturesDocument) d = b2c_franchise ("2026-11-30");
    g_autoptr(GPtrArray) list = NULL;

    d->seller->registry = FACTURES_REGISTRY_RNE;
    list = factures_mentions_check (d);
    g_assert_cmpuint (list->len, ==, 0);
  }
  {
    /* Insurance required by the profile but left empty. */
    g_autoptr(FacturesDocument) d = b2c_franchise ("2026-11-30");
    g_autoptr(GPtrArray) list = NULL;

    d->seller->insurance = g_strdup ("");
    list = factures_mentions_check (d);
    assert_only (list, "seller-insurance", FACTURES_MENTION_ERROR);
    g_clear_pointer (&list, g_ptr_array_unref);

    g_free (d->seller->insurance);
    d->seller->insurance = g_strdup ("Décennale : MAAF, 79036 Niort ; France métropolitaine");
    list = factures_mentions_check (d);
    g_assert_cmpuint (list->len, ==, 0);
  }
  {
    /* VAT-registered seller without a VAT number. */
    g_autoptr(FacturesDocument) d = b2b_vat ("2026-11-30");
    g_autoptr(GPtrArray) list = NULL;

    g_clear_pointer (&d->seller->party.vat_id, g_free);
    list = factures_mentions_check (d);
    assert_only (list, "seller-vat-id", FACTURES_MENTION_ERROR);
  }
  {
    g_autoptr(FacturesDocument) d = b2c_franchise ("2026-11-30");
    g_autoptr(GPtrArray) list = NULL;

    g_clear_pointer (&d->seller, factures_profile_free);
    list = factures_mentions_check (d);
    assert_only (list, "seller-missing", FACTURES_MENTION_ERROR);
  }
}

static void
test_buyer (void)
{
  {
    g_autoptr(FacturesDocument) d = b2c_franchise ("2026-11-30");
    g_autoptr(GPtrArray) list = NULL;

    g_free (d->buyer->party.name);
    d->buyer->party.name = g_strdup (" ");
    list = factures_mentions_check (d);
    assert_only (list, "buyer-name", FACTURES_MENTION_ERROR);
  }
  {
    g_autoptr(FacturesDocument) d = b2c_franchise ("2026-11-30");
    g_autoptr(GPtrArray) list = NULL;

    g_clear_pointer (&d->buyer->party.address, g_free);
    list = factures_mentions_check (d);
    assert_only (list, "buyer-address", FACTURES_MENTION_ERROR);
  }
  {
    g_autoptr(FacturesDocument) d = b2c_franchise ("2026-11-30");
    g_autoptr(GPtrArray) list = NULL;

    g_clear_pointer (&d->buyer, factures_client_free);
    list = factures_mentions_check (d);
    assert_only (list, "buyer-missing", FACTURES_MENTION_ERROR);
  }
  {
    /* A private client never needs a SIREN, even after the reform. */
    g_autoptr(FacturesDocument) d = b2c_franchise ("2028-01-15");
    g_autoptr(GPtrArray) list = factures_mentions_check (d);

    g_assert_null (find (list, "buyer-siren"));
  }
}

/* Client SIREN for French professional buyers (décret 2022-1299): a warning
 * before 1 September 2027, an error for documents dated from it. */
static void
test_reform_2027 (void)
{
  static const struct { const char *date; FacturesMentionSeverity severity; } cases[] = {
    { "2026-11-30", FACTURES_MENTION_WARNING },
    { "2027-08-31", FACTURES_MENTION_WARNING },
    { "2027-09-01", FACTURES_MENTION_ERROR },
    { "2028-03-15", FACTURES_MENTION_ERROR },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FacturesDocument) d = b2b_vat (cases[i].date);
      g_autoptr(GPtrArray) list = NULL;

      g_clear_pointer (&d->buyer->party.siret, g_free);
      list = factures_mentions_check (d);
      assert_only (list, "buyer-siren", cases[i].severity);
      g_assert_cmpint (factures_mentions_has_errors (list), ==,
                       cases[i].severity == FACTURES_MENTION_ERROR);
    }

  /* Association and administration buyers too; a foreign company is exempt. */
  {
    g_autoptr(FacturesDocument) d = b2b_vat ("2027-09-01");
    g_autoptr(GPtrArray) list = NULL;

    g_clear_pointer (&d->buyer->party.siret, g_free);
    d->buyer->category = FACTURES_CLIENT_CATEGORY_ASSOCIATION;
    list = factures_mentions_check (d);
    assert_only (list, "buyer-siren", FACTURES_MENTION_ERROR);
    g_clear_pointer (&list, g_ptr_array_unref);

    d->buyer->category = FACTURES_CLIENT_CATEGORY_COMPANY;
    g_free (d->buyer->party.country_code);
    d->buyer->party.country_code = g_strdup ("BE");
    list = factures_mentions_check (d);
    g_assert_null (find (list, "buyer-siren"));
  }
}

static void
test_buyer_vat_id_warning (void)
{
  g_autoptr(FacturesDocument) d = b2b_vat ("2027-09-01");
  g_autoptr(GPtrArray) list = NULL;

  g_clear_pointer (&d->buyer->party.vat_id, g_free);
  list = factures_mentions_check (d);
  assert_only (list, "buyer-vat-id", FACTURES_MENTION_WARNING);
  g_assert_false (factures_mentions_has_errors (list));
}

/* Fifth trial, findings 5 and 6: a party stored before the doors checked them is refused at
 * issue: an unknown country, a French postal code of another form, a VAT number with a wrong
 * key, a SIRET of another SIREN. */
static void
test_party_checks (void)
{
  static const struct { const char *field, *value; gboolean seller; } cases[] = {
    { "country", "XX", FALSE },
    { "postal", "ABCDE", FALSE },
    { "postal", "6900", TRUE },
    { "vat", "DE123456789", FALSE },
    { "siret", "45678912200011", TRUE },
    { "vat", "FR72456789122", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FacturesDocument) d = b2b_vat ("2026-12-01");
      g_autoptr(GPtrArray) list = NULL;
      FacturesParty *p = cases[i].seller ? &d->seller->party : &d->buyer->party;
      char **field = g_str_equal (cases[i].field, "country") ? &p->country_code
                     : g_str_equal (cases[i].field, "postal") ? &p->postal_code
                     : g_str_equal (cases[i].field, "vat") ? &p->vat_id : &p->siret;
      const FacturesMissingMention *m;

      g_free (*field);
      *field = g_strdup (cases[i].value);
      list = factures_mentions_check (d);
      m = find (list, cases[i].seller ? "seller-party" : "buyer-party");
      g_assert_nonnull (m);
      g_assert_cmpint (m->severity, ==, FACTURES_MENTION_ERROR);
      g_assert_true (g_str_has_suffix (m->message, cases[i].seller ? "(Business profile)." : "(Client)."));
      g_assert_true (factures_mentions_has_errors (list));
    }
}

static void
test_lines_and_dates (void)
{
  {
    g_autoptr(FacturesDocument) d = b2c_franchise ("2026-11-30");
    g_autoptr(GPtrArray) list = NULL;

    g_ptr_array_set_size (d->lines, 0);
    list = factures_mentions_check (d);
    assert_only (list, "lines", FACTURES_MENTION_ERROR);
  }
  {
    g_autoptr(FacturesDocument) d = b2c_franchise ("2026-11-30");
    g_autoptr(GPtrArray) list = NULL;
    const FacturesMissingMention *m;

    g_ptr_array_add (d->lines, line ("Frais", 0, FACTURES_UNIT_PRICE_ONE, 0));
    list = factures_mentions_check (d);
    assert_only (list, "line-quantity", FACTURES_MENTION_ERROR);
    m = find (list, "line-quantity");
    g_assert_nonnull (strstr (m->message, "2"));  /* names the line */
  }
  {
    g_autoptr(FacturesDocument) d = b2c_franchise ("2026-11-30");
    g_autoptr(GPtrArray) list = NULL;

    g_ptr_array_add (d->lines, line ("  ", FACTURES_QUANTITY_ONE, FACTURES_UNIT_PRICE_ONE, 0));
    list = factures_mentions_check (d);
    assert_only (list, "line-description", FACTURES_MENTION_ERROR);
  }
  {
    g_autoptr(FacturesDocument) d = b2b_vat ("2026-11-30");
    g_autoptr(GPtrArray) list = NULL;

    g_ptr_array_add (d->lines, line ("Autre", FACTURES_QUANTITY_ONE, FACTURES_UNIT_PRICE_ONE, 1900));
    d->seller->activity = FACTURES_ACTIVITY_GOODS;   /* one activity: the line may keep the default */
    list = factures_mentions_check (d);
    assert_only (list, "line-vat-rate", FACTURES_MENTION_ERROR);
  }
  {
    g_autoptr(FacturesDocument) d = b2c_franchise ("2026-11-30");
    g_autoptr(GPtrArray) list = NULL;

    g_date_clear (&d->due_date, 1);
    list = factures_mentions_check (d);
    assert_only (list, "due-date", FACTURES_MENTION_ERROR);
  }
  {
    g_autoptr(FacturesDocument) d = b2c_franchise ("2026-11-30");
    g_autoptr(GPtrArray) list = NULL;

    g_date_subtract_days (&d->due_date, 1);
    list = factures_mentions_check (d);
    assert_only (list, "due-date-order", FACTURES_MENTION_ERROR);
  }
  {
    /* A quote has no due date. */
    g_autoptr(FacturesDocument) d = b2c_franchise ("2026-11-30");
    g_autoptr(GPtrArray) list = NULL;

    d->kind = FACTURES_DOCUMENT_KIND_QUOTE;
    g_date_clear (&d->due_date, 1);
    /* …but a validity date (issue 3, see /mentions/lifecycle). */
    g_date_set_dmy (&d->valid_until, 30, G_DATE_DECEMBER, 2026);
    list = factures_mentions_check (d);
    g_assert_cmpuint (list->len, ==, 0);
  }
  {
    g_autoptr(FacturesDocument) d = b2c_franchise ("2026-11-30");
    g_autoptr(GPtrArray) list = NULL;

    g_date_clear (&d->issue_date, 1);
    list = factures_mentions_check (d);
    g_assert_nonnull (find (list, "issue-date"));
    g_assert_true (factures_mentions_has_errors (list));
  }
}

/* Issue 3: quotes state their validity, credit notes cite their invoice,
 * final invoices deduct issued deposits only. */
static void
test_lifecycle (void)
{
  g_autoptr(FacturesDocument) quote = b2c_franchise ("2026-03-02");
  g_autoptr(FacturesDocument) credit = b2c_franchise ("2026-03-02");
  g_autoptr(FacturesDocument) final = b2c_franchise ("2026-03-02");
  g_autoptr(GPtrArray) list = NULL;
  FacturesDocumentRef *ref;

  quote->kind = FACTURES_DOCUMENT_KIND_QUOTE;
  list = factures_mentions_check (quote);
  assert_only (list, "quote-validity", FACTURES_MENTION_ERROR);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_date_set_dmy (&quote->valid_until, 1, G_DATE_MARCH, 2026);
  list = factures_mentions_check (quote);
  assert_only (list, "quote-validity", FACTURES_MENTION_ERROR);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_date_set_dmy (&quote->valid_until, 1, G_DATE_APRIL, 2026);
  list = factures_mentions_check (quote);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  credit->kind = FACTURES_DOCUMENT_KIND_CREDIT_NOTE;
  list = factures_mentions_check (credit);
  assert_only (list, "credit-note-invoice", FACTURES_MENTION_ERROR);
  g_clear_pointer (&list, g_ptr_array_unref);
  credit->cites = factures_document_ref_new ();
  credit->cites->number = g_strdup ("F2026-0001");
  list = factures_mentions_check (credit);   /* a number without its date */
  assert_only (list, "credit-note-invoice", FACTURES_MENTION_ERROR);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_date_set_dmy (&credit->cites->issue_date, 2, G_DATE_MARCH, 2026);
  list = factures_mentions_check (credit);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  final->deposits = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_document_ref_free);
  ref = factures_document_ref_new ();
  ref->amount = 1000;
  g_ptr_array_add (final->deposits, ref);
  list = factures_mentions_check (final);
  assert_only (list, "deposit-reference", FACTURES_MENTION_ERROR);
  g_clear_pointer (&list, g_ptr_array_unref);
  ref->number = g_strdup ("F2026-0001");
  g_date_set_dmy (&ref->issue_date, 2, G_DATE_MARCH, 2026);
  list = factures_mentions_check (final);
  g_assert_cmpuint (list->len, ==, 0);
}

/* Issue 17: a seller of goods and services leaves no line to the default activity (it would be
 * declared in a box nobody chose); débours and credit notes are not asked; one activity is. */
static void
test_line_activity (void)
{
  g_autoptr(FacturesDocument) d = b2b_vat ("2026-11-30");
  g_autoptr(FacturesDocument) one = b2c_franchise ("2026-11-30");
  FacturesLine *livre = g_ptr_array_index (d->lines, 1);
  g_autoptr(GPtrArray) list = NULL;
  const FacturesMissingMention *m;

  livre->activity = FACTURES_LINE_ACTIVITY_DEFAULT;
  list = factures_mentions_check (d);
  m = find (list, "line-activity");
  g_assert_nonnull (m);
  g_assert_cmpint (m->severity, ==, FACTURES_MENTION_ERROR);
  g_assert_true (factures_mentions_has_errors (list));
  /* the message names the line by its number and its text */
  g_assert_nonnull (strstr (m->message, "2"));
  g_assert_nonnull (strstr (m->message, "Livre"));
  g_clear_pointer (&list, g_ptr_array_unref);

  /* a débours is in no box */
  livre->debours = TRUE;
  list = factures_mentions_check (d);
  g_assert_null (find (list, "line-activity"));
  g_clear_pointer (&list, g_ptr_array_unref);
  livre->debours = FALSE;

  /* one activity: the default is the profile's */
  d->seller->activity = FACTURES_ACTIVITY_GOODS;
  list = factures_mentions_check (d);
  g_assert_null (find (list, "line-activity"));
  g_clear_pointer (&list, g_ptr_array_unref);

  /* the franchise B2C invoice's line has no activity either: one activity, nothing asked */
  list = factures_mentions_check (one);
  g_assert_cmpuint (list->len, ==, 0);
}

/* Trial finding T3: a USD invoice of reverse-charged services (AE, no VAT) needs its rate at
 * issue: the DES declares it in euros (art. 289 B CGI). Without AE lines, no rate is asked. */
static void
test_currency_reverse_charge (void)
{
  g_autoptr(FacturesDocument) d = b2b_vat ("2026-11-30");
  g_autoptr(GPtrArray) list = NULL;
  const FacturesMissingMention *m;

  d->currency = g_strdup ("USD");
  for (guint i = 0; i < d->lines->len; i++)
    {
      FacturesLine *l = g_ptr_array_index (d->lines, i);

      l->vat_category = FACTURES_VAT_CATEGORY_AE;
      l->vat_rate_bp = 0;
    }
  list = factures_mentions_check (d);
  m = find (list, "exchange-rate");
  g_assert_nonnull (m);
  g_assert_cmpint (m->severity, ==, FACTURES_MENTION_ERROR);
  g_assert_nonnull (strstr (m->message, "USD"));
  g_assert_nonnull (strstr (m->message, "289 B"));
  g_clear_pointer (&list, g_ptr_array_unref);

  d->exchange_rate = 920000;
  list = factures_mentions_check (d);
  g_assert_null (find (list, "exchange-rate"));
  g_clear_pointer (&list, g_ptr_array_unref);

  d->exchange_rate = 0;
  for (guint i = 0; i < d->lines->len; i++)
    {
      FacturesLine *l = g_ptr_array_index (d->lines, i);

      l->vat_category = FACTURES_VAT_CATEGORY_O;
    }
  list = factures_mentions_check (d);
  g_assert_null (find (list, "exchange-rate"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mentions/complete", test_complete_documents);
  g_test_add_func ("/mentions/seller-ei", test_seller_ei);
  g_test_add_func ("/mentions/seller-fields", test_seller_fields);
  g_test_add_func ("/mentions/buyer", test_buyer);
  g_test_add_func ("/mentions/reform-2027", test_reform_2027);
  g_test_add_func ("/mentions/buyer-vat-id", test_buyer_vat_id_warning);
  g_test_add_func ("/mentions/party-checks", test_party_checks);
  g_test_add_func ("/mentions/lines-and-dates", test_lines_and_dates);
  g_test_add_func ("/mentions/lifecycle", test_lifecycle);
  g_test_add_func ("/mentions/line-activity", test_line_activity);
  g_test_add_func ("/mentions/currency-reverse-charge", test_currency_reverse_charge);

  return g_test_run ();
}
