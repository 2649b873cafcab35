/* factures-mail-template.c — e-mail templates with placeholders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "factures-currency.h"
#include "factures-mail-error.h"
#include "factures-mail-resources.h"
#include "factures-mail-template.h"
#include "factures-store-mail.h"

#define TEMPLATES_PATH "/org/example/Factures/templates/"

/* Each French template, then its English (issue 13 item 5: key + FACTURES_MAIL_ENGLISH_SUFFIX),
 * so that the preferences list them side by side. */
static const char * const keys[] = {
  "mail-invoice", "mail-invoice-en", "mail-deposit", "mail-deposit-en", "mail-quote", "mail-quote-en",
  "mail-credit-note", "mail-credit-note-en",
  "mail-reminder-heads-up", "mail-reminder-heads-up-en",
  "mail-reminder-email-courteous", "mail-reminder-email-courteous-en",
  "mail-reminder-email-firm", "mail-reminder-email-firm-en",
  "mail-reminder-chorus-reminder", "mail-reminder-chorus-reminder-en", NULL,
};

static void
ensure_resources (void)
{
  static gsize done = 0;

  /* Static library: the bundle is built with --manual-register and registered here. */
  if (g_once_init_enter (&done))
    {
      factures_mail_register_resource ();
      g_once_init_leave (&done, 1);
    }
}

const char * const *
factures_mail_template_keys (void)
{
  return keys;
}

const char *
factures_mail_template_title (const char *key)
{
  if (g_strcmp0 (key, "mail-invoice") == 0)
    return _("Invoice");
  if (g_strcmp0 (key, "mail-deposit") == 0)
    return _("Deposit invoice");
  if (g_strcmp0 (key, "mail-quote") == 0)
    return _("Quote");
  if (g_strcmp0 (key, "mail-credit-note") == 0)
    return _("Credit note");
  if (g_strcmp0 (key, "mail-reminder-heads-up") == 0)
    return _("Reminder before the due date");
  if (g_strcmp0 (key, "mail-reminder-email-courteous") == 0)
    return _("Reminder (courteous)");
  if (g_strcmp0 (key, "mail-reminder-email-firm") == 0)
    return _("Reminder (firm)");
  if (g_strcmp0 (key, "mail-reminder-chorus-reminder") == 0)
    return _("Reminder to a public body (Chorus Pro)");
  /* issue 13 item 5 */
  if (g_strcmp0 (key, "mail-invoice-en") == 0)
    return _("Invoice (English)");
  if (g_strcmp0 (key, "mail-deposit-en") == 0)
    return _("Deposit invoice (English)");
  if (g_strcmp0 (key, "mail-quote-en") == 0)
    return _("Quote (English)");
  if (g_strcmp0 (key, "mail-credit-note-en") == 0)
    return _("Credit note (English)");
  if (g_strcmp0 (key, "mail-reminder-heads-up-en") == 0)
    return _("Reminder before the due date (English)");
  if (g_strcmp0 (key, "mail-reminder-email-courteous-en") == 0)
    return _("Reminder (courteous, English)");
  if (g_strcmp0 (key, "mail-reminder-email-firm-en") == 0)
    return _("Reminder (firm, English)");
  if (g_strcmp0 (key, "mail-reminder-chorus-reminder-en") == 0)
    return _("Reminder to a public body (Chorus Pro, English)");
  return key;
}

const char *
factures_mail_template_for_kind (FacturesDocumentKind kind)
{
  switch (kind)
    {
    case FACTURES_DOCUMENT_KIND_QUOTE:
      return "mail-quote";
    case FACTURES_DOCUMENT_KIND_DEPOSIT:
      return "mail-deposit";
    case FACTURES_DOCUMENT_KIND_CREDIT_NOTE:
      return "mail-credit-note";
    case FACTURES_DOCUMENT_KIND_INVOICE:
    default:
      return "mail-invoice";
    }
}

char *
factures_mail_template_for_step (const char *template_id)
{
  return g_strconcat ("mail-reminder-", template_id, NULL);
}

/* "Objet : subject\n\nbody" (or "Subject: …" in the English templates) → subject, body. */
static gboolean
parse (const char  *text,
       char       **out_subject,
       char       **out_body)
{
  const char *nl = strchr (text, '\n');
  const char *prefix = "Objet :";
  g_autofree char *first = NULL;
  const char *body;

  if (nl == NULL)
    return FALSE;
  first = g_strndup (text, (gsize) (nl - text));
  if (g_str_has_prefix (first, "Subject:"))
    prefix = "Subject:";
  if (!g_str_has_prefix (first, prefix))
    return FALSE;
  body = nl + 1;
  while (*body == '\n')
    body++;
  if (out_subject != NULL)
    *out_subject = g_strstrip (g_strdup (first + strlen (prefix)));
  if (out_body != NULL)
    *out_body = g_strdup (body);
  return TRUE;
}

gboolean
factures_mail_template_load_default (const char  *key,
                                     char       **out_subject,
                                     char       **out_body,
                                     GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;

  ensure_resources ();
  path = g_strconcat (TEMPLATES_PATH, key, ".txt", NULL);
  bytes = g_resources_lookup_data (path, 0, NULL);
  if (bytes != NULL)
    text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (text == NULL || !parse (text, out_subject, out_body))
    {
      g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_COMPOSE,
                   _("No e-mail template “%s”."), key);
      return FALSE;
    }
  return TRUE;
}

gboolean
factures_mail_template_load (FacturesStore  *store,
                             const char     *key,
                             char          **out_subject,
                             char          **out_body,
                             GError        **error)
{
  GError *local_error = NULL;

  if (store != NULL && factures_store_get_mail_template (store, key, out_subject, out_body, &local_error))
    return TRUE;
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return factures_mail_template_load_default (key, out_subject, out_body, error);
}

static const char *canonical_name (const char *name);

/* The placeholders whose text is written in French: the English part of a bilingual message
 * takes their English variant (sixth trial, finding 8: dates, bank details, kind, penalties). */
static gboolean
is_english_variant (const char *canonical)
{
  static const char *const names[] = {
    "total", "amount", "issue_date", "due_date", "kind", "penalties", "payment_details",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (canonical, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The English part of a bilingual message writes its amounts the English way ("1,234.56 GBP"):
 * its {total} and {amount} (or their French names) become {total_en} and {amount_en}, which
 * factures_mail_template_values() fills (leftovers3). */
static char *
english_placeholders (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (p != NULL && *p)
    {
      const char *open = strchr (p, '{');
      const char *close = open != NULL ? strchr (open, '}') : NULL;
      g_autofree char *name = NULL;
      const char *canonical;

      if (open == NULL || close == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      name = g_strndup (open + 1, (gsize) (close - open - 1));
      canonical = canonical_name (name);
      if (is_english_variant (canonical))
        g_string_append_printf (out, "{%s_en}", canonical);
      else
        g_string_append_len (out, open, close - open + 1);
      p = close + 1;
    }
  return g_string_free (out, FALSE);
}

/**
 * factures_mail_template_load_for_language:
 * (see factures-mail-template.h)
 */
gboolean
factures_mail_template_load_for_language (FacturesStore            *store,
                                          const char               *key,
                                          FacturesDocumentLanguage  language,
                                          char                    **out_subject,
                                          char                    **out_body,
                                          GError                  **error)
{
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *en_key = NULL;
  g_autofree char *en_subject = NULL;
  g_autofree char *en_body = NULL;

  if (!factures_mail_template_load (store, key, &subject, &body, error))
    return FALSE;
  en_key = g_strconcat (key, FACTURES_MAIL_ENGLISH_SUFFIX, NULL);
  if (language == FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH
      && factures_mail_template_load (store, en_key, &en_subject, &en_body, NULL))
    {
      g_autofree char *en_subject_text = english_placeholders (en_subject);
      g_autofree char *en_body_text = english_placeholders (en_body);

      /* French first, as on the PDF; one message, one attachment. */
      *out_subject = g_strdup_printf ("%s / %s", subject, en_subject_text);
      *out_body = g_strdup_printf ("%s\n\n— English version —\n\n%s", g_strchomp (body), en_body_text);
      return TRUE;
    }
  *out_subject = g_steal_pointer (&subject);
  *out_body = g_steal_pointer (&body);
  return TRUE;
}

/* Each placeholder, and the French name a user inserts from the editor's menu (issue 11
 * item 6): {Nom du client} and {client} give the same text, so the templates written
 * before keep working. */
static const FacturesMailPlaceholder placeholders[] = {
  { "client", "Nom du client" },
  { "number", "Numéro" },
  { "kind", "Type de document" },
  { "issue_date", "Date d’émission" },
  { "due_date", "Échéance" },
  { "total", "Total TTC" },
  { "amount", "Montant dû" },
  { "days_late", "Jours de retard" },
  { "penalties", "Pénalités de retard" },
  { "payment_details", "Coordonnées bancaires" },
  { "sender", "Votre nom" },
};

/**
 * factures_mail_template_placeholders:
 * @n_placeholders: (out): how many
 *
 * Returns: (transfer none): the placeholders, in the order of the editor's menu.
 */
const FacturesMailPlaceholder *
factures_mail_template_placeholders (guint *n_placeholders)
{
  *n_placeholders = G_N_ELEMENTS (placeholders);
  return placeholders;
}

static const char *
canonical_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    if (g_strcmp0 (placeholders[i].french, name) == 0)
      return placeholders[i].name;
  return name;
}

static void
put (GHashTable *values,
     const char *name,
     char       *value)
{
  g_hash_table_insert (values, g_strdup (name), value != NULL ? value : g_strdup (""));
}

/* "1 September 2026": day, month name, year, read the same in Britain and America (the
 * English part of a bilingual message; 01/09/2026 is the 9th of January to an American). */
static char *
date_english (const GDate *date)
{
  static const char *const months[] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  };

  if (!g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%u %s %u", (guint) g_date_get_day (date),
                          months[g_date_get_month (date) - 1], (guint) g_date_get_year (date));
}

static const char *
kind_english (FacturesDocumentKind kind)
{
  switch (kind)
    {
    case FACTURES_DOCUMENT_KIND_QUOTE:
      return "Quote";
    case FACTURES_DOCUMENT_KIND_INVOICE:
      return "Invoice";
    case FACTURES_DOCUMENT_KIND_CREDIT_NOTE:
      return "Credit note";
    case FACTURES_DOCUMENT_KIND_DEPOSIT:
      return "Deposit invoice";
    default:
      return "Document";
    }
}

static char *
payment_details (const FacturesProfile *seller,
                 gboolean               english)
{
  GString *text = g_string_new (NULL);

  if (seller == NULL || seller->iban == NULL || *seller->iban == '\0')
    return g_string_free (text, FALSE);
  g_string_append (text, english ? "Payment by bank transfer:\nIBAN: " : "Règlement par virement :\nIBAN : ");
  /* Groups of four characters, as printed on the invoice. */
  for (const char *p = seller->iban; *p; p++)
    {
      if (p != seller->iban && (p - seller->iban) % 4 == 0)
        g_string_append_c (text, ' ');
      g_string_append_c (text, *p);
    }
  if (seller->bic != NULL && *seller->bic != '\0')
    g_string_append_printf (text, english ? "\nBIC: %s" : "\nBIC : %s", seller->bic);
  return g_string_free (text, FALSE);
}

GHashTable *
factures_mail_template_values (const FacturesDocument *document,
                               const GDate            *today)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  FacturesTotals totals = { 0 };
  gint days_late = 0;

  g_return_val_if_fail (document != NULL, values);

  put (values, "client", g_strdup (document->buyer != NULL ? document->buyer->party.name : ""));
  put (values, "number", g_strdup (document->number != NULL ? document->number : ""));
  put (values, "kind", g_strdup (factures_document_kind_title_fr (document->kind)));
  if (factures_document_compute_totals (document, &totals, NULL))
    {
      /* issue 13 item 4: in the document's currency (BT-5) */
      put (values, "total", factures_currency_format (totals.gross_total, document->currency));
      put (values, "amount", factures_currency_format (totals.amount_due, document->currency));
      /* the English part of a bilingual message (english_placeholders()) */
      put (values, "total_en", factures_currency_format_english (totals.gross_total, document->currency));
      put (values, "amount_en", factures_currency_format_english (totals.amount_due, document->currency));
      factures_totals_clear (&totals);
    }
  put (values, "issue_date", g_date_valid (&document->issue_date)
                               ? factures_date_format_fr (&document->issue_date) : NULL);
  put (values, "due_date", g_date_valid (&document->due_date)
                             ? factures_date_format_fr (&document->due_date) : NULL);
  if (today != NULL && g_date_valid (today) && g_date_valid (&document->due_date))
    days_late = MAX (0, factures_date_days_between (&document->due_date, today));
  put (values, "days_late", g_strdup_printf ("%d", days_late));
  if (document->buyer != NULL && factures_client_category_is_b2b (document->buyer->category))
    put (values, "penalties",
         g_strdup ("Conformément à l’article L441-10 du Code de commerce, ce retard fait courir "
                   "les pénalités de retard prévues sur la facture, ainsi que l’indemnité "
                   "forfaitaire pour frais de recouvrement de 40 €."));
  else
    put (values, "penalties", NULL);
  put (values, "payment_details", payment_details (document->seller, FALSE));
  /* the English part of a bilingual message (english_placeholders()) */
  put (values, "kind_en", g_strdup (kind_english (document->kind)));
  put (values, "issue_date_en", date_english (&document->issue_date));
  put (values, "due_date_en", date_english (&document->due_date));
  put (values, "payment_details_en", payment_details (document->seller, TRUE));
  if (document->buyer != NULL && factures_client_category_is_b2b (document->buyer->category))
    put (values, "penalties_en",
         g_strdup ("Under article L441-10 of the French Commercial Code, this delay incurs the late "
                   "payment penalties stated on the invoice and the fixed compensation of €40 for "
                   "recovery costs."));
  else
    put (values, "penalties_en", NULL);
  put (values, "sender", g_strdup (document->seller != NULL ? document->seller->party.name : ""));
  return values;
}

char *
factures_mail_template_expand (const char *text,
                               GHashTable *values)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (p != NULL && *p)
    {
      const char *open = strchr (p, '{');
      const char *close;

      if (open == NULL)
        {
          g_string_append (out, p);
          break;
        }
      close = strchr (open, '}');
      g_string_append_len (out, p, open - p);
      if (close == NULL)
        {
          g_string_append (out, open);
          break;
        }
      {
        g_autofree char *name = g_strndup (open + 1, (gsize) (close - open - 1));
        const char *value = g_hash_table_lookup (values, canonical_name (name));

        if (value != NULL)
          g_string_append (out, value);
        else
          g_string_append_len (out, open, close - open + 1);
      }
      p = close + 1;
    }
  /* A placeholder that expanded to nothing must not leave three blank lines. */
  while (strstr (out->str, "\n\n\n") != NULL)
    {
      char *at = strstr (out->str, "\n\n\n");

      g_string_erase (out, at - out->str, 1);
    }
  return g_string_free (out, FALSE);
}
