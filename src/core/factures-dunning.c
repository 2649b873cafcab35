/* factures-dunning.c — dunning ladders and their scheduling (see factures-dunning.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-dunning.h"

static const char *const channel_names[FACTURES_DUNNING_N_CHANNELS] = {
  "email", "phone", "sms", "letter", "formal-notice", "guidance",
};

gboolean
factures_dunning_channel_is_formal (FacturesDunningChannel channel)
{
  return channel == FACTURES_DUNNING_CHANNEL_FORMAL_NOTICE ||
         channel == FACTURES_DUNNING_CHANNEL_GUIDANCE;
}

const char *
factures_dunning_channel_to_string (FacturesDunningChannel channel)
{
  g_return_val_if_fail ((guint) channel < FACTURES_DUNNING_N_CHANNELS, "email");
  return channel_names[channel];
}

gboolean
factures_dunning_channel_from_string (const char             *text,
                                      FacturesDunningChannel *out)
{
  for (guint i = 0; text != NULL && i < FACTURES_DUNNING_N_CHANNELS; i++)
    if (strcmp (text, channel_names[i]) == 0)
      {
        *out = (FacturesDunningChannel) i;
        return TRUE;
      }
  return FALSE;
}

const char *
factures_dunning_channel_label (FacturesDunningChannel channel)
{
  switch (channel)
    {
    case FACTURES_DUNNING_CHANNEL_EMAIL:         return _("E-mail");
    case FACTURES_DUNNING_CHANNEL_PHONE:         return _("Phone call");
    case FACTURES_DUNNING_CHANNEL_SMS:           return _("SMS");
    case FACTURES_DUNNING_CHANNEL_LETTER:        return _("Registered letter");
    case FACTURES_DUNNING_CHANNEL_FORMAL_NOTICE: return _("Formal notice");
    case FACTURES_DUNNING_CHANNEL_GUIDANCE:      return _("Next steps");
    default:                                     return "";
    }
}

const char *
factures_step_state_label (FacturesStepState state)
{
  switch (state)
    {
    case FACTURES_STEP_STATE_DONE:    return _("Done");
    case FACTURES_STEP_STATE_SKIPPED: return _("Skipped");
    case FACTURES_STEP_STATE_MISSED:  return _("Missed");
    case FACTURES_STEP_STATE_DUE:     return _("Due");
    case FACTURES_STEP_STATE_PLANNED: return _("Planned");
    case FACTURES_STEP_STATE_PAUSED:  return _("Paused");
    case FACTURES_STEP_STATE_STOPPED: return _("Stopped");
    default:                          return "";
    }
}

FacturesDunningStep *
factures_dunning_step_new (gint                    offset_days,
                           FacturesDunningChannel  channel,
                           const char             *template_id)
{
  FacturesDunningStep *step = g_new0 (FacturesDunningStep, 1);

  step->offset_days = offset_days;
  step->channel = channel;
  step->template_id = g_strdup (template_id);
  return step;
}

FacturesDunningStep *
factures_dunning_step_copy (const FacturesDunningStep *step)
{
  return factures_dunning_step_new (step->offset_days, step->channel, step->template_id);
}

void
factures_dunning_step_free (FacturesDunningStep *step)
{
  if (step == NULL)
    return;
  g_free (step->template_id);
  g_free (step);
}

char *
factures_dunning_step_key (const FacturesDunningStep *step)
{
  return g_strdup_printf ("%+d:%s", step->offset_days,
                          factures_dunning_channel_to_string (step->channel));
}

FacturesDunningLadder *
factures_dunning_ladder_new (FacturesClientCategory category)
{
  FacturesDunningLadder *ladder = g_new0 (FacturesDunningLadder, 1);

  ladder->category = category;
  ladder->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_dunning_step_free);
  return ladder;
}

FacturesDunningLadder *
factures_dunning_ladder_copy (const FacturesDunningLadder *ladder)
{
  FacturesDunningLadder *copy = factures_dunning_ladder_new (ladder->category);

  for (guint i = 0; i < ladder->steps->len; i++)
    g_ptr_array_add (copy->steps, factures_dunning_step_copy (g_ptr_array_index (ladder->steps, i)));
  return copy;
}

void
factures_dunning_ladder_free (FacturesDunningLadder *ladder)
{
  if (ladder == NULL)
    return;
  g_ptr_array_unref (ladder->steps);
  g_free (ladder);
}

static void
add_step (FacturesDunningLadder *ladder, gint offset, FacturesDunningChannel channel, const char *template_id)
{
  g_ptr_array_add (ladder->steps, factures_dunning_step_new (offset, channel, template_id));
}

FacturesDunningLadder *
factures_dunning_ladder_new_default (FacturesClientCategory category)
{
  FacturesDunningLadder *ladder = factures_dunning_ladder_new (category);

  if (category == FACTURES_CLIENT_CATEGORY_PUBLIC)
    {
      /* LEGAL.md §12: invoices go through Chorus Pro; no injonction de payer against a
       * public body, the route is the administrative court. */
      add_step (ladder, -3, FACTURES_DUNNING_CHANNEL_EMAIL, "heads-up");
      add_step (ladder, 3, FACTURES_DUNNING_CHANNEL_EMAIL, "email-courteous");
      add_step (ladder, 10, FACTURES_DUNNING_CHANNEL_EMAIL, "chorus-reminder");
      add_step (ladder, 17, FACTURES_DUNNING_CHANNEL_PHONE, "phone");
      add_step (ladder, 30, FACTURES_DUNNING_CHANNEL_LETTER, "letter-last-reminder");
      add_step (ladder, 45, FACTURES_DUNNING_CHANNEL_FORMAL_NOTICE, "formal-notice");
      add_step (ladder, 60, FACTURES_DUNNING_CHANNEL_GUIDANCE, "guidance-public");
      return ladder;
    }

  /* DESIGN.md §5 */
  add_step (ladder, -3, FACTURES_DUNNING_CHANNEL_EMAIL, "heads-up");
  add_step (ladder, 3, FACTURES_DUNNING_CHANNEL_EMAIL, "email-courteous");
  add_step (ladder, 10, FACTURES_DUNNING_CHANNEL_EMAIL, "email-firm");
  add_step (ladder, 17, FACTURES_DUNNING_CHANNEL_PHONE, "phone");
  add_step (ladder, 21, FACTURES_DUNNING_CHANNEL_SMS, "sms");
  add_step (ladder, 30, FACTURES_DUNNING_CHANNEL_LETTER, "letter-last-reminder");
  add_step (ladder, 45, FACTURES_DUNNING_CHANNEL_FORMAL_NOTICE, "formal-notice");
  add_step (ladder, 60, FACTURES_DUNNING_CHANNEL_GUIDANCE, "guidance-court");
  return ladder;
}

static gint
compare_steps (gconstpointer a, gconstpointer b)
{
  const FacturesDunningStep *sa = *(FacturesDunningStep *const *) a;
  const FacturesDunningStep *sb = *(FacturesDunningStep *const *) b;

  return (sa->offset_days > sb->offset_days) - (sa->offset_days < sb->offset_days);
}

static char *
step_name (const FacturesDunningStep *step)
{
  /* "J+10 (E-mail)" */
  return g_strdup_printf ("J%+d (%s)", step->offset_days, factures_dunning_channel_label (step->channel));
}

gboolean
factures_dunning_ladder_validate (FacturesDunningLadder *ladder,
                                  GError               **error)
{
  guint amicable = 0;

  if (ladder->steps->len == 0)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Dunning ladder: at least one step is needed."));
      return FALSE;
    }
  /* g_ptr_array_sort is not stable: insertion sort keeps the given order of equal offsets */
  for (guint i = 1; i < ladder->steps->len; i++)
    for (guint j = i; j > 0 && compare_steps (&ladder->steps->pdata[j - 1], &ladder->steps->pdata[j]) > 0; j--)
      {
        gpointer tmp = ladder->steps->pdata[j];
        ladder->steps->pdata[j] = ladder->steps->pdata[j - 1];
        ladder->steps->pdata[j - 1] = tmp;
      }

  for (guint i = 0; i < ladder->steps->len; i++)
    {
      const FacturesDunningStep *step = g_ptr_array_index (ladder->steps, i);
      g_autofree char *name = step_name (step);

      if ((guint) step->channel >= FACTURES_DUNNING_N_CHANNELS)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Dunning step %s: unknown channel."), name);
          return FALSE;
        }
      if (step->offset_days < -60 || step->offset_days > 3650)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Dunning step %s: the day must be between 60 days before and 3650 days after the due date."),
                       name);
          return FALSE;
        }
      if (step->template_id == NULL || *step->template_id == '\0')
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Dunning step %s: the template is missing."), name);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        {
          const FacturesDunningStep *other = g_ptr_array_index (ladder->steps, j);
          if (other->offset_days == step->offset_days && other->channel == step->channel)
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Dunning step %s: two steps on the same day with the same channel."), name);
              return FALSE;
            }
        }
      if (factures_dunning_channel_is_formal (step->channel))
        {
          if (amicable < 3)
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Dunning step %s: at least three amicable steps must come before a formal step."),
                           name);
              return FALSE;
            }
        }
      else
        {
          /* an amicable step after a formal one does not count */
          gboolean formal_before = FALSE;
          for (guint j = 0; j < i; j++)
            formal_before |= factures_dunning_channel_is_formal (((FacturesDunningStep *) g_ptr_array_index (ladder->steps, j))->channel);
          if (!formal_before)
            amicable++;
        }
    }
  return TRUE;
}

void
factures_planned_step_clear (FacturesPlannedStep *step)
{
  g_clear_pointer (&step->step_key, g_free);
  g_clear_pointer (&step->template_id, g_free);
}

static const FacturesDunningEvent *
find_event (const GArray *events, const char *key)
{
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      const FacturesDunningEvent *ev = &g_array_index (events, FacturesDunningEvent, i);
      if (g_strcmp0 (ev->step_key, key) == 0)
        return ev;
    }
  return NULL;
}

static void
max_date (GDate *date, const GDate *other)
{
  if (g_date_compare (other, date) > 0)
    *date = *other;
}

GArray *
factures_dunning_plan_invoice (const FacturesDunningLadder *ladder,
                               const GArray                *runs,
                               const GDate                 *promise_date,
                               gboolean                     disputed,
                               const GDate                 *today)
{
  GArray *plan = g_array_new (FALSE, TRUE, sizeof (FacturesPlannedStep));
  gboolean has_promise = promise_date != NULL && g_date_valid (promise_date);
  gboolean busy_today = FALSE;
  gboolean proposed = FALSE;
  GDate tomorrow = *today;

  g_array_set_clear_func (plan, (GDestroyNotify) factures_planned_step_clear);
  g_date_add_days (&tomorrow, 1);

  /* a step already done today on any run: nothing more today for this invoice */
  for (guint r = 0; r < runs->len; r++)
    {
      const FacturesDunningRun *run = &g_array_index (runs, FacturesDunningRun, r);
      for (guint e = 0; run->events != NULL && e < run->events->len; e++)
        {
          const FacturesDunningEvent *ev = &g_array_index (run->events, FacturesDunningEvent, e);
          if (!ev->skipped && g_date_compare (&ev->date, today) == 0)
            busy_today = TRUE;
        }
    }

  for (guint r = 0; r < runs->len; r++)
    {
      const FacturesDunningRun *run = &g_array_index (runs, FacturesDunningRun, r);
      gboolean stopped = disputed || run->balance <= 0;
      gboolean pending_seen = FALSE;
      GDate ref;
      gint prev_offset = 0;
      gboolean prev_done = FALSE;
      GDate prev_done_date;

      g_date_clear (&ref, 1);
      g_date_clear (&prev_done_date, 1);

      for (guint i = 0; i < ladder->steps->len; i++)
        {
          const FacturesDunningStep *step = g_ptr_array_index (ladder->steps, i);
          FacturesPlannedStep ps = { 0 };
          const FacturesDunningEvent *ev;
          GDate planned = run->due_date;

          ps.instalment = run->instalment;
          ps.index = i;
          ps.step_key = factures_dunning_step_key (step);
          ps.offset_days = step->offset_days;
          ps.channel = step->channel;
          ps.template_id = g_strdup (step->template_id);

          /* the later of the offset and the previous step's date plus the gap */
          if (step->offset_days >= 0)
            g_date_add_days (&planned, (guint) step->offset_days);
          else
            g_date_subtract_days (&planned, (guint) -step->offset_days);
          if (i > 0)
            {
              GDate spaced = ref;
              gint gap = step->offset_days - prev_offset;
              if (gap >= 0)
                g_date_add_days (&spaced, (guint) gap);
              max_date (&planned, &spaced);
              if (prev_done)
                {
                  GDate next_day = prev_done_date;
                  g_date_add_days (&next_day, 1);
                  max_date (&planned, &next_day);
                }
            }

          ev = find_event (run->events, ps.step_key);
          if (ev != NULL)
            {
              ps.state = ev->skipped ? FACTURES_STEP_STATE_SKIPPED : FACTURES_STEP_STATE_DONE;
              ps.date = ev->date;
              prev_done = !ev->skipped;
              prev_done_date = ev->date;
              ref = ev->date;
            }
          else if (stopped)
            {
              ps.state = FACTURES_STEP_STATE_STOPPED;
              ps.date = planned;
              prev_done = FALSE;
              ref = planned;
            }
          else if (!pending_seen && step->offset_days < 0 &&
                   g_date_compare (today, &run->due_date) >= 0)
            {
              /* a pre-due step not done by the due date: recorded as skipped */
              ps.state = FACTURES_STEP_STATE_MISSED;
              ps.date = planned;
              prev_done = FALSE;
              ref = planned;
            }
          else if (!pending_seen)
            {
              pending_seen = TRUE;
              if (has_promise && g_date_compare (&planned, promise_date) <= 0)
                {
                  planned = *promise_date;
                  g_date_add_days (&planned, 1);
                }
              if (has_promise && g_date_compare (today, promise_date) <= 0)
                ps.state = FACTURES_STEP_STATE_PAUSED;
              else if (g_date_compare (&planned, today) <= 0)
                {
                  if (busy_today || proposed)
                    {
                      /* never two steps on one day for one invoice */
                      ps.state = FACTURES_STEP_STATE_PLANNED;
                      planned = tomorrow;
                    }
                  else
                    {
                      ps.state = FACTURES_STEP_STATE_DUE;
                      proposed = TRUE;
                    }
                }
              else
                ps.state = FACTURES_STEP_STATE_PLANNED;
              ps.date = planned;
              prev_done = FALSE;
              /* the next steps are projected from the day this one can be done at the earliest */
              ref = planned;
              if (ps.state == FACTURES_STEP_STATE_DUE)
                ref = *today;
            }
          else
            {
              ps.state = FACTURES_STEP_STATE_PLANNED;
              ps.date = planned;
              prev_done = FALSE;
              ref = planned;
            }
          prev_offset = step->offset_days;
          g_array_append_val (plan, ps);
        }
    }
  return plan;
}

gboolean
factures_dso_has_history (guint        n_paid,
                          const GDate *first_issue,
                          const GDate *today)
{
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (n_paid < FACTURES_DSO_MIN_PAID)
    return FALSE;
  if (first_issue == NULL || !g_date_valid (first_issue))
    return FALSE;
  return g_date_days_between (first_issue, today) >= FACTURES_DSO_MIN_DAYS;
}
