/* factures-fonts.c — private font map that rejects colour fonts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "factures-output"

#include "config.h"

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "factures-fonts.h"

/* Appended to the system configuration: refuse colour fonts (COLR, CBDT, sbix…:
 * they would be drawn as images and lose their text), and prefer Symbola for
 * the "emoji" generic family Pango asks for on emoji-presentation characters. */
static const char private_fonts_conf[] =
  "<?xml version=\"1.0\"?>\n"
  "<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n"
  "<fontconfig>\n"
  "  <selectfont>\n"
  "    <rejectfont>\n"
  "      <pattern><patelt name=\"color\"><bool>true</bool></patelt></pattern>\n"
  "    </rejectfont>\n"
  "  </selectfont>\n"
  "  <alias binding=\"same\">\n"
  "    <family>emoji</family>\n"
  "    <prefer><family>Symbola</family></prefer>\n"
  "  </alias>\n"
  "</fontconfig>\n";

static FcConfig *
create_fc_config (void)
{
  FcConfig *config = FcConfigCreate ();

  /* NULL: the default configuration file (FONTCONFIG_FILE or fonts.conf). */
  if (!FcConfigParseAndLoad (config, NULL, FcTrue))
    g_warning ("Could not load the system fontconfig configuration");

  if (!FcConfigParseAndLoadFromMemory (config, (const FcChar8 *) private_fonts_conf, FcTrue))
    g_warning ("Could not load the private fontconfig rules");

  if (!FcConfigBuildFonts (config))
    g_warning ("Could not build the fontconfig font set");

  return config;
}

/* Set by factures_fonts_init_headless(), before any thread starts. */
static gboolean headless_process;

/* One FcConfig for the process (fontconfig is thread-safe), one font map per
 * thread (Pango font maps are not): the issue may render in a worker thread
 * while the preview renders in the main one. */
static FcConfig *
get_fc_config (void)
{
  static gsize initialized = 0;
  static FcConfig *config = NULL;

  if (g_once_init_enter (&initialized))
    {
      config = create_fc_config ();
      /* Before the first font map runs FcInit (): see factures_fonts_init_headless(). */
      if (headless_process && !FcConfigSetCurrent (config))
        g_warning ("Could not make the private fontconfig configuration the current one");
      g_once_init_leave (&initialized, 1);
    }
  return config;
}

/**
 * factures_fonts_init_headless:
 * (see factures-fonts.h)
 */
void
factures_fonts_init_headless (void)
{
  headless_process = TRUE;
}

static GPrivate font_map_key = G_PRIVATE_INIT (g_object_unref);

PangoFontMap *
factures_fonts_get_font_map (void)
{
  PangoFontMap *font_map = g_private_get (&font_map_key);

  if (font_map == NULL)
    {
      /* The configuration first: a new font map starts FcInit () in a thread. */
      FcConfig *config = get_fc_config ();

      font_map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
      if (font_map == NULL)
        g_error ("Pango has no FreeType font map");
      pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (font_map), config);
      pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (font_map), 72.0);
      g_private_set (&font_map_key, font_map);
    }

  return font_map;
}

PangoContext *
factures_fonts_create_context (void)
{
  PangoContext *context;
  cairo_font_options_t *options;

  context = pango_font_map_create_context (factures_fonts_get_font_map ());
  pango_cairo_context_set_resolution (context, 72.0);

  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("fr-fr"));
  pango_context_set_base_dir (context, PANGO_DIRECTION_LTR);

  return context;
}
