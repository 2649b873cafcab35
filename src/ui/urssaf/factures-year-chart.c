/* factures-year-chart.c — the year's receipts as charts (cairo; issue 17 item 7)
 *
 * Follows the aging chart of the overdue view (src/ui/overdue/factures-aging-chart.c): a
 * GtkDrawingArea, the widget's style colour for text and axes, the money in French format, an
 * accessible description that says every figure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "factures-money.h"
#include "factures-year-chart.h"

struct _FacturesYearChart
{
  GtkDrawingArea         parent_instance;

  FacturesYearChartKind  kind;
  gboolean               has_year;
  guint                  year;
  guint                  last_month;      /* 1–12: the months counted so far */
  gint64                 months[12];
  gint64                 previous[12];
  gint64                 cumulative[12];
  guint                  n_limits;
  gint64                 limits[FACTURES_N_THRESHOLDS];
  FacturesThresholdKind  limit_kinds[FACTURES_N_THRESHOLDS];
};

G_DEFINE_FINAL_TYPE (FacturesYearChart, factures_year_chart, GTK_TYPE_DRAWING_AREA)

static const char *
month_name (guint m)
{
  static const char *const names[12] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"), NC_("month", "April"),
    NC_("month", "May"), NC_("month", "June"), NC_("month", "July"), NC_("month", "August"),
    NC_("month", "September"), NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "month", names[m]);
}

static const char *
month_short (guint m)
{
  static const char *const names[12] = {
    NC_("short month", "Jan"), NC_("short month", "Feb"), NC_("short month", "Mar"),
    NC_("short month", "Apr"), NC_("short month", "May"), NC_("short month", "Jun"),
    NC_("short month", "Jul"), NC_("short month", "Aug"), NC_("short month", "Sep"),
    NC_("short month", "Oct"), NC_("short month", "Nov"), NC_("short month", "Dec"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "short month", names[m]);
}

char *
factures_year_chart_describe (FacturesYearChart *self)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (FACTURES_IS_YEAR_CHART (self), NULL);

  if (!self->has_year)
    return g_string_free (s, FALSE);
  if (self->kind == FACTURES_YEAR_CHART_MONTHLY)
    for (guint m = 0; m < 12; m++)
      {
        g_autofree char *amount = factures_money_format (self->months[m]);
        g_autofree char *before = factures_money_format (self->previous[m]);

        if (m > 0)
          g_string_append (s, C_("list separator", "; "));
        /* Translators: receipts of a month and of the same month the year before:
         * "janvier : 1 234,00 € (2025 : 980,00 €)" */
        g_string_append_printf (s, _("%s: %s (%u: %s)"), month_name (m), amount, self->year - 1, before);
      }
  else
    {
      for (guint m = 0; m < self->last_month; m++)
        {
          g_autofree char *amount = factures_money_format (self->cumulative[m]);

          if (m > 0)
            g_string_append (s, C_("list separator", "; "));
          /* Translators: the receipts of the year up to the end of a month: "fin mars : 3 000,00 €" */
          g_string_append_printf (s, _("end of %s: %s"), month_name (m), amount);
        }
      for (guint i = 0; i < self->n_limits; i++)
        {
          g_autofree char *amount = factures_money_format (self->limits[i]);

          if (s->len > 0)
            g_string_append (s, C_("list separator", "; "));
          g_string_append_printf (s, _("%s: %s"), factures_threshold_label (self->limit_kinds[i]), amount);
        }
    }
  return g_string_free (s, FALSE);
}

/* A colour of the theme (accent_color, warning_color, error_color), @fallback when unknown. */
static GdkRGBA
theme_color (GtkWidget  *widget,
             const char *name,
             const GdkRGBA *fallback)
{
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  GdkRGBA color;

  if (!gtk_style_context_lookup_color (style, name, &color))
    return *fallback;
  return color;
}

static PangoFontDescription *
small_font (PangoLayout *layout)
{
  PangoFontDescription *small = pango_font_description_copy (pango_context_get_font_description (pango_layout_get_context (layout)));

  if (pango_font_description_get_size_is_absolute (small))
    pango_font_description_set_absolute_size (small, pango_font_description_get_size (small) * 0.85);
  else
    pango_font_description_set_size (small, (gint) (pango_font_description_get_size (small) * 0.85));
  return small;
}

static void
show_at (cairo_t *cr, PangoLayout *layout, double x, double y, double align)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w * align, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        user_data)
{
  FacturesYearChart *self = FACTURES_YEAR_CHART (area);
  GtkWidget *widget = GTK_WIDGET (area);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  static const GdkRGBA blue = { 0.21, 0.52, 0.89, 1.0 }, amber = { 0.80, 0.54, 0.0, 1.0 }, red = { 0.88, 0.11, 0.14, 1.0 };
  GdkRGBA fg, accent, warning, error;
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  PangoFontDescription *small = small_font (layout);
  double top = 24.0, bottom = 22.0, left = 4.0, right = 4.0, chart_h, chart_w, slot;
  gint64 max = 1;

  gtk_style_context_get_color (style, &fg);
  accent = theme_color (widget, "accent_color", &blue);
  warning = theme_color (widget, "warning_color", &amber);
  error = theme_color (widget, "error_color", &red);

  chart_h = MAX (height - top - bottom, 10.0);
  chart_w = MAX (width - left - right, 10.0);
  slot = chart_w / 12.0;

  if (self->kind == FACTURES_YEAR_CHART_MONTHLY)
    for (guint m = 0; m < 12; m++)
      max = MAX (max, MAX (self->months[m], self->previous[m]));
  else
    {
      for (guint m = 0; m < 12; m++)
        max = MAX (max, self->cumulative[m]);
      for (guint i = 0; i < self->n_limits; i++)
        max = MAX (max, self->limits[i]);
      max = max + max / 20;
    }

  /* legend */
  pango_layout_set_font_description (layout, small);
  if (self->has_year)
    {
      g_autofree char *this_year = g_strdup_printf ("%u", self->year);
      g_autofree char *last_year = g_strdup_printf ("%u", self->year - 1);
      int w, h;

      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_rectangle (cr, left, 6, 10, 10);
      cairo_fill (cr);
      gdk_cairo_set_source_rgba (cr, &fg);
      pango_layout_set_text (layout, this_year, -1);
      show_at (cr, layout, left + 14, 3, 0.0);
      pango_layout_get_pixel_size (layout, &w, &h);
      if (self->kind == FACTURES_YEAR_CHART_MONTHLY)
        {
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.35);
          cairo_rectangle (cr, left + 24 + w, 6, 10, 10);
          cairo_fill (cr);
          gdk_cairo_set_source_rgba (cr, &fg);
          pango_layout_set_text (layout, last_year, -1);
          show_at (cr, layout, left + 38 + w, 3, 0.0);
        }
    }

  /* base line and month names */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.25);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, left, top + chart_h + 0.5);
  cairo_line_to (cr, left + chart_w, top + chart_h + 0.5);
  cairo_stroke (cr);
  {
    int widest = 0, w, h;
    guint step;

    for (guint m = 0; m < 12; m++)
      {
        pango_layout_set_text (layout, month_short (m), -1);
        pango_layout_get_pixel_size (layout, &w, &h);
        widest = MAX (widest, w);
      }
    /* narrow: every other month named (or every third) */
    step = widest <= slot - 4 ? 1 : widest <= 2 * slot - 4 ? 2 : 3;
    cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.75);
    for (guint m = 0; m < 12; m += step)
      {
        pango_layout_set_text (layout, month_short (m), -1);
        show_at (cr, layout, left + slot * m + slot / 2.0, top + chart_h + 3, 0.5);
      }
  }

  if (self->kind == FACTURES_YEAR_CHART_MONTHLY)
    {
      double bar_w = MIN (slot * 0.36, 22.0);

      for (guint m = 0; m < 12; m++)
        {
          double cx = left + slot * m + slot / 2.0;
          /* integer money: the bar heights are display ratios only */
          double hp = self->previous[m] > 0 ? MAX (chart_h * ((double) self->previous[m] / (double) max), 2.0) : 0.0;
          double hc = self->months[m] > 0 ? MAX (chart_h * ((double) self->months[m] / (double) max), 2.0) : 0.0;

          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.35);
          cairo_rectangle (cr, cx - bar_w, top + chart_h - hp, bar_w, hp);
          cairo_fill (cr);
          gdk_cairo_set_source_rgba (cr, &accent);
          cairo_rectangle (cr, cx, top + chart_h - hc, bar_w, hc);
          cairo_fill (cr);
        }
    }
  else
    {
      /* the limits: dashed lines, the VAT thresholds in the warning colour, the micro ceilings
       * in the error colour, named at the left */
      double placed_left[FACTURES_N_THRESHOLDS], placed_right[FACTURES_N_THRESHOLDS];
      double line_y[FACTURES_N_THRESHOLDS];
      guint n_left = 0, n_right = 0;

      for (guint i = 0; i < self->n_limits; i++)
        line_y[i] = floor (top + chart_h - chart_h * ((double) self->limits[i] / (double) max)) + 0.5;
      for (guint i = 0; i < self->n_limits; i++)
        {
          double y = line_y[i];
          gboolean vat = self->limit_kinds[i] >= FACTURES_THRESHOLD_VAT_BASE_SALES;
          const GdkRGBA *c = vat ? &warning : &error;
          static const double dash[] = { 5.0, 4.0 };

          gdk_cairo_set_source_rgba (cr, c);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_move_to (cr, left, y);
          cairo_line_to (cr, left + chart_w, y);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      for (guint i = 0; i < self->n_limits; i++)
        {
          double y = line_y[i];
          gboolean vat = self->limit_kinds[i] >= FACTURES_THRESHOLD_VAT_BASE_SALES;
          int lw, lh;
          gboolean placed = FALSE;

          gdk_cairo_set_source_rgba (cr, vat ? &warning : &error);
          /* named above its line, else below it, at the left, else at the right when another
           * name is there; never across another line (finding T19: the thresholds close to
           * each other crossed their names); not at all when no place is free (the
           * description and the figures say it) */
          pango_layout_set_text (layout, factures_threshold_label (self->limit_kinds[i]), -1);
          pango_layout_get_pixel_size (layout, &lw, &lh);
          for (guint side = 0; side < 2 && !placed; side++)
            {
              double text_top = side == 0 ? y - lh - 1 : y + 2;
              gboolean crossed = text_top < top - 2 || text_top + lh > top + chart_h;

              for (guint j = 0; j < self->n_limits && !crossed; j++)
                if (j != i && line_y[j] >= text_top - 1 && line_y[j] <= text_top + lh + 1)
                  crossed = TRUE;
              if (crossed)
                continue;
              for (guint where = 0; where < 2 && !placed; where++)
                {
                  double *placed_at = where == 0 ? placed_left : placed_right;
                  guint *n_placed = where == 0 ? &n_left : &n_right;
                  gboolean free = TRUE;

                  for (guint k = 0; k < *n_placed; k++)
                    if (fabs (placed_at[k] - text_top) < lh)
                      free = FALSE;
                  if (!free || (where == 1 && lw * 2 > chart_w))
                    continue;
                  show_at (cr, layout, where == 0 ? left + 2 : left + chart_w - 2, text_top, where == 0 ? 0.0 : 1.0);
                  placed_at[(*n_placed)++] = text_top;
                  placed = TRUE;
                }
            }
        }
      /* the cumulative receipts, month end by month end */
      if (self->has_year && self->last_month > 0)
        {
          gdk_cairo_set_source_rgba (cr, &accent);
          cairo_set_line_width (cr, 2.5);
          cairo_move_to (cr, left, top + chart_h);
          for (guint m = 0; m < self->last_month; m++)
            cairo_line_to (cr, left + slot * (m + 1),
                           top + chart_h - chart_h * ((double) self->cumulative[m] / (double) max));
          cairo_stroke (cr);
        }
    }
  pango_font_description_free (small);
}

static void
update_description (FacturesYearChart *self)
{
  g_autofree char *description = factures_year_chart_describe (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
factures_year_chart_set_year (FacturesYearChart        *self,
                              const FacturesUrssafYear *year)
{
  g_return_if_fail (FACTURES_IS_YEAR_CHART (self));

  self->has_year = year != NULL;
  self->n_limits = 0;
  if (year != NULL)
    {
      self->year = year->year;
      self->last_month = g_date_get_year (&year->today) == year->year ? g_date_get_month (&year->today) : 0;
      memcpy (self->months, year->months, sizeof self->months);
      memcpy (self->previous, year->previous, sizeof self->previous);
      memcpy (self->cumulative, year->cumulative, sizeof self->cumulative);
      for (guint i = 0; i < year->thresholds->len && self->n_limits < FACTURES_N_THRESHOLDS; i++)
        {
          const FacturesYearThreshold *t = &g_array_index (year->thresholds, FacturesYearThreshold, i);

          if (t->row == NULL)
            continue;
          self->limits[self->n_limits] = t->amount;
          self->limit_kinds[self->n_limits] = t->kind;
          self->n_limits++;
        }
    }
  update_description (self);
}

enum {
  PROP_0,
  PROP_CUMULATIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
factures_year_chart_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  FacturesYearChart *self = FACTURES_YEAR_CHART (object);

  switch (prop_id)
    {
    case PROP_CUMULATIVE:
      g_value_set_boolean (value, self->kind == FACTURES_YEAR_CHART_CUMULATIVE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
factures_year_chart_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  FacturesYearChart *self = FACTURES_YEAR_CHART (object);

  switch (prop_id)
    {
    case PROP_CUMULATIVE:
      self->kind = g_value_get_boolean (value) ? FACTURES_YEAR_CHART_CUMULATIVE : FACTURES_YEAR_CHART_MONTHLY;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
factures_year_chart_constructed (GObject *object)
{
  FacturesYearChart *self = FACTURES_YEAR_CHART (object);

  G_OBJECT_CLASS (factures_year_chart_parent_class)->constructed (object);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->kind == FACTURES_YEAR_CHART_MONTHLY
                                  ? _("Receipts per month against the year before")
                                  : _("Cumulative receipts against the ceilings and VAT thresholds"),
                                  -1);
  update_description (self);
}

static void
factures_year_chart_class_init (FacturesYearChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = factures_year_chart_get_property;
  object_class->set_property = factures_year_chart_set_property;
  object_class->constructed = factures_year_chart_constructed;
  /* FacturesYearChart:cumulative: the cumulative chart rather than the monthly one */
  properties[PROP_CUMULATIVE] = g_param_spec_boolean ("cumulative", NULL, NULL, FALSE,
                                                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_IMG);
}

static void
factures_year_chart_init (FacturesYearChart *self)
{
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 180);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), 300);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw, NULL, NULL);
}

GtkWidget *
factures_year_chart_new (FacturesYearChartKind kind)
{
  return g_object_new (FACTURES_TYPE_YEAR_CHART, "cumulative", kind == FACTURES_YEAR_CHART_CUMULATIVE, NULL);
}
