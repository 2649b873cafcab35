/* factures-qr.c — QR code symbols drawn with cairo (libqrencode)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <qrencode.h>
#include <string.h>

#include "factures-qr.h"

static QRcode *
encode (GBytes  *data,
        GError **error)
{
  gsize size = 0;
  const guint8 *bytes = g_bytes_get_data (data, &size);
  QRcode *code = NULL;

  if (size > 0 && size < G_MAXINT)
    code = QRcode_encodeData ((int) size, bytes, 0, QR_ECLEVEL_M);
  if (code == NULL)
    g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                         _("QR code: the data cannot be encoded."));
  return code;
}

guint8 *
factures_qr_modules (GBytes  *data,
                     gint    *out_width,
                     GError **error)
{
  QRcode *code = encode (data, error);
  guint8 *modules;

  if (code == NULL)
    return NULL;
  *out_width = code->width;
  modules = g_malloc ((gsize) code->width * code->width);
  for (gint i = 0; i < code->width * code->width; i++)
    modules[i] = code->data[i] & 1;
  QRcode_free (code);
  return modules;
}

gint
factures_qr_version (GBytes *data)
{
  QRcode *code = encode (data, NULL);
  gint version;

  if (code == NULL)
    return 0;
  version = code->version;
  QRcode_free (code);
  return version;
}

gboolean
factures_qr_draw (cairo_t     *cr,
                  GBytes      *data,
                  double       x,
                  double       y,
                  double       size,
                  GError     **error)
{
  gint width = 0;
  g_autofree guint8 *modules = factures_qr_modules (data, &width, error);
  double module;

  if (modules == NULL)
    return FALSE;
  module = size / (width + 8);   /* 4 modules of quiet zone on each side */

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  /* one path of horizontal runs, filled once: no seams between modules */
  for (gint row = 0; row < width; row++)
    for (gint col = 0; col < width;)
      {
        gint end = col;

        if (!modules[row * width + col])
          {
            col++;
            continue;
          }
        while (end < width && modules[row * width + end])
          end++;
        cairo_rectangle (cr, x + (4 + col) * module, y + (4 + row) * module, (end - col) * module, module);
        col = end;
      }
  cairo_fill (cr);
  cairo_restore (cr);
  return TRUE;
}
