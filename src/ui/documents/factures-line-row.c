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

#include "factures-documents.h"
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
  GtkWidget *discount;
  GtkWidget *vat_box;
  GtkWidget *vat_rate;
  GtkWidget *quantity_message;
  GtkWidget *unit_message;
  GtkWidget *unit_price_message;
  GtkWidget *discount_message;
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

  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->vat_rate));
  if (gtk_widget_get_visible (self->vat_box) && selected < G_N_ELEMENTS (vat_rates_bp))
    line->vat_rate_bp = vat_rates_bp[selected];
  else
    line->vat_rate_bp = 0;

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
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_clicked_cb (FacturesLineRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static void
factures_line_row_dispose (GObject *object)
{
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
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, discount);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, vat_box);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, vat_rate);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, quantity_message);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, unit_message);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, unit_price_message);
  gtk_widget_class_bind_template_child (widget_class, FacturesLineRow, discount_message);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, quantity_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_price_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, discount_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, vat_rate_changed_cb);
}

static void
factures_line_row_init (FacturesLineRow *self)
{
  g_autoptr (GtkStringList) rates = gtk_string_list_new (NULL);

  self->number = 1;
  self->editable = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (vat_rates_bp); i++)
    {
      g_autofree char *text = factures_rate_format (vat_rates_bp[i]);
      gtk_string_list_append (rates, text);
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->vat_rate), G_LIST_MODEL (rates));
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
