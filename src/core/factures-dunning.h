/* factures-dunning.h — the dunning ladder as data, and its scheduling rule (DESIGN.md §5)
 *
 * A ladder is an ordered list of steps (offset in days from the due date, channel,
 * template id), one ladder per client category. A "run" is one pass of the ladder
 * over one due date: the invoice's, or each instalment's when there is a plan.
 *
 * Scheduling rule (DESIGN.md §5), computed by factures_dunning_plan():
 *  - step 0 is due on due_date + offset;
 *  - step i is due on the later of due_date + offset_i and
 *    ref(i−1) + (offset_i − offset_{i−1}), where ref is the date the previous step was
 *    done, or its planned date when it was skipped or is still pending;
 *  - a step after a step done on day D is never due before D + 1;
 *  - only the first step that is neither done nor skipped can be FACTURES_STEP_STATE_DUE;
 *    after days offline the ladder thus resumes with its spacing, one step at a time;
 *  - a pre-due step (offset < 0) not done when the due date arrives (today ≥ due date) is
 *    FACTURES_STEP_STATE_MISSED: the store records it as skipped (dated its planned date);
 *  - a promise to pay moves the next pending step to the day after the promised date at the
 *    earliest (state PAUSED while today ≤ promised date); a dispute stops the run (STOPPED);
 *    a run with nothing left to pay is STOPPED too;
 *  - never two steps on one day for one invoice: factures_dunning_plan_invoice() plans all
 *    the runs of an invoice together and moves a step to the next free day when another
 *    run already has a step done or proposed on that day (earliest instalment first).
 *
 * Steps are identified by a stable key derived from (offset, channel), e.g. "+10:email";
 * events are keyed (document, instalment, step key), instalment 0 when there is no plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "factures-error.h"
#include "factures-document.h"

G_BEGIN_DECLS

typedef enum {
  FACTURES_DUNNING_CHANNEL_EMAIL,          /* e-mail (mailto: until the mail issue lands) */
  FACTURES_DUNNING_CHANNEL_PHONE,          /* phone call: a script, the outcome logged */
  FACTURES_DUNNING_CHANNEL_SMS,            /* SMS text to copy, sms: link */
  FACTURES_DUNNING_CHANNEL_LETTER,         /* lettre recommandée avec AR (PDF, tracking number) */
  FACTURES_DUNNING_CHANNEL_FORMAL_NOTICE,  /* mise en demeure (PDF, LRAR) */
  FACTURES_DUNNING_CHANNEL_GUIDANCE,       /* what to do next: injonction de payer, petites créances… */
} FacturesDunningChannel;

#define FACTURES_DUNNING_N_CHANNELS 6

/* Formal channels (formal notice, guidance) must come after ≥ 3 amicable steps. */
gboolean    factures_dunning_channel_is_formal (FacturesDunningChannel channel);
/* "email", "phone", "sms", "letter", "formal-notice", "guidance" (stored in the DB). */
const char *factures_dunning_channel_to_string (FacturesDunningChannel channel);
gboolean    factures_dunning_channel_from_string (const char             *text,
                                                  FacturesDunningChannel *out);
/* "E-mail", "Phone call", "SMS", "Registered letter", "Formal notice", "Next steps" (translated). */
const char *factures_dunning_channel_label     (FacturesDunningChannel channel);

/* Template ids of the default ladders; the UI/letters map them to texts:
 * "heads-up" (D-3), "email-courteous" (D+3), "email-firm" (D+10), "phone" (D+17),
 * "sms" (D+21), "letter-last-reminder" (D+30), "formal-notice" (D+45),
 * "guidance-court" (D+60: injonction de payer, petites créances ≤ 5 000 €, prescription),
 * administration: "chorus-reminder" (D+10 e-mail citing Chorus Pro), "guidance-public"
 * (administrative court, no injonction de payer against a public body, LEGAL.md §12). */
typedef struct {
  gint                    offset_days;   /* from the due date; < 0 before it */
  FacturesDunningChannel  channel;
  char                   *template_id;
} FacturesDunningStep;

typedef struct {
  FacturesClientCategory  category;
  GPtrArray              *steps;         /* FacturesDunningStep*, owned, ordered by offset */
} FacturesDunningLadder;

FacturesDunningStep   *factures_dunning_step_new   (gint                    offset_days,
                                                    FacturesDunningChannel  channel,
                                                    const char             *template_id);
FacturesDunningStep   *factures_dunning_step_copy  (const FacturesDunningStep *step);
void                   factures_dunning_step_free  (FacturesDunningStep *step);
/* "+10:email", "-3:email", "+45:formal-notice" (newly allocated). */
char                  *factures_dunning_step_key   (const FacturesDunningStep *step);

FacturesDunningLadder *factures_dunning_ladder_new  (FacturesClientCategory category);
FacturesDunningLadder *factures_dunning_ladder_copy (const FacturesDunningLadder *ladder);
void                   factures_dunning_ladder_free (FacturesDunningLadder *ladder);

/* The default ladder of a category (DESIGN.md §5; the administration ladder per LEGAL.md §12:
 * no SMS, Chorus Pro reminder, guidance towards the administrative court). */
FacturesDunningLadder *factures_dunning_ladder_new_default (FacturesClientCategory category);

/**
 * factures_dunning_ladder_validate:
 *
 * Sorts the steps by offset (stable) and checks them: at least one step; offsets within
 * −60…+3650 days; template ids not empty; at least three amicable steps (e-mail, phone,
 * SMS, letter) before the first formal step (formal notice, guidance); two steps on the
 * same day and channel refused.
 *
 * Returns: FALSE with FACTURES_ERROR_INVALID and a French message naming the step.
 */
gboolean factures_dunning_ladder_validate (FacturesDunningLadder *ladder,
                                           GError               **error);

typedef enum {
  FACTURES_STEP_STATE_DONE,      /* an event "done" exists */
  FACTURES_STEP_STATE_SKIPPED,   /* an event "skipped" exists */
  FACTURES_STEP_STATE_MISSED,    /* pre-due step not done by the due date: to record as skipped */
  FACTURES_STEP_STATE_DUE,       /* proposed for approval today (date ≤ today) */
  FACTURES_STEP_STATE_PLANNED,   /* later: date > today, or waiting for an earlier step */
  FACTURES_STEP_STATE_PAUSED,    /* a promise to pay runs until after its date */
  FACTURES_STEP_STATE_STOPPED,   /* dispute, or nothing left to pay */
} FacturesStepState;

/* "Done", "Skipped", "Missed", "Due", "Planned", "Paused", "Stopped" (translated). */
const char *factures_step_state_label (FacturesStepState state);

/* A recorded event of a run. */
typedef struct {
  char     *step_key;
  GDate     date;       /* done: the day it was done; skipped: the step's planned date */
  gboolean  skipped;
} FacturesDunningEvent;

/* One run's input: the due date it counts from, what is left to pay on it, its events. */
typedef struct {
  gint      instalment;   /* 0: the whole invoice; 1…n: instalment number */
  GDate     due_date;
  gint64    balance;      /* cents still unpaid on this run; ≤ 0 stops it */
  GArray   *events;       /* FacturesDunningEvent (not owned by the planner) */
} FacturesDunningRun;

/* One step of one run, as planned. */
typedef struct {
  gint               instalment;
  guint              index;        /* position in the ladder */
  char              *step_key;
  gint               offset_days;
  FacturesDunningChannel channel;
  char              *template_id;
  GDate              date;         /* done/skipped: event date; else the planned date */
  FacturesStepState  state;
} FacturesPlannedStep;

void factures_planned_step_clear (FacturesPlannedStep *step);

/**
 * factures_dunning_plan_invoice:
 * @ladder: a validated ladder
 * @runs: (element-type FacturesDunningRun): the runs of one invoice, in instalment order
 * @promise_date: (nullable): the latest promise to pay, or NULL / invalid
 * @disputed: the invoice is disputed: every pending step is STOPPED
 * @today: the day the plan is computed for
 *
 * Returns: (transfer full): a GArray of FacturesPlannedStep (clear func set), every step of
 *   every run, runs in order, steps in ladder order. At most one step of the whole invoice is
 *   DUE on @today, and none when a step was already done on @today.
 */
GArray *factures_dunning_plan_invoice (const FacturesDunningLadder *ladder,
                                       const GArray                *runs,
                                       const GDate                 *promise_date,
                                       gboolean                     disputed,
                                       const GDate                 *today);

/* Days sales outstanding means something only with some history (issue 11 item 8): at least
 * FACTURES_DSO_MIN_PAID invoices paid, and the first invoice issued at least
 * FACTURES_DSO_MIN_DAYS days before @today. Before that the dashboard says so instead of a figure. */
#define FACTURES_DSO_MIN_PAID 5
#define FACTURES_DSO_MIN_DAYS 90

/**
 * factures_dso_has_history:
 * @n_paid: issued invoices paid in full
 * @first_issue: (nullable): the issue date of the first issued invoice, NULL or invalid if none
 * @today: the day of the dashboard
 *
 * Returns: whether the days sales outstanding can be shown
 */
gboolean factures_dso_has_history (guint        n_paid,
                                   const GDate *first_issue,
                                   const GDate *today);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesDunningStep, factures_dunning_step_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesDunningLadder, factures_dunning_ladder_free)

G_END_DECLS
