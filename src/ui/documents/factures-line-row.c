/* factures-line-row.c — the editor of one invoice line
 *
 * Each field is checked as it is typed, with the French message of the core
 * parsers, which names the field and the line ("Prix unitaire, ligne 2 : …").
 * A field shows its message once the user touched it, or when the editor asks
 * for every message (saving, issuing).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-currency.h"
#include "factures-documents.h"
#include "factures-form.h"
#include "factures-line-row.h"
#include "factures-money.h"
#include "factures-date.h"

/* Without a seller (factures_line_row_set_parties() not called): the metropolitan rates. */
static const gint vat_rates_bp[] = { 2000, 1000, 550, 210 };

/* Longest reason for choosing another VAT treatment than the proposal, in characters. */
#define OVERRIDE_REASON_MAX 500

enum {
  FIELD_DESCRIPTION,
  FIELD_QUANTITY,
  FIELD_UNIT,
  FIELD_UNIT_PRICE,
  FIELD_DISCOUNT,
  FIELD_OVERRIDE_REASON,
  N_FIELDS
};

/* One choice of the VAT drop-down. */
typedef struct {
  FacturesVatCategory category;
  gint                rate_bp;    /* S only */
} Treatment;

/* One choice of the activity drop-down: an activity, or one of the seller's exempt
 * activities (its activity for URSSAF, and its legal basis). */
typedef struct {
  FacturesLineActivity activity;
  FacturesVatExemption exemption;
} ActivityChoice;

struct _FacturesLineRow
{
  GtkBox     parent_instance;

  guint      number;
  gboolean   zero_quantity_allowed;
  gboolean   touched[N_FIELDS];
  gboolean   editable;

  /* template */
  GtkWidget *caption;
  GtkWidget *net;
  GtkWidget *remove;
  GtkWidget *description_frame;
  GtkWidget *description;
  GtkWidget *description_message;
  GtkWidget *quantity;
  GtkWidget *unit;
  GtkWidget *unit_price;
  GtkWidget *unit_price_caption;
  GtkWidget *discount_caption;
  GtkWidget *discount;
  GtkWidget *vat_box;
  GtkWidget *vat_rate;
  GtkWidget *quantity_message;
  GtkWidget *unit_message;
  GtkWidget *unit_price_message;
  GtkWidget *discount_message;
  GtkWidget *activity_box;
  GtkWidget *debours;
  GtkWidget *debours_help;
  GtkWidget *activity;
  GtkWidget *proposal_label;
  GtkWidget *override_box;
  GtkWidget *override_reason;
  GtkWidget *override_message;

  /* The VAT treatment (issue 13): borrowed from the editor (factures_line_row_set_parties()). */
  const FacturesProfile *seller;
  const FacturesClient  *buyer;
  GArray    *treatments;    /* Treatment, the choices of vat_rate */
  GArray    *activities;    /* ActivityChoice, the choices of activity */
  FacturesLine *initial;    /* the line loaded, until the seller is given */
  FacturesVatProposal proposal;
  gboolean   has_proposal;
  gboolean   updating;      /* the drop-downs are being set by the code, not the user */
};

G_DEFINE_FINAL_TYPE (FacturesLineRow, factures_line_row, GTK_TYPE_BOX)

enum {
  CHANGED,
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
field_name (FacturesLineRow *self,
            guint            field)
{
  switch (field)
    {
    /* Translators: field names; they appear in accessible names and in messages. */
    case FIELD_DESCRIPTION: return g_strdup_printf (_("Description, line %u"), self->number);
    case FIELD_QUANTITY:    return g_strdup_printf (_("Quantity, line %u"), self->number);
    case FIELD_UNIT:        return g_strdup_printf (_("Unit, line %u"), self->number);
    case FIELD_UNIT_PRICE:  return g_strdup_printf (_("Unit price, line %u"), self->number);
    case FIELD_DISCOUNT:    return g_strdup_printf (_("Discount, line %u"), self->number);
    case FIELD_OVERRIDE_REASON: return g_strdup_printf (_("Reason for the change, line %u"), self->number);
    default:                g_assert_not_reached ();
    }
}

static char *
description_text (FacturesLineRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->description));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GtkWidget *
field_widget (FacturesLineRow *self,
              guint            field)
{
  switch (field)
    {
    case FIELD_DESCRIPTION: return self->description_frame;
    case FIELD_QUANTITY:    return self->quantity;
    case FIELD_UNIT:        return self->unit;
    case FIELD_UNIT_PRICE:  return self->unit_price;
    case FIELD_DISCOUNT:    return self->discount;
    case FIELD_OVERRIDE_REASON: return self->override_reason;
    default:                g_assert_not_reached ();
    }
}

/* The label under @field that shows its message (an alert, spoken when shown). */
static GtkWidget *
field_message (FacturesLineRow *self,
               guint            field)
{
  switch (field)
    {
    case FIELD_DESCRIPTION: return self->description_message;
    case FIELD_QUANTITY:    return self->quantity_message;
    case FIELD_UNIT:        return self->unit_message;
    case FIELD_UNIT_PRICE:  return self->unit_price_message;
    case FIELD_DISCOUNT:    return self->discount_message;
    case FIELD_OVERRIDE_REASON: return self->override_message;
    default:                g_assert_not_reached ();
    }
}

/* The widget that takes the keyboard focus (and carries the accessible name) of @field. */
static GtkWidget *
field_focus_widget (FacturesLineRow *self,
                    guint            field)
{
  return field == FIELD_DESCRIPTION ? self->description : field_widget (self, field);
}

/* Shows @message (NULL: none) under @field, in its error style and as the accessible
 * description of the field itself, so a screen reader announces it on the field. */
static void
show_field_message (FacturesLineRow *self,
                    guint            field,
                    const char      *message)
{
  GtkWidget *label = field_message (self, field);
  GtkWidget *focus = field_focus_widget (self, field);

  gtk_label_set_text (GTK_LABEL (label), message ? message : "");
  gtk_widget_set_visible (label, message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (field_widget (self, field), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field_widget (self, field), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Parses one field; stores the result in the out pointers that apply. */
static gboolean
check_field (FacturesLineRow  *self,
             guint             field,
             FacturesLine     *line,
             GError          **error)
{
  g_autofree char *name = field_name (self, field);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *text = NULL;

  switch (field)
    {
    case FIELD_DESCRIPTION:
      {
        g_autofree char *raw = description_text (self);
        text = factures_text_clean (raw, name, FACTURES_LINE_DESCRIPTION_MAX, TRUE, &local_error);
        if (local_error != NULL)
          break;
        g_free (line->description);
        line->description = g_steal_pointer (&text);
      }
      break;

    case FIELD_QUANTITY:
      {
        gint64 quantity = 0;

        if (!factures_quantity_parse (gtk_editable_get_text (GTK_EDITABLE (self->quantity)),
                                      name, &quantity, &local_error))
          break;
        if (quantity == 0 && !self->zero_quantity_allowed)
          {
            g_set_error (&local_error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                         /* Translators: %s is the field, e.g. "Quantity, line 2" */
                         _("%s: a quantity of 0 is not allowed on an invoice."), name);
            break;
          }
        line->quantity = quantity;
      }
      break;

    case FIELD_UNIT:
      text = factures_text_clean (gtk_editable_get_text (GTK_EDITABLE (self->unit)),
                                  name, FACTURES_LINE_UNIT_MAX, FALSE, &local_error);
      if (local_error != NULL)
        break;
      g_free (line->unit);
      line->unit = (text != NULL && *text != '\0') ? g_steal_pointer (&text) : NULL;
      break;

    case FIELD_UNIT_PRICE:
      {
        gint64 unit_price = 0;

        if (!factures_unit_price_parse (gtk_editable_get_text (GTK_EDITABLE (self->unit_price)),
                                        name, &unit_price, &local_error))
          break;
        if (unit_price < 0)
          {
            /* EN 16931 BR-27: the item net price is never negative. */
            g_set_error (&local_error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                         /* Translators: %s is the field, e.g. "Unit price, line 2" */
                         _("%s: a unit price cannot be negative; enter a discount, or a negative quantity for something taken back."),
                         name);
            break;
          }
        line->unit_price = unit_price;
      }
      break;

    case FIELD_DISCOUNT:
      {
        /* Line allowance (EN 16931 BG-27), in euros; empty means none. */
        g_autofree char *trimmed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->discount))));
        gint64 cents = 0;

        if (*trimmed != '\0' && !factures_money_parse (trimmed, name, &cents, &local_error))
          break;
        if (cents < 0)
          {
            g_set_error (&local_error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                         /* Translators: %s is the field, e.g. "Discount, line 2" */
                         _("%s: a discount cannot be negative."), name);
            break;
          }
        line->allowance = cents;
      }
      break;

    case FIELD_OVERRIDE_REASON:
      {
        g_clear_pointer (&line->override_reason, g_free);
        if (!gtk_widget_get_visible (self->override_box))
          break;
        text = factures_text_clean (gtk_editable_get_text (GTK_EDITABLE (self->override_reason)),
                                    name, OVERRIDE_REASON_MAX, FALSE, &local_error);
        if (local_error != NULL)
          break;
        if (text == NULL || *text == '\0')
          {
            g_set_error (&local_error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                         /* Translators: %s is the field, e.g. "Reason for the change, line 2",
                          * then the VAT treatment proposed, e.g. "Autoliquidation" */
                         _("%s: say why this line is not “%s” as proposed."), name,
                         factures_vat_category_label (self->proposal.category));
            break;
          }
        line->override_reason = g_steal_pointer (&text);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------ VAT treatment -- */

static const Treatment *
selected_treatment (FacturesLineRow *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->vat_rate));

  if (self->treatments == NULL || selected >= self->treatments->len)
    return NULL;
  return &g_array_index (self->treatments, Treatment, selected);
}

static const ActivityChoice *
selected_activity (FacturesLineRow *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->activity));

  if (self->activities == NULL || selected >= self->activities->len)
    return NULL;
  return &g_array_index (self->activities, ActivityChoice, selected);
}

static FacturesVatTerritory
territory (FacturesLineRow *self)
{
  return self->seller != NULL ? self->seller->territory : FACTURES_VAT_TERRITORY_METROPOLE;
}

static gboolean
seller_registered (FacturesLineRow *self)
{
  return self->seller != NULL && self->seller->vat_regime == FACTURES_VAT_REGIME_REGISTERED;
}

/* "20 %" for a rate of category S, else the category's name ("Autoliquidation"). (transfer full) */
static char *
treatment_label (FacturesVatCategory category,
                 gint                rate_bp)
{
  if (category == FACTURES_VAT_CATEGORY_S)
    return factures_rate_format (rate_bp);
  return g_strdup (factures_vat_category_label (category));
}

/* The position of (@category, @rate_bp) among the choices, or G_MAXUINT. */
static guint
find_treatment (FacturesLineRow     *self,
                FacturesVatCategory  category,
                gint                 rate_bp)
{
  for (guint i = 0; self->treatments != NULL && i < self->treatments->len; i++)
    {
      const Treatment *t = &g_array_index (self->treatments, Treatment, i);

      if (t->category == category && (category != FACTURES_VAT_CATEGORY_S || t->rate_bp == rate_bp))
        return i;
    }
  return G_MAXUINT;
}

static void
add_treatment (GArray              *treatments,
               GtkStringList       *labels,
               FacturesVatCategory  category,
               gint                 rate_bp)
{
  Treatment t = { category, rate_bp };
  g_autofree char *label = treatment_label (category, rate_bp);

  g_array_append_val (treatments, t);
  gtk_string_list_append (labels, label);
}

/* The choices of the VAT drop-down: the S rates of the seller's territory (a VAT-registered
 * seller), then the other categories the seller may use; @keep (a loaded line's category) is
 * offered even when it is not (Z from an import). */
static void
rebuild_treatments (FacturesLineRow     *self,
                    FacturesVatCategory  keep)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  const FacturesVatCategory others[] = {
    FACTURES_VAT_CATEGORY_E, FACTURES_VAT_CATEGORY_AE, FACTURES_VAT_CATEGORY_K,
    FACTURES_VAT_CATEGORY_G, FACTURES_VAT_CATEGORY_O,
  };

  g_array_set_size (self->treatments, 0);
  if (self->seller == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (vat_rates_bp); i++)
        add_treatment (self->treatments, labels, FACTURES_VAT_CATEGORY_S, vat_rates_bp[i]);
    }
  else
    {
      if (seller_registered (self))
        {
          guint n = 0;
          const FacturesVatRate *rates = factures_vat_rates (territory (self), &n);

          for (guint i = 0; i < n; i++)
            add_treatment (self->treatments, labels, FACTURES_VAT_CATEGORY_S, rates[i].rate_bp);
        }
      for (guint i = 0; i < G_N_ELEMENTS (others); i++)
        /* An intra-community supply of goods is for VAT-registered sellers only (art. 262 ter I). */
        if (others[i] != FACTURES_VAT_CATEGORY_K || seller_registered (self) || keep == others[i])
          add_treatment (self->treatments, labels, others[i], 0);
      if (keep == FACTURES_VAT_CATEGORY_Z)
        add_treatment (self->treatments, labels, FACTURES_VAT_CATEGORY_Z, 0);
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->vat_rate), G_LIST_MODEL (labels));
  self->updating = FALSE;
}

/* The choices of the activity drop-down: the four activities, then the seller's exempt ones. */
static void
rebuild_activities (FacturesLineRow *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  FacturesLineActivity services;

  g_array_set_size (self->activities, 0);
  for (FacturesLineActivity a = FACTURES_LINE_ACTIVITY_GOODS; a <= FACTURES_LINE_ACTIVITY_LAST; a++)
    {
      ActivityChoice choice = { a, FACTURES_VAT_EXEMPTION_NONE };

      g_array_append_val (self->activities, choice);
      gtk_string_list_append (labels, factures_line_activity_label (a));
    }

  /* An exempt activity (teaching, care) is a service: the profile's kind of services. */
  {
    g_autoptr (FacturesLine) blank = factures_line_new ();

    services = self->seller != NULL ? factures_vat_line_activity (blank, self->seller)
                                    : FACTURES_LINE_ACTIVITY_SERVICES_BNC;
    if (factures_line_activity_is_goods (services) || services == FACTURES_LINE_ACTIVITY_FURNISHED_TOURISM)
      services = FACTURES_LINE_ACTIVITY_SERVICES_BNC;
  }
  for (guint i = 0; self->seller != NULL && self->seller->exempt_activities != NULL &&
                    i < self->seller->exempt_activities->len; i++)
    {
      const FacturesExemptActivity *exempt = g_ptr_array_index (self->seller->exempt_activities, i);
      ActivityChoice choice = { services, exempt->basis };
      /* Translators: an exempt activity of the seller in the line's activity choice,
       * e.g. "Cours particuliers (exonérée)" */
      g_autofree char *label = g_strdup_printf (_("%s (exempt)"), exempt->label);

      g_array_append_val (self->activities, choice);
      gtk_string_list_append (labels, label);
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->activity), G_LIST_MODEL (labels));
  self->updating = FALSE;
}

static void
select_activity (FacturesLineRow      *self,
                 FacturesLineActivity  activity,
                 FacturesVatExemption  exemption)
{
  for (guint i = 0; i < self->activities->len; i++)
    {
      const ActivityChoice *choice = &g_array_index (self->activities, ActivityChoice, i);

      if (choice->exemption == exemption && (exemption != FACTURES_VAT_EXEMPTION_NONE || choice->activity == activity))
        {
          self->updating = TRUE;
          gtk_drop_down_set_selected (GTK_DROP_DOWN (self->activity), i);
          self->updating = FALSE;
          return;
        }
    }
}

static void
select_treatment (FacturesLineRow     *self,
                  FacturesVatCategory  category,
                  gint                 rate_bp)
{
  guint position = find_treatment (self, category, rate_bp);

  if (position == G_MAXUINT && category == FACTURES_VAT_CATEGORY_S && self->treatments->len > 0)
    position = 0;   /* a rate of another territory: the standard one */
  if (position == G_MAXUINT)
    return;
  self->updating = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->vat_rate), position);
  self->updating = FALSE;
}

/* Shows the proposal, its basis and what is missing for it; the reason field while the
 * chosen treatment is not the proposal. */
static void
show_proposal (FacturesLineRow *self)
{
  const Treatment *chosen = selected_treatment (self);
  gboolean overridden;
  g_autofree char *proposed = NULL;
  g_autoptr (GString) text = NULL;
  gboolean warning = FALSE;

  if (!self->has_proposal)
    {
      gtk_widget_set_visible (self->proposal_label, FALSE);
      gtk_widget_set_visible (self->override_box, FALSE);
      return;
    }

  overridden = chosen != NULL && chosen->category != self->proposal.category;
  proposed = treatment_label (self->proposal.category, self->proposal.rate_bp);
  text = g_string_new (NULL);
  /* Translators: the VAT treatment proposed for a line, then its legal basis,
   * e.g. "Proposed: Autoliquidation (art. 283-2 du CGI)" */
  g_string_printf (text, _("Proposed: %s (%s)"), proposed, self->proposal.source);
  if (self->proposal.to_confirm)
    /* Translators: after the proposal, when the references leave the case open */
    g_string_append (text, _(", to be confirmed with your tax office"));
  g_string_append (text, ".");
  /* Art. 286 ter 5° CGI: reverse charge needs the seller's intra-community VAT number,
   * franchise or not; the app says so when the first such line is written. */
  if (self->proposal.category == FACTURES_VAT_CATEGORY_AE && self->seller != NULL &&
      (self->seller->party.vat_id == NULL || *self->seller->party.vat_id == '\0'))
    {
      g_string_append (text, " ");
      g_string_append (text, _("To invoice this service with reverse charge you need an intra-community "
                               "VAT number, even in franchise (art. 286 ter of the CGI): ask your tax office "
                               "(SIE) for one, then enter it in Preferences → Your Business."));
      warning = TRUE;
    }
  gtk_label_set_text (GTK_LABEL (self->proposal_label), text->str);
  gtk_widget_set_visible (self->proposal_label, TRUE);
  if (warning)
    {
      gtk_widget_remove_css_class (self->proposal_label, "dim-label");
      gtk_widget_add_css_class (self->proposal_label, "warning");
    }
  else
    {
      gtk_widget_remove_css_class (self->proposal_label, "warning");
      gtk_widget_add_css_class (self->proposal_label, "dim-label");
    }
  gtk_widget_set_visible (self->override_box, overridden);
  if (!overridden)
    show_field_message (self, FIELD_OVERRIDE_REASON, NULL);
  /* A débours carries no VAT: no proposal to follow, no reason to give. */
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->debours)))
    {
      gtk_widget_set_visible (self->proposal_label, FALSE);
      gtk_widget_set_visible (self->override_box, FALSE);
    }
}

/* Computes the proposal for the line as it is; @follow selects it (the line was not
 * overridden, or its seller, client or activity changed). */
static void
update_proposal (FacturesLineRow *self,
                 gboolean         follow)
{
  const ActivityChoice *choice = selected_activity (self);

  self->has_proposal = FALSE;
  if (self->seller == NULL)
    {
      show_proposal (self);
      return;
    }
  factures_vat_propose (self->seller, self->buyer,
                        choice != NULL ? choice->activity : FACTURES_LINE_ACTIVITY_DEFAULT,
                        choice != NULL ? choice->exemption : FACTURES_VAT_EXEMPTION_NONE,
                        &self->proposal);
  self->has_proposal = TRUE;
  if (follow)
    {
      const Treatment *chosen = selected_treatment (self);
      gint rate = self->proposal.rate_bp;

      /* A reduced rate chosen for an S line stays (the rate is the user's to choose). */
      if (self->proposal.category == FACTURES_VAT_CATEGORY_S && chosen != NULL &&
          chosen->category == FACTURES_VAT_CATEGORY_S)
        rate = chosen->rate_bp;
      select_treatment (self, self->proposal.category, rate);
    }
  show_proposal (self);
}

/* Sets the activity and treatment choices from @line (or a new line) for the current seller.
 * @as_stored: @line is the line as loaded: it keeps its category (an issued document shows
 * what it says); else the proposal is followed unless the line carries a reason. */
static void
load_treatment (FacturesLineRow    *self,
                const FacturesLine *line,
                gboolean            as_stored)
{
  FacturesVatCategory category = line != NULL ? line->vat_category : FACTURES_VAT_CATEGORY_UNSET;
  FacturesVatExemption exemption = FACTURES_VAT_EXEMPTION_NONE;
  FacturesLineActivity activity = FACTURES_LINE_ACTIVITY_DEFAULT;
  gboolean overridden;

  rebuild_treatments (self, category);
  rebuild_activities (self);
  gtk_widget_set_visible (self->activity_box, self->seller != NULL);

  if (self->seller != NULL)
    {
      g_autoptr (FacturesLine) blank = factures_line_new ();

      activity = factures_vat_line_activity (line != NULL ? line : blank, self->seller);
      /* A line of an exempt activity carries its basis' mention. */
      if (line != NULL && category == FACTURES_VAT_CATEGORY_E && line->exemption_reason != NULL)
        for (FacturesVatExemption e = FACTURES_VAT_EXEMPTION_261_4_4_A; e <= FACTURES_VAT_EXEMPTION_LAST; e++)
          if (g_strcmp0 (line->exemption_reason, factures_vat_exemption_mention (e)) == 0)
            exemption = e;
    }
  select_activity (self, activity, exemption);

  if (line != NULL && category != FACTURES_VAT_CATEGORY_UNSET)
    select_treatment (self, category, line->vat_rate_bp);
  else if (line != NULL && line->vat_rate_bp > 0)
    select_treatment (self, FACTURES_VAT_CATEGORY_S, line->vat_rate_bp);

  /* A line keeps another treatment than the proposal only with its reason; without one
   * (the client or the activity changed since) the proposal is followed. */
  overridden = line != NULL && line->override_reason != NULL && *line->override_reason != '\0';
  if (overridden)
    gtk_editable_set_text (GTK_EDITABLE (self->override_reason), line->override_reason);
  update_proposal (self, category == FACTURES_VAT_CATEGORY_UNSET || (!as_stored && !overridden));
}

/**
 * factures_line_row_set_parties:
 * @self: a FacturesLineRow
 * @seller: (nullable): the seller's profile, kept by the caller while the row lives
 * @buyer: (nullable): the client, kept by the caller while the row lives (or until the next call)
 *
 * Gives the row what its VAT treatment depends on (issue 13): the activity choice appears with
 * the seller's exempt activities, the VAT choice offers the rates of the seller's territory and
 * the other categories, and the core's proposal (factures_vat_propose()) is selected and shown
 * with its legal basis, unless the user chose another treatment with a reason.
 */
void
factures_line_row_set_parties (FacturesLineRow       *self,
                               const FacturesProfile *seller,
                               const FacturesClient  *buyer)
{
  g_autoptr (FacturesLine) line = NULL;
  const Treatment *chosen;
  const ActivityChoice *choice;

  g_return_if_fail (FACTURES_IS_LINE_ROW (self));

  self->seller = seller;
  self->buyer = buyer;
  gtk_widget_set_visible (self->vat_box, TRUE);
  if (self->initial != NULL)
    {
      /* The first time: the treatment of the line as loaded. */
      load_treatment (self, self->initial, TRUE);
      g_clear_pointer (&self->initial, factures_line_free);
      return;
    }

  /* What the user chose so far, to keep across the change. */
  line = factures_line_new ();
  chosen = selected_treatment (self);
  choice = selected_activity (self);
  if (chosen != NULL)
    {
      line->vat_category = chosen->category;
      line->vat_rate_bp = chosen->rate_bp;
    }
  if (choice != NULL)
    {
      line->activity = choice->activity;
      if (choice->exemption != FACTURES_VAT_EXEMPTION_NONE)
        line->exemption_reason = g_strdup (factures_vat_exemption_mention (choice->exemption));
    }
  if (gtk_widget_get_visible (self->override_box))
    line->override_reason = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->override_reason)));

  load_treatment (self, line, FALSE);
}

FacturesLine *
factures_line_row_get_line (FacturesLineRow  *self,
                            gboolean          reveal,
                            GError          **error)
{
  g_autoptr (FacturesLine) line = factures_line_new ();
  g_autoptr (GError) first_error = NULL;
  guint selected;

  g_return_val_if_fail (FACTURES_IS_LINE_ROW (self), NULL);

  for (guint field = 0; field < N_FIELDS; field++)
    {
      g_autoptr (GError) field_error = NULL;

      if (reveal)
        self->touched[field] = TRUE;

      if (check_field (self, field, line, &field_error))
        {
          show_field_message (self, field, NULL);
          continue;
        }

      show_field_message (self, field, self->touched[field] ? field_error->message : NULL);
      if (first_error == NULL)
        first_error = g_steal_pointer (&field_error);
    }

  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return NULL;
    }

  if (self->seller == NULL)
    {
      /* No seller given: the rate chosen (VAT-registered), else none (franchise). */
      selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->vat_rate));
      if (gtk_widget_get_visible (self->vat_box) && selected < G_N_ELEMENTS (vat_rates_bp))
        line->vat_rate_bp = vat_rates_bp[selected];
      else
        line->vat_rate_bp = 0;
      line->debours = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->debours));
      return g_steal_pointer (&line);
    }

  {
    const ActivityChoice *choice = selected_activity (self);
    const Treatment *chosen = selected_treatment (self);
    g_autofree char *reason = g_steal_pointer (&line->override_reason);

    line->activity = choice != NULL ? choice->activity : FACTURES_LINE_ACTIVITY_DEFAULT;
    if (chosen == NULL || chosen->category == self->proposal.category)
      {
        /* The proposal, with the S rate chosen. */
        if (chosen != NULL && chosen->category == FACTURES_VAT_CATEGORY_S)
          line->vat_rate_bp = chosen->rate_bp;
        factures_vat_apply_proposal (line, &self->proposal);
        if (chosen != NULL && chosen->category == FACTURES_VAT_CATEGORY_S)
          line->vat_rate_bp = chosen->rate_bp;
      }
    else
      {
        /* Another treatment, with its reason (the mentions checker has the last word). */
        line->vat_category = chosen->category;
        line->vat_rate_bp = chosen->category == FACTURES_VAT_CATEGORY_S ? chosen->rate_bp : 0;
        g_clear_pointer (&line->vatex, g_free);
        g_clear_pointer (&line->exemption_reason, g_free);
        line->override_reason = g_steal_pointer (&reason);
      }
  }
  line->debours = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->debours));
  /* A débours is outside the VAT base whatever the VAT chosen (art. 267 II 2° du CGI): no VAT
   * in the totals shown; issuing gives it the document's débours treatment (E, or O beside O
   * lines: factures_vat_resolve_lines()). */
  if (line->debours)
    {
      line->vat_category = FACTURES_VAT_CATEGORY_E;
      line->vat_rate_bp = 0;
      g_free (line->vatex);
      line->vatex = g_strdup (FACTURES_VATEX_EU_79_C);
      g_free (line->exemption_reason);
      line->exemption_reason = g_strdup (FACTURES_VAT_MENTION_DEBOURS);
      g_clear_pointer (&line->override_reason, g_free);
    }

  return g_steal_pointer (&line);
}

/**
 * factures_line_row_collect_messages:
 * @messages: (element-type utf8): where every message shown by the row is added
 *
 * The messages the row shows now (after factures_line_row_get_line()), in field order.
 */
void
factures_line_row_collect_messages (FacturesLineRow *self,
                                    GPtrArray       *messages)
{
  g_return_if_fail (FACTURES_IS_LINE_ROW (self));

  for (guint field = 0; field < N_FIELDS; field++)
    {
      GtkWidget *label = field_message (self, field);

      if (gtk_widget_get_visible (label))
        g_ptr_array_add (messages, g_strdup (gtk_label_get_text (GTK_LABEL (label))));
    }
}

static void
field_changed (FacturesLineRow *self,
               guint            field)
{
  self->touched[field] = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
description_changed_cb (FacturesLineRow *self)
{
  field_changed (self, FIELD_DESCRIPTION);
}

static void
quantity_changed_cb (FacturesLineRow *self)
{
  field_changed (self, FIELD_QUANTITY);
}

static void
unit_changed_cb (FacturesLineRow *self)
{
  field_changed (self, FIELD_UNIT);
}

static void
unit_price_changed_cb (FacturesLineRow *self)
{
  field_changed (self, FIELD_UNIT_PRICE);
}

static void
discount_changed_cb (FacturesLineRow *self)
{
  field_changed (self, FIELD_DISCOUNT);
}

static void
vat_rate_changed_cb (FacturesLineRow *self)
{
  if (self->updating)
    return;
  show_proposal (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
activity_changed_cb (FacturesLineRow *self)
{
  if (self->updating)
    return;
  /* Another activity: the treatment follows its proposal again. */
  update_proposal (self, TRUE);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Issue 17: a débours is said so under the box (what it means, what it is not). */
static void
debours_toggled_cb (FacturesLineRow *self)
{
  gboolean debours = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->debours));

  gtk_widget_set_visible (self->debours_help, debours);
  /* No VAT on a débours: its VAT choice does not apply. */
  gtk_widget_set_sensitive (self->vat_rate, !debours);
  show_proposal (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
override_reason_changed_cb (FacturesLineRow *self)
{
  field_changed (self, FIELD_OVERRIDE_REASON);
}

static void
remove_clicked_cb (FacturesLineRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static void
factures_line_row_dispose (GObject *object)
{
  FacturesLineRow *self = FACTURES_LINE_ROW (object);

  self->seller = NULL;
  self->buyer = NULL;
  g_clear_pointer (&self->treatments, g_array_unref);
  g_clear_pointer (&self->activities, g_array_unref);
  g_clear_pointer (&self->initial, factures_line_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), FACTURES_TYPE_LINE_ROW);

  G_OBJECT_CLASS (factures_line_row_parent_class)->dispose (object);
}

static void
factures_line_row_class_init (FacturesLineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_line_row_dispose;

  /**
   * FacturesLineRow::changed:
   * A field was edited.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * FacturesLineRow::remove-requested:
   * The remove button was clicked.
   */
  signals[REMOVE_REQUESTED] = g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "linerow");
  /* A static library drops the self-registering constructor of the bundle. */
  factures_documents_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/documents/factures-line-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, caption);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, net);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, remove);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, description_frame);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, description);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, description_message);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, quantity);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, unit);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, unit_price);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, unit_price_caption);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, discount_caption);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, discount);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, vat_box);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, vat_rate);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, quantity_message);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, unit_message);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, unit_price_message);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, discount_message);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, activity_box);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, activity);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, debours);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, debours_help);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, proposal_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, override_box);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, override_reason);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, override_message);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, quantity_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_price_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, discount_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, vat_rate_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activity_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, override_reason_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, debours_toggled_cb);
}

static void
factures_line_row_init (FacturesLineRow *self)
{
  self->number = 1;
  self->editable = TRUE;
  self->treatments = g_array_new (FALSE, FALSE, sizeof (Treatment));
  self->activities = g_array_new (FALSE, FALSE, sizeof (ActivityChoice));

  gtk_widget_init_template (GTK_WIDGET (self));

  rebuild_treatments (self, FACTURES_VAT_CATEGORY_UNSET);
  rebuild_activities (self);
  /* The buffer is not a template child. */
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->description)),
                            "changed", G_CALLBACK (description_changed_cb), self);

  factures_line_row_set_number (self, 1);
}

FacturesLineRow *
factures_line_row_new (const FacturesLine *line,
                       gboolean            vat_rates,
                       gboolean            zero_quantity_allowed)
{
  FacturesLineRow *self = g_object_new (FACTURES_TYPE_LINE_ROW, NULL);

  self->zero_quantity_allowed = zero_quantity_allowed;
  gtk_widget_set_visible (self->vat_box, vat_rates);

  if (line != NULL)
    {
      g_autofree char *quantity = factures_quantity_format (line->quantity);
      g_autofree char *unit_price = factures_unit_price_format (line->unit_price);
      char *euro;

      /* The editable form of a unit price: "12,50", without " €" (U+00A0 €). */
      euro = g_strrstr (unit_price, "\xc2\xa0\xe2\x82\xac");
      if (euro != NULL)
        *euro = '\0';

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->description)),
                                line->description ? line->description : "", -1);
      gtk_editable_set_text (GTK_EDITABLE (self->quantity), quantity);
      gtk_editable_set_text (GTK_EDITABLE (self->unit), line->unit ? line->unit : "");
      gtk_editable_set_text (GTK_EDITABLE (self->unit_price), unit_price);
      if (line->allowance != 0)
        {
          g_autofree char *discount = factures_money_format_plain (line->allowance);

          gtk_editable_set_text (GTK_EDITABLE (self->discount), discount);
        }
      select_treatment (self, FACTURES_VAT_CATEGORY_S, line->vat_rate_bp);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->debours), line->debours);
      /* Kept for factures_line_row_set_parties(): a line's treatment is shown with its seller. */
      self->initial = factures_line_copy (line);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->quantity), "1");
      /* A new line: its activity and treatment from the seller, once given. */
      self->initial = factures_line_new ();
    }

  /* Setting the initial values is not the user's typing. */
  memset (self->touched, 0, sizeof self->touched);

  return self;
}

void
factures_line_row_set_texts (FacturesLineRow *self,
                             const char      *description,
                             const char      *quantity,
                             const char      *unit,
                             const char      *unit_price)
{
  g_return_if_fail (FACTURES_IS_LINE_ROW (self));

  if (description != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->description)), description, -1);
  if (quantity != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->quantity), quantity);
  if (unit != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->unit), unit);
  if (unit_price != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->unit_price), unit_price);
}

void
factures_line_row_set_number (FacturesLineRow *self,
                              guint            number)
{
  g_autofree char *caption = NULL;
  g_autofree char *remove = NULL;
  g_autofree char *vat = NULL;
  g_autofree char *activity = NULL;

  g_return_if_fail (FACTURES_IS_LINE_ROW (self));

  self->number = number;

  caption = g_strdup_printf (_("Line %u"), number);
  gtk_label_set_text (GTK_LABEL (self->caption), caption);

  for (guint field = 0; field < N_FIELDS; field++)
    {
      g_autofree char *name = field_name (self, field);
      GtkWidget *widget = field_focus_widget (self, field);

      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
    }

  remove = g_strdup_printf (_("Remove line %u"), number);
  gtk_widget_set_tooltip_text (self->remove, remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove,
                                  -1);

  vat = g_strdup_printf (_("VAT rate, line %u"), number);
  factures_drop_down_set_accessible_label (self->vat_rate, vat);
  activity = g_strdup_printf (_("Activity, line %u"), number);
  factures_drop_down_set_accessible_label (self->activity, activity);
}

gboolean
factures_line_row_is_blank (FacturesLineRow *self)
{
  g_autofree char *description = NULL;
  const char *quantity;

  g_return_val_if_fail (FACTURES_IS_LINE_ROW (self), FALSE);

  description = description_text (self);
  g_strstrip (description);
  quantity = gtk_editable_get_text (GTK_EDITABLE (self->quantity));

  return *description == '\0' &&
         *gtk_editable_get_text (GTK_EDITABLE (self->unit)) == '\0' &&
         *gtk_editable_get_text (GTK_EDITABLE (self->unit_price)) == '\0' &&
         *gtk_editable_get_text (GTK_EDITABLE (self->discount)) == '\0' &&
         (*quantity == '\0' || g_str_equal (quantity, "1"));
}

void
factures_line_row_clear_messages (FacturesLineRow *self)
{
  g_return_if_fail (FACTURES_IS_LINE_ROW (self));

  for (guint field = 0; field < N_FIELDS; field++)
    show_field_message (self, field, NULL);
}

void
factures_line_row_set_net (FacturesLineRow *self,
                           gint64           cents,
                           gboolean         valid)
{
  factures_line_row_set_net_in (self, cents, valid, NULL);
}

/* Issue 13 item 4 (vat-currency): the net in the document's currency. */
void
factures_line_row_set_net_in (FacturesLineRow *self,
                              gint64           cents,
                              gboolean         valid,
                              const char      *currency)
{
  g_autofree char *text = NULL;

  g_return_if_fail (FACTURES_IS_LINE_ROW (self));

  if (valid)
    text = factures_currency_format (cents, currency);
  gtk_label_set_text (GTK_LABEL (self->net), text ? text : "—");
}

/**
 * factures_line_row_set_currency:
 * @currency: (nullable): the document's ISO 4217 code; NULL or "EUR": euros
 *
 * Issue 13 item 4: the captions of the unit price and the discount name the document's
 * currency ("Prix unitaire HT (GBP)"). The fields' accessible names ("Prix unitaire,
 * ligne 1") do not change.
 */
void
factures_line_row_set_currency (FacturesLineRow *self,
                                const char      *currency)
{
  g_return_if_fail (FACTURES_IS_LINE_ROW (self));

  if (factures_currency_is_euro (currency))
    {
      gtk_label_set_text (GTK_LABEL (self->unit_price_caption), _("Unit price excl. VAT (€)"));
      gtk_label_set_text (GTK_LABEL (self->discount_caption), _("Discount (€)"));
    }
  else
    {
      /* Translators: %s is an ISO 4217 currency code, e.g. GBP */
      g_autofree char *price = g_strdup_printf (_("Unit price excl. VAT (%s)"), currency);
      /* Translators: %s is an ISO 4217 currency code, e.g. GBP */
      g_autofree char *discount = g_strdup_printf (_("Discount (%s)"), currency);

      gtk_label_set_text (GTK_LABEL (self->unit_price_caption), price);
      gtk_label_set_text (GTK_LABEL (self->discount_caption), discount);
    }
}

void
factures_line_row_set_editable (FacturesLineRow *self,
                                gboolean         editable)
{
  g_return_if_fail (FACTURES_IS_LINE_ROW (self));

  self->editable = editable;
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->description), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->quantity), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->unit), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->unit_price), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->discount), editable);
  gtk_widget_set_sensitive (self->vat_rate, editable);
  gtk_widget_set_sensitive (self->activity, editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->override_reason), editable);
  gtk_widget_set_visible (self->remove, editable);
}

GtkWidget *
factures_line_row_get_description_view (FacturesLineRow *self)
{
  g_return_val_if_fail (FACTURES_IS_LINE_ROW (self), NULL);

  return self->description;
}
