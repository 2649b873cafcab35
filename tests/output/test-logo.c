/* test-logo.c — the one way a logo enters the profile (issue 11 item 10)
 *
 * A 6000 × 6000 PNG becomes a PNG of 600 × 600, a JPEG is accepted and stored as a
 * PNG, a small PNG is kept byte for byte, anything else is refused naming the logo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "factures-error.h"
#include "factures-logo.h"

static GBytes *
make_image (const char *type,
            int         width,
            int         height)
{
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr (GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0xc03020ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, type, &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static void
assert_png_of_size (GBytes *png,
                    int     width,
                    int     height)
{
  g_autoptr (GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr (GError) error = NULL;
  GdkPixbuf *pixbuf;

  g_assert_nonnull (png);
  g_assert_cmpmem (g_bytes_get_data (png, NULL), 4, "\x89PNG", 4);
  g_assert_true (gdk_pixbuf_loader_write_bytes (loader, png, &error));
  g_assert_true (gdk_pixbuf_loader_close (loader, &error));
  g_assert_no_error (error);
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, width);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, height);
}

static void
test_big_png (void)
{
  g_autoptr (GBytes) big = make_image ("png", 6000, 6000);
  g_autoptr (GBytes) logo = NULL;
  g_autoptr (GError) error = NULL;
  int width = 0, height = 0;

  logo = factures_logo_prepare (big, &width, &height, &error);
  g_assert_no_error (error);
  g_assert_cmpint (width, ==, 6000);
  g_assert_cmpint (height, ==, 6000);
  assert_png_of_size (logo, 600, 600);
}

static void
test_jpeg (void)
{
  g_autoptr (GBytes) jpeg = make_image ("jpeg", 400, 1600);
  g_autoptr (GBytes) small = make_image ("jpeg", 120, 80);
  g_autoptr (GBytes) logo = NULL;
  g_autoptr (GError) error = NULL;
  int width = 0, height = 0;

  logo = factures_logo_prepare (jpeg, &width, &height, &error);
  g_assert_no_error (error);
  g_assert_cmpint (width, ==, 400);
  g_assert_cmpint (height, ==, 1600);
  assert_png_of_size (logo, 150, 600);
  g_clear_pointer (&logo, g_bytes_unref);

  /* A small JPEG is not enlarged, only written as PNG. */
  logo = factures_logo_prepare (small, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_png_of_size (logo, 120, 80);
}

static void
test_small_png_kept (void)
{
  g_autoptr (GBytes) png = make_image ("png", 600, 200);
  g_autoptr (GBytes) logo = NULL;
  g_autoptr (GError) error = NULL;

  logo = factures_logo_prepare (png, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (logo, png));
}

static void
test_refused (void)
{
  static const char gif[] = "GIF89a\x01\x00\x01\x00";
  static const guint8 broken_png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H' };
  g_autoptr (GBytes) bytes = g_bytes_new_static (gif, sizeof gif - 1);
  g_autoptr (GBytes) broken = g_bytes_new_static (broken_png, sizeof broken_png);
  g_autoptr (GError) error = NULL;
  GBytes *logo;

  logo = factures_logo_prepare (bytes, NULL, NULL, &error);
  g_assert_null (logo);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Logo"));
  g_clear_error (&error);

  logo = factures_logo_prepare (broken, NULL, NULL, &error);
  g_assert_null (logo);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
}

static void
test_profile (void)
{
  g_autoptr (FacturesProfile) profile = factures_profile_new ();
  g_autoptr (GError) error = NULL;
  gboolean changed = TRUE;

  g_assert_true (factures_logo_prepare_profile (profile, &changed, &error));
  g_assert_false (changed);
  profile->logo = make_image ("png", 2000, 1000);
  g_assert_true (factures_logo_prepare_profile (profile, &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);
  assert_png_of_size (profile->logo, 600, 300);
  /* Twice changes nothing. */
  g_assert_true (factures_logo_prepare_profile (profile, &changed, &error));
  g_assert_false (changed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_add_func ("/output/logo/big-png", test_big_png);
  g_test_add_func ("/output/logo/jpeg", test_jpeg);
  g_test_add_func ("/output/logo/small-png-kept", test_small_png_kept);
  g_test_add_func ("/output/logo/refused", test_refused);
  g_test_add_func ("/output/logo/profile", test_profile);
  return g_test_run ();
}
