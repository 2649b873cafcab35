/* placeholder — being written by the UI shell helper */
#include "config.h"
#include "factures-application.h"

struct _FacturesApplication { AdwApplication parent_instance; };
G_DEFINE_FINAL_TYPE (FacturesApplication, factures_application, ADW_TYPE_APPLICATION)
static void factures_application_class_init (FacturesApplicationClass *klass) { }
static void factures_application_init (FacturesApplication *self) { }
FacturesApplication *
factures_application_new (void)
{
  return g_object_new (FACTURES_TYPE_APPLICATION, "application-id", APP_ID, NULL);
}
