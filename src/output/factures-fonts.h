/* factures-fonts.h — the fonts of printed documents (DESIGN.md §6)
 *
 * Documents are set in "DejaVu Sans" (fonts-dejavu-core), with CJK from
 * "WenQuanYi Micro Hei" (fonts-wqy-microhei) and emoji from "Symbola"
 * (fonts-symbola, monochrome). The font map has its own fontconfig
 * configuration: the system one plus a rule that rejects every colour font, so
 * an installed colour-emoji font (Noto Color Emoji…) never turns an emoji into
 * a bitmap image in the PDF: every glyph stays an outline with a Unicode map,
 * embedded and extractable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* The family named in every font description; tests assert it with pdffonts. */
#define FACTURES_FONTS_FAMILY   "DejaVu Sans"
/* Family list with the fallbacks for CJK and emoji, in order. */
#define FACTURES_FONTS_FAMILIES "DejaVu Sans, WenQuanYi Micro Hei, Symbola"

/**
 * factures_fonts_get_font_map:
 *
 * The PangoCairo font map (FreeType) of the calling thread, with the private
 * fontconfig configuration that rejects colour fonts (shared by all threads).
 * Created on first use; Pango font maps must not be shared between threads.
 *
 * Returns: (transfer none): the font map
 */
PangoFontMap *factures_fonts_get_font_map    (void);

/**
 * factures_fonts_create_context:
 *
 * A Pango context on factures_fonts_get_font_map() for laying out documents:
 * 72 dpi (so font sizes and layout units are PDF points), no hinting and
 * unhinted metrics, so the layout is identical on paper, PDF and screen.
 *
 * Returns: (transfer full): a new context
 */
PangoContext *factures_fonts_create_context  (void);

/**
 * factures_fonts_init_headless:
 *
 * For a process that draws no user interface (the command line): makes the
 * private configuration of factures_fonts_get_font_map() fontconfig's current
 * one. Every Pango font map runs FcInit () (Pango 1.48 and later, in a thread),
 * which otherwise parses the system configuration a second time for nothing
 * (issue 12: a fifth of the CPU time of `factures-cli --export-pdf`). Costs
 * nothing until a document is drawn. Call it at the start of main(), before
 * anything else uses fontconfig; it has no effect once a document was drawn.
 * Documents are drawn with the same configuration either way. Not for the
 * window: its interface would lose colour fonts (colour emoji).
 */
void          factures_fonts_init_headless   (void);

G_END_DECLS
