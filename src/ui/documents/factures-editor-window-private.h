/* factures-editor-window-private.h — the editor window's instance struct and the
 * functions its sibling files share (factures-editor-window-actions.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-editor-lines.h"
#include "factures-editor-parties.h"
#include "factures-editor-totals.h"
#include "factures-editor-window.h"
#include "factures-pdf-preview.h"

G_BEGIN_DECLS

struct _FacturesEditorWindow
{
  AdwWindow              parent_instance;

  FacturesStore         *store;
  FacturesDocument      *document;        /* the working copy */
  gboolean               read_only;
  gboolean               dirty;
  gboolean               loading;
  gboolean               close_confirmed;
  guint                  preview_source;
  GtkFileChooserNative  *chooser;

  /* template */
  AdwWindowTitle        *window_title;
  GtkWidget             *save_button;
  GtkWidget             *issue_button;
  GtkWidget             *payment_button;   /* issue 4: issued invoices only */
  GtkWidget             *check_button;     /* issue 6: Factur-X check of an issued document */
  GtkWidget             *delete_button;    /* issue 10: Delete Draft… of a saved draft */
  AdwToastOverlay       *toast_overlay;
  GtkWidget             *read_only_box;
  GtkLabel              *read_only_label;
  GtkWidget             *form;
  FacturesEditorParties *parties;
  FacturesEditorLines   *lines;
  FacturesEditorTotals  *totals;
  GtkTextView           *notes_view;
  GtkLabel              *notes_message;
  FacturesPdfPreview    *preview;
  GtkWidget             *lifecycle_panel;  /* FacturesLifecyclePanel (issue 3) */
};

void              _factures_editor_window_toast               (FacturesEditorWindow  *self,
                                                               const char            *text);
void              _factures_editor_window_show_message        (FacturesEditorWindow  *self,
                                                               const char            *heading,
                                                               const char            *body);
/* A copy fit for the PDF layout: a seller and a buyer even when none is chosen yet. */
FacturesDocument *_factures_editor_window_document_for_output (FacturesEditorWindow  *self);
void              _factures_editor_window_schedule_preview    (FacturesEditorWindow  *self,
                                                               guint                  delay_ms);
void              _factures_editor_window_update_due_date     (FacturesEditorWindow  *self);
gboolean          _factures_editor_window_collect_fields      (FacturesEditorWindow  *self,
                                                               gboolean               reveal,
                                                               gboolean               complete,
                                                               GPtrArray             *problems,
                                                               guint                 *n_rows,
                                                               GError               **error);
/* Checks every field (all messages shown), then saves the working copy. */
gboolean          _factures_editor_window_save_draft          (FacturesEditorWindow  *self,
                                                               gboolean               complete,
                                                               GError               **error);

/* Closes the editor once the dialog that asked has finished its "response" emission. */
void              _factures_editor_window_close_later         (FacturesEditorWindow  *self);
/* The editor object lives until @dialog (transient for it) is finalized. */
void              _factures_editor_window_keep_alive_for      (FacturesEditorWindow  *self,
                                                               gpointer               dialog);

/* The working copy was just saved: not dirty, title and "Delete Draft…" follow. */
void              _factures_editor_window_saved               (FacturesEditorWindow  *self);
/* Shows the working copy in the fields (after loading or issuing). */
void              _factures_editor_window_populate            (FacturesEditorWindow  *self);
/* The live checklist: the missing mentions and the date rules of issuing. @n_rows: lines
 * typed, right or wrong. Defined in factures-editor-window-issue.c. */
void              _factures_editor_window_refresh_checklist   (FacturesEditorWindow  *self,
                                                               guint                  n_rows);
/* Installs editor.issue (factures-editor-window-issue.c). */
void              _factures_editor_window_class_add_issue_action (GtkWidgetClass     *widget_class);

/* Installs the output and follow-up actions of factures-editor-window-actions.c:
 * editor.duplicate, editor.export, editor.print, editor.send-email, editor.make-recurring,
 * editor.record-payment, editor.check-facturx, editor.payment-schedule. */
void              _factures_editor_window_class_add_actions   (GtkWidgetClass        *widget_class);

G_END_DECLS
