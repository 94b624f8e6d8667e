// Sharing with partners (DESIGN.md §6-7): partners, consents, the field-by-field preview, signed
// and encrypted packages, pseudonyms and the disclosure register. Nothing leaves the vault except
// through policies/sharing.json, which is read fresh for every preview and export (an invalid file
// stops exactly that operation: kPolicyInvalid naming file, place and reason).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "policies/routing_policy.hpp"
#include "policies/sharing_policy.hpp"
#include "service/session.hpp"
#include "vault/consent_store.hpp"
#include "vault/disclosure_register.hpp"
#include "vault/partner_store.hpp"

namespace mk::service {

Result<policies::SharingPolicy> load_sharing(Session& s);
// Needs the sharing policy (partner/purpose targets) and the indicator catalogue (codes).
Result<policies::RoutingPolicy> load_routing(Session& s);

// --- partners ----------------------------------------------------------------------------------
// The partner's id must be a partner of sharing.json, its kind the kind written there, its
// purposes purposes of that partner there, its age recipient a valid "age1..." key
// (kInvalidInput naming what is wrong).
Status add_partner(Session& s, const vault::Partner& partner);
Result<std::vector<vault::Partner>> list_partners(Session& s);
Result<vault::Partner> show_partner(Session& s, const std::string& id);
Status remove_partner(Session& s, const std::string& id);

// A new age identity for a partner that has no age tooling: the identity file text
// ("# created: ...\n# public key: age1...\nAGE-SECRET-KEY-1...\n", as age-keygen writes it) is
// written to `out` (mode 0600, never replacing a file); returns the recipient "age1...".
// Writes nothing to the vault.
Result<std::string> partner_keygen(const std::filesystem::path& out, const Clock& clock);

// --- consents ----------------------------------------------------------------------------------
// The partner and purpose must exist in sharing.json (kInvalidInput otherwise).
Result<std::string> record_consent(Session& s, const std::string& person_id,
                                   const std::string& partner, const std::string& purpose,
                                   policies::ConsentSigner signer, const Date& given);
Status withdraw_consent(Session& s, const std::string& consent_id, const Date& withdrawn);
Result<std::vector<vault::Consent>> list_consents(Session& s, const std::string& person_id);

// --- preview and export --------------------------------------------------------------------------
// What to share: one case (with its signals and persons) or one person.
struct ShareTarget {
  std::optional<std::string> case_id;
  std::optional<std::string> person_id;
};

struct FieldLine {
  std::string field;  // "name", "signal.narrative" ...
  std::string fate;   // "include", "pseudonymise", "generalise", "withhold"
  std::string why;    // the rule: "sharing.json shop/care_referral role victim" or the reason
};

struct PersonPreview {
  std::string person_id;
  std::string role;
  std::string pseudonym;  // this partner's code for the person
  bool shared = false;    // false: the whole person is withheld (role not shared)
  std::string withheld_reason;
  std::vector<FieldLine> fields;
};

struct SharePreview {
  std::string partner;
  std::string partner_name;
  std::string purpose;
  std::string legal_basis;
  std::string legal_basis_reference;
  std::string policy_hash;
  std::vector<FieldLine> record_fields;  // case and signal fields
  std::vector<PersonPreview> persons;
  std::size_t record_count = 0;  // records the package would hold
};

// What is in scope: a case with its signals and every person named in the case or its signals
// (reporters included); a person alone goes without records.
//
// The field-by-field preview: fates and rules, never values. It decrypts only what the rules need:
// the persons' dates of birth when the purpose refuses minors or needs consent (the minors and
// consent rules turn on age); those reads are audited by the store ("person.read"), as every
// decrypting read is. kDisclosureRefused, with the reason in words (rules and record ids, never
// personal data), when: the partner or purpose is not in sharing.json (no basis); the partner is
// not registered in the vault, not for this purpose, or under another kind; any person in scope is
// restricted, lacks the consent the purpose requires (or it was withdrawn), or is a minor the
// purpose refuses; or nothing would be sent (a person alone whose role is not shared). A refusal is
// committed with an audit entry "share.preview" (object: the case or person, detail
// "partner=..;purpose=..", result "disclosure_refused"). Persons whose role the purpose does not
// share are withheld whole (not a refusal). kNotFound for a missing case or person; kInvalidInput
// for a target naming neither or both; kForbidden for the compliance role (audited).
Result<SharePreview> preview_share(Session& s, const std::string& partner,
                                   const std::string& purpose, const ShareTarget& target);

struct ShareReceipt {
  std::string disclosure_id;
  std::filesystem::path package;    // `out`
  std::filesystem::path signature;  // `out` + ".minisig"
  std::string sha256;
  std::size_t record_count = 0;
};

// Everything preview_share checks (a refusal is audited as "share.export"), then: decrypts what
// goes, builds manifest, records and summary (docs/formats/package.md;
// service/package_contents.hpp), seals the package to the partner's recipient, signs it with the
// municipality's key, records the disclosure (register + audit), writes `out` and `out.minisig`
// (mode 0600; kConflict when either exists, checked before anything is read) and commits, all in
// one unit of work: files and register entry exist together or not at all (a failed recording
// writes no file; a failed commit removes the files). The files are written under hidden names
// beside `out` and take their names only once the entry committed, so even a crash never leaves a
// package at `out` without its entry; a crash in between leaves a hidden ".<name>.*.partial" file
// that no entry names (delete it), or, after the commit, an entry whose files kept those names.
// One instant (the unit of work's) is the manifest's "created", the signature's timestamp, the
// archive's mtime and the register's time. The sender's name is sender_municipality(). Requires
// the field keys (kForbidden, audited).
Result<ShareReceipt> export_share(Session& s, const std::string& partner,
                                  const std::string& purpose, const ShareTarget& target,
                                  const std::filesystem::path& out);

// --- pseudonyms, register, signing key
// ------------------------------------------------------------ The person behind a partner's
// pseudonym (typed forgivingly; a bad check character is kInvalidInput). kNotFound when no person
// has it (for example, shredded). Audited.
Result<std::string> resolve_pseudonym(Session& s, const std::string& partner,
                                      const std::string& code);

Result<std::vector<vault::Disclosure>> list_disclosures(Session& s);  // every role

// The municipality's public package-signing key in minisign's format, written to `out` (mode
// 0644, never replacing a file). kForbidden for the compliance role (it does not hold the key).
Status export_signing_key(Session& s, const std::filesystem::path& out);

// --- routing -------------------------------------------------------------------------------------
// Suggestions for a signal or a case (its signals' forms and indicators, its persons' roles, the
// minor flag). Every role.
Result<std::vector<policies::RoutingSuggestion>> routing_for_signal(Session& s,
                                                                    const std::string& id);
Result<std::vector<policies::RoutingSuggestion>> routing_for_case(Session& s,
                                                                  const std::string& id);

}  // namespace mk::service
