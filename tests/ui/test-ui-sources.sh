#!/bin/sh
# test-ui-sources.sh SRC_UI — issue 11, item 1: every window, page, dialog and row of
# src/ui is a widget class with its template; no g_object_set_data holds state.
#
#  - no AdwMessageDialog assembled in code: notices are FacturesMessageDialog, questions
#    FacturesConfirmDialog (src/ui/common), dialogs with fields their own template class;
#  - no list row, action row or button built from parts in code (rows are classes:
#    FacturesInfoRow, FacturesClientChoice, FacturesDocumentLineRow, FacturesPaymentRow…);
#  - no g_object_set_data / g_object_set_data_full (state lives in instance structs).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
src=${1:?usage: test-ui-sources.sh SRC_UI}
status=0

check () {
  what=$1
  pattern=$2
  found=$(cd "$src" && grep -rnE "$pattern" --include='*.c' .)
  if [ -n "$found" ]; then
    printf 'FAIL: %s:\n%s\n' "$what" "$found"
    status=1
  else
    printf 'ok: %s\n' "$what"
  fi
}

check "message dialogs assembled in code" 'adw_message_dialog_new *\('
check "rows and buttons built in code" '(gtk_list_box_row_new|adw_action_row_new|adw_entry_row_new|adw_combo_row_new|adw_expander_row_new|gtk_button_new|gtk_button_new_with_mnemonic|gtk_button_new_with_label|gtk_check_button_new) *\('
check "state hung on objects" 'g_object_set_data(_full)? *\('
exit $status
