/* factures-close-prompt.h — "Save the Draft?" when an editor with unsaved changes closes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_CLOSE_PROMPT (factures_close_prompt_get_type ())
G_DECLARE_FINAL_TYPE (FacturesClosePrompt, factures_close_prompt, FACTURES, CLOSE_PROMPT,
                      AdwMessageDialog)

/* Responses "cancel" (also Escape), "discard" and "save" (default). */
FacturesClosePrompt *factures_close_prompt_new (GtkWindow *parent);

G_END_DECLS
