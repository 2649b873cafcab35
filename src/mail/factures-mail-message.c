/* factures-mail-message.c — building a message with GMime (RFC 5322, MIME)
 *
 * GMime 3.2 writes LF line ends and picks a legacy charset (ISO-8859-1) for
 * headers and text unless told otherwise: every header is encoded with the charset
 * "utf-8" given explicitly, the text part is declared and written as UTF-8, and the
 * message is serialised with GMIME_NEWLINE_FORMAT_DOS (CRLF).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <gmime/gmime.h>

#include "factures-mail-error.h"
#include "factures-mail-message.h"

/* GMime 3.2 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeTextPart, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimePart, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMultipart, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeStream, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeDataWrapper, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InternetAddressList, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeParser, g_object_unref)

static void
ensure_gmime (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_mime_init ();
      g_once_init_leave (&done, 1);
    }
}

/**
 * factures_mail_message_body_text:
 * (see factures-mail-message.h)
 */
char *
factures_mail_message_body_text (GBytes *message)
{
  g_autoptr(GMimeStream) stream = NULL;
  g_autoptr(GMimeParser) parser = NULL;
  g_autoptr(GMimeMessage) parsed = NULL;
  GMimeObject *body;

  g_return_val_if_fail (message != NULL, NULL);
  ensure_gmime ();
  stream = g_mime_stream_mem_new_with_buffer (g_bytes_get_data (message, NULL), g_bytes_get_size (message));
  parser = g_mime_parser_new_with_stream (stream);
  parsed = g_mime_parser_construct_message (parser, NULL);
  if (parsed == NULL)
    return NULL;
  body = g_mime_message_get_body (parsed);
  if (GMIME_IS_MULTIPART (body))
    {
      GMimeMultipart *multipart = GMIME_MULTIPART (body);

      body = NULL;
      for (int i = 0; i < g_mime_multipart_get_count (multipart); i++)
        {
          GMimeObject *part = g_mime_multipart_get_part (multipart, i);

          if (GMIME_IS_TEXT_PART (part) && g_mime_content_type_is_type (g_mime_object_get_content_type (part),
                                                                         "text", "plain"))
            {
              body = part;
              break;
            }
        }
    }
  if (body == NULL || !GMIME_IS_TEXT_PART (body))
    return NULL;
  {
    g_autofree char *text = g_mime_text_part_get_text (GMIME_TEXT_PART (body));
    g_autoptr(GString) lines = g_string_new (text);

    /* As the user wrote it: LF line ends, without the final line end the wire format adds. */
    g_string_replace (lines, "\r\n", "\n", 0);
    if (lines->len > 0 && lines->str[lines->len - 1] == '\n')
      g_string_truncate (lines, lines->len - 1);
    return g_string_free (g_steal_pointer (&lines), FALSE);
  }
}

char *
factures_mail_format_date (GDateTime *date)
{
  static const char *days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  gint64 offset = g_date_time_get_utc_offset (date) / G_TIME_SPAN_MINUTE;
  char sign = offset < 0 ? '-' : '+';

  if (offset < 0)
    offset = -offset;
  return g_strdup_printf ("%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d",
                          days[g_date_time_get_day_of_week (date) - 1],
                          g_date_time_get_day_of_month (date),
                          months[g_date_time_get_month (date) - 1],
                          g_date_time_get_year (date),
                          g_date_time_get_hour (date),
                          g_date_time_get_minute (date),
                          g_date_time_get_second (date),
                          sign, (int) (offset / 60), (int) (offset % 60));
}

static gboolean
address_is_valid (const char *address)
{
  const char *at;

  if (address == NULL)
    return FALSE;
  at = strchr (address, '@');
  return at != NULL && at != address && at[1] != '\0' && strchr (at + 1, '@') == NULL &&
         strchr (at + 1, '.') != NULL && strpbrk (address, " \t\r\n<>,;\"") == NULL;
}

static void
collect (InternetAddressList *list,
         GPtrArray           *out,
         gboolean            *ok)
{
  for (int i = 0; i < internet_address_list_length (list); i++)
    {
      InternetAddress *ia = internet_address_list_get_address (list, i);

      if (INTERNET_ADDRESS_IS_MAILBOX (ia))
        {
          const char *addr = internet_address_mailbox_get_idn_addr (INTERNET_ADDRESS_MAILBOX (ia));

          if (!address_is_valid (addr))
            *ok = FALSE;
          g_ptr_array_add (out, g_strdup (addr));
        }
      else if (INTERNET_ADDRESS_IS_GROUP (ia))
        collect (internet_address_group_get_members (INTERNET_ADDRESS_GROUP (ia)), out, ok);
    }
}

GPtrArray *
factures_mail_parse_recipients (const char  *text,
                                GError     **error)
{
  g_autoptr(InternetAddressList) list = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;

  ensure_gmime ();
  if (text != NULL && *text != '\0')
    list = internet_address_list_parse (NULL, text);
  if (list != NULL)
    collect (list, out, &ok);
  if (!ok || out->len == 0 || strpbrk (text, "\r\n") != NULL)
    {
      g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_COMPOSE,
                   _("To: “%s” is not a list of valid e-mail addresses."), text != NULL ? text : "");
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* '\n' → "\r\n" (a lone '\r' is dropped), so the text part is CRLF before encoding. */
static char *
to_crlf (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 64);

  for (const char *p = text; *p; p++)
    {
      if (*p == '\r')
        continue;
      if (*p == '\n')
        g_string_append_c (out, '\r');
      g_string_append_c (out, *p);
    }
  if (out->len < 2 || strcmp (out->str + out->len - 2, "\r\n") != 0)
    g_string_append (out, "\r\n");
  return g_string_free (out, FALSE);
}

static const char *
domain_of (const char *address)
{
  const char *at = strrchr (address, '@');

  return at != NULL ? at + 1 : "localhost";
}

GBytes *
factures_mail_message_build (const FacturesMailContent  *content,
                             char                      **out_message_id,
                             GError                    **error)
{
  g_autoptr(GMimeMessage) message = NULL;
  g_autoptr(GMimeTextPart) text = NULL;
  g_autoptr(GMimeStream) text_stream = NULL;
  g_autoptr(GMimeDataWrapper) text_wrapper = NULL;
  g_autoptr(GMimeStream) out = NULL;
  g_autoptr(GPtrArray) recipients = NULL;
  g_autoptr(InternetAddressList) to_list = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *body = NULL;
  g_autofree char *date = NULL;
  g_autofree char *message_id = NULL;
  GMimeFormatOptions *options;
  InternetAddress *from;
  GByteArray *array;
  GBytes *bytes;

  g_return_val_if_fail (content != NULL, NULL);
  ensure_gmime ();

  if (!address_is_valid (content->from_address))
    {
      g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_COMPOSE,
                   _("Sender address: “%s” is not a valid e-mail address. Check the e-mail "
                     "account in Preferences."),
                   content->from_address != NULL ? content->from_address : "");
      return NULL;
    }
  recipients = factures_mail_parse_recipients (content->to, error);
  if (recipients == NULL)
    return NULL;
  if (content->subject == NULL || *content->subject == '\0' || strpbrk (content->subject, "\r\n") != NULL)
    {
      g_set_error_literal (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_COMPOSE,
                           _("Subject: it must be one line of text, not empty."));
      return NULL;
    }

  message = g_mime_message_new (TRUE);

  from = internet_address_mailbox_new (content->from_name != NULL ? content->from_name : "",
                                       content->from_address);
  internet_address_set_charset (from, "utf-8");
  internet_address_list_add (g_mime_message_get_from (message), from);
  g_object_unref (from);

  if (content->reply_to != NULL && *content->reply_to != '\0')
    {
      InternetAddress *reply = internet_address_mailbox_new ("", content->reply_to);

      internet_address_list_add (g_mime_message_get_reply_to (message), reply);
      g_object_unref (reply);
    }

  to_list = internet_address_list_parse (NULL, content->to);
  for (int i = 0; i < internet_address_list_length (to_list); i++)
    internet_address_set_charset (internet_address_list_get_address (to_list, i), "utf-8");
  internet_address_list_append (g_mime_message_get_addresses (message, GMIME_ADDRESS_TYPE_TO), to_list);

  g_mime_message_set_subject (message, content->subject, "utf-8");

  if (content->date == NULL)
    now = g_date_time_new_now_local ();
  date = factures_mail_format_date (content->date != NULL ? content->date : now);
  g_mime_object_set_header (GMIME_OBJECT (message), "Date", date, NULL);

  message_id = g_mime_utils_generate_message_id (domain_of (content->from_address));
  g_mime_message_set_message_id (message, message_id);

  if (content->read_receipt)
    {
      g_autofree char *dnt = g_strdup_printf ("<%s>", content->from_address);

      g_mime_object_set_header (GMIME_OBJECT (message), "Disposition-Notification-To", dnt, NULL);
    }

  /* The text: declared UTF-8, CRLF, quoted-printable. */
  body = to_crlf (content->body != NULL ? content->body : "");
  text = g_mime_text_part_new_with_subtype ("plain");
  text_stream = g_mime_stream_mem_new_with_buffer (body, strlen (body));
  text_wrapper = g_mime_data_wrapper_new_with_stream (text_stream, GMIME_CONTENT_ENCODING_DEFAULT);
  g_mime_part_set_content (GMIME_PART (text), text_wrapper);
  g_mime_text_part_set_charset (text, "utf-8");
  g_mime_part_set_content_encoding (GMIME_PART (text), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);

  if (content->attachment != NULL)
    {
      g_autoptr(GMimeMultipart) mixed = g_mime_multipart_new_with_subtype ("mixed");
      g_autoptr(GMimePart) pdf = g_mime_part_new_with_type ("application", "pdf");
      g_autoptr(GMimeStream) pdf_stream = NULL;
      g_autoptr(GMimeDataWrapper) pdf_wrapper = NULL;
      const char *name = content->attachment_name != NULL ? content->attachment_name : "document.pdf";
      GMimeContentDisposition *disposition;
      GMimeParam *param;
      gsize size;
      gconstpointer data = g_bytes_get_data (content->attachment, &size);

      pdf_stream = g_mime_stream_mem_new_with_buffer (data, size);
      pdf_wrapper = g_mime_data_wrapper_new_with_stream (pdf_stream, GMIME_CONTENT_ENCODING_DEFAULT);
      g_mime_part_set_content (pdf, pdf_wrapper);
      g_mime_part_set_content_encoding (pdf, GMIME_CONTENT_ENCODING_BASE64);
      g_mime_part_set_filename (pdf, name);
      /* RFC 2231 in UTF-8 for the file name (also the Content-Type "name"). */
      disposition = g_mime_object_get_content_disposition (GMIME_OBJECT (pdf));
      param = g_mime_param_list_get_parameter (g_mime_content_disposition_get_parameters (disposition),
                                               "filename");
      if (param != NULL)
        {
          g_mime_param_set_charset (param, "utf-8");
          g_mime_param_set_encoding_method (param, GMIME_PARAM_ENCODING_METHOD_RFC2231);
        }
      param = g_mime_param_list_get_parameter (
        g_mime_content_type_get_parameters (g_mime_object_get_content_type (GMIME_OBJECT (pdf))), "name");
      if (param != NULL)
        {
          g_mime_param_set_charset (param, "utf-8");
          g_mime_param_set_encoding_method (param, GMIME_PARAM_ENCODING_METHOD_RFC2231);
        }

      g_mime_multipart_add (mixed, GMIME_OBJECT (text));
      g_mime_multipart_add (mixed, GMIME_OBJECT (pdf));
      g_mime_message_set_mime_part (message, GMIME_OBJECT (mixed));
    }
  else
    g_mime_message_set_mime_part (message, GMIME_OBJECT (text));

  options = g_mime_format_options_new ();
  g_mime_format_options_set_newline_format (options, GMIME_NEWLINE_FORMAT_DOS);
  g_mime_format_options_set_param_encoding_method (options, GMIME_PARAM_ENCODING_METHOD_RFC2231);
  out = g_mime_stream_mem_new ();
  g_mime_object_write_to_stream (GMIME_OBJECT (message), options, out);
  g_mime_format_options_free (options);

  array = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (out));
  bytes = g_bytes_new (array->data, array->len);
  if (out_message_id != NULL)
    *out_message_id = g_steal_pointer (&message_id);
  return bytes;
}
