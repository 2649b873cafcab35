/* factures-issue-dialog.h — "Issue This Invoice?", or every reason why it cannot be issued yet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_ISSUE_DIALOG (factures_issue_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FacturesIssueDialog, factures_issue_dialog, FACTURES, ISSUE_DIALOG,
                      AdwMessageDialog)

/* The confirmation: responses "cancel" (default) and "issue". @body says what issuing does. */
FacturesIssueDialog *factures_issue_dialog_new_confirm (GtkWindow  *parent,
                                                        const char *body);
/* The refusal: every message of @problems (element-type utf8) at once, one row each;
 * response "close". */
FacturesIssueDialog *factures_issue_dialog_new_refused (GtkWindow  *parent,
                                                        GPtrArray  *problems);
/* A warning listed in the confirmation, issuing still possible (finding T11). */
void                 factures_issue_dialog_add_warning  (FacturesIssueDialog *self,
                                                         const char          *message);
/* The messages listed (element-type utf8), for tests. */
GPtrArray           *factures_issue_dialog_get_problems (FacturesIssueDialog *self);

G_END_DECLS
