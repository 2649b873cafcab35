/* factures-logo.c — the one way a logo enters the business profile
 *
 * A 6000 × 6000 px logo made every invoice PDF 88 MB and stayed in every issued
 * original for good (issue 11 item 10). Every way in (the preferences, the JSON
 * import) passes the image through factures_logo_prepare(): PNG or JPEG accepted,
 * stored as a PNG of at most FACTURES_LOGO_MAX_SIDE px on its long side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "factures-error.h"
#include "factures-logo.h"

typedef struct
{
  int width;    /* as in the file */
  int height;
} Size;

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  Size            *size)
{
  int long_side = MAX (width, height);

  size->width = width;
  size->height = height;
  /* Let the decoder scale while it reads (JPEG decodes at 1/2, 1/4, 1/8 directly). */
  if (long_side > FACTURES_LOGO_MAX_SIDE)
    gdk_pixbuf_loader_set_size (loader,
                                MAX (1, (int) ((gint64) width * FACTURES_LOGO_MAX_SIDE / long_side)),
                                MAX (1, (int) ((gint64) height * FACTURES_LOGO_MAX_SIDE / long_side)));
}

static gboolean
is_png (GBytes *image)
{
  /* The PNG signature (RFC 2083 §3.1). */
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (image, &size);

  return size >= sizeof signature && memcmp (data, signature, sizeof signature) == 0;
}

static gboolean
is_jpeg (GBytes *image)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (image, &size);

  return size >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff;
}

/**
 * factures_logo_prepare:
 * @image: the bytes of an image file
 * @original_width: (out) (optional): its width in pixels, as in the file
 * @original_height: (out) (optional): its height in pixels, as in the file
 * @error: FACTURES_ERROR_INVALID, the message starting with "Logo:", when @image is
 *   not a PNG or JPEG image, cannot be decoded, or is larger than
 *   FACTURES_LOGO_MAX_INPUT bytes
 *
 * Returns the logo as it is stored: a PNG image of at most FACTURES_LOGO_MAX_SIDE
 * pixels on its long side, proportions kept, JPEG orientation applied. A PNG already
 * within the size is returned as is (the same bytes, so that preparing twice changes
 * nothing); anything else is decoded and written again as PNG.
 *
 * Returns: (transfer full): the PNG bytes, or NULL with @error set.
 */
GBytes *
factures_logo_prepare (GBytes  *image,
                       int     *original_width,
                       int     *original_height,
                       GError **error)
{
  g_autoptr (GdkPixbufLoader) loader = NULL;
  g_autoptr (GdkPixbuf) oriented = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *png = NULL;
  GdkPixbuf *pixbuf;
  gboolean png_in;
  gsize png_size = 0;
  Size size = { 0, 0 };

  g_return_val_if_fail (image != NULL, NULL);

  if (original_width != NULL)
    *original_width = 0;
  if (original_height != NULL)
    *original_height = 0;

  png_in = is_png (image);
  if (!png_in && !is_jpeg (image))
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Logo: the file is not a PNG or JPEG image."));
      return NULL;
    }
  if (g_bytes_get_size (image) > FACTURES_LOGO_MAX_INPUT)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Logo: the file is larger than %d MB."), FACTURES_LOGO_MAX_INPUT / (1024 * 1024));
      return NULL;
    }

  loader = gdk_pixbuf_loader_new_with_type (png_in ? "png" : "jpeg", &local_error);
  if (loader != NULL)
    {
      g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &size);
      if (gdk_pixbuf_loader_write_bytes (loader, image, &local_error))
        gdk_pixbuf_loader_close (loader, &local_error);
      else
        gdk_pixbuf_loader_close (loader, NULL);
    }
  pixbuf = loader != NULL && local_error == NULL ? gdk_pixbuf_loader_get_pixbuf (loader) : NULL;
  if (pixbuf == NULL)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Logo: the image cannot be read (%s)."),
                   local_error != NULL ? local_error->message : _("no image"));
      return NULL;
    }

  if (original_width != NULL)
    *original_width = size.width;
  if (original_height != NULL)
    *original_height = size.height;

  if (png_in && MAX (size.width, size.height) <= FACTURES_LOGO_MAX_SIDE)
    return g_bytes_ref (image);

  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  if (!gdk_pixbuf_save_to_buffer (oriented, &png, &png_size, "png", &local_error, NULL))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Logo: the image cannot be written as PNG (%s)."), local_error->message);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&png), png_size);
}

/**
 * factures_logo_prepare_profile:
 * @profile: a business profile; its logo, if any, is replaced by the prepared one
 * @changed: (out) (optional): TRUE when the logo was replaced
 * @error: as factures_logo_prepare()
 *
 * For the ways in that get a whole profile (the JSON import): see
 * factures_logo_prepare().
 *
 * Returns: FALSE with @error set when the logo is refused (the profile is unchanged).
 */
gboolean
factures_logo_prepare_profile (FacturesProfile *profile,
                               gboolean        *changed,
                               GError         **error)
{
  g_autoptr (GBytes) prepared = NULL;

  g_return_val_if_fail (profile != NULL, FALSE);

  if (changed != NULL)
    *changed = FALSE;
  if (profile->logo == NULL)
    return TRUE;
  prepared = factures_logo_prepare (profile->logo, NULL, NULL, error);
  if (prepared == NULL)
    return FALSE;
  if (prepared != profile->logo)
    {
      g_bytes_unref (profile->logo);
      profile->logo = g_steal_pointer (&prepared);
      if (changed != NULL)
        *changed = TRUE;
    }
  return TRUE;
}
