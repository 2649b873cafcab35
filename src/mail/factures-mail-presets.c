/* factures-mail-presets.c — SMTP settings of the providers French freelancers use most
 *
 * Each preset cites the page its host, port and security come from. Where only a
 * secondary source (a third-party guide) was found, the preset is marked to_check
 * ("à vérifier" in the app and in help/C/mail.page). Sources consulted in
 * November 2026.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "factures-mail-presets.h"

static const FacturesMailPreset presets[] = {
  /* Gmail: smtp.gmail.com 587 STARTTLS or 465 TLS; app password (2-Step Verification),
   * "less secure apps" (plain account password) retired by Google in 2022.
   * Google's app-password page: https://support.google.com/accounts/answer/185833
   * (as linked by https://raw.githubusercontent.com/deltachat/provider-db/master/_providers/gmail.md,
   * checked 2024-08: smtp.gmail.com 465 SSL). Host/ports (secondary):
   * https://inboxtooling.com/blog/gmail-smtp-settings and https://cli.nylas.com/guides/gmail-smtp-settings */
  { "gmail", "Gmail", "smtp.gmail.com", 587, FACTURES_MAIL_SECURITY_STARTTLS,
    N_("Google no longer accepts your account password here (“less secure apps” were "
       "retired in 2022): turn on 2-Step Verification, then create an app password in your "
       "Google Account (Security → App passwords) and type it as the password."),
    "https://support.google.com/accounts/answer/185833", TRUE },
  /* Outlook.com / Microsoft 365: smtp.office365.com 587 STARTTLS. Microsoft is retiring
   * Basic authentication (user name + password) for SMTP AUTH client submission: after
   * the retirement the server answers "550 5.7.30 Basic authentication is not supported
   * for Client Submission" and only OAuth is accepted.
   * Source: https://techcommunity.microsoft.com/blog/exchange/exchange-online-to-retire-basic-auth-for-client-submission-smtp-auth/4114750
   * (as quoted in https://github.com/OpenCTI-Platform/opencti/issues/12069) */
  { "outlook", "Outlook / Microsoft 365", "smtp.office365.com", 587, FACTURES_MAIL_SECURITY_STARTTLS,
    N_("Microsoft is retiring passwords (Basic authentication) for sending through "
       "smtp.office365.com: once retired for your account, the server refuses every "
       "password and Factures, which sends with a password, cannot use it. Use another "
       "sending address (your Internet provider’s or your domain host’s), or a relay "
       "service of your provider that accepts passwords."),
    "https://techcommunity.microsoft.com/blog/exchange/exchange-online-to-retire-basic-auth-for-client-submission-smtp-auth/4114750",
    FALSE },
  /* Orange: smtp.orange.fr 465 implicit TLS, full address and Orange mail password.
   * Source (secondary): https://wiki.drouard.eu/_export/raw/pub_zone/linux/mail_orange */
  { "orange", "Orange", "smtp.orange.fr", 465, FACTURES_MAIL_SECURITY_TLS,
    N_("User name: your full @orange.fr address; password: your Orange mail password."),
    "https://wiki.drouard.eu/_export/raw/pub_zone/linux/mail_orange", TRUE },
  /* Free: smtp.free.fr 465 implicit TLS, authenticated with the Free mail login.
   * Source (secondary): https://elearn.univ-pau.fr/mod/book/view.php?chapterid=11208&id=394953
   * (names smtp.free.fr; port and security from common configuration guides) */
  { "free", "Free", "smtp.free.fr", 465, FACTURES_MAIL_SECURITY_TLS,
    N_("User name: your Free mail login (the part before @free.fr); password: your mail password."),
    "https://elearn.univ-pau.fr/mod/book/view.php?chapterid=11208&id=394953", TRUE },
  /* SFR: smtp.sfr.fr 465 implicit TLS. No provider page found in the sources consulted.
   * Source (secondary): https://bentonow.com/smtp-errors/sfr (infrastructure) */
  { "sfr", "SFR", "smtp.sfr.fr", 465, FACTURES_MAIL_SECURITY_TLS,
    N_("User name: your full @sfr.fr address; password: your SFR mail password."),
    "https://bentonow.com/smtp-errors/sfr", TRUE },
  /* La Poste: smtp.laposte.net 465 implicit TLS. Password rules (12 characters) from
   * https://aide.laposte.net/contents/pourquoi-mon-adresse-a-t-elle-ete-gelee-et-que-dois-je-faire-pour-la-reactiver
   * host and port from common configuration guides only. */
  { "laposte", "La Poste (laposte.net)", "smtp.laposte.net", 465, FACTURES_MAIL_SECURITY_TLS,
    N_("User name: your full @laposte.net address. A box unused for 4 months is frozen: "
       "log in to the webmail once to reactivate it."),
    "https://aide.laposte.net/contents/pourquoi-mon-adresse-a-t-elle-ete-gelee-et-que-dois-je-faire-pour-la-reactiver",
    TRUE },
  /* OVHcloud (MX Plan, E-mail Pro): ssl0.ovh.net 465 implicit TLS (587 STARTTLS also);
   * the certificate is for ssl0.ovh.net, so the alias smtp.<your domain> fails the check.
   * Source (OVH's own guide, old): http://gids.ovh.nl/EmailSmtpPop3Imap ;
   * 587: https://www.quai-des-entrepreneurs.com/ovh-mail (secondary) */
  { "ovh", "OVHcloud", "ssl0.ovh.net", 465, FACTURES_MAIL_SECURITY_TLS,
    N_("User name: your full address. Type ssl0.ovh.net, not smtp.your-domain: the "
       "certificate is only valid for ssl0.ovh.net. Exchange accounts use another server "
       "shown in the OVHcloud control panel."),
    "http://gids.ovh.nl/EmailSmtpPop3Imap", TRUE },
  /* Gandi: mail.gandi.net 465 implicit TLS (587 STARTTLS also), sending only from the
   * Gandi domain. Source (Gandi's old wiki): https://oldwiki.gandi.net/en/mail/standard-settings.html
   * and http://www.gandibar.net/post/2010/03/12/Gandi-Mail-Enhanced-Security-Measures */
  { "gandi", "Gandi", "mail.gandi.net", 465, FACTURES_MAIL_SECURITY_TLS,
    N_("User name: your full address. Gandi only sends from addresses of your Gandi domain."),
    "https://oldwiki.gandi.net/en/mail/standard-settings.html", TRUE },
  /* Infomaniak: mail.infomaniak.com 465 SSL/TLS (587 supported, not recommended).
   * Source: https://infomaniak.com/en/support/faq/admin2/email-service?i=2 */
  { "infomaniak", "Infomaniak", "mail.infomaniak.com", 465, FACTURES_MAIL_SECURITY_TLS,
    N_("User name: your full address; password: the address’s own password, not the one "
       "of your Infomaniak account."),
    "https://infomaniak.com/en/support/faq/admin2/email-service?i=2", FALSE },
  /* iCloud: smtp.mail.me.com 587 STARTTLS, app-specific password required.
   * Apple's page "iCloud Mail server settings": https://support.apple.com/en-us/102525
   * (as quoted by https://developer.nylas.com/docs/cookbook/email/icloud-mail-api/ ; also
   * https://github.com/chatmail/provider-db/blob/master/_providers/icloud.md, checked 2024-10:
   * smtp.mail.me.com 587 STARTTLS) and https://www.lifewire.com/what-are-icloud-mail-imap-settings-1170502 */
  { "icloud", "iCloud", "smtp.mail.me.com", 587, FACTURES_MAIL_SECURITY_STARTTLS,
    N_("Apple requires an app-specific password: turn on two-factor authentication, then "
       "create one at appleid.apple.com (Sign-In and Security → App-Specific Passwords). "
       "User name: your full @icloud.com address."),
    "https://support.apple.com/en-us/102525", TRUE },
  /* Yahoo: smtp.mail.yahoo.com 465 TLS (or 587 STARTTLS); app password required.
   * Source (secondary): https://xenocept.com/docs/email-setup/yahoo.html */
  { "yahoo", "Yahoo", "smtp.mail.yahoo.com", 465, FACTURES_MAIL_SECURITY_TLS,
    N_("Yahoo refuses your account password here: create an app password in Account "
       "Security → Generate app password, and type it as the password."),
    "https://xenocept.com/docs/email-setup/yahoo.html", TRUE },
};

const FacturesMailPreset *
factures_mail_presets (guint *n_presets)
{
  if (n_presets != NULL)
    *n_presets = G_N_ELEMENTS (presets);
  return presets;
}

const FacturesMailPreset *
factures_mail_preset_find (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (presets); i++)
    if (strcmp (presets[i].id, id) == 0)
      return &presets[i];
  return NULL;
}

void
factures_mail_preset_apply (const FacturesMailPreset *preset,
                            FacturesMailAccount      *account)
{
  g_return_if_fail (preset != NULL && account != NULL);
  g_free (account->server);
  account->server = g_strdup (preset->host);
  account->port = preset->port;
  account->security = preset->security;
  g_free (account->preset);
  account->preset = g_strdup (preset->id);
}
