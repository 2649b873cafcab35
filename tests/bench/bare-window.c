/* bare-window.c — the baseline of the window benchmarks (issue 12 item 5)
 *
 * A bare AdwApplicationWindow (a header bar and a label, at the default size of Factures' window) in an
 * AdwApplication: what any libadwaita program pays before its first frame. With
 * FACTURES_BENCH_FIRST_FRAME in the environment it writes "first-frame\n" to standard output
 * at the first "after-paint" of the window's frame clock, as `factures` does
 * (src/ui/overdue/factures-first-frame.c), and quits there when the value is "quit".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <adwaita.h>

static void
on_after_paint (GdkFrameClock  *clock,
                GtkApplication *app)
{
  const char *bench = g_getenv ("FACTURES_BENCH_FIRST_FRAME");

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, app);
  if (bench == NULL)
    return;
  fputs ("first-frame\n", stdout);
  fflush (stdout);
  if (g_str_equal (bench, "quit"))
    g_application_quit (G_APPLICATION (app));
}

static void
on_realize (GtkWidget      *window,
            GtkApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint), app);
}

static void
on_activate (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Factures");

  gtk_window_set_title (GTK_WINDOW (window), "Factures");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);   /* Factures' default */
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (AdwApplication) app = adw_application_new ("org.example.FacturesBareWindow",
                                                        G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
