/* factures-cdar.c — lifecycle (CDV) messages: UN/CEFACT CDAR D22B
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "factures-cdar.h"
#include "factures-pa-error.h"

#define NS_RSM "urn:un:unece:uncefact:data:standard:CrossDomainAcknowledgementAndResponse:100"
#define NS_RAM "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
#define NS_UDT "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
#define NS_QDT "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathContext, xmlXPathFreeContext)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathObject, xmlXPathFreeObject)

static gboolean
format_error (GError    **error,
              const char *path)
{
  g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_FORMAT,
               _("The lifecycle message (CDAR) cannot be read: %s is missing or wrong."), path);
  return FALSE;
}

/* The trimmed text of the first node @expr finds under @node, or NULL. */
static char *
text_at (xmlXPathContextPtr ctx,
         xmlNodePtr         node,
         const char        *expr)
{
  g_autoptr(xmlXPathObject) obj = NULL;
  xmlChar *content;
  char *text;

  ctx->node = node;
  obj = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  if (obj == NULL || obj->nodesetval == NULL || obj->nodesetval->nodeNr == 0)
    return NULL;
  content = xmlNodeGetContent (obj->nodesetval->nodeTab[0]);
  text = g_strstrip (g_strdup ((const char *) content));
  xmlFree (content);
  if (*text == '\0' || !g_utf8_validate (text, -1, NULL))
    {
      g_free (text);
      return NULL;
    }
  return text;
}

/* "YYYYMMDDHHMMSS" (format 204) → "YYYY-MM-DDTHH:MM:SS"; NULL when not 14 digits. */
static char *
date_204 (const char *text)
{
  g_autoptr(GDateTime) t = NULL;
  int i;

  if (text == NULL || strlen (text) != 14)
    return NULL;
  for (i = 0; i < 14; i++)
    if (!g_ascii_isdigit (text[i]))
      return NULL;
  {
    char y[5], mo[3], d[3], h[3], mi[3], s[3];

    memcpy (y, text, 4); y[4] = 0;
    memcpy (mo, text + 4, 2); mo[2] = 0;
    memcpy (d, text + 6, 2); d[2] = 0;
    memcpy (h, text + 8, 2); h[2] = 0;
    memcpy (mi, text + 10, 2); mi[2] = 0;
    memcpy (s, text + 12, 2); s[2] = 0;
    t = g_date_time_new_utc (atoi (y), atoi (mo), atoi (d), atoi (h), atoi (mi), atoi (s));
    if (t == NULL)
      return NULL;
    return g_strdup_printf ("%s-%s-%sT%s:%s:%s", y, mo, d, h, mi, s);
  }
}

/* "120.50" → 12050 cents; FALSE for anything else (no double). */
static gboolean
parse_cents (const char *text,
             gint64     *out)
{
  gint64 units = 0, cents = 0;
  const char *p = text;
  gboolean negative = FALSE;
  int digits = 0, decimals = 0;

  if (text == NULL)
    return FALSE;
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  for (; g_ascii_isdigit (*p); p++, digits++)
    {
      if (units > G_MAXINT64 / 100)
        return FALSE;
      units = units * 10 + (*p - '0');
    }
  if (digits == 0 || digits > 15)
    return FALSE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++, decimals++)
      {
        if (decimals >= 2)
          {
            if (*p != '0')
              return FALSE;
            continue;
          }
        cents = cents * 10 + (*p - '0');
      }
  if (*p != '\0')
    return FALSE;
  if (decimals == 1)
    cents *= 10;
  *out = (units * 100 + cents) * (negative ? -1 : 1);
  return TRUE;
}

GPtrArray *
factures_cdar_parse (GBytes  *xml,
                     GError **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(xmlXPathContext) ctx = NULL;
  g_autoptr(xmlXPathObject) refs = NULL;
  g_autoptr(GPtrArray) statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_pa_status_free);
  g_autofree char *message_id = NULL;
  g_autofree char *exchanged_date = NULL;
  g_autofree char *role = NULL;
  g_autofree char *sender_id = NULL;
  g_autofree char *sender_name = NULL;
  xmlNodePtr root;
  gsize size;
  const char *data = g_bytes_get_data (xml, &size);
  int i;

  if (data == NULL || size == 0 || size > 10 * 1024 * 1024)
    {
      format_error (error, _("the file (empty or larger than 10 MiB)"));
      return NULL;
    }
  doc = xmlReadMemory (data, (int) size, "cdar.xml", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      g_set_error_literal (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_FORMAT,
                           _("The lifecycle message (CDAR) is not well-formed XML."));
      return NULL;
    }
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error_literal (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_FORMAT,
                           _("The lifecycle message (CDAR) carries a DTD, which is refused."));
      return NULL;
    }
  root = xmlDocGetRootElement (doc);
  if (root == NULL || root->ns == NULL || g_strcmp0 ((const char *) root->ns->href, NS_RSM) != 0 ||
      g_strcmp0 ((const char *) root->name, "CrossDomainAcknowledgementAndResponse") != 0)
    {
      format_error (error, "rsm:CrossDomainAcknowledgementAndResponse");
      return NULL;
    }
  ctx = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (ctx, BAD_CAST "rsm", BAD_CAST NS_RSM);
  xmlXPathRegisterNs (ctx, BAD_CAST "ram", BAD_CAST NS_RAM);
  xmlXPathRegisterNs (ctx, BAD_CAST "udt", BAD_CAST NS_UDT);
  xmlXPathRegisterNs (ctx, BAD_CAST "qdt", BAD_CAST NS_QDT);

  message_id = text_at (ctx, root, "rsm:ExchangedDocument/ram:ID");
  if (message_id == NULL)
    {
      format_error (error, "ExchangedDocument/ID");
      return NULL;
    }
  {
    g_autofree char *raw = text_at (ctx, root, "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString");

    exchanged_date = date_204 (raw);
    if (exchanged_date == NULL)
      {
        format_error (error, "ExchangedDocument/IssueDateTime (YYYYMMDDHHMMSS)");
        return NULL;
      }
  }
  role = text_at (ctx, root, "rsm:ExchangedDocument/ram:IssuerTradeParty/ram:RoleCode");
  sender_id = text_at (ctx, root, "rsm:ExchangedDocument/ram:IssuerTradeParty/ram:GlobalID");
  sender_name = text_at (ctx, root, "rsm:ExchangedDocument/ram:IssuerTradeParty/ram:Name");

  ctx->node = root;
  refs = xmlXPathEvalExpression (BAD_CAST "rsm:AcknowledgementDocument/ram:ReferenceReferencedDocument", ctx);
  if (refs == NULL || refs->nodesetval == NULL || refs->nodesetval->nodeNr == 0)
    {
      format_error (error, "AcknowledgementDocument/ReferenceReferencedDocument");
      return NULL;
    }
  for (i = 0; i < refs->nodesetval->nodeNr; i++)
    {
      xmlNodePtr ref = refs->nodesetval->nodeTab[i];
      g_autoptr(FacturesPaStatus) status = g_new0 (FacturesPaStatus, 1);
      g_autofree char *code_text = text_at (ctx, ref, "ram:ProcessConditionCode");
      g_autofree char *ack_date = NULL;
      g_autoptr(xmlXPathObject) amounts = NULL;
      char *end = NULL;
      gint64 code;
      int j;

      code = code_text != NULL ? g_ascii_strtoll (code_text, &end, 10) : 0;
      if (code_text == NULL || *end != '\0' || factures_pa_status_label ((gint) code) == NULL)
        {
          format_error (error, "ReferenceReferencedDocument/ProcessConditionCode (200–213, 220)");
          return NULL;
        }
      status->code = (gint) code;
      status->invoice_number = text_at (ctx, ref, "ram:IssuerAssignedID");
      if (status->invoice_number == NULL)
        {
          format_error (error, "ReferenceReferencedDocument/IssuerAssignedID");
          return NULL;
        }
      {
        g_autofree char *raw = text_at (ctx, ref, "../ram:IssueDateTime/udt:DateTimeString");

        ack_date = date_204 (raw);
        if (raw != NULL && ack_date == NULL)
          {
            format_error (error, "AcknowledgementDocument/IssueDateTime (YYYYMMDDHHMMSS)");
            return NULL;
          }
      }
      status->message_id = g_strdup (message_id);
      status->date = g_strdup (ack_date != NULL ? ack_date : exchanged_date);
      status->sender_role = g_strdup (role);
      status->sender_id = g_strdup (sender_id);
      status->sender_name = g_strdup (sender_name);
      status->reason_code = text_at (ctx, ref, "ram:SpecifiedDocumentStatus/ram:ReasonCode");
      status->reason = text_at (ctx, ref, "ram:SpecifiedDocumentStatus/ram:Reason");
      ctx->node = ref;
      amounts = xmlXPathEvalExpression (BAD_CAST "ram:SpecifiedDocumentStatus/ram:SpecifiedDocumentCharacteristic"
                                        "[ram:TypeCode = 'MEN']/ram:ValueAmount", ctx);
      for (j = 0; amounts != NULL && amounts->nodesetval != NULL && j < amounts->nodesetval->nodeNr; j++)
        {
          xmlChar *content = xmlNodeGetContent (amounts->nodesetval->nodeTab[j]);
          g_autofree char *text = g_strstrip (g_strdup ((const char *) content));
          gint64 cents;

          xmlFree (content);
          if (!parse_cents (text, &cents))
            {
              format_error (error, "SpecifiedDocumentCharacteristic/ValueAmount");
              return NULL;
            }
          status->amount += cents;
        }
      g_ptr_array_add (statuses, g_steal_pointer (&status));
    }
  return g_steal_pointer (&statuses);
}

static void
append_party (GString    *out,
              const char *tag,
              const char *siren,
              const char *name,
              const char *role)
{
  g_autofree char *text = g_markup_printf_escaped ("<ram:%s><ram:GlobalID schemeID=\"0002\">%s</ram:GlobalID>"
                                                   "<ram:Name>%s</ram:Name><ram:RoleCode>%s</ram:RoleCode></ram:%s>",
                                                   tag, siren, name, role, tag);
  g_string_append (out, text);
}

static char *
format_cents (gint64 cents)
{
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", cents < 0 ? "-" : "",
                          ABS (cents) / 100, (int) (ABS (cents) % 100));
}

static char *
format_rate (gint64 bp)
{
  if (bp % 100 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, bp / 100);
  if (bp % 10 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT ".%d", bp / 100, (int) (bp % 100) / 10);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", bp / 100, (int) (bp % 100));
}

GBytes *
factures_cdar_build (const char   *message_id,
                     gint          code,
                     const char   *role,
                     const char   *number,
                     const GDate  *issue_date,
                     const char   *seller_siren,
                     const char   *seller_name,
                     const char   *buyer_siren,
                     const char   *buyer_name,
                     const char   *reason_code,
                     const char   *reason,
                     const gint64 *amounts,
                     guint         n_amounts,
                     GDateTime    *now)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_autofree char *when = g_date_time_format (now, "%Y%m%d%H%M%S");
  g_autofree char *text = NULL;
  gboolean seller = g_strcmp0 (role, "SE") == 0;
  /* MDT-77 / MDT-88 (PA.md §2): 23 for the parties' statuses; 47 for 211/212, 50 refused,
   * 46 disputed, 1 approved, 45 otherwise. */
  const char *status_code = code == 212 || code == 211 ? "47" : code == 210 ? "50" : code == 207 ? "46"
                            : code == 205 ? "1" : "45";
  char issue[9];

  if (issue_date != NULL && g_date_valid (issue_date))
    g_snprintf (issue, sizeof issue, "%04d%02d%02d", g_date_get_year (issue_date),
                g_date_get_month (issue_date), g_date_get_day (issue_date));
  else
    g_strlcpy (issue, "00000000", sizeof issue);
  g_string_append (out,
                   "<rsm:CrossDomainAcknowledgementAndResponse"
                   " xmlns:rsm=\"" NS_RSM "\" xmlns:ram=\"" NS_RAM "\""
                   " xmlns:udt=\"" NS_UDT "\" xmlns:qdt=\"" NS_QDT "\">"
                   "<rsm:ExchangedDocumentContext>"
                   "<ram:BusinessProcessSpecifiedDocumentContextParameter><ram:ID>REGULATED</ram:ID>"
                   "</ram:BusinessProcessSpecifiedDocumentContextParameter>"
                   "<ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn.cpro.gouv.fr:1p0:CDV:invoice</ram:ID>"
                   "</ram:GuidelineSpecifiedDocumentContextParameter>"
                   "</rsm:ExchangedDocumentContext>");
  text = g_markup_printf_escaped ("<rsm:ExchangedDocument><ram:ID>%s</ram:ID><ram:Name>CDV-%d</ram:Name>"
                                  "<ram:IssueDateTime><udt:DateTimeString format=\"204\">%s</udt:DateTimeString>"
                                  "</ram:IssueDateTime>",
                                  message_id, code, when);
  g_string_append (out, text);
  g_clear_pointer (&text, g_free);
  append_party (out, "IssuerTradeParty", seller ? seller_siren : buyer_siren,
                seller ? seller_name : buyer_name, role);
  append_party (out, "RecipientTradeParty", seller ? buyer_siren : seller_siren,
                seller ? buyer_name : seller_name, seller ? "BY" : "SE");
  g_string_append (out, "</rsm:ExchangedDocument>");
  text = g_markup_printf_escaped ("<rsm:AcknowledgementDocument>"
                                  "<ram:MultipleReferencesIndicator><udt:Indicator>false</udt:Indicator>"
                                  "</ram:MultipleReferencesIndicator>"
                                  "<ram:TypeCode>23</ram:TypeCode>"
                                  "<ram:IssueDateTime><udt:DateTimeString format=\"204\">%s</udt:DateTimeString>"
                                  "</ram:IssueDateTime>"
                                  "<ram:ReferenceReferencedDocument>"
                                  "<ram:IssuerAssignedID>%s</ram:IssuerAssignedID>"
                                  "<ram:StatusCode>%s</ram:StatusCode>"
                                  "<ram:TypeCode>380</ram:TypeCode>"
                                  "<ram:FormattedIssueDateTime><qdt:DateTimeString format=\"102\">%s"
                                  "</qdt:DateTimeString></ram:FormattedIssueDateTime>"
                                  "<ram:ProcessConditionCode>%d</ram:ProcessConditionCode>"
                                  "<ram:ProcessCondition>%s</ram:ProcessCondition>"
                                  "<ram:IssuerTradeParty><ram:GlobalID schemeID=\"0002\">%s</ram:GlobalID>"
                                  "</ram:IssuerTradeParty>",
                                  when, number, status_code, issue, code,
                                  factures_pa_status_label (code), seller_siren);
  g_string_append (out, text);
  g_clear_pointer (&text, g_free);
  if (reason_code != NULL || reason != NULL || n_amounts > 0)
    {
      guint i;

      g_string_append (out, "<ram:SpecifiedDocumentStatus>");
      if (reason_code != NULL)
        {
          text = g_markup_printf_escaped ("<ram:ReasonCode>%s</ram:ReasonCode>", reason_code);
          g_string_append (out, text);
          g_clear_pointer (&text, g_free);
        }
      if (reason != NULL)
        {
          text = g_markup_printf_escaped ("<ram:Reason>%s</ram:Reason>", reason);
          g_string_append (out, text);
          g_clear_pointer (&text, g_free);
        }
      for (i = 0; i < n_amounts; i++)
        {
          g_autofree char *rate = format_rate (amounts[2 * i]);
          g_autofree char *value = format_cents (amounts[2 * i + 1]);

          g_string_append_printf (out,
                                  "<ram:SpecifiedDocumentCharacteristic><ram:TypeCode>MEN</ram:TypeCode>"
                                  "<ram:ValueChangedIndicator><udt:Indicator>false</udt:Indicator>"
                                  "</ram:ValueChangedIndicator>"
                                  "<ram:ValueAmount currencyID=\"EUR\">%s</ram:ValueAmount>"
                                  "<ram:ValuePercent>%s</ram:ValuePercent>"
                                  "</ram:SpecifiedDocumentCharacteristic>", value, rate);
        }
      g_string_append (out, "</ram:SpecifiedDocumentStatus>");
    }
  g_string_append (out, "</ram:ReferenceReferencedDocument></rsm:AcknowledgementDocument>"
                        "</rsm:CrossDomainAcknowledgementAndResponse>\n");
  return g_string_free_to_bytes (out);
}
