/* factures-payments-panel.c — the Payments panel of an issued invoice (issue 11)
 *
 * What was paid and what is left, in one list: the amount due, the payments (a payment
 * spread over several invoices counts here for its part on this one; a cancelled payment is
 * one row, its amount struck through, saying when and why it was cancelled), the credit
 * notes, and the balance (shown here only: the follow-up below does not repeat it). The balance comes from
 * factures_store_get_payment_balance(), like the payment dialog, the dunning queue, the
 * documents list and the clients list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-currency.h"
#include "factures-date.h"
#include "factures-info-row.h"
#include "factures-money.h"
#include "factures-payments-panel.h"
#include "factures-store-lifecycle.h"
#include "factures-store-payments.h"

struct _FacturesPaymentsPanel
{
  AdwBin          parent_instance;

  FacturesStore  *store;
  gint64          document_id;
  gint64          balance;
  char           *currency;   /* issue 13 item 4: the document's, NULL for euros */

  /* template */
  GtkWidget      *group;
  GtkWidget      *record_button;
  GtkWidget      *list;
  GtkWidget      *balance_row;
  GtkWidget      *balance_label;
};

G_DEFINE_FINAL_TYPE (FacturesPaymentsPanel, factures_payments_panel, ADW_TYPE_BIN)

typedef struct
{
  GDate   date;
  guint   order;       /* recording order, for entries of the same day */
  char   *title;
  char   *subtitle;
  char   *amount;      /* formatted, signed */
  gboolean cancelled;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->title);
  g_free (entry->subtitle);
  g_free (entry->amount);
  g_free (entry);
}

static int
entry_compare (gconstpointer a,
               gconstpointer b)
{
  const Entry *x = *(const Entry * const *) a;
  const Entry *y = *(const Entry * const *) b;
  int by_date = 0;

  if (g_date_valid (&x->date) && g_date_valid (&y->date))
    by_date = g_date_compare (&x->date, &y->date);
  return by_date != 0 ? by_date : (int) x->order - (int) y->order;
}

static char *
signed_amount (gint64      cents,
               int         sign,
               const char *currency)
{
  g_autofree char *text = factures_currency_format (cents, currency);

  /* U+2212 MINUS SIGN, as amounts are set in the PDF. */
  return sign < 0 ? g_strdup_printf ("\u2212%s", text) : g_strdup_printf ("+%s", text);
}

static Entry *
entry_new (const GDate *date,
           guint        order)
{
  Entry *entry = g_new0 (Entry, 1);

  if (date != NULL && g_date_valid (date))
    entry->date = *date;
  else
    g_date_clear (&entry->date, 1);
  entry->order = order;
  return entry;
}

static GtkWidget *
entry_row (const Entry *entry)
{
  GtkWidget *row = factures_info_row_new (entry->title, entry->subtitle, NULL);

  factures_info_row_set_value (FACTURES_INFO_ROW (row), entry->amount, entry->cancelled);
  return row;
}

/* The payment's method, with the cheque number or transfer reference when there is one. */
static char *
payment_title (const FacturesPayment *payment)
{
  const char *method = factures_payment_method_label (payment->method);

  if (payment->reference != NULL && *payment->reference != '\0')
    /* Translators: "Cheque, 1234567": a payment's method and its reference */
    return g_strdup_printf (C_("payment", "%s, %s"), method, payment->reference);
  return g_strdup (method);
}

static void
add_payments (FacturesPaymentsPanel *self,
              GPtrArray             *entries,
              guint                 *order)
{
  g_autoptr (GPtrArray) payments = NULL;
  g_autoptr (GError) error = NULL;

  payments = factures_store_list_payments (self->store, self->document_id, &error);
  if (payments == NULL)
    {
      g_warning ("payments of document %" G_GINT64_FORMAT ": %s", self->document_id, error->message);
      return;
    }

  for (guint i = 0; i < payments->len; i++)
    {
      const FacturesPayment *payment = g_ptr_array_index (payments, i);
      gint64 part = 0;
      g_autofree char *date = factures_date_format_fr (&payment->date);
      Entry *entry;

      for (guint j = 0; payment->allocations != NULL && j < payment->allocations->len; j++)
        {
          const FacturesAllocation *allocation = &g_array_index (payment->allocations, FacturesAllocation, j);

          if (allocation->document_id == self->document_id)
            part += allocation->amount;
        }

      entry = entry_new (&payment->date, (*order)++);
      entry->title = payment_title (payment);
      if (part != payment->amount)
        {
          g_autofree char *whole = factures_currency_format (payment->amount, self->currency);

          /* Translators: "12/04/2026 — part of a payment of 1 500,00 €" */
          entry->subtitle = g_strdup_printf (_("%s — part of a payment of %s"), date, whole);
        }
      else
        entry->subtitle = g_strdup (date);
      entry->amount = signed_amount (part, -1, self->currency);
      entry->cancelled = g_date_valid (&payment->cancelled_on);
      if (entry->cancelled)
        {
          /* Once, clearly: struck through, and why (not a second row adding it back). */
          g_autofree char *paid = g_steal_pointer (&entry->subtitle);
          g_autofree char *cancelled_on = factures_date_format_fr (&payment->cancelled_on);

          if (payment->cancel_reason != NULL && *payment->cancel_reason != '\0')
            /* Translators: "08/04/2026 — cancelled on 10/04/2026: Bounced cheque" */
            entry->subtitle = g_strdup_printf (_("%s — cancelled on %s: %s"), paid, cancelled_on,
                                               payment->cancel_reason);
          else
            /* Translators: "08/04/2026 — cancelled on 10/04/2026" */
            entry->subtitle = g_strdup_printf (_("%s — cancelled on %s"), paid, cancelled_on);
        }
      g_ptr_array_add (entries, entry);
    }
}

static void
add_credit_notes (FacturesPaymentsPanel *self,
                  GPtrArray             *entries,
                  guint                 *order)
{
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (GError) error = NULL;

  notes = factures_store_list_credit_notes (self->store, self->document_id, &error);
  if (notes == NULL)
    {
      g_warning ("credit notes of document %" G_GINT64_FORMAT ": %s", self->document_id, error->message);
      return;
    }
  for (guint i = 0; i < notes->len; i++)
    {
      const FacturesDocumentRef *ref = g_ptr_array_index (notes, i);
      Entry *entry = entry_new (&ref->issue_date, (*order)++);

      /* Translators: %s is the number of a credit note */
      entry->title = g_strdup_printf (_("Credit note %s"), ref->number != NULL ? ref->number : "");
      entry->subtitle = factures_date_format_fr (&ref->issue_date);
      entry->amount = signed_amount (ref->amount, -1, self->currency);
      g_ptr_array_add (entries, entry);
    }
}

void
factures_payments_panel_reload (FacturesPaymentsPanel *self)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr (GError) error = NULL;
  FacturesBalance balance = { 0, };
  g_autofree char *balance_text = NULL;
  GtkWidget *child;
  guint order = 0;
  Entry *due;

  g_return_if_fail (FACTURES_IS_PAYMENTS_PANEL (self));

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  if (self->store == NULL || self->document_id == 0)
    return;

  if (!factures_store_get_payment_balance (self->store, self->document_id, &balance, &error))
    {
      g_warning ("balance of document %" G_GINT64_FORMAT ": %s", self->document_id, error->message);
      return;
    }
  self->balance = balance.balance;

  add_payments (self, entries, &order);
  add_credit_notes (self, entries, &order);
  g_ptr_array_sort (entries, entry_compare);

  due = entry_new (NULL, 0);
  due->title = g_strdup (_("Amount due"));
  due->amount = factures_currency_format (balance.amount_due, self->currency);
  gtk_list_box_append (GTK_LIST_BOX (self->list), entry_row (due));
  entry_free (due);

  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), entry_row (g_ptr_array_index (entries, i)));

  balance_text = factures_currency_format (balance.balance, self->currency);
  gtk_label_set_text (GTK_LABEL (self->balance_label), balance_text);
  if (balance.balance <= 0 && g_date_valid (&balance.paid_date))
    {
      g_autofree char *paid = factures_date_format_fr (&balance.paid_date);
      /* Translators: %s is the day the invoice was paid in full */
      g_autofree char *subtitle = g_strdup_printf (_("Paid in full on %s"), paid);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->balance_row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->balance_row), "");
  gtk_widget_set_visible (self->record_button, balance.balance > 0);
}

void
factures_payments_panel_set_document (FacturesPaymentsPanel *self,
                                      FacturesStore         *store,
                                      gint64                 document_id)
{
  g_return_if_fail (FACTURES_IS_PAYMENTS_PANEL (self));
  g_return_if_fail (FACTURES_IS_STORE (store));

  g_set_object (&self->store, store);
  self->document_id = document_id;
  g_clear_pointer (&self->currency, g_free);
  {
    g_autoptr (FacturesDocument) document = factures_store_get_document (store, document_id, NULL);

    if (document != NULL)
      self->currency = g_strdup (document->currency);
  }
  factures_payments_panel_reload (self);
}

gint64
factures_payments_panel_get_balance (FacturesPaymentsPanel *self)
{
  g_return_val_if_fail (FACTURES_IS_PAYMENTS_PANEL (self), 0);

  return self->balance;
}

static void
factures_payments_panel_dispose (GObject *object)
{
  FacturesPaymentsPanel *self = FACTURES_PAYMENTS_PANEL (object);

  /* AdwBin unparents its child itself: take it out first, then drop the template's pointers. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_PAYMENTS_PANEL);
  g_clear_object (&self->store);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (factures_payments_panel_parent_class)->dispose (object);
}

static void
factures_payments_panel_class_init (FacturesPaymentsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_payments_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/documents/factures-payments-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesPaymentsPanel, group);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaymentsPanel, record_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaymentsPanel, list);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaymentsPanel, balance_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaymentsPanel, balance_label);
}

static void
factures_payments_panel_init (FacturesPaymentsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
