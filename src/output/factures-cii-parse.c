/* factures-cii-parse.c — parsing a CII XML file safely, and saying in French what is wrong (issue 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libxml/parser.h>

#include "factures-cii-parse.h"
#include "factures-error.h"
#include "factures-cii-reader.h"

/* libxml2's text with the CII namespaces as their usual prefixes, trimmed. */
static char *
raw_text (const char *message)
{
  g_autoptr(GString) text = g_string_new (message != NULL ? message : "");

  g_string_replace (text, "{" FACTURES_CII_NS_RAM "}", "ram:", 0);
  g_string_replace (text, "{" FACTURES_CII_NS_RSM "}", "rsm:", 0);
  g_string_replace (text, "{" FACTURES_CII_NS_UDT "}", "udt:", 0);
  g_string_replace (text, "{" FACTURES_CII_NS_QDT "}", "qdt:", 0);
  g_strstrip (text->str);
  text->len = strlen (text->str);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * factures_cii_parse:
 * (see factures-cii-parse.h)
 */
xmlDocPtr
factures_cii_parse (const char  *data,
                    gsize        size,
                    GError     **error)
{
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;

  if (size == 0)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("The file is empty."));
      return NULL;
    }
  /* Before libxml2 holds it all: an invoice's XML is far smaller (issue 10). */
  if (size > FACTURES_INVOICE_FILE_XML_MAX)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW,
                   /* Translators: %d is the limit in MiB ("10") */
                   _("The invoice XML is too large: at most %d MiB are accepted."),
                   FACTURES_INVOICE_FILE_XML_MAX / (1024 * 1024));
      return NULL;
    }
  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("The XML file cannot be read."));
      return NULL;
    }
  /* No XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR or XML_PARSE_DTDVALID:
   * external entities and DTDs are never loaded. */
  doc = xmlCtxtReadMemory (ctxt, data, (int) MIN (size, G_MAXINT), "invoice.xml", NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      const xmlError *err = xmlCtxtGetLastError (ctxt);
      g_autofree char *raw = raw_text (err != NULL ? err->message : NULL);

      if (err != NULL && err->line > 0)
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                     _("The XML file is not well-formed at line %d (technical detail: %s)."), err->line, raw);
      else
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                     _("The XML file is not well-formed (technical detail: %s)."), raw);
      xmlFreeParserCtxt (ctxt);
      return NULL;
    }
  xmlFreeParserCtxt (ctxt);
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                           _("The XML file declares a document type (DOCTYPE): an invoice never has one, "
                             "and its entities could read other files, so it is refused."));
      xmlFreeDoc (doc);
      return NULL;
    }
  return doc;
}

/* "ram:Name" for an element or "@unitCode" for an attribute, the usual prefix for the CII namespaces. */
static char *
node_name (const xmlNode *node)
{
  const char *prefix = NULL;

  if (node == NULL || node->name == NULL)
    return NULL;
  if (node->ns != NULL && node->ns->href != NULL)
    {
      const char *href = (const char *) node->ns->href;

      prefix = g_str_equal (href, FACTURES_CII_NS_RAM) ? "ram"
               : g_str_equal (href, FACTURES_CII_NS_RSM) ? "rsm"
               : g_str_equal (href, FACTURES_CII_NS_UDT) ? "udt"
               : g_str_equal (href, FACTURES_CII_NS_QDT) ? "qdt"
               : (const char *) node->ns->prefix;
    }
  if (node->type == XML_ATTRIBUTE_NODE)
    {
      g_autofree char *owner = node_name (node->parent);

      return g_strdup_printf ("%s/@%s", owner != NULL ? owner : "", node->name);
    }
  return prefix != NULL ? g_strdup_printf ("%s:%s", prefix, node->name) : g_strdup ((const char *) node->name);
}

/* The names inside "Expected is ( a, b )" or "Expected is one of ( a, b )", or NULL. */
static char *
expected_names (const char *raw)
{
  const char *start = strstr (raw, "Expected is");
  const char *open, *close;

  if (start == NULL || (open = strchr (start, '(')) == NULL || (close = strrchr (start, ')')) == NULL || close < open)
    return NULL;
  return g_strstrip (g_strndup (open + 1, close - open - 1));
}

/**
 * factures_cii_schema_problem:
 * (see factures-cii-parse.h)
 */
char *
factures_cii_schema_problem (const xmlError *err)
{
  g_autofree char *raw = raw_text (err->message);
  g_autofree char *name = node_name (err->node);
  g_autofree char *value = NULL;
  g_autofree char *expected = expected_names (raw);
  g_autofree char *what = NULL;
  const xmlNode *node = err->node;

  if (node != NULL && (node->type == XML_ELEMENT_NODE || node->type == XML_ATTRIBUTE_NODE))
    {
      xmlChar *content = xmlNodeGetContent ((xmlNodePtr) node);

      value = g_strstrip (g_strdup ((const char *) content));
      xmlFree (content);
      if (g_utf8_strlen (value, -1) > 40)
        {
          char *cut = g_utf8_substring (value, 0, 40);

          g_free (value);
          value = g_strconcat (cut, "…", NULL);
          g_free (cut);
        }
    }

  switch (err->code)
    {
    case XML_SCHEMAV_ELEMENT_CONTENT:
      if (strstr (raw, "Missing child element") != NULL)
        what = expected != NULL ? g_strdup_printf (_("an element is missing in it (expected: %s)"), expected)
                                : g_strdup (_("an element is missing in it"));
      else
        what = expected != NULL ? g_strdup_printf (_("this element is not expected here (expected: %s)"), expected)
                                : g_strdup (_("this element is not expected here"));
      break;
    case XML_SCHEMAV_CVC_ENUMERATION_VALID:
      what = g_strdup_printf (_("“%s” is not one of the codes allowed here"), value != NULL ? value : "");
      break;
    case XML_SCHEMAV_CVC_FRACTIONDIGITS_VALID:
    case XML_SCHEMAV_CVC_TOTALDIGITS_VALID:
      what = g_strdup_printf (_("“%s” has too many digits"), value != NULL ? value : "");
      break;
    case XML_SCHEMAV_CVC_LENGTH_VALID:
    case XML_SCHEMAV_CVC_MINLENGTH_VALID:
    case XML_SCHEMAV_CVC_MAXLENGTH_VALID:
      what = g_strdup_printf (_("“%s” is too short or too long"), value != NULL ? value : "");
      break;
    case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1:
    case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_2:
    case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_3:
    case XML_SCHEMAV_CVC_PATTERN_VALID:
    case XML_SCHEMAV_CVC_MININCLUSIVE_VALID:
    case XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID:
    case XML_SCHEMAV_CVC_MINEXCLUSIVE_VALID:
    case XML_SCHEMAV_CVC_MAXEXCLUSIVE_VALID:
      what = g_strdup_printf (_("the value “%s” is not of the expected kind (a number, a date, a code…)"),
                              value != NULL ? value : "");
      break;
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_4:
      what = g_strdup (_("a required attribute is missing"));
      break;
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1:
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2:
      what = g_strdup (_("this attribute is not allowed"));
      break;
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1:
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3:
      what = g_strdup (_("this element must not contain text"));
      break;
    case XML_SCHEMAV_CVC_ELT_1:
      what = g_strdup (_("this is not the root element of a CII invoice"));
      break;
    default:
      what = g_strdup (_("this does not follow the schema"));
      break;
    }
  if (name != NULL)
    /* Translators: line number, element name (ram:Name), what is wrong, then libxml2's English text */
    return g_strdup_printf (_("Line %d, %s: %s (technical detail: %s)"), err->line, name, what, raw);
  return g_strdup_printf (_("Line %d: %s (technical detail: %s)"), err->line, what, raw);
}
