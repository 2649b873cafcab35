/* factures-editor-totals.c — the editor's "Totals" section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-currency.h"
#include "factures-documents.h"
#include "factures-editor-totals.h"
#include "factures-form-row.h"

struct _FacturesEditorTotals
{
  AdwPreferencesGroup  parent_instance;

  gboolean             loading;
  char                *currency;   /* issue 13 item 4: NULL for euros */

  /* template */
  FacturesFormRow     *discount_form_row;
  AdwEntryRow         *discount_row;
  AdwActionRow        *net_row;
  AdwActionRow        *vat_row;
  GtkLabel            *net_label;
  GtkLabel            *vat_label;
  GtkLabel            *gross_label;
  GtkWidget           *franchise_label;
  GtkLabel            *totals_message;
};

G_DEFINE_FINAL_TYPE (FacturesEditorTotals, factures_editor_totals, ADW_TYPE_PREFERENCES_GROUP)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
discount_changed_cb (FacturesEditorTotals *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
factures_editor_totals_set_discount (FacturesEditorTotals *self,
                                     gint64                cents)
{
  g_autofree char *discount = cents != 0 ? factures_money_format_plain (cents) : NULL;

  g_return_if_fail (FACTURES_IS_EDITOR_TOTALS (self));

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->discount_row), discount ? discount : "");
  self->loading = FALSE;
}

gboolean
factures_editor_totals_collect (FacturesEditorTotals *self,
                                FacturesDocument     *document,
                                GPtrArray            *messages,
                                GError              **error)
{
  g_autoptr (GError) discount_error = NULL;
  g_autofree char *trimmed = NULL;
  GtkEditable *delegate;
  gint64 cents = 0;

  g_return_val_if_fail (FACTURES_IS_EDITOR_TOTALS (self), FALSE);

  /* Document-level discount (EN 16931 BG-20 allowance), in euros; empty means none. */
  trimmed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->discount_row))));
  if (*trimmed != '\0' && !factures_money_parse (trimmed, _("Discount on the total"), &cents, &discount_error))
    ;
  else if (cents < 0)
    discount_error = g_error_new (FACTURES_ERROR, FACTURES_ERROR_INVALID, "%s",
                                  _("Discount on the total: a discount cannot be negative."));

  /* Under the field (FacturesFormRow), and said on the row's text too. */
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->discount_row));
  factures_form_row_set_message (self->discount_form_row, discount_error ? discount_error->message : NULL);
  if (discount_error != NULL)
    {
      if (delegate != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (delegate),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, discount_error->message, -1);
      if (messages != NULL)
        g_ptr_array_add (messages, g_strdup (discount_error->message));
      g_propagate_error (error, g_steal_pointer (&discount_error));
      return FALSE;
    }

  if (delegate != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (delegate), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  document->allowance = cents;
  return TRUE;
}

void
factures_editor_totals_set_currency (FacturesEditorTotals *self,
                                     const char           *currency)
{
  g_return_if_fail (FACTURES_IS_EDITOR_TOTALS (self));

  g_free (self->currency);
  self->currency = factures_currency_is_euro (currency) ? NULL : g_strdup (currency);
  /* The title names the currency; the accessible name ("Remise sur le total") stays. */
  if (self->currency == NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->discount_row), _("Discount on the Total (€)"));
  else
    {
      /* Translators: %s is an ISO 4217 currency code, e.g. GBP */
      g_autofree char *title = g_strdup_printf (_("Discount on the Total (%s)"), self->currency);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->discount_row), title);
    }
}

void
factures_editor_totals_show (FacturesEditorTotals *self,
                             const FacturesTotals *totals,
                             const GError         *error,
                             gboolean              franchise)
{
  g_autofree char *net = NULL;
  g_autofree char *vat = NULL;
  g_autofree char *gross = NULL;
  g_autoptr (GString) breakdown = g_string_new (NULL);

  g_return_if_fail (FACTURES_IS_EDITOR_TOTALS (self));

  gtk_widget_set_visible (GTK_WIDGET (self->vat_row), !franchise);
  gtk_widget_set_visible (self->franchise_label, franchise);
  gtk_label_set_text (self->totals_message, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->totals_message), error != NULL);

  if (totals == NULL)
    {
      gtk_label_set_text (self->net_label, "—");
      gtk_label_set_text (self->vat_label, "—");
      gtk_label_set_text (self->gross_label, "—");
      return;
    }

  net = factures_currency_format (totals->net_total, self->currency);
  vat = factures_currency_format (totals->vat_total, self->currency);
  gross = factures_currency_format (totals->gross_total, self->currency);
  gtk_label_set_text (self->net_label, net);
  if (totals->allowance_total != 0)
    {
      g_autofree char *lines_total = factures_currency_format (totals->lines_total, self->currency);
      g_autofree char *discount = factures_currency_format (totals->allowance_total, self->currency);
      /* Translators: subtitle of the total excl. VAT: "Lines 150,00 € − discount 5,00 €" */
      g_autofree char *subtitle = g_strdup_printf (_("Lines %s − discount %s"), lines_total, discount);

      adw_action_row_set_subtitle (self->net_row, subtitle);
    }
  else
    adw_action_row_set_subtitle (self->net_row, "");
  gtk_label_set_text (self->vat_label, vat);
  gtk_label_set_text (self->gross_label, gross);

  {
    /* Issue 13 (vat-ui): each category of the breakdown as the document says it: the rates of
     * S, and the mention of every other category (Autoliquidation, 293 B, 261…) instead of
     * the franchise's alone. */
    g_autoptr (GString) mentions = g_string_new (NULL);
    gboolean charged = FALSE;

    for (guint i = 0; totals->breakdown != NULL && i < totals->breakdown->len; i++)
      {
        const FacturesVatBreakdown *row = &g_array_index (totals->breakdown, FacturesVatBreakdown, i);
        g_autofree char *rate = factures_rate_format (row->rate_bp);
        g_autofree char *base = factures_currency_format (row->base, self->currency);

        if (row->vat_category == FACTURES_VAT_CATEGORY_S ||
            (row->vat_category == FACTURES_VAT_CATEGORY_UNSET && row->category == 'S'))
          {
            charged = TRUE;
            if (breakdown->len > 0)
              g_string_append_c (breakdown, '\n');
            /* Translators: a VAT breakdown row, "20 % sur 100,00 €" */
            g_string_append_printf (breakdown, _("%s on %s"), rate, base);
          }
        else if (row->reason != NULL && *row->reason != '\0')
          {
            if (mentions->len > 0)
              g_string_append_c (mentions, '\n');
            g_string_append (mentions, row->reason);
          }
      }
    gtk_label_set_text (GTK_LABEL (self->franchise_label),
                        mentions->len > 0 ? mentions->str : _("VAT not applicable, art. 293 B of the CGI"));
    gtk_widget_set_visible (GTK_WIDGET (self->vat_row), !franchise || charged);
    gtk_widget_set_visible (self->franchise_label, mentions->len > 0 || (franchise && !charged));
  }
  adw_action_row_set_subtitle (self->vat_row, breakdown->str);
}

void
factures_editor_totals_set_editable (FacturesEditorTotals *self,
                                     gboolean              editable)
{
  g_return_if_fail (FACTURES_IS_EDITOR_TOTALS (self));

  gtk_editable_set_editable (GTK_EDITABLE (self->discount_row), editable);
}

static void
factures_editor_totals_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FACTURES_TYPE_EDITOR_TOTALS);
  g_clear_pointer (&FACTURES_EDITOR_TOTALS (object)->currency, g_free);

  G_OBJECT_CLASS (factures_editor_totals_parent_class)->dispose (object);
}

static void
factures_editor_totals_class_init (FacturesEditorTotalsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_editor_totals_dispose;

  g_type_ensure (FACTURES_TYPE_FORM_ROW);

  /**
   * FacturesEditorTotals::changed:
   * The discount on the total was edited.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* A static library drops the self-registering constructor of the bundle. */
  factures_documents_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/documents/factures-editor-totals.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorTotals, discount_form_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorTotals, discount_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorTotals, net_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorTotals, vat_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorTotals, net_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorTotals, vat_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorTotals, gross_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorTotals, franchise_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorTotals, totals_message);
  gtk_widget_class_bind_template_callback (widget_class, discount_changed_cb);
}

static void
factures_editor_totals_init (FacturesEditorTotals *self)
{
  GtkEditable *delegate;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* AdwEntryRow 1.2 does not name its text for assistive technologies. */
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->discount_row));
  /* The title labels the row otherwise ("X X" over AT-SPI in libadwaita 1.2). */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->discount_row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->discount_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Discount on the total"), -1);
  if (delegate != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (delegate), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Discount on the total"), -1);
}
