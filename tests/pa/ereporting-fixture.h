/* ereporting-fixture.h — the e-reporting period of the tests (issue 15 item 2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store.h"

G_BEGIN_DECLS

/* With FACTURES_TODAY at 2027-11-10 or later, on a store with a profile (franchise, goods and
 * services): private persons Jeanne and Paul, Acme Widgets Ltd (GB, legal id 01234567), a French
 * company; invoices A (Jeanne, 10 Sept. 2027, 100 € services), B (Paul, 10 Sept., 50 € services
 * + 30 € goods), F (the French company, 12 Sept., 70 €), C (Jeanne, 20 Sept., 250 €), D (Acme,
 * 5 Oct., 2 × £400), E (Jeanne, 2 Nov., 100 €); payments A 100 € on 15 Sept., B 80 € on 15
 * Sept., F 70 € on 16 Sept., C 100 € on 2 Oct., D £800 on 20 Oct. (923,45 € credited), C 150 €
 * on 3 Nov. Returns the numbers A, B, F, C, D, E (NULL-terminated); aborts on
 * error. */
GStrv ereporting_fixture_fill (FacturesStore *store);

G_END_DECLS
