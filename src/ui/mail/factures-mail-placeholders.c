/* factures-mail-placeholders.c — the placeholders of the mail templates, as a French user reads them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-mail-placeholders.h"

static const FacturesMailPlaceholder placeholders[] = {
  { "client",          NC_("mail placeholder", "Client name") },
  { "number",          NC_("mail placeholder", "Number") },
  { "kind",            NC_("mail placeholder", "Kind of document") },
  { "issue_date",      NC_("mail placeholder", "Issue date") },
  { "due_date",        NC_("mail placeholder", "Due date") },
  { "total",           NC_("mail placeholder", "Total incl. VAT") },
  { "amount",          NC_("mail placeholder", "Amount due") },
  { "days_late",       NC_("mail placeholder", "Days late") },
  { "penalties",       NC_("mail placeholder", "Late-payment penalties") },
  { "payment_details", NC_("mail placeholder", "Payment details") },
  { "sender",          NC_("mail placeholder", "Your name") },
};

const FacturesMailPlaceholder *
factures_mail_placeholders (guint *n_placeholders)
{
  *n_placeholders = G_N_ELEMENTS (placeholders);
  return placeholders;
}

/* Replaces each "{from}" of @text by "{to}", where @from_of and @to_of pick the two sides
 * of each placeholder. */
static char *
replace_all (const char   *text,
             const char *(*from_of) (const FacturesMailPlaceholder *, gboolean),
             const char *(*to_of) (const FacturesMailPlaceholder *))
{
  GString *out = g_string_new (NULL);
  const char *p = text != NULL ? text : "";

  while (*p != '\0')
    {
      const char *close = *p == '{' ? strchr (p + 1, '}') : NULL;
      gboolean replaced = FALSE;

      if (close != NULL)
        {
          g_autofree char *name = g_strndup (p + 1, close - p - 1);

          for (guint i = 0; i < G_N_ELEMENTS (placeholders) && !replaced; i++)
            for (guint variant = 0; variant < 2 && !replaced; variant++)
              {
                const char *from = from_of (&placeholders[i], variant == 1);

                if (from != NULL && g_strcmp0 (name, from) == 0)
                  {
                    g_string_append_printf (out, "{%s}", to_of (&placeholders[i]));
                    replaced = TRUE;
                  }
              }
        }
      if (replaced)
        p = close + 1;
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static const char *
key_of (const FacturesMailPlaceholder *placeholder)
{
  return placeholder->key;
}

static const char *
key_variant (const FacturesMailPlaceholder *placeholder,
             gboolean                       second)
{
  return second ? NULL : placeholder->key;
}

/* Translated in their own context: "Due date" is « Échéance » here, whatever it is elsewhere. */
static const char *
translated (const FacturesMailPlaceholder *placeholder)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "mail placeholder", placeholder->label);
}

static const char *
label_of (const FacturesMailPlaceholder *placeholder)
{
  return translated (placeholder);
}

/* The translated label, then the source one. */
static const char *
label_variant (const FacturesMailPlaceholder *placeholder,
               gboolean                       second)
{
  return second ? placeholder->label : translated (placeholder);
}

char *
factures_mail_placeholders_to_labels (const char *text)
{
  return replace_all (text, key_variant, label_of);
}

char *
factures_mail_placeholders_to_keys (const char *text)
{
  return replace_all (text, label_variant, key_of);
}
