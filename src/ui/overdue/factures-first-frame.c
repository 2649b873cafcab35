/* factures-first-frame.c — see factures-first-frame.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "factures-first-frame.h"

typedef struct {
  GtkWidget      *widget;     /* weak */
  GdkFrameClock  *clock;
  gulong          realize_id;
  gulong          paint_id;
  GSourceFunc     func;
  gpointer        data;
  GDestroyNotify  destroy;
} FirstFrame;

static void on_widget_gone (gpointer data, GObject *where_the_widget_was);

/* Stops watching the widget and its clock (the widget still alive when @alive). */
static void
unwatch (FirstFrame *ff,
         gboolean    alive)
{
  if (ff->clock != NULL)
    {
      g_clear_signal_handler (&ff->paint_id, ff->clock);
      g_clear_object (&ff->clock);
    }
  if (ff->widget != NULL && alive)
    {
      g_clear_signal_handler (&ff->realize_id, ff->widget);
      g_object_weak_unref (G_OBJECT (ff->widget), on_widget_gone, ff);
    }
  ff->widget = NULL;
}

static void
first_frame_free (FirstFrame *ff)
{
  unwatch (ff, TRUE);
  if (ff->destroy != NULL)
    ff->destroy (ff->data);
  g_free (ff);
}

/* The widget went before its first frame: nothing runs. */
static void
on_widget_gone (gpointer  data,
                GObject  *where_the_widget_was)
{
  FirstFrame *ff = data;

  unwatch (ff, FALSE);
  first_frame_free (ff);
}

static gboolean
run_deferred (gpointer user_data)
{
  FirstFrame *ff = user_data;

  ff->func (ff->data);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                FirstFrame    *ff)
{
  const char *bench = g_getenv ("FACTURES_BENCH_FIRST_FRAME");

  unwatch (ff, TRUE);
  if (bench != NULL)
    {
      fputs ("first-frame\n", stdout);
      fflush (stdout);
      if (g_str_equal (bench, "quit") && g_application_get_default () != NULL)
        {
          g_application_quit (g_application_get_default ());
          first_frame_free (ff);
          return;
        }
    }
  /* after the frame's own work, before the next frames' input */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, run_deferred, ff, (GDestroyNotify) first_frame_free);
}

static void
watch_clock (FirstFrame *ff)
{
  ff->clock = g_object_ref (gtk_widget_get_frame_clock (ff->widget));
  ff->paint_id = g_signal_connect (ff->clock, "after-paint", G_CALLBACK (on_after_paint), ff);
}

static void
on_realize (GtkWidget  *widget,
            FirstFrame *ff)
{
  g_clear_signal_handler (&ff->realize_id, ff->widget);
  watch_clock (ff);
}

void
factures_after_first_frame (GtkWidget      *widget,
                            GSourceFunc     func,
                            gpointer        data,
                            GDestroyNotify  destroy)
{
  FirstFrame *ff;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  ff = g_new0 (FirstFrame, 1);
  ff->widget = widget;
  g_object_weak_ref (G_OBJECT (widget), on_widget_gone, ff);
  ff->func = func;
  ff->data = data;
  ff->destroy = destroy;
  if (gtk_widget_get_realized (widget))
    watch_clock (ff);
  else
    ff->realize_id = g_signal_connect (widget, "realize", G_CALLBACK (on_realize), ff);
}
