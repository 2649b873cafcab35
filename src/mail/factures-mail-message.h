/* factures-mail-message.h — building a message with GMime (RFC 5322, MIME)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  const char *from_name;        /* may be NULL */
  const char *from_address;
  const char *reply_to;         /* may be NULL */
  const char *to;               /* one or more addresses, ',' separated, names allowed */
  const char *subject;          /* UTF-8, one line */
  const char *body;             /* UTF-8 plain text, '\n' line ends */
  const char *attachment_name;  /* "Facture F2026-0001.pdf", may be NULL */
  GBytes     *attachment;       /* PDF bytes, may be NULL */
  gboolean    read_receipt;     /* Disposition-Notification-To: the sender (RFC 8098) */
  GDateTime  *date;             /* NULL: now */
} FacturesMailContent;

/**
 * factures_mail_message_build:
 * @out_message_id: (out) (optional): the Message-ID, without angle brackets
 *
 * A multipart/mixed message (a text/plain part, the PDF as application/pdf) or a
 * single text/plain part: every header and text in UTF-8 (RFC 2047 encoded words
 * in headers, RFC 2231 for the attachment's file name), quoted-printable text,
 * base64 attachment, an RFC 5322 Date in English whatever the locale, a
 * Message-ID on the sender's domain, and CRLF at the end of every line.
 *
 * Returns: (transfer full): the bytes, or NULL with FACTURES_MAIL_ERROR_COMPOSE
 *   (invalid sender or recipient address, empty subject)
 */
GBytes    *factures_mail_message_build      (const FacturesMailContent  *content,
                                             char                      **out_message_id,
                                             GError                    **error);

/* The bare addresses of @text ("Name <a@b.fr>, c@d.fr" → "a@b.fr", "c@d.fr"), for the
 * SMTP envelope. FACTURES_MAIL_ERROR_COMPOSE naming the bad one. */
GPtrArray *factures_mail_parse_recipients   (const char  *text,
                                             GError     **error);

/* The text of a message built by factures_mail_message_build() (its text/plain part,
 * decoded), to show again a queued message; NULL when @message has none. (transfer full) */
char      *factures_mail_message_body_text  (GBytes      *message);

/* "Mon, 30 Nov 2026 09:05:00 +0100": RFC 5322 §3.3, English names in any locale. */
char      *factures_mail_format_date        (GDateTime   *date);

G_END_DECLS
