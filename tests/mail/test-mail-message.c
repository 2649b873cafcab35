/* test-mail-message.c — GMime composition: CRLF, UTF-8 headers, English Date, attachment
 * (the .eml is also parsed back by Python's email package in test-mail-smtp.py)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "factures-mail-error.h"
#include "factures-mail-message.h"

static void
test_build (void)
{
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n\x00\x01\xff binary\n", 20);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+01:00");
  g_autoptr(GDateTime) date = g_date_time_new (tz, 2026, 11, 30, 9, 5, 7);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *message_id = NULL;
  g_autofree char *text = NULL;
  FacturesMailContent content = {
    .from_name = "Camille Martin — Développement",
    .from_address = "camille@example.org",
    .to = "Société Étoile <client@example.org>",
    .subject = "Facture F2026-0001 — 1\u202f234,56\u00a0€",
    .body = "Bonjour,\n\nVeuillez trouver ci-joint la facture.\nÀ bientôt — Camille\n",
    .attachment_name = "Facture F2026-0001 été.pdf",
    .attachment = pdf,
    .read_receipt = TRUE,
    .date = date,
  };
  gsize size;
  const char *data;

  /* French names of days and months must not leak into the Date header. */
  setlocale (LC_ALL, "fr_FR.UTF-8");
  bytes = factures_mail_message_build (&content, &message_id, &error);
  setlocale (LC_ALL, "");
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);
  if (g_getenv ("MAIL_TEST_DUMP") != NULL)
    g_file_set_contents (g_getenv ("MAIL_TEST_DUMP"), data, (gssize) size, NULL);

  for (gsize i = 0; i < size; i++)
    if (data[i] == '\n')
      g_assert_true (i > 0 && data[i - 1] == '\r');
  g_assert_null (strstr (text, "\r\r\n"));
  g_assert_true (g_str_has_prefix (text, "Date: Mon, 30 Nov 2026 09:05:07 +0100\r\n") ||
                 strstr (text, "\r\nDate: Mon, 30 Nov 2026 09:05:07 +0100\r\n") != NULL);
  g_assert_nonnull (strstr (text, "\r\nSubject: "));
  g_assert_nonnull (strstr (text, "=?UTF-8?"));
  g_assert_null (strstr (text, "iso-8859-1"));
  g_assert_null (strstr (text, "ISO-8859-1"));
  g_assert_nonnull (strstr (text, "charset=utf-8"));
  g_assert_nonnull (strstr (text, "filename*=UTF-8''Facture%20F2026-0001%20%C3%A9t%C3%A9.pdf"));
  g_assert_nonnull (strstr (text, "Disposition-Notification-To: camille@example.org\r\n"));
  g_assert_true (g_str_has_suffix (message_id, "@example.org"));
  g_assert_nonnull (strstr (text, message_id));

  /* Bad input is refused with the field named. */
  content.to = "not an address";
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = factures_mail_message_build (&content, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_COMPOSE);
}

static void
test_date (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("-04:30");
  g_autoptr(GDateTime) date = g_date_time_new (tz, 2027, 3, 7, 23, 0, 0);
  g_autofree char *text = factures_mail_format_date (date);

  g_assert_cmpstr (text, ==, "Sun, 07 Mar 2027 23:00:00 -0430");
}

static void
test_recipients (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = factures_mail_parse_recipients ("\"Dupont, Jean\" <jean@example.org>, b@example.com", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (list->pdata[0], ==, "jean@example.org");
  g_assert_cmpstr (list->pdata[1], ==, "b@example.com");
  g_assert_null (factures_mail_parse_recipients ("", &error));
  g_clear_error (&error);
  g_assert_null (factures_mail_parse_recipients ("a@b.fr\r\nBcc: x@y.fr", &error));
  g_clear_error (&error);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/mail/message/build", test_build);
  g_test_add_func ("/mail/message/date", test_date);
  g_test_add_func ("/mail/message/recipients", test_recipients);
  return g_test_run ();
}
