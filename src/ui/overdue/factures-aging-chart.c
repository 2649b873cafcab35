/* factures-aging-chart.c — the aging of receivables as a bar chart (cairo)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-aging-chart.h"
#include "factures-money.h"

struct _FacturesAgingChart
{
  GtkDrawingArea parent_instance;

  gint64 amounts[FACTURES_AGING_CHART_N_BUCKETS];
  guint  counts[FACTURES_AGING_CHART_N_BUCKETS];
};

G_DEFINE_FINAL_TYPE (FacturesAgingChart, factures_aging_chart, GTK_TYPE_DRAWING_AREA)

/* Not due: blue; then amber to dark red as the delay grows. */
static const GdkRGBA bar_colors[FACTURES_AGING_CHART_N_BUCKETS] = {
  { 0.21, 0.52, 0.89, 1.0 },
  { 0.96, 0.76, 0.07, 1.0 },
  { 0.90, 0.50, 0.10, 1.0 },
  { 0.88, 0.11, 0.14, 1.0 },
  { 0.55, 0.05, 0.10, 1.0 },
};

static const char *
bucket_label (guint i)
{
  switch (i)
    {
    case 0: return _("Not yet due");
    case 1: return _("1–30 days");
    case 2: return _("31–60 days");
    case 3: return _("61–90 days");
    default: return _("Over 90 days");
    }
}

static char *
count_text (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u invoice", "%u invoices", n), n);
}

char *
factures_aging_chart_describe (FacturesAgingChart *self)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (FACTURES_IS_AGING_CHART (self), NULL);

  for (guint i = 0; i < FACTURES_AGING_CHART_N_BUCKETS; i++)
    {
      g_autofree char *amount = factures_money_format (self->amounts[i]);
      g_autofree char *count = count_text (self->counts[i]);

      if (i > 0)
        g_string_append (s, "; ");
      /* Translators: an aging bucket: "1–30 days: 1 234,00 € (2 invoices)" */
      g_string_append_printf (s, _("%s: %s (%s)"), bucket_label (i), amount, count);
    }
  return g_string_free (s, FALSE);
}

static void
show_centered (cairo_t     *cr,
               PangoLayout *layout,
               double       center_x,
               double       y)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, center_x - w / 2.0, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        user_data)
{
  FacturesAgingChart *self = FACTURES_AGING_CHART (area);
  GtkWidget *widget = GTK_WIDGET (area);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  GdkRGBA fg;
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  PangoFontDescription *small;
  gint64 max = 1;
  double slot, bar_w, top = 26.0, bottom_labels = 40.0, chart_h;
  int lw, lh;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (style, &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  for (guint i = 0; i < FACTURES_AGING_CHART_N_BUCKETS; i++)
    max = MAX (max, self->amounts[i]);

  slot = (double) width / FACTURES_AGING_CHART_N_BUCKETS;
  bar_w = MIN (slot * 0.55, 72.0);
  chart_h = MAX (height - top - bottom_labels, 10.0);

  /* base line */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.25);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, 0, top + chart_h + 0.5);
  cairo_line_to (cr, width, top + chart_h + 0.5);
  cairo_stroke (cr);

  small = pango_font_description_copy (pango_context_get_font_description (pango_layout_get_context (layout)));
  if (pango_font_description_get_size_is_absolute (small))
    pango_font_description_set_absolute_size (small, pango_font_description_get_size (small) * 0.85);
  else
    pango_font_description_set_size (small, (gint) (pango_font_description_get_size (small) * 0.85));

  for (guint i = 0; i < FACTURES_AGING_CHART_N_BUCKETS; i++)
    {
      double cx = slot * i + slot / 2.0;
      /* integer money: the bar height is a display ratio only */
      double h = self->amounts[i] > 0 ? MAX (chart_h * ((double) self->amounts[i] / (double) max), 3.0) : 0.0;
      g_autofree char *amount = factures_money_format (self->amounts[i]);
      g_autofree char *count = count_text (self->counts[i]);

      gdk_cairo_set_source_rgba (cr, &bar_colors[i]);
      cairo_rectangle (cr, cx - bar_w / 2.0, top + chart_h - h, bar_w, h);
      cairo_fill (cr);

      /* amount above the bar */
      pango_layout_set_font_description (layout, NULL);
      {
        g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", amount);
        pango_layout_set_markup (layout, markup, -1);
      }
      pango_layout_get_pixel_size (layout, &lw, &lh);
      gdk_cairo_set_source_rgba (cr, &fg);
      if (lw <= slot - 4)
        show_centered (cr, layout, cx, top + chart_h - h - lh - 3);
      else
        {
          /* millions of euros are wider than a bar's slot: the amount is drawn smaller, whole
           * (never cut, never over its neighbour's) */
          double scale = MAX (slot - 4, 1.0) / lw;

          cairo_save (cr);
          cairo_translate (cr, cx, top + chart_h - h - lh * scale - 3);
          cairo_scale (cr, scale, scale);
          show_centered (cr, layout, 0, 0);
          cairo_restore (cr);
        }

      /* bucket label and count under the base line */
      pango_layout_set_attributes (layout, NULL);
      pango_layout_set_font_description (layout, small);
      pango_layout_set_text (layout, bucket_label (i), -1);
      show_centered (cr, layout, cx, top + chart_h + 5);
      pango_layout_set_text (layout, count, -1);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.65);
      show_centered (cr, layout, cx, top + chart_h + 5 + lh);
      pango_layout_set_font_description (layout, NULL);
    }
  pango_font_description_free (small);
}

void
factures_aging_chart_set (FacturesAgingChart *self,
                          const gint64       *amounts,
                          const guint        *counts)
{
  g_autofree char *description = NULL;

  g_return_if_fail (FACTURES_IS_AGING_CHART (self));

  for (guint i = 0; i < FACTURES_AGING_CHART_N_BUCKETS; i++)
    {
      self->amounts[i] = amounts != NULL ? amounts[i] : 0;
      self->counts[i] = counts != NULL ? counts[i] : 0;
    }
  description = factures_aging_chart_describe (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
factures_aging_chart_class_init (FacturesAgingChartClass *klass)
{
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_IMG);
}

static void
factures_aging_chart_init (FacturesAgingChart *self)
{
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 170);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), 420);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw, NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Aging of receivables"), -1);
  factures_aging_chart_set (self, NULL, NULL);
}

GtkWidget *
factures_aging_chart_new (void)
{
  return g_object_new (FACTURES_TYPE_AGING_CHART, NULL);
}
