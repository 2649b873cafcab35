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

#include "factures-form.h"
#include "factures-line-row.h"
#include "factures-money.h"
#include "factures-date.h"

static const gint vat_rates_bp[] = { 2000, 1000, 550, 210 };

enum {
  FIELD_DESCRIPTION,
  FIELD_QUANTITY,
  FIELD_UNIT,
  FIELD_UNIT_PRICE,
  FIELD_DISCOUNT,
  N_FIELDS
};

struct _FacturesLineRow
{
  GtkBox     parent_instance;

  guint      number;
  gboolean   zero_quantity_allowed;
  gboolean   touched[N_FIELDS];
  gboolean   editable;

  GtkWidget *description_frame;
  GtkWidget *description;
  GtkWidget *quantity;
  GtkWidget *unit;
  GtkWidget *unit_price;
  GtkWidget *discount;
  GtkWidget *vat_rate;
  GtkWidget *remove;
  GtkWidget *net;
  GtkWidget *errors;
  GtkWidget *caption;
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
    default:                g_assert_not_reached ();
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

FacturesLine *
factures_line_row_get_line (FacturesLineRow  *self,
                            gboolean          reveal,
                            GError          **error)
{
  g_autoptr (FacturesLine) line = factures_line_new ();
  g_autoptr (GString) messages = g_string_new (NULL);
  g_autoptr (GError) first_error = NULL;
  guint selected;

  g_return_val_if_fail (FACTURES_IS_LINE_ROW (self), NULL);

  for (guint field = 0; field < N_FIELDS; field++)
    {
      g_autoptr (GError) field_error = NULL;
      GtkWidget *widget = field_widget (self, field);

      if (reveal)
        self->touched[field] = TRUE;

      if (check_field (self, field, line, &field_error))
        {
          gtk_widget_remove_css_class (widget, "error");
          continue;
        }

      if (self->touched[field])
        {
          gtk_widget_add_css_class (widget, "error");
          if (messages->len > 0)
            g_string_append_c (messages, '\n');
          g_string_append (messages, field_error->message);
        }
      else
        gtk_widget_remove_css_class (widget, "error");

      if (first_error == NULL)
        first_error = g_steal_pointer (&field_error);
    }

  gtk_label_set_text (GTK_LABEL (self->errors), messages->str);
  gtk_widget_set_visible (self->errors, messages->len > 0);

  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return NULL;
    }

  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->vat_rate));
  if (gtk_widget_get_visible (self->vat_rate) && selected < G_N_ELEMENTS (vat_rates_bp))
    line->vat_rate_bp = vat_rates_bp[selected];
  else
    line->vat_rate_bp = 0;

  return g_steal_pointer (&line);
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
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_clicked_cb (FacturesLineRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static GtkWidget *
captioned (GtkWidget  *child,
           const char *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label = gtk_label_new (caption);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), child);

  return box;
}

static void
factures_line_row_class_init (FacturesLineRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

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
}

static void
factures_line_row_init (FacturesLineRow *self)
{
  GtkWidget *top, *fields, *header;
  g_autoptr (GtkStringList) rates = gtk_string_list_new (NULL);

  self->number = 1;
  self->editable = TRUE;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 8);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);

  /* Caption, line total and remove button. */
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (header, 6);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 6);
  gtk_box_append (GTK_BOX (self), header);

  self->caption = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->caption), 0.0);
  gtk_widget_add_css_class (self->caption, "heading");
  gtk_widget_set_hexpand (self->caption, TRUE);
  gtk_box_append (GTK_BOX (header), self->caption);

  self->net = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->net, "numeric");
  gtk_widget_add_css_class (self->net, "heading");
  gtk_widget_set_margin_end (self->net, 6);
  gtk_box_append (GTK_BOX (header), self->net);

  self->remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (self->remove, "flat");
  gtk_widget_set_valign (self->remove, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (header), self->remove);

  top = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_start (top, 12);
  gtk_widget_set_margin_end (top, 12);
  gtk_widget_set_margin_bottom (top, 12);
  gtk_box_append (GTK_BOX (self), top);

  self->description = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->description), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->description), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->description), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->description), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->description), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->description), 8);
  gtk_widget_set_size_request (self->description, -1, 48);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->description)),
                            "changed", G_CALLBACK (description_changed_cb), self);
  self->description_frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (self->description_frame), self->description);
  gtk_box_append (GTK_BOX (top), captioned (self->description_frame, _("Description")));

  fields = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (top), fields);

  self->quantity = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (self->quantity), 6);
  gtk_entry_set_input_purpose (GTK_ENTRY (self->quantity), GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_alignment (GTK_ENTRY (self->quantity), 1.0);
  g_signal_connect_swapped (self->quantity, "changed", G_CALLBACK (quantity_changed_cb), self);
  gtk_box_append (GTK_BOX (fields), captioned (self->quantity, _("Quantity")));

  self->unit = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (self->unit), 6);
  /* Translators: placeholder of the unit of a line */
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->unit), _("h, day…"));
  g_signal_connect_swapped (self->unit, "changed", G_CALLBACK (unit_changed_cb), self);
  gtk_box_append (GTK_BOX (fields), captioned (self->unit, _("Unit")));

  self->unit_price = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (self->unit_price), 10);
  gtk_widget_set_hexpand (self->unit_price, TRUE);
  gtk_entry_set_input_purpose (GTK_ENTRY (self->unit_price), GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_alignment (GTK_ENTRY (self->unit_price), 1.0);
  g_signal_connect_swapped (self->unit_price, "changed", G_CALLBACK (unit_price_changed_cb), self);
  gtk_box_append (GTK_BOX (fields), captioned (self->unit_price, _("Unit price excl. VAT (€)")));

  self->discount = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (self->discount), 7);
  gtk_entry_set_input_purpose (GTK_ENTRY (self->discount), GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_alignment (GTK_ENTRY (self->discount), 1.0);
  g_signal_connect_swapped (self->discount, "changed", G_CALLBACK (discount_changed_cb), self);
  gtk_box_append (GTK_BOX (fields), captioned (self->discount, _("Discount (€)")));

  for (guint i = 0; i < G_N_ELEMENTS (vat_rates_bp); i++)
    {
      g_autofree char *text = factures_rate_format (vat_rates_bp[i]);
      gtk_string_list_append (rates, text);
    }
  self->vat_rate = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&rates)), NULL);
  gtk_widget_set_valign (self->vat_rate, GTK_ALIGN_END);
  g_signal_connect_swapped (self->vat_rate, "notify::selected", G_CALLBACK (vat_rate_changed_cb), self);
  gtk_box_append (GTK_BOX (fields), captioned (self->vat_rate, _("VAT")));

  self->errors = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->errors), 0.0);
  gtk_label_set_wrap (GTK_LABEL (self->errors), TRUE);
  gtk_widget_add_css_class (self->errors, "error");
  gtk_widget_set_visible (self->errors, FALSE);
  gtk_box_append (GTK_BOX (top), self->errors);

  factures_line_row_set_number (self, 1);
}

FacturesLineRow *
factures_line_row_new (const FacturesLine *line,
                       gboolean            vat_rates,
                       gboolean            zero_quantity_allowed)
{
  FacturesLineRow *self = g_object_new (FACTURES_TYPE_LINE_ROW, NULL);

  self->zero_quantity_allowed = zero_quantity_allowed;
  gtk_widget_set_visible (gtk_widget_get_parent (self->vat_rate), vat_rates);
  gtk_widget_set_visible (self->vat_rate, vat_rates);

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
      for (guint i = 0; i < G_N_ELEMENTS (vat_rates_bp); i++)
        if (vat_rates_bp[i] == line->vat_rate_bp)
          gtk_drop_down_set_selected (GTK_DROP_DOWN (self->vat_rate), i);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->quantity), "1");
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

  g_return_if_fail (FACTURES_IS_LINE_ROW (self));

  self->number = number;

  caption = g_strdup_printf (_("Line %u"), number);
  gtk_label_set_text (GTK_LABEL (self->caption), caption);

  for (guint field = 0; field < N_FIELDS; field++)
    {
      g_autofree char *name = field_name (self, field);
      GtkWidget *widget = field == FIELD_DESCRIPTION ? self->description : field_widget (self, field);

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
    gtk_widget_remove_css_class (field_widget (self, field), "error");
  gtk_label_set_text (GTK_LABEL (self->errors), "");
  gtk_widget_set_visible (self->errors, FALSE);
}

void
factures_line_row_set_net (FacturesLineRow *self,
                           gint64           cents,
                           gboolean         valid)
{
  g_autofree char *text = NULL;

  g_return_if_fail (FACTURES_IS_LINE_ROW (self));

  if (valid)
    text = factures_money_format (cents);
  gtk_label_set_text (GTK_LABEL (self->net), text ? text : "—");
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
  gtk_widget_set_visible (self->remove, editable);
}

GtkWidget *
factures_line_row_get_description_view (FacturesLineRow *self)
{
  g_return_val_if_fail (FACTURES_IS_LINE_ROW (self), NULL);

  return self->description;
}
