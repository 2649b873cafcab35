/* factures-epc-qr.c — EPC069-12 payload
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-epc-qr.h"

static const char *const charset_names[] = {
  NULL, "UTF-8", "ISO-8859-1", "ISO-8859-2", "ISO-8859-4", "ISO-8859-5",
  "ISO-8859-7", "ISO-8859-10", "ISO-8859-15",
};

static gboolean
invalid (GError **error, const char *message)
{
  g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID, message);
  return FALSE;
}

/* Trimmed copy; NULL and blank give "". */
static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static gboolean
is_alnum_upper (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

/* "EUR12.3": dot decimal, trailing zeros dropped (as segno does). */
static char *
format_amount (gint64 cents)
{
  gint64 units = cents / 100;
  gint rest = (gint) (cents % 100);

  if (rest == 0)
    return g_strdup_printf ("EUR%" G_GINT64_FORMAT, units);
  if (rest % 10 == 0)
    return g_strdup_printf ("EUR%" G_GINT64_FORMAT ".%d", units, rest / 10);
  return g_strdup_printf ("EUR%" G_GINT64_FORMAT ".%02d", units, rest);
}

char *
factures_epc_qr_payload (const FacturesEpcQr *qr,
                         GError             **error)
{
  gint charset = qr->charset == 0 ? 1 : qr->charset;
  g_autofree char *version = trimmed (qr->version);
  g_autofree char *bic = NULL;
  g_autofree char *name = trimmed (qr->name);
  g_autofree char *iban = NULL;
  g_autofree char *purpose = trimmed (qr->purpose);
  g_autofree char *reference = trimmed (qr->reference);
  g_autofree char *text = trimmed (qr->text);
  g_autofree char *information = trimmed (qr->information);
  g_autofree char *amount = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *iban_buf = g_string_new (NULL);
  GString *bic_buf = g_string_new (NULL);

  /* IBAN and BIC: spaces removed, upper case */
  for (const char *p = qr->iban != NULL ? qr->iban : ""; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (iban_buf, g_ascii_toupper (*p));
  iban = g_string_free (iban_buf, FALSE);
  for (const char *p = qr->bic != NULL ? qr->bic : ""; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (bic_buf, g_ascii_toupper (*p));
  bic = g_string_free (bic_buf, FALSE);

  if (*version == '\0')
    {
      g_free (version);
      version = g_strdup ("002");
    }
  if (strcmp (version, "001") != 0 && strcmp (version, "002") != 0)
    return invalid (error, _("QR code: the version must be 001 or 002.")), NULL;
  if (charset < 1 || charset > 8)
    return invalid (error, _("QR code: unknown character set.")), NULL;
  if (*bic != '\0' && ((strlen (bic) != 8 && strlen (bic) != 11) || !is_alnum_upper (bic)))
    return invalid (error, _("QR code: the BIC must have 8 or 11 letters or digits.")), NULL;
  if (*bic == '\0' && strcmp (version, "001") == 0)
    return invalid (error, _("QR code: version 001 needs a BIC.")), NULL;
  if (*name == '\0' || !g_utf8_validate (name, -1, NULL) || g_utf8_strlen (name, -1) > 70)
    return invalid (error, _("QR code: the beneficiary name is required (70 characters at most).")), NULL;
  if (*iban == '\0' || strlen (iban) > 34 || !is_alnum_upper (iban))
    return invalid (error, _("QR code: the IBAN is required (34 letters or digits at most).")), NULL;
  if (qr->amount < 0 || qr->amount > G_GINT64_CONSTANT (99999999999))
    return invalid (error, _("QR code: the amount must be between 0,01 € and 999 999 999,99 €.")), NULL;
  if (*purpose != '\0' && (strlen (purpose) != 4 || !is_alnum_upper (purpose)))
    return invalid (error, _("QR code: the purpose code must have 4 letters or digits.")), NULL;
  if (!g_utf8_validate (reference, -1, NULL) || g_utf8_strlen (reference, -1) > 35)
    return invalid (error, _("QR code: the structured reference has 35 characters at most.")), NULL;
  if (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > 140)
    return invalid (error, _("QR code: the remittance text has 140 characters at most.")), NULL;
  if (*reference != '\0' && *text != '\0')
    return invalid (error, _("QR code: a structured reference and a remittance text cannot be given together.")), NULL;
  if (!g_utf8_validate (information, -1, NULL) || g_utf8_strlen (information, -1) > 70)
    return invalid (error, _("QR code: the information to the payer has 70 characters at most.")), NULL;

  amount = qr->amount > 0 ? format_amount (qr->amount) : g_strdup ("");

  g_ptr_array_add (lines, g_strdup ("BCD"));
  g_ptr_array_add (lines, g_strdup (version));
  g_ptr_array_add (lines, g_strdup_printf ("%d", charset));
  g_ptr_array_add (lines, g_strdup ("SCT"));
  g_ptr_array_add (lines, g_strdup (bic));
  g_ptr_array_add (lines, g_strdup (name));
  g_ptr_array_add (lines, g_strdup (iban));
  g_ptr_array_add (lines, g_strdup (amount));
  g_ptr_array_add (lines, g_strdup (purpose));
  g_ptr_array_add (lines, g_strdup (reference));
  g_ptr_array_add (lines, g_strdup (text));
  g_ptr_array_add (lines, g_strdup (information));

  /* nothing after the last used line */
  while (lines->len > 7 && *(const char *) g_ptr_array_index (lines, lines->len - 1) == '\0')
    g_ptr_array_remove_index (lines, lines->len - 1);
  g_ptr_array_add (lines, NULL);

  {
    g_autofree char *payload = g_strjoinv ("\n", (char **) lines->pdata);
    g_autofree char *encoded = NULL;
    gsize written = 0;

    if (charset == 1)
      written = strlen (payload);
    else
      {
        encoded = g_convert (payload, -1, charset_names[charset], "UTF-8", NULL, &written, NULL);
        if (encoded == NULL)
          return invalid (error, _("QR code: the text cannot be written in the chosen character set.")), NULL;
      }
    if (written > FACTURES_EPC_QR_MAX_BYTES)
      return invalid (error, _("QR code: the data exceeds 331 bytes.")), NULL;
    return g_steal_pointer (&payload);
  }
}

GBytes *
factures_epc_qr_encode (const FacturesEpcQr *qr,
                        GError             **error)
{
  g_autofree char *payload = factures_epc_qr_payload (qr, error);
  gint charset = qr->charset == 0 ? 1 : qr->charset;
  gsize written = 0;
  char *encoded;

  if (payload == NULL)
    return NULL;
  if (charset == 1)
    {
      gsize len = strlen (payload);
      return g_bytes_new_take (g_steal_pointer (&payload), len);
    }
  encoded = g_convert (payload, -1, charset_names[charset], "UTF-8", NULL, &written, NULL);
  g_assert (encoded != NULL);   /* checked by factures_epc_qr_payload() */
  return g_bytes_new_take (encoded, written);
}
