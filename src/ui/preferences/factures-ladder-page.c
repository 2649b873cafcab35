/* factures-ladder-page.c — the dunning ladders in Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-dunning.h"
#include "factures-form.h"
#include "factures-ladder-page.h"
#include "factures-store-payments.h"

#define N_CATEGORIES 4

/* The e-mail templates of data/templates/ (ids of factures-dunning.h). */
static const char * const email_templates[] = { "heads-up", "email-courteous", "email-firm", "chorus-reminder", NULL };

typedef struct {
  FacturesStore          *store;
  FacturesClientCategory  category;
  GtkWidget              *group;
  GtkWidget              *steps_box;   /* GtkListBox of step rows */
  GtkWidget              *error_label;
  gboolean                loading;
} LadderGroup;

static const char *
category_title (FacturesClientCategory category)
{
  switch (category)
    {
    case FACTURES_CLIENT_CATEGORY_INDIVIDUAL:  return _("Individuals");
    case FACTURES_CLIENT_CATEGORY_COMPANY:     return _("Companies");
    case FACTURES_CLIENT_CATEGORY_ASSOCIATION: return _("Associations");
    case FACTURES_CLIENT_CATEGORY_PUBLIC:
    default:                                   return _("Public Bodies");
    }
}

static const char *
template_label (const char *id)
{
  if (g_strcmp0 (id, "heads-up") == 0)
    return _("Friendly heads-up");
  if (g_strcmp0 (id, "email-courteous") == 0)
    return _("Courteous reminder");
  if (g_strcmp0 (id, "email-firm") == 0)
    return _("Firm reminder");
  return _("Chorus Pro reminder");
}

static const char *
default_template (FacturesDunningChannel  channel,
                  FacturesClientCategory  category)
{
  switch (channel)
    {
    case FACTURES_DUNNING_CHANNEL_EMAIL:         return "email-courteous";
    case FACTURES_DUNNING_CHANNEL_PHONE:         return "phone";
    case FACTURES_DUNNING_CHANNEL_SMS:           return "sms";
    case FACTURES_DUNNING_CHANNEL_LETTER:        return "letter-last-reminder";
    case FACTURES_DUNNING_CHANNEL_FORMAL_NOTICE: return "formal-notice";
    case FACTURES_DUNNING_CHANNEL_GUIDANCE:
    default:
      return category == FACTURES_CLIENT_CATEGORY_PUBLIC ? "guidance-public" : "guidance-court";
    }
}

/* ---- one step row: offset, channel, e-mail template, remove ---- */

static void
update_template_visibility (GtkWidget *row)
{
  GtkWidget *channel = g_object_get_data (G_OBJECT (row), "channel");
  GtkWidget *template = g_object_get_data (G_OBJECT (row), "template");

  gtk_widget_set_visible (template,
                          gtk_drop_down_get_selected (GTK_DROP_DOWN (channel)) == FACTURES_DUNNING_CHANNEL_EMAIL);
}

static void
remove_row (GtkButton *button,
            GtkWidget *row)
{
  GtkWidget *list = gtk_widget_get_parent (row);

  if (GTK_IS_LIST_BOX (list))
    gtk_list_box_remove (GTK_LIST_BOX (list), row);
}

static GtkWidget *
step_row_new (const FacturesDunningStep *step,
              guint                      position)
{
  const char *channels[FACTURES_DUNNING_N_CHANNELS + 1];
  const char *templates[G_N_ELEMENTS (email_templates)];
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *spin, *channel, *template, *remove, *label;
  g_autofree char *spin_name = NULL;
  g_autofree char *channel_name = NULL;
  g_autofree char *template_name = NULL;
  g_autofree char *remove_name = NULL;

  for (guint i = 0; i < FACTURES_DUNNING_N_CHANNELS; i++)
    channels[i] = factures_dunning_channel_label ((FacturesDunningChannel) i);
  channels[FACTURES_DUNNING_N_CHANNELS] = NULL;
  for (guint i = 0; email_templates[i] != NULL; i++)
    templates[i] = template_label (email_templates[i]);
  templates[G_N_ELEMENTS (email_templates) - 1] = NULL;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  label = gtk_label_new (_("Day"));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  spin = gtk_spin_button_new_with_range (-60, 3650, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), step->offset_days);
  /* Translators: accessible names in a ladder editor, %u is the step's position */
  spin_name = g_strdup_printf (_("Days from the due date, step %u"), position);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, spin_name, -1);
  gtk_widget_set_tooltip_text (spin, _("Days from the due date (negative: before it)"));
  gtk_box_append (GTK_BOX (box), spin);

  channel = gtk_drop_down_new_from_strings (channels);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (channel), step->channel);
  channel_name = g_strdup_printf (_("Channel, step %u"), position);
  factures_drop_down_set_accessible_label (channel, channel_name);
  gtk_box_append (GTK_BOX (box), channel);

  template = gtk_drop_down_new_from_strings (templates);
  gtk_widget_set_hexpand (template, TRUE);
  gtk_widget_set_halign (template, GTK_ALIGN_START);
  for (guint i = 0; email_templates[i] != NULL; i++)
    if (g_strcmp0 (email_templates[i], step->template_id) == 0)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (template), i);
  template_name = g_strdup_printf (_("E-mail text, step %u"), position);
  factures_drop_down_set_accessible_label (template, template_name);
  gtk_box_append (GTK_BOX (box), template);

  {
    GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    gtk_widget_set_hexpand (spacer, TRUE);
    gtk_box_append (GTK_BOX (box), spacer);
  }

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (remove, "flat");
  remove_name = g_strdup_printf (_("Remove step %u"), position);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  gtk_widget_set_tooltip_text (remove, _("Remove this step"));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_row), row);
  gtk_box_append (GTK_BOX (box), remove);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "spin", spin);
  g_object_set_data (G_OBJECT (row), "channel", channel);
  g_object_set_data (G_OBJECT (row), "template", template);
  g_object_set_data (G_OBJECT (row), "remove", remove);
  g_object_set_data_full (G_OBJECT (row), "template-id", g_strdup (step->template_id), g_free);
  g_signal_connect_swapped (channel, "notify::selected", G_CALLBACK (update_template_visibility), row);
  update_template_visibility (row);
  return row;
}

static void apply (LadderGroup *lg);

/* Applied on change (issue 11 item 6): each change of a step saves the ladder. */
static GtkWidget *
connect_row (LadderGroup *lg,
             GtkWidget   *row)
{
  g_signal_connect_swapped (g_object_get_data (G_OBJECT (row), "spin"), "value-changed", G_CALLBACK (apply), lg);
  g_signal_connect_swapped (g_object_get_data (G_OBJECT (row), "channel"), "notify::selected", G_CALLBACK (apply), lg);
  g_signal_connect_swapped (g_object_get_data (G_OBJECT (row), "template"), "notify::selected", G_CALLBACK (apply), lg);
  /* After remove_row. */
  g_signal_connect_swapped (g_object_get_data (G_OBJECT (row), "remove"), "clicked", G_CALLBACK (apply), lg);
  return row;
}

static void
fill (LadderGroup                 *lg,
      const FacturesDunningLadder *ladder)
{
  GtkWidget *child;

  lg->loading = TRUE;
  while ((child = gtk_widget_get_first_child (lg->steps_box)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (lg->steps_box), child);
  for (guint i = 0; i < ladder->steps->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (lg->steps_box),
                         connect_row (lg, step_row_new (g_ptr_array_index (ladder->steps, i), i + 1)));
  lg->loading = FALSE;
}

static FacturesDunningLadder *
collect (LadderGroup *lg)
{
  FacturesDunningLadder *ladder = factures_dunning_ladder_new (lg->category);

  for (GtkWidget *row = gtk_widget_get_first_child (lg->steps_box);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *spin = g_object_get_data (G_OBJECT (row), "spin");
      GtkWidget *channel = g_object_get_data (G_OBJECT (row), "channel");
      GtkWidget *template = g_object_get_data (G_OBJECT (row), "template");
      const char *old_template = g_object_get_data (G_OBJECT (row), "template-id");
      FacturesDunningChannel ch;
      const char *template_id;
      gint offset;

      if (spin == NULL)
        continue;
      offset = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin));
      ch = (FacturesDunningChannel) gtk_drop_down_get_selected (GTK_DROP_DOWN (channel));
      if (ch == FACTURES_DUNNING_CHANNEL_EMAIL)
        template_id = email_templates[MIN (gtk_drop_down_get_selected (GTK_DROP_DOWN (template)),
                                           G_N_ELEMENTS (email_templates) - 2)];
      else if (old_template != NULL && g_strcmp0 (old_template, default_template (ch, lg->category)) == 0)
        template_id = old_template;
      else
        template_id = default_template (ch, lg->category);
      g_ptr_array_add (ladder->steps, factures_dunning_step_new (offset, ch, template_id));
    }
  return ladder;
}

static void
show_error (LadderGroup *lg,
            const char  *message)
{
  gtk_label_set_text (GTK_LABEL (lg->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (lg->error_label, message != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (lg->steps_box),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message != NULL ? message : "", -1);
}

/* Saves the ladder as shown; a refusal is said under the steps and nothing is saved.
 * The rows stay where they are (sorted when the page is opened again): the window
 * does not move under the pointer. */
static void
apply (LadderGroup *lg)
{
  g_autoptr (FacturesDunningLadder) ladder = NULL;
  g_autoptr (GError) error = NULL;

  if (lg->loading)
    return;
  ladder = collect (lg);
  if (!factures_store_save_ladder (lg->store, ladder, &error))
    {
      show_error (lg, error->message);
      return;
    }
  show_error (lg, NULL);
}

static void
on_add (LadderGroup *lg)
{
  g_autoptr (FacturesDunningStep) step = NULL;
  gint last = 0;
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (lg->steps_box);
       row != NULL;
       row = gtk_widget_get_next_sibling (row), n++)
    {
      GtkWidget *spin = g_object_get_data (G_OBJECT (row), "spin");

      if (spin != NULL)
        last = MAX (last, gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)));
    }
  step = factures_dunning_step_new (last + 7, FACTURES_DUNNING_CHANNEL_EMAIL, "email-firm");
  gtk_list_box_append (GTK_LIST_BOX (lg->steps_box), connect_row (lg, step_row_new (step, n + 1)));
  apply (lg);
}

static void
on_defaults (LadderGroup *lg)
{
  g_autoptr (FacturesDunningLadder) ladder = factures_dunning_ladder_new_default (lg->category);

  fill (lg, ladder);
  show_error (lg, NULL);
  apply (lg);
}

static GtkWidget *
group_new (FacturesStore          *store,
           FacturesClientCategory  category)
{
  LadderGroup *lg = g_new0 (LadderGroup, 1);
  g_autoptr (FacturesDunningLadder) ladder = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *box, *buttons, *button;
  g_autofree char *list_name = NULL;

  lg->store = store;
  lg->category = category;
  lg->group = adw_preferences_group_new ();
  g_object_set_data_full (G_OBJECT (lg->group), "factures-ladder", lg, g_free);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (lg->group), category_title (category));
  if (category == FACTURES_CLIENT_CATEGORY_PUBLIC)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (lg->group),
                                           _("Public buyers pay through Chorus Pro; after the formal notice "
                                             "the route is the administrative court."));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  lg->steps_box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (lg->steps_box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (lg->steps_box, "boxed-list");
  /* Translators: accessible name of a list, %s is a client category */
  list_name = g_strdup_printf (_("Reminder steps for %s"), category_title (category));
  gtk_accessible_update_property (GTK_ACCESSIBLE (lg->steps_box), GTK_ACCESSIBLE_PROPERTY_LABEL, list_name, -1);
  gtk_box_append (GTK_BOX (box), lg->steps_box);

  lg->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (lg->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (lg->error_label), 0.0);
  gtk_widget_add_css_class (lg->error_label, "error");
  gtk_widget_set_visible (lg->error_label, FALSE);
  gtk_box_append (GTK_BOX (box), lg->error_label);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  button = gtk_button_new_with_label (_("Add Step"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_add), lg);
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_label (_("Restore Defaults"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_defaults), lg);
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (box), buttons);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (lg->group), box);

  ladder = factures_store_get_ladder (store, category, &error);
  if (ladder == NULL)
    {
      show_error (lg, error->message);
      ladder = factures_dunning_ladder_new_default (category);
    }
  fill (lg, ladder);
  return lg->group;
}


/* ---- the late-penalty rate table (DESIGN.md §5, LEGAL.md §3) ---- */

typedef struct {
  FacturesStore *store;
  GtkWidget     *list;
  GtkWidget     *error_label;
  GtkWidget     *group;
} RatesGroup;

static void rates_save (RatesGroup *rg);

/* Applied on change (issue 11 item 6): a rate is saved when Enter is pressed in it or
 * the focus leaves it; a wrong one is said under the table and not saved. */
static GtkWidget *
connect_rate_row (RatesGroup *rg,
                  GtkWidget  *row)
{
  static const char * const keys[] = { "ecb", "individual", "other" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkWidget *entry = g_object_get_data (G_OBJECT (row), keys[i]);
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_swapped (entry, "activate", G_CALLBACK (rates_save), rg);
      g_signal_connect_swapped (focus, "leave", G_CALLBACK (rates_save), rg);
      gtk_widget_add_controller (entry, focus);
    }
  return row;
}

static GtkWidget *
rate_entry (gint        rate_bp,
            const char *accessible_name)
{
  GtkWidget *entry = gtk_entry_new ();

  if (rate_bp != FACTURES_RATE_UNKNOWN)
    {
      g_autofree char *text = factures_rate_format (rate_bp);
      gtk_editable_set_text (GTK_EDITABLE (entry), text);
    }
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("unknown"));
  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  gtk_widget_set_tooltip_text (entry, accessible_name);
  return entry;
}

static GtkWidget *
rate_row_new (const FacturesRatePeriod *period)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label;
  /* Translators: a half-year of the rate table, "H1 2026" */
  g_autofree char *title = g_strdup_printf (_("H%d %d"), period->half, period->year);
  /* Translators: accessible names of the rate table's fields, %s is "H1 2026" */
  g_autofree char *ecb_name = g_strdup_printf (_("ECB rate, %s"), title);
  g_autofree char *ind_name = g_strdup_printf (_("Legal rate for individuals, %s"), title);
  g_autofree char *other_name = g_strdup_printf (_("Legal rate, other cases, %s"), title);
  GtkWidget *ecb = rate_entry (period->ecb_bp, ecb_name);
  GtkWidget *ind = rate_entry (period->legal_individual_bp, ind_name);
  GtkWidget *other = rate_entry (period->legal_other_bp, other_name);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), ecb);
  gtk_box_append (GTK_BOX (box), ind);
  gtk_box_append (GTK_BOX (box), other);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "year", GINT_TO_POINTER (period->year));
  g_object_set_data (G_OBJECT (row), "half", GINT_TO_POINTER (period->half));
  g_object_set_data (G_OBJECT (row), "ecb", ecb);
  g_object_set_data (G_OBJECT (row), "individual", ind);
  g_object_set_data (G_OBJECT (row), "other", other);
  g_object_set_data_full (G_OBJECT (row), "source", g_strdup (period->source), g_free);
  return row;
}

static void
rates_fill (RatesGroup *rg)
{
  g_autoptr (GArray) table = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (rg->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (rg->list), child);
  table = factures_store_get_rate_table (rg->store, &error);
  if (table == NULL)
    {
      gtk_label_set_text (GTK_LABEL (rg->error_label), error->message);
      gtk_widget_set_visible (rg->error_label, TRUE);
      return;
    }
  /* newest first */
  for (guint i = table->len; i > 0; i--)
    gtk_list_box_append (GTK_LIST_BOX (rg->list),
                         connect_rate_row (rg, rate_row_new (&g_array_index (table, FacturesRatePeriod, i - 1))));
}

static gboolean
read_rate (GtkWidget *entry,
           gint      *out,
           GError   **error)
{
  g_autofree char *text = factures_editable_get_trimmed (entry);
  const char *field = gtk_widget_get_tooltip_text (entry);

  if (*text == '\0')
    {
      *out = FACTURES_RATE_UNKNOWN;
      return TRUE;
    }
  return factures_rate_parse (text, field, out, error);
}

static void
rates_save (RatesGroup *rg)
{
  g_autoptr (GError) error = NULL;

  /* Focus also leaves while the window is being destroyed. */
  if (gtk_widget_get_root (rg->group) == NULL)
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (rg->list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      FacturesRatePeriod period = { 0 };

      period.year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "year"));
      period.half = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "half"));
      period.source = g_object_get_data (G_OBJECT (row), "source");
      if (!read_rate (g_object_get_data (G_OBJECT (row), "ecb"), &period.ecb_bp, &error) ||
          !read_rate (g_object_get_data (G_OBJECT (row), "individual"), &period.legal_individual_bp, &error) ||
          !read_rate (g_object_get_data (G_OBJECT (row), "other"), &period.legal_other_bp, &error) ||
          !factures_store_save_rate (rg->store, &period, &error))
        {
          gtk_label_set_text (GTK_LABEL (rg->error_label), error->message);
          gtk_widget_set_visible (rg->error_label, TRUE);
          return;
        }
    }
  gtk_widget_set_visible (rg->error_label, FALSE);
}

static void
rates_add (RatesGroup *rg)
{
  FacturesRatePeriod period = { 0 };
  GtkWidget *first = gtk_widget_get_first_child (rg->list);

  period.ecb_bp = period.legal_individual_bp = period.legal_other_bp = FACTURES_RATE_UNKNOWN;
  if (first != NULL)
    {
      period.year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (first), "year"));
      period.half = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (first), "half")) + 1;
      if (period.half > 2)
        {
          period.half = 1;
          period.year++;
        }
    }
  else
    {
      GDate today;

      factures_today (&today);
      period.year = g_date_get_year (&today);
      period.half = g_date_get_month (&today) <= 6 ? 1 : 2;
    }
  gtk_list_box_prepend (GTK_LIST_BOX (rg->list), connect_rate_row (rg, rate_row_new (&period)));
}

static GtkWidget *
rates_group_new (FacturesStore *store)
{
  RatesGroup *rg = g_new0 (RatesGroup, 1);
  GtkWidget *box, *buttons, *button;

  rg->store = store;
  rg->group = adw_preferences_group_new ();
  g_object_set_data_full (G_OBJECT (rg->group), "factures-rates", rg, g_free);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (rg->group), _("Late-Penalty Rates"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (rg->group),
                                         _("Per half-year: the ECB main refinancing rate on its first day, the "
                                           "legal rate for individuals and the legal rate for other cases. "
                                           "When the current half-year is missing, the last known rates are used."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  rg->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (rg->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (rg->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (rg->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Late-Penalty Rates"), -1);
  gtk_box_append (GTK_BOX (box), rg->list);
  rg->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (rg->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (rg->error_label), 0.0);
  gtk_widget_add_css_class (rg->error_label, "error");
  gtk_widget_set_visible (rg->error_label, FALSE);
  gtk_box_append (GTK_BOX (box), rg->error_label);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  button = gtk_button_new_with_label (_("Add Half-Year"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (rates_add), rg);
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (box), buttons);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (rg->group), box);
  rates_fill (rg);
  return rg->group;
}

GtkWidget *
factures_ladder_page_new (FacturesStore *store)
{
  GtkWidget *page;
  const FacturesClientCategory order[N_CATEGORIES] = {
    FACTURES_CLIENT_CATEGORY_COMPANY, FACTURES_CLIENT_CATEGORY_INDIVIDUAL,
    FACTURES_CLIENT_CATEGORY_ASSOCIATION, FACTURES_CLIENT_CATEGORY_PUBLIC,
  };

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Reminders"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "alarm-symbolic");
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (page), "reminders");
  /* the store outlives the preferences window (owned by the application) */
  g_object_set_data_full (G_OBJECT (page), "factures-store", g_object_ref (store), g_object_unref);
  for (guint i = 0; i < N_CATEGORIES; i++)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                              ADW_PREFERENCES_GROUP (group_new (store, order[i])));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (rates_group_new (store)));
  return page;
}
