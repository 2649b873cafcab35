/* factures-mentions.c — the legal-mentions checker (LEGAL.md §1)
 *
 * Only what the user can forget is checked: mentions that the document
 * layout writes by itself (title, number, "TVA non applicable, art. 293 B du
 * CGI", the 40 € recovery indemnity, the escompte wording, the penalty
 * wording when no rate is set, the nature of the operation derived from the
 * profile's activity) are always present once a profile exists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-mentions.h"
#include "factures-currency.h"
#include "factures-identifiers.h"

/* Décret 2022-1299 as amended by décret 2024-266: the new mentions are
 * mandatory for PME and micro-enterprises from 1 September 2027. */
#define REFORM_YEAR  2027
#define REFORM_MONTH G_DATE_SEPTEMBER
#define REFORM_DAY   1

/**
 * factures_missing_mention_free:
 * @mention: (nullable): a mention from factures_mentions_check()
 */
void
factures_missing_mention_free (FacturesMissingMention *mention)
{
  if (mention == NULL)
    return;
  g_free (mention->message);
  g_free (mention->detail);
  g_free (mention);
}

static void
add (GPtrArray               *list,
     const char              *code,
     FacturesMentionSeverity  severity,
     char                    *message)
{
  FacturesMissingMention *m = g_new0 (FacturesMissingMention, 1);

  m->code = code;
  m->severity = severity;
  m->message = message;
  g_ptr_array_add (list, m);
}

/* The currency and exchange rate (factures-currency.h), at issue. */
static void
check_currency (GPtrArray              *list,
                const FacturesDocument *document)
{
  g_auto(FacturesTotals) totals = { NULL, };
  g_autoptr(GError) error = NULL;
  gint64 vat = 0;
  gboolean code_ok;

  code_ok = factures_currency_check (document->currency, NULL);
  if (code_ok && document->seller != NULL && factures_document_compute_totals (document, &totals, NULL))
    vat = totals.vat_total;
  if (!factures_currency_check_document (document->currency, document->exchange_rate, vat, TRUE, &error))
    {
      FacturesMissingMention *m;

      add (list, code_ok ? "exchange-rate" : "currency", FACTURES_MENTION_ERROR, g_strdup (error->message));
      m = g_ptr_array_index (list, list->len - 1);
      m->detail = g_strdup (code_ok ? "BR-FR-CO-12" : "BR-CL-04");
      return;
    }
  /* Trial finding T3: reverse-charged services (AE) go on the DES, declared in euros (art. 289 B
   * CGI): the rate of the invoice is needed at issue even though no VAT is charged. */
  if (code_ok && !factures_currency_is_euro (document->currency) && document->exchange_rate == 0)
    for (guint i = 0; i < document->lines->len; i++)
      {
        const FacturesLine *line = g_ptr_array_index (document->lines, i);

        if (line->vat_category == FACTURES_VAT_CATEGORY_AE)
          {
            FacturesMissingMention *m;

            add (list, "exchange-rate", FACTURES_MENTION_ERROR,
                 g_strdup_printf (_("Exchange rate: the document is in %s and holds reverse-charged services "
                                    "(autoliquidation), declared in euros on the DES; give the value of one %s "
                                    "in euros on the day of the invoice (art. 289 B CGI)."),
                                  document->currency, document->currency));
            m = g_ptr_array_index (list, list->len - 1);
            m->detail = g_strdup ("CGI art. 289 B");
            break;
          }
      }
}

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

/* TRUE when @name ends with "EI", "E.I." or "entrepreneur individuel" as a
 * separate word, in any case, optionally in brackets or followed by a dot. */
static gboolean
name_has_ei (const char *name)
{
  g_autofree char *folded = NULL;
  GString *s;
  gsize len;
  static const char * const suffixes[] = { "entrepreneur individuel", "ei" };
  guint i;

  if (name == NULL)
    return FALSE;

  folded = g_utf8_casefold (name, -1);
  /* Drop dots ("E.I.") and trailing spaces and closing brackets. */
  s = g_string_new (NULL);
  for (const char *p = folded; *p; p++)
    if (*p != '.')
      g_string_append_c (s, *p);
  while (s->len > 0 && (s->str[s->len - 1] == ' ' || s->str[s->len - 1] == ')' ||
                        s->str[s->len - 1] == '\t'))
    g_string_truncate (s, s->len - 1);
  len = s->len;

  for (i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize sl = strlen (suffixes[i]);

      if (len >= sl && strcmp (s->str + len - sl, suffixes[i]) == 0)
        {
          char before = len > sl ? s->str[len - sl - 1] : ' ';

          /* A separate word: preceded by a non-letter, and not the whole name. */
          if (len > sl && !g_ascii_isalnum (before) && (guchar) before < 0x80)
            {
              g_string_free (s, TRUE);
              return TRUE;
            }
        }
    }
  g_string_free (s, TRUE);
  return FALSE;
}

static gboolean
address_complete (const FacturesParty *party)
{
  return !is_blank (party->address) && !is_blank (party->postal_code) && !is_blank (party->city);
}

static gboolean
is_french (const FacturesParty *party)
{
  return party->country_code == NULL || *party->country_code == '\0' ||
         g_ascii_strcasecmp (party->country_code, "FR") == 0;
}

static gboolean
allowed_vat_rate (gint rate_bp)
{
  /* Metropolitan France: 20, 10, 5.5, 2.1 % (CGI 278 ff.). */
  return rate_bp == 2000 || rate_bp == 1000 || rate_bp == 550 || rate_bp == 210;
}

/* Fifth trial, findings 5 and 6: the checks of every door (factures-identifiers.h) again at
 * issue, for a profile or client stored before them: an unknown country, a postal code that is
 * not its country's, a VAT number with a wrong key, identifiers of two businesses. @where ends
 * the message ("Business profile", "Client"). */
static void
check_party (GPtrArray           *list,
             const FacturesParty *p,
             const char          *code,
             const char          *where)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *country = NULL;
  g_autofree char *vat_id = NULL;

  if (!factures_country_code_check (p->country_code, &country, &error) ||
      !factures_postal_code_check (p->postal_code, country, &error) ||
      (!is_blank (p->vat_id) && !factures_vat_id_check (p->vat_id, &vat_id, &error)) ||
      !factures_party_identifiers_check (is_blank (p->siren) ? NULL : p->siren,
                                         is_blank (p->siret) ? NULL : p->siret,
                                         is_blank (p->vat_id) ? NULL : p->vat_id, &error))
    {
      g_autofree char *why = g_strdup (error->message);
      gsize length = strlen (why);

      if (length > 0 && why[length - 1] == '.')
        why[length - 1] = '\0';
      /* Translators: %s: why, %s: "Business profile" or "Client" */
      add (list, code, FACTURES_MENTION_ERROR, g_strdup_printf (_("%s (%s)."), why, where));
    }
}

static void
check_seller (GPtrArray             *list,
              const FacturesProfile *seller)
{
  const FacturesParty *p = &seller->party;

  if (is_blank (p->name))
    add (list, "seller-name", FACTURES_MENTION_ERROR,
         g_strdup (_("Your business name is missing (Business profile).")));
  else if (!name_has_ei (p->name))
    add (list, "seller-ei", FACTURES_MENTION_ERROR,
         g_strdup (_("Your business name must end with “EI” or “entrepreneur individuel” "
                     "(Business profile).")));

  if (!address_complete (p))
    add (list, "seller-address", FACTURES_MENTION_ERROR,
         g_strdup (_("Your address is incomplete: street, postal code and city are needed "
                     "(Business profile).")));

  if (!(p->siren != NULL && factures_siren_is_valid (p->siren)) &&
      !(p->siret != NULL && factures_siret_is_valid (p->siret)))
    add (list, "seller-siren", FACTURES_MENTION_ERROR,
         g_strdup (_("Your SIREN or SIRET number is missing or not valid (Business profile).")));

  if (seller->registry == FACTURES_REGISTRY_RCS && is_blank (seller->registry_city))
    add (list, "seller-registry", FACTURES_MENTION_ERROR,
         g_strdup (_("The city of your trade registry (RCS) is missing (Business profile).")));

  if (seller->vat_regime == FACTURES_VAT_REGIME_REGISTERED && is_blank (p->vat_id))
    add (list, "seller-vat-id", FACTURES_MENTION_ERROR,
         g_strdup (_("You charge VAT, so your VAT number is needed (Business profile).")));

  if (seller->insurance != NULL && is_blank (seller->insurance))
    add (list, "seller-insurance", FACTURES_MENTION_ERROR,
         g_strdup (_("Your professional insurance is required but its details are empty: "
                     "insurer and geographic coverage (Business profile).")));

  check_party (list, p, "seller-party", _("Business profile"));

  if (seller->penalty_rate_bp < 0)
    add (list, "penalty-rate", FACTURES_MENTION_ERROR,
         g_strdup (_("The late payment penalty rate cannot be negative (Business profile).")));
}

static void
check_buyer (GPtrArray              *list,
             const FacturesClient   *buyer,
             FacturesMentionSeverity reform_severity)
{
  const FacturesParty *p = &buyer->party;

  if (is_blank (p->name))
    add (list, "buyer-name", FACTURES_MENTION_ERROR,
         g_strdup (_("The client’s name is missing (Client).")));

  if (!address_complete (p))
    add (list, "buyer-address", FACTURES_MENTION_ERROR,
         g_strdup (_("The client’s address is incomplete: street, postal code and city are "
                     "needed (Client).")));

  check_party (list, p, "buyer-party", _("Client"));

  if (factures_client_category_is_b2b (buyer->category) && is_french (p) &&
      !(p->siren != NULL && factures_siren_is_valid (p->siren)) &&
      !(p->siret != NULL && factures_siret_is_valid (p->siret)))
    add (list, "buyer-siren", reform_severity,
         g_strdup (reform_severity == FACTURES_MENTION_ERROR
                   ? _("The client’s SIREN or SIRET number is mandatory on invoices to "
                       "professionals (Client).")
                   : _("The client’s SIREN or SIRET number will be mandatory on invoices to "
                       "professionals from 1 September 2027 (Client).")));

  /* A company outside the EU may have no VAT number at all (US, CH …): its legal identifier
   * (BT-47) is what identifies it, so the reminder is not repeated on every issue. */
  if (buyer->category == FACTURES_CLIENT_CATEGORY_COMPANY && is_blank (p->vat_id) &&
      !(factures_vat_client_zone (p->country_code) == FACTURES_VAT_CLIENT_NON_EU &&
        !is_blank (buyer->legal_id)))
    add (list, "buyer-vat-id", FACTURES_MENTION_WARNING,
         g_strdup (_("The client’s VAT number is missing; add it if the company has one "
                     "(Client).")));
}

static void
check_lines (GPtrArray              *list,
             const FacturesDocument *document)
{
  gboolean registered = document->seller != NULL &&
                        document->seller->vat_regime == FACTURES_VAT_REGIME_REGISTERED;
  gboolean several_activities = document->seller != NULL &&
                                document->seller->activity == FACTURES_ACTIVITY_BOTH &&
                                document->kind != FACTURES_DOCUMENT_KIND_CREDIT_NOTE;
  guint i;

  if (document->lines == NULL || document->lines->len == 0)
    {
      add (list, "lines", FACTURES_MENTION_ERROR,
           g_strdup (_("The document has no lines.")));
      return;
    }

  for (i = 0; i < document->lines->len; i++)
    {
      const FacturesLine *line = g_ptr_array_index (document->lines, i);

      if (is_blank (line->description))
        add (list, "line-description", FACTURES_MENTION_ERROR,
             g_strdup_printf (_("Line %u has no description."), i + 1));
      if (line->quantity == 0)
        add (list, "line-quantity", FACTURES_MENTION_ERROR,
             g_strdup_printf (_("Line %u has a quantity of 0."), i + 1));
      /* Issue 17: a seller of both goods and services declares each line in its URSSAF box;
       * a line left to the profile's default activity would be declared in a box nobody chose
       * (LEGAL-2.md §3: a mixed activity is split). Débours are in no box; a credit note
       * mirrors the invoice it corrects. */
      if (several_activities && line->activity == FACTURES_LINE_ACTIVITY_DEFAULT && !line->debours)
        {
          if (is_blank (line->description))
            add (list, "line-activity", FACTURES_MENTION_ERROR,
                 g_strdup_printf (_("Line %u: choose its activity (sale of goods or service): "
                                    "your profile has several."), i + 1));
          else
            add (list, "line-activity", FACTURES_MENTION_ERROR,
                 g_strdup_printf (_("Line %u (“%s”): choose its activity (sale of goods or service): "
                                    "your profile has several."), i + 1, line->description));
        }
      /* Lines with a VAT category (issue 13) are checked by factures_vat_check(). A débours
       * is issued without VAT whatever its row says (factures_vat_resolve_lines(); sixth
       * trial, finding 7); a credit note mirrors the invoice. */
      if (line->debours && document->kind != FACTURES_DOCUMENT_KIND_CREDIT_NOTE)
        continue;
      if (registered && line->vat_category == FACTURES_VAT_CATEGORY_UNSET &&
          document->seller->territory == FACTURES_VAT_TERRITORY_METROPOLE &&
          !allowed_vat_rate (line->vat_rate_bp))
        {
          g_autofree char *rate = factures_rate_format (line->vat_rate_bp);
          add (list, "line-vat-rate", FACTURES_MENTION_ERROR,
               g_strdup_printf (_("Line %u: %s is not a French VAT rate (20 %%, 10 %%, 5.5 %% "
                                  "or 2.1 %%)."), i + 1, rate));
        }
      else if (registered && line->vat_category == FACTURES_VAT_CATEGORY_UNSET &&
               !factures_vat_rate_allowed (document->seller->territory, line->vat_rate_bp))
        {
          g_autofree char *rate = factures_rate_format (line->vat_rate_bp);
          add (list, "line-vat-rate", FACTURES_MENTION_ERROR,
               g_strdup_printf (_("Line %u: %s is not a VAT rate of %s."), i + 1, rate,
                                factures_vat_territory_label (document->seller->territory)));
        }
    }
}

/* Issue 3: what quotes, deposit invoices, final invoices and credit notes must
 * carry besides the common mentions (LEGAL.md §2). */
static void
check_lifecycle (GPtrArray              *list,
                 const FacturesDocument *document)
{
  switch (document->kind)
    {
    case FACTURES_DOCUMENT_KIND_QUOTE:
      /* No legal duration, but it must be stated. */
      if (!g_date_valid (&document->valid_until))
        add (list, "quote-validity", FACTURES_MENTION_ERROR,
             g_strdup (_("The quote has no validity date (Valid until).")));
      else if (g_date_valid (&document->issue_date) &&
               g_date_compare (&document->valid_until, &document->issue_date) < 0)
        add (list, "quote-validity", FACTURES_MENTION_ERROR,
             g_strdup (_("The quote’s validity date is earlier than its issue date (Valid until).")));
      break;

    case FACTURES_DOCUMENT_KIND_CREDIT_NOTE:
      /* The number and date of the invoice it corrects (BR-FR-CO-05: BT-25, BT-26). */
      if (document->cites == NULL || document->cites->number == NULL ||
          !g_date_valid (&document->cites->issue_date))
        add (list, "credit-note-invoice", FACTURES_MENTION_ERROR,
             g_strdup (_("A credit note must cite the number and date of the invoice it corrects: "
                         "make it from the invoice (Credit Note…).")));
      break;

    case FACTURES_DOCUMENT_KIND_INVOICE:
      /* A final invoice lists the deposit invoices it deducts, each issued. */
      if (document->deposits != NULL)
        for (guint i = 0; i < document->deposits->len; i++)
          {
            const FacturesDocumentRef *ref = g_ptr_array_index (document->deposits, i);

            if (ref->number == NULL || !g_date_valid (&ref->issue_date))
              {
                add (list, "deposit-reference", FACTURES_MENTION_ERROR,
                     g_strdup (_("A deposit invoice this invoice deducts is not issued yet: issue "
                                 "it first.")));
                break;
              }
          }
      G_GNUC_FALLTHROUGH;
    case FACTURES_DOCUMENT_KIND_DEPOSIT:
      if (document->cites != NULL && document->cites->number == NULL)
        add (list, "quote-reference", FACTURES_MENTION_ERROR,
             g_strdup (_("The quote this invoice comes from is not issued.")));
      break;

    default:
      break;
    }
}

/**
 * factures_mentions_check:
 * @document: a document about to be issued
 *
 * Checks, per LEGAL.md §1 (C. com. L441-9, CGI art. 242 nonies A, D441-5):
 *
 * - seller (BG-4): name ending with "EI" (loi 2022-172), complete address,
 *   valid SIREN or SIRET, RCS city for "RCS <ville>", VAT number when the
 *   seller charges VAT, trade insurance details when the profile requires them
 *   (insurance non-NULL but empty);
 * - buyer (BG-7): name and complete address; for a French professional buyer
 *   its SIREN/SIRET (décret 2022-1299: warning before 1 September 2027, error
 *   for documents dated from it); a warning when a company has no VAT number;
 * - dates: valid issue date; for invoices and deposit invoices a due date, not
 *   earlier than the issue date (BR-FR-CO-07);
 * - lines: at least one, each with a description and a quantity other than 0,
 *   and a French VAT rate when the seller charges VAT;
 * - quotes: a validity date, not before the issue date; credit notes: the
 *   number and date of the invoice they correct (BR-FR-CO-05); final invoices:
 *   every deducted deposit invoice issued; invoices and deposit invoices made
 *   from a quote: the quote issued (LEGAL.md §2).
 *
 * Not checked because the layout always prints them: document title and
 * number, "TVA non applicable, art. 293 B du CGI", the 40 € indemnity and
 * penalty wording for B2B, the escompte wording, the nature of the operation
 * (from the profile's activity). The delivery address (no field) and the
 * "option pour les débits" (never for a franchise) are not checked.
 *
 * Codes: "seller-missing", "seller-name", "seller-ei", "seller-address",
 * "seller-siren", "seller-registry", "seller-vat-id", "seller-insurance",
 * "penalty-rate", "buyer-missing", "buyer-name", "buyer-address",
 * "buyer-siren", "buyer-vat-id", "issue-date", "due-date", "due-date-order",
 * "lines", "line-description", "line-quantity", "line-activity" (issue 17: a line without an
 * activity when the seller has several, LEGAL-2.md §3), "line-vat-rate", "quote-validity",
 * "credit-note-invoice", "deposit-reference", "quote-reference", "seller-party" and
 * "buyer-party" (the country, postal code, VAT number key and agreeing identifiers that every
 * door checks, again for a party stored before those checks: factures-identifiers.h).
 *
 * Returns: (transfer full) (element-type FacturesMissingMention): empty when complete.
 */
GPtrArray *
factures_mentions_check (const FacturesDocument *document)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_missing_mention_free);
  FacturesMentionSeverity reform_severity;
  GDate reform, when;

  g_return_val_if_fail (document != NULL, list);

  g_date_clear (&reform, 1);
  g_date_set_dmy (&reform, REFORM_DAY, REFORM_MONTH, REFORM_YEAR);
  if (g_date_valid (&document->issue_date))
    when = document->issue_date;
  else
    {
      factures_today (&when);
      add (list, "issue-date", FACTURES_MENTION_ERROR,
           g_strdup (_("The issue date is missing.")));
    }
  reform_severity = g_date_compare (&when, &reform) >= 0
                    ? FACTURES_MENTION_ERROR : FACTURES_MENTION_WARNING;

  if (document->seller == NULL)
    add (list, "seller-missing", FACTURES_MENTION_ERROR,
         g_strdup (_("Your business profile is missing.")));
  else
    check_seller (list, document->seller);

  if (document->buyer == NULL)
    add (list, "buyer-missing", FACTURES_MENTION_ERROR,
         g_strdup (_("The document has no client.")));
  else
    check_buyer (list, document->buyer, reform_severity);

  if (document->kind == FACTURES_DOCUMENT_KIND_INVOICE ||
      document->kind == FACTURES_DOCUMENT_KIND_DEPOSIT)
    {
      if (!g_date_valid (&document->due_date))
        add (list, "due-date", FACTURES_MENTION_ERROR,
             g_strdup (_("The due date is missing.")));
      else if (document->kind == FACTURES_DOCUMENT_KIND_INVOICE &&
               g_date_valid (&document->issue_date) &&
               g_date_compare (&document->due_date, &document->issue_date) < 0)
        add (list, "due-date-order", FACTURES_MENTION_ERROR,
             g_strdup (_("The due date is earlier than the issue date.")));
    }

  check_lines (list, document);
  /* Issue 13: the VAT treatment of each line (factures-vat.h). */
  factures_vat_check (list, document);
  check_lifecycle (list, document);
  /* Issue 13 item 4: the currency (BT-5) and, where VAT is due in another one, the rate. */
  check_currency (list, document);

  return list;
}

void
factures_mentions_check_dates (GPtrArray              *mentions,
                               const FacturesDocument *document,
                               const GDate            *last_issued)
{
  g_autofree char *issue_text = NULL;
  GDate now;

  g_return_if_fail (mentions != NULL && document != NULL);

  if (!g_date_valid (&document->issue_date))
    return;
  issue_text = factures_date_format_fr (&document->issue_date);

  if (last_issued != NULL && g_date_valid (last_issued) &&
      g_date_compare (&document->issue_date, last_issued) < 0)
    {
      g_autofree char *last_text = factures_date_format_fr (last_issued);

      add (mentions, "issue-date-order", FACTURES_MENTION_ERROR,
           g_strdup_printf (_("Issue date: %s is earlier than %s, the date of the last document "
                              "issued in this series. Numbers must follow dates: use %s or a "
                              "later date."),
                            issue_text, last_text, last_text));
    }

  /* Trial 6 finding 3: never before the registers' first year (payments and purchases too). */
  {
    GError *record_error = NULL;

    if (!factures_date_check_record (&document->issue_date, _("Issue date"), &record_error))
      {
        add (mentions, "issue-date-record", FACTURES_MENTION_ERROR, g_strdup (record_error->message));
        g_error_free (record_error);
      }
  }

  factures_today (&now);
  if (g_date_compare (&document->issue_date, &now) > 0)
    {
      g_autofree char *today_text = factures_date_format_fr (&now);

      add (mentions, "issue-date-future", FACTURES_MENTION_ERROR,
           g_strdup_printf (_("Issue date: %s is later than today (%s). A document is issued on "
                              "the day it is dated: correct the date, or issue it on that day."),
                            issue_text, today_text));
    }
}

/**
 * factures_mentions_has_errors:
 * @mentions: (element-type FacturesMissingMention): from factures_mentions_check()
 *
 * Returns: %TRUE when @mentions holds at least one %FACTURES_MENTION_ERROR.
 */
gboolean
factures_mentions_has_errors (const GPtrArray *mentions)
{
  guint i;

  g_return_val_if_fail (mentions != NULL, FALSE);

  for (i = 0; i < mentions->len; i++)
    {
      const FacturesMissingMention *m = g_ptr_array_index ((GPtrArray *) mentions, i);
      if (m->severity == FACTURES_MENTION_ERROR)
        return TRUE;
    }
  return FALSE;
}
